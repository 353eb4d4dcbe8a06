// The signer's own link to stop a petition's news, in every news mail: it names the
// signature and proves the server made it, so the store keeps nothing for it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace rempart::signatures {

// "<signature id>-<32 hex digits>": the id, then a keyed hash of it under the server's
// secret. The same signature always gets the same link, so an old mail's link still works.
std::string unsubscribe_token(std::string_view secret, std::int64_t signature_id);

// The signature a token names, when the server's secret made it; nothing for anything
// else (a changed digit, another id, junk). Id 0 is a test mail's, and names no signature.
std::optional<std::int64_t> read_unsubscribe_token(std::string_view secret, std::string_view token);

// The same form for any link that names one row and needs nothing stored: `purpose` keeps
// each kind of link to its own use (a newsletter's leave link confirms nothing).
std::string signed_id_token(std::string_view secret, std::string_view purpose, std::int64_t id);
std::optional<std::int64_t> read_signed_id_token(std::string_view secret, std::string_view purpose,
                                                 std::string_view token);

}  // namespace rempart::signatures
