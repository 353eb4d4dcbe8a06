// Confirmation links: a random token for the mail, and the only form the store keeps.
#include "signatures/link_token.hpp"

#include <sodium.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>

#include "core/random.hpp"
#include "core/text.hpp"

namespace rempart::signatures {
namespace {

constexpr std::size_t time_chars = 12;  // milliseconds since 1970 in hex: until year 10889
constexpr std::size_t random_bytes = 24;
constexpr std::size_t random_chars = 32;  // base64 without padding of 24 bytes
// Links mailed before the time came first: 32 random bytes, 43 characters.
constexpr std::size_t older_token_chars = 43;

bool is_base64url(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
}

bool is_lower_hex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
}

bool is_timed(std::string_view token) {
    return token.size() == time_chars + random_chars &&
           std::all_of(token.begin(), token.begin() + time_chars, is_lower_hex) &&
           std::all_of(token.begin() + time_chars, token.end(), is_base64url);
}

}  // namespace

std::string new_link_token() {
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                        std::chrono::system_clock::now().time_since_epoch())
                        .count();
    char time[time_chars + 1];
    std::snprintf(time, sizeof time, "%012llx", static_cast<unsigned long long>(ms));
    return time + random_token(random_bytes);
}

std::string link_token_hash(std::string_view token) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(token.data()), token.size());
    // The token's time leads its key, so each new key goes at the end of the index: a
    // random key made every signature rewrite a page somewhere inside it, and the rows of a
    // signature went in at half the rate.
    const auto prefix = is_timed(token) ? token.substr(0, time_chars) : std::string_view();
    return std::string(prefix) + to_hex(digest, sizeof digest);
}

bool looks_like_link_token(std::string_view text) {
    return is_timed(text) || (text.size() == older_token_chars &&
                              std::all_of(text.begin(), text.end(), is_base64url));
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
