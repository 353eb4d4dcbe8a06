// The private link of a proposed petition's author: it names the petition and proves the
// server made it, so that every mail to the author can carry it again, and a new one (a new
// nonce in the store) stops the old ones.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace rempart {

// "<petition id>-<32 hex digits>": the id, then a keyed hash of the id and the nonce the
// store keeps for it, under the server's secret. A copy of the store alone makes no link.
std::string author_link_token(std::string_view secret, std::int64_t petition_id,
                              std::string_view nonce);

// The petition a token claims to name, read before the store is asked (canonical digits
// only); nothing for anything else. Whether it is genuine is author_link_matches's.
std::optional<std::int64_t> author_link_id(std::string_view token);

// Whether `token` is the link of this petition with this nonce, compared in constant time.
bool author_link_matches(std::string_view secret, std::string_view token, std::int64_t petition_id,
                         std::string_view nonce);

// The link an author sends to the supporters a proposal needs before the queue:
// "<petition id>-<keyed hash>", under another purpose than the author's own, so that a
// supporter's link opens nothing of the author's. It names the proposal for good.
std::string support_link_token(std::string_view secret, std::int64_t petition_id);
bool support_link_matches(std::string_view secret, std::string_view token,
                          std::int64_t petition_id);

// A fresh nonce: 18 random bytes, URL-safe base64.
std::string new_author_link_nonce();

}  // namespace rempart
