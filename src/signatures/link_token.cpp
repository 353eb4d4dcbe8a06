// Confirmation links: a random token for the mail, and the only form the store keeps.
#include "signatures/link_token.hpp"

#include <sodium.h>

#include <algorithm>
#include <cctype>

#include "core/random.hpp"
#include "core/text.hpp"

namespace rempart::signatures {
namespace {

constexpr std::size_t token_bytes = 32;
constexpr std::size_t token_chars = 43;  // base64 without padding of 32 bytes

}  // namespace

std::string new_link_token() {
    return random_token(token_bytes);
}

std::string link_token_hash(std::string_view token) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(token.data()), token.size());
    return to_hex(digest, sizeof digest);
}

bool looks_like_link_token(std::string_view text) {
    return text.size() == token_chars && std::all_of(text.begin(), text.end(), [](char c) {
               return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
           });
}

std::string keyed_hash(std::string_view secret, std::string_view purpose, std::string_view text) {
    // HMAC-SHA-256 over "purpose\0text": a name and a comment with the same words differ.
    crypto_auth_hmacsha256_state state;
    crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(secret.data()),
                                secret.size());
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(purpose.data()),
                                  purpose.size());
    const unsigned char separator = 0;
    crypto_auth_hmacsha256_update(&state, &separator, 1);
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(text.data()),
                                  text.size());
    unsigned char mac[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256_final(&state, mac);
    return to_hex(mac, 16);  // 128 bits tell equal texts apart well enough
}

}  // namespace rempart::signatures
