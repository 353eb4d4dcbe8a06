// Limits on what one client may cost the server ([limits]); each is checked one step past in
// the tests.
#pragma once

#include <chrono>
#include <cstddef>

namespace rempart::net {

struct Limits {
    std::size_t header_bytes = 8 * 1024;             // 431 past this
    std::size_t body_bytes = 64 * 1024;              // 413 past this
    std::chrono::seconds header_timeout{10};         // the whole header must arrive in time
    std::chrono::seconds body_timeout{20};           // the whole body must arrive in time
    std::chrono::seconds idle_timeout{30};           // keep-alive wait for the next request
    std::chrono::seconds write_timeout{30};          // a client that does not read is cut
    std::size_t max_connections = 10000;             // over all clients; 503 past this
    std::size_t max_connections_per_ip = 64;         // 429 past this
    std::size_t max_requests_per_connection = 1000;  // then Connection: close
    // The kernel's send buffer for each connection (0: its own autotuning, up to MiBs). A
    // client that reads slowly then stalls our write, and the write timeout cuts it, rather
    // than pinning the whole answer in kernel memory.
    std::size_t send_buffer_bytes = 256 * 1024;
};

}  // namespace rempart::net
