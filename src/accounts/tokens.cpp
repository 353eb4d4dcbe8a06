// Back-office session and CSRF tokens.
#include "accounts/tokens.hpp"

#include <sodium.h>

#include <algorithm>
#include <cctype>

#include "core/random.hpp"

namespace rempart::accounts {

std::string new_session_token() {
    return random_token(32);
}

std::string session_token_hash(std::string_view token) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(token.data()), token.size());
    std::string hex(sizeof digest * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), digest, sizeof digest);
    hex.pop_back();
    return hex;
}

bool looks_like_session_token(std::string_view text) {
    return text.size() == 43 && std::all_of(text.begin(), text.end(), [](char c) {
               return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
           });
}

std::string new_csrf_token() {
    return random_token(32);
}

bool csrf_token_matches(std::string_view expected, std::string_view given) {
    // The length of a token is no secret; its bytes are.
    if (expected.empty() || expected.size() != given.size()) return false;
    return sodium_memcmp(expected.data(), given.data(), expected.size()) == 0;
}

}  // namespace rempart::accounts
