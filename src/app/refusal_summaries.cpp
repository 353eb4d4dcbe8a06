// Writes the refused signing attempts counted in memory as summary rows.
#include "app/refusal_summaries.hpp"

#include <spdlog/spdlog.h>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <map>

#include "core/log_events.hpp"
#include "core/log_text.hpp"
#include "signatures/email.hpp"
#include "store/outbox_repository.hpp"
#include "store/refusal_repository.hpp"

namespace rempart::app {

namespace asio = boost::asio;

void write_refusal_summaries(store::Store& store, signatures::RefusalTally& tally) {
    auto summaries = tally.take();
    if (summaries.empty()) return;
    // One line per petition and verdict, whatever the flood: attempts and networks.
    std::map<std::pair<std::int64_t, std::string>, std::pair<std::int64_t, std::size_t>> lines;
    for (const auto& s : summaries) {
        auto& [attempts, networks] = lines[{s.petition_id, s.verdict}];
        attempts += s.attempts;
        ++networks;
    }
    for (const auto& [key, counts] : lines)
        spdlog::info("{} petition={} verdict={} attempts={} networks={}",
                     log_event::signature_refused, key.first, key.second, counts.first,
                     counts.second);
    store.writer().submit(
        [summaries = std::move(summaries)](store::Database& db) {
            return store::record_refusals(db, summaries);
        },
        [](Result<void> done) {
            if (!done)
                spdlog::error("{} error={}", log_event::store_write_failed,
                              log_text(done.error().detail));
        });
}

asio::awaitable<void> run_refusal_summaries(store::Store& store, signatures::RefusalTally& tally,
                                            std::chrono::seconds period) {
    asio::steady_timer timer(co_await asio::this_coro::executor);
    for (;;) {
        timer.expires_after(period);
        auto [ec] = co_await timer.async_wait(asio::as_tuple(asio::use_awaitable));
        if (ec) co_return;
        write_refusal_summaries(store, tally);
    }
}

void restore_mailbox_caps(store::Store& store, signatures::MailboxCaps& caps, std::int64_t now_s) {
    const auto today = now_s - now_s % 86400;
    const auto recipients =
        store.readers().read_now<std::vector<std::string>>([today](store::Database& db) {
            return store::recipients_since(db, "confirmation", today);
        });
    for (const auto& to : recipients) {
        const auto at = to.rfind('@');
        if (at == std::string::npos) continue;
        caps.count_mail(signatures::mailbox_key(to.substr(0, at), to.substr(at + 1)), now_s);
    }
}

}  // namespace rempart::app
