// The retention rules, batch after batch, each batch one write.
#include "app/retention.hpp"

#include <spdlog/spdlog.h>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <algorithm>
#include <ctime>

#include "core/log_events.hpp"
#include "core/log_text.hpp"
#include "shield/network.hpp"
#include "store/newsletter_repository.hpp"
#include "store/retention_repository.hpp"

namespace rempart::app {
namespace {

namespace asio = boost::asio;

constexpr std::int64_t batch_rows = 500;
// A pass stops after this many batches, and the next goes on: never a loop without end.
constexpr int batches_at_most = 1'000'000;

// Walks one table's addresses from its kept place, up to the first recorded after the
// cutoff; returns the rows walked.
Result<std::int64_t> walk_addresses(store::Database& db, store::AddressTable table,
                                    std::int64_t before, std::int64_t batch) {
    const auto after = store::address_cursor(db, table);
    const auto rows = store::addresses_after(db, table, after, batch);
    std::vector<std::pair<std::int64_t, std::string>> replaced;
    std::int64_t last = after;
    std::int64_t walked = 0;
    for (const auto& row : rows) {
        if (row.at >= before) break;
        last = row.id;
        ++walked;
        auto network = shield::network_of_address(row.address);
        if (network != row.address) replaced.emplace_back(row.id, std::move(network));
    }
    if (walked == 0) return 0;
    if (auto done = store::replace_addresses(db, table, replaced); !done) return done.error();
    if (auto kept = store::keep_address_cursor(db, table, last); !kept) return kept.error();
    return walked;
}

}  // namespace

bool RetentionTally::any() const {
    return erased + anonymised + proposals + addresses + events + mails + newsletter +
               back_office >
           0;
}

std::vector<RetentionStep> retention_steps(const RetentionSettings& settings, std::int64_t now,
                                           std::int64_t batch) {
    const auto cut = retention_cutoffs(settings, now);
    std::vector<RetentionStep> steps{
        {&RetentionTally::erased,
         [cut, batch](store::Database& db) {
             return store::erase_unconfirmed(db, cut.unconfirmed, batch);
         }},
        {&RetentionTally::anonymised,
         [cut, now, batch](store::Database& db) {
             return store::anonymise_closed(db, cut.closed, now, batch);
         }},
        {&RetentionTally::proposals,
         [cut, batch](store::Database& db) {
             return store::anonymise_proposals(db, cut.closed, cut.unconfirmed, batch);
         }},
        {&RetentionTally::events,
         [cut, batch](store::Database& db) {
             return store::prune_events(db, cut.events, cut.evidence, batch);
         }},
        {&RetentionTally::mails,
         [cut, batch](store::Database& db) { return store::clear_old_mail(db, cut.mail, batch); }},
        {&RetentionTally::newsletter,
         [cut, now, batch](store::Database& db) {
             return store::end_idle_subscriptions(db, cut.newsletter, cut.unconfirmed, now, batch);
         }},
        {&RetentionTally::back_office,
         [cut, batch](store::Database& db) {
             return store::prune_sessions_and_audit(db, cut.sessions, cut.audit, batch);
         }},
    };
    for (const auto table :
         {store::AddressTable::signatures, store::AddressTable::signing_events,
          store::AddressTable::submission_events, store::AddressTable::audit_log})
        steps.push_back({&RetentionTally::addresses, [table, cut, batch](store::Database& db) {
                             return walk_addresses(db, table, cut.addresses, batch);
                         }});
    return steps;
}

Result<RetentionTally> apply_retention_now(store::Store& store, const RetentionSettings& settings,
                                           std::int64_t now) {
    RetentionTally tally;
    for (auto& step : retention_steps(settings, now, batch_rows)) {
        for (int i = 0; i < batches_at_most; ++i) {
            auto done = store.writer().write_now<std::int64_t>(step.batch);
            if (!done) return done.error();
            tally.*step.counts += *done;
            if (*done == 0) break;
        }
    }
    return tally;
}

std::chrono::milliseconds retention_pause(std::chrono::steady_clock::duration batch_took) {
    const auto share = std::chrono::duration_cast<std::chrono::milliseconds>(batch_took * 9);
    return std::max(std::chrono::milliseconds(20), share);
}

asio::awaitable<void> run_retention(store::Store& store, RetentionSettings settings,
                                    std::chrono::seconds every) {
    auto executor = co_await asio::this_coro::executor;
    asio::steady_timer timer(executor);
    for (;;) {
        const auto now = static_cast<std::int64_t>(std::time(nullptr));
        RetentionTally tally;
        bool failed = false;
        for (auto& step : retention_steps(settings, now, batch_rows)) {
            for (int i = 0; i < batches_at_most && !failed; ++i) {
                const auto started = std::chrono::steady_clock::now();
                const auto done = co_await store.writer().write<std::int64_t>(step.batch);
                if (!done) {
                    spdlog::error("{} error={}", log_event::store_write_failed,
                                  log_text(done.error().detail));
                    failed = true;
                    break;
                }
                tally.*step.counts += *done;
                if (*done == 0) break;
                // Signing goes first: a pause after every batch, the longer the busier the
                // writer was.
                timer.expires_after(retention_pause(std::chrono::steady_clock::now() - started));
                co_await timer.async_wait(asio::use_awaitable);
            }
        }
        if (tally.any())
            spdlog::info(
                "{} erased={} anonymised={} proposals={} addresses={} events={} mails={} "
                "newsletter={} back_office={}",
                log_event::retention_applied, tally.erased, tally.anonymised, tally.proposals,
                tally.addresses, tally.events, tally.mails, tally.newsletter, tally.back_office);
        timer.expires_after(every);
        co_await timer.async_wait(asio::use_awaitable);
    }
}

}  // namespace rempart::app
