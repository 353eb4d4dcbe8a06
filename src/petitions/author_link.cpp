// Author links: an id and a keyed hash, checked against the nonce the store keeps.
#include "petitions/author_link.hpp"

#include <charconv>

#include "core/random.hpp"
#include "signatures/link_token.hpp"

namespace rempart {
namespace {

constexpr std::string_view purpose = "author_link";
constexpr std::string_view support_purpose = "support_link";
constexpr std::size_t longest_id = 19;  // digits of the largest int64

std::string mac_of(std::string_view secret, std::int64_t petition_id, std::string_view nonce) {
    return signatures::keyed_hash(secret, purpose,
                                  std::to_string(petition_id) + ":" + std::string(nonce));
}

}  // namespace

std::string author_link_token(std::string_view secret, std::int64_t petition_id,
                              std::string_view nonce) {
    return std::to_string(petition_id) + "-" + mac_of(secret, petition_id, nonce);
}

std::optional<std::int64_t> author_link_id(std::string_view token) {
    const auto dash = token.find('-');
    if (dash == std::string_view::npos || dash == 0 || dash > longest_id) return std::nullopt;
    const auto id_text = token.substr(0, dash);
    std::int64_t id = 0;
    const auto [end, err] = std::from_chars(id_text.data(), id_text.data() + id_text.size(), id);
    // "007" would name petition 7 by a second token: only the canonical form.
    if (err != std::errc() || end != id_text.data() + id_text.size() || id <= 0 ||
        std::to_string(id) != id_text)
        return std::nullopt;
    return id;
}

namespace {

// Every character compared whatever the first difference, so that timing tells nothing.
bool same_link(std::string_view expected, std::string_view token) {
    if (expected.size() != token.size()) return false;
    unsigned char differs = 0;
    for (std::size_t i = 0; i < expected.size(); ++i)
        differs |= static_cast<unsigned char>(expected[i] ^ token[i]);
    return differs == 0;
}

}  // namespace

bool author_link_matches(std::string_view secret, std::string_view token, std::int64_t petition_id,
                         std::string_view nonce) {
    if (nonce.empty()) return false;
    return same_link(author_link_token(secret, petition_id, nonce), token);
}

std::string support_link_token(std::string_view secret, std::int64_t petition_id) {
    return std::to_string(petition_id) + "-" +
           signatures::keyed_hash(secret, support_purpose, std::to_string(petition_id));
}

bool support_link_matches(std::string_view secret, std::string_view token,
                          std::int64_t petition_id) {
    return same_link(support_link_token(secret, petition_id), token);
}

std::string new_author_link_nonce() {
    return random_token(18);
}

}  // namespace rempart
