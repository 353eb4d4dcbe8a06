// Replays a plan against a running server: attempts paced to their offsets by worker
// threads, and confirmation mails read from the Maildir and confirmed when the plan says.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

#include "plan.hpp"
#include "report.hpp"

namespace rempart::attack {

struct ReplayOptions {
    std::uint16_t port = 0;         // the server on 127.0.0.1
    std::string petition;           // its slug
    std::filesystem::path maildir;  // <data_dir>/mail; empty: no confirmations
    unsigned workers = 16;          // attempts in flight at once
    unsigned confirmers = 2;
    double linger_s = 0;  // after the plan's end, time left for confirmations already due
    const std::atomic<bool>* stop = nullptr;  // set from outside to end early
};

Report replay(const Plan& plan, const ReplayOptions& options);

}  // namespace rempart::attack
