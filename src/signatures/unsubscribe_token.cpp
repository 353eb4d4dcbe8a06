// The signer's own link to stop a petition's news.
#include "signatures/unsubscribe_token.hpp"

#include <sodium.h>

#include <charconv>

#include "signatures/link_token.hpp"

namespace rempart::signatures {
namespace {

constexpr std::string_view purpose = "unsubscribe";
constexpr std::size_t mac_chars = 32;
constexpr std::size_t longest_id = 19;  // digits of the largest int64

}  // namespace

std::string unsubscribe_token(std::string_view secret, std::int64_t signature_id) {
    return signed_id_token(secret, purpose, signature_id);
}

std::optional<std::int64_t> read_unsubscribe_token(std::string_view secret,
                                                   std::string_view token) {
    return read_signed_id_token(secret, purpose, token);
}

std::string signed_id_token(std::string_view secret, std::string_view purpose, std::int64_t id) {
    const auto text = std::to_string(id);
    return text + "-" + keyed_hash(secret, purpose, text);
}

std::optional<std::int64_t> read_signed_id_token(std::string_view secret, std::string_view purpose,
                                                 std::string_view token) {
    const auto dash = token.find('-');
    if (dash == std::string_view::npos || dash == 0 || dash > longest_id) return std::nullopt;
    const auto id_text = token.substr(0, dash);
    const auto mac = token.substr(dash + 1);
    if (mac.size() != mac_chars) return std::nullopt;
    std::int64_t id = 0;
    const auto [end, err] = std::from_chars(id_text.data(), id_text.data() + id_text.size(), id);
    // "007" or "+7" would name signature 7 by a second token: only the canonical form.
    if (err != std::errc() || end != id_text.data() + id_text.size() || id < 0 ||
        std::to_string(id) != id_text)
        return std::nullopt;
    const auto expected = keyed_hash(secret, purpose, id_text);
    if (sodium_memcmp(expected.data(), mac.data(), mac_chars) != 0) return std::nullopt;
    return id;
}

}  // namespace rempart::signatures
