// Unpredictable tokens from libsodium, and cheap unique ids for requests.
#pragma once

#include <cstddef>
#include <string>

namespace rempart {

// `bytes` random bytes as URL-safe base64 without padding.
std::string random_token(std::size_t bytes);

// A short id for one request, unique within the process and unlikely to repeat across
// restarts; cheap enough for every request (no system call).
std::string request_id();

}  // namespace rempart
