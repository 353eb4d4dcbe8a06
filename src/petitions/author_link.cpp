// Author links: an id and a keyed hash, checked against the nonce the store keeps.
#include "petitions/author_link.hpp"

#include <charconv>

#include "core/random.hpp"
#include "signatures/link_token.hpp"

namespace rempart {
namespace {

constexpr std::string_view purpose = "author_link";
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

bool author_link_matches(std::string_view secret, std::string_view token, std::int64_t petition_id,
                         std::string_view nonce) {
    if (nonce.empty()) return false;
    const auto expected = author_link_token(secret, petition_id, nonce);
    if (expected.size() != token.size()) return false;
    // Every character compared whatever the first difference, so that timing tells nothing.
    unsigned char differs = 0;
    for (std::size_t i = 0; i < expected.size(); ++i)
        differs |= static_cast<unsigned char>(expected[i] ^ token[i]);
    return differs == 0;
}

std::string new_author_link_nonce() {
    return random_token(18);
}

}  // namespace rempart
