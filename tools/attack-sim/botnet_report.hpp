// What the botnet sent and what it was answered: requests, the rate achieved, answers by
// kind and status, the latencies the bots saw, and the gate as they met it; as JSON and as
// a summary.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <string>

#include "botnet_plan.hpp"
#include "latency_histogram.hpp"

namespace rempart::attack {

// served: 2xx or 304; refused: 429, 403, or 503 without the gate's header (shed); gated:
// 503 with `X-Rempart-Gate`; other: any other status (a 404 while /search is missing);
// error: no answer (refused connection, reset, not HTTP); timeout: no answer in time.
enum class AnswerKind { served, refused, gated, other, error, timeout };
inline constexpr std::size_t answer_kinds = 6;
std::string_view to_string(AnswerKind kind);
AnswerKind classify(unsigned status, bool gate_header, bool timed_out);

// Counts of one part of the run (a thread's share), merged at the end.
struct BotnetCounts {
    std::uint64_t due = 0;        // slots the pacing made due
    std::uint64_t sent = 0;       // page requests written to the server
    std::uint64_t held_back = 0;  // due, but no address was allowed to send (resting, guard)
    std::uint64_t saturated = 0;  // due, but the client had too many waiting: the machine's limit
    std::uint64_t unsent = 0;     // still waiting for a connection when the run ended
    std::array<std::uint64_t, answer_kinds> answers{};
    std::map<unsigned, std::uint64_t> statuses;  // 0: no answer
    std::array<std::map<unsigned, std::uint64_t>, page_kinds> statuses_by_page;
    LatencyHistogram latency;  // from writing the request to its last byte
    LatencyHistogram lag;      // from when the pacing made it due to when it was written
    std::uint64_t rests = 0;   // 429s an address rested after
    std::uint64_t connections_opened = 0;
    // --solve-gate: one solve per /24, its cookie shared by every address of it.
    std::uint64_t gate_solves = 0;
    std::uint64_t gate_passes = 0;  // 303 with a clearance cookie
    std::uint64_t gate_failures = 0;
    // What the two steps of a pass were answered (a challenge refused by a limit, a payload
    // refused...); 0: no answer, or the step not reached.
    std::map<unsigned, std::uint64_t> gate_challenge_statuses, gate_pass_statuses;
    std::uint64_t with_clearance = 0;   // page requests that carried a cookie
    std::uint64_t busiest_address = 0;  // requests sent by the address that sent most

    void merge(const BotnetCounts& other);
};

struct BotnetReport {
    BotnetOptions options;
    std::string via;  // "xff" or "bind"
    bool solve_gate = false;
    bool adapt = true;
    unsigned threads = 1;
    unsigned connections = 0;
    std::size_t addresses = 0;
    std::size_t networks = 0;
    std::size_t ases = 0;
    std::size_t main_as_addresses = 0;
    std::int64_t started_ms = 0;  // Unix milliseconds
    double elapsed_s = 0;
    BotnetCounts counts;

    double sent_rate() const { return elapsed_s > 0 ? counts.sent / elapsed_s : 0; }
};

std::string to_json(const BotnetReport& report);
std::string summary(const BotnetReport& report);

}  // namespace rempart::attack
