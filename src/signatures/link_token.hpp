// Confirmation links: a random token for the mail, and the only form the store keeps.
#pragma once

#include <string>
#include <string_view>

namespace rempart::signatures {

// What goes in {base_url}/s/{token}: the time in milliseconds as 12 hex digits, then 24
// random bytes in URL-safe base64 (32 characters).
std::string new_link_token();

// What the store keeps: the token's time, then the hex SHA-256 of the whole token, so that
// a copy of the database (a backup, a leak) confirms and withdraws nothing. A link mailed
// before tokens carried their time (43 characters) keeps its key, the hash alone.
std::string link_token_hash(std::string_view token);

// A token as the router hands it over: 12 hex digits and 32 URL-safe base64 characters,
// or an older link's 43 URL-safe base64 characters; nothing else.
bool looks_like_link_token(std::string_view text);

// A keyed hash for the events: equal inputs give equal keys, and without the server's
// secret a key cannot be turned back into a name by trying a dictionary of names.
std::string keyed_hash(std::string_view secret, std::string_view purpose, std::string_view text);

}  // namespace rempart::signatures
