// Sends a botnet's page-view flood to a running server: an asynchronous client (one
// io_context a thread, many connections) paced open-loop to the target rate, each request
// from the next address in turn, resting after a 429, and optionally passing the gate
// once per /24.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "botnet_plan.hpp"
#include "botnet_report.hpp"

namespace rempart::attack {

// How a bot's address reaches the server.
enum class Via {
    forwarded,  // kept-alive connections from 127.0.0.1, the address in X-Forwarded-For
    bound,      // each address its own connection, bound to that address: no header
};
std::string_view to_string(Via via);
std::optional<Via> parse_via(std::string_view text);

struct BotnetRunOptions {
    std::uint16_t port = 0;
    std::string petition;
    Via via = Via::forwarded;
    unsigned threads = 1;
    unsigned connections = 256;  // requests in flight at once, over all threads
    std::chrono::milliseconds timeout{5000};
    bool solve_gate = false;  // each /24 solves the gate once and shares the cookie
    bool adapt = true;        // an address told 429 rests for its Retry-After
    // Kept-alive bound connections past this are closed after their answer (file handles).
    std::size_t max_open = 12000;
    const std::atomic<bool>* stop = nullptr;
};

BotnetReport run_botnet(const BotnetPlan& plan, const BotnetRunOptions& options);

}  // namespace rempart::attack
