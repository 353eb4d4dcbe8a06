// [retention] applied: every rule in short batches, now and then while the server runs, or
// at once from the command line (`rempart retention`, which may name the moment to apply
// them at, for scripts and tests).
#pragma once

#include <boost/asio/awaitable.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "signatures/retention.hpp"
#include "store/store.hpp"

namespace rempart::app {

// What one pass changed, by rule.
struct RetentionTally {
    std::int64_t erased = 0;       // unconfirmed signatures
    std::int64_t anonymised = 0;   // signatures of closed petitions
    std::int64_t proposals = 0;    // proposals whose author and supporters were erased
    std::int64_t addresses = 0;    // rows whose address became its network
    std::int64_t events = 0;       // the defence's events and refusals
    std::int64_t mails = 0;        // mails emptied or deleted
    std::int64_t newsletter = 0;   // subscriptions expired or never confirmed
    std::int64_t back_office = 0;  // sessions and audit entries
    bool any() const;
};

// One batch of a rule at a given moment: how many rows it changed or walked; 0 when the
// rule has nothing left for now.
struct RetentionStep {
    std::int64_t RetentionTally::*counts;
    std::function<Result<std::int64_t>(store::Database&)> batch;
};
// The rules at `now`, batches of at most `batch` rows, in the order they run.
std::vector<RetentionStep> retention_steps(const RetentionSettings& settings, std::int64_t now,
                                           std::int64_t batch);

// Every rule to its end at `now`, each batch its own write: the command line's pass.
Result<RetentionTally> apply_retention_now(store::Store& store, const RetentionSettings& settings,
                                           std::int64_t now);

// The pause after a batch that took `batch_took` from asking the writer to its answer (the
// queue's wait included): nine times that, 20 ms at least. The pass then holds the writer a
// tenth of the time at most, and less the busier signing keeps it.
std::chrono::milliseconds retention_pause(std::chrono::steady_clock::duration batch_took);

// At start and then every `every`: a pass, a pause between batches so that signing goes
// first. Logs RETENTION_APPLIED when a pass changed anything.
boost::asio::awaitable<void> run_retention(store::Store& store, RetentionSettings settings,
                                           std::chrono::seconds every);

}  // namespace rempart::app
