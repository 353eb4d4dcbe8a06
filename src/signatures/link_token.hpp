// Confirmation links: a random token for the mail, and the only form the store keeps.
#pragma once

#include <string>
#include <string_view>

namespace rempart::signatures {

// 32 random bytes, URL-safe base64: what goes in {base_url}/s/{token}.
std::string new_link_token();

// Hex SHA-256 of the token: what the store keeps, so that a copy of the database (a
// backup, a leak) confirms and withdraws nothing.
std::string link_token_hash(std::string_view token);

// A token as the router hands it over: 43 URL-safe base64 characters, nothing else.
bool looks_like_link_token(std::string_view text);

// A keyed hash for the events: equal inputs give equal keys, and without the server's
// secret a key cannot be turned back into a name by trying a dictionary of names.
std::string keyed_hash(std::string_view secret, std::string_view purpose, std::string_view text);

}  // namespace rempart::signatures
