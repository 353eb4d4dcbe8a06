// Back-office session and CSRF tokens: random for the browser, hashed for the store.
#pragma once

#include <string>
#include <string_view>

namespace rempart::accounts {

// 32 random bytes, URL-safe base64 without padding (43 characters): the session cookie.
std::string new_session_token();
// Hex SHA-256 of the token: all the store keeps, so a copy of the database logs nobody in.
std::string session_token_hash(std::string_view token);
// 43 URL-safe base64 characters, nothing else: anything else is not worth a lookup.
bool looks_like_session_token(std::string_view text);

// A fresh per-session secret, written into every form of that session and checked on
// every POST. It lives in the session's row, so it is bound to that session and dies with it.
std::string new_csrf_token();
// Constant time in the contents (sodium_memcmp); false when either is empty.
bool csrf_token_matches(std::string_view expected, std::string_view given);

}  // namespace rempart::accounts
