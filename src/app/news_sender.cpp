// Sends a petition's news in batches at the site's pace.
#include "app/news_sender.hpp"

#include <spdlog/spdlog.h>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <algorithm>
#include <ctime>
#include <vector>

#include "core/log_events.hpp"
#include "core/log_text.hpp"
#include "store/news_repository.hpp"

namespace rempart::app {
namespace asio = boost::asio;

namespace {

// A batch is one write of this many rows at most: a few milliseconds, so signatures
// waiting for the writer are never held behind a whole sending.
constexpr std::int64_t largest_batch = 1000;
constexpr auto tick = std::chrono::milliseconds(250);
constexpr auto unpaced_tick = std::chrono::milliseconds(20);

}  // namespace

std::int64_t news_backlog(std::int64_t per_minute) {
    // Short, so that a confirmation queued meanwhile waits behind a second of news at most.
    if (per_minute <= 0) return 2 * largest_batch;
    return std::max<std::int64_t>(per_minute / 6, 10);
}

asio::awaitable<void> run_news_sender(store::Store& store, NewsPace pace,
                                      std::function<void()> mail_queued) {
    auto executor = co_await asio::this_coro::executor;
    asio::steady_timer timer(executor);
    const auto backlog = news_backlog(pace.per_minute);
    // Mails the pace allows now, shared by every news being sent: at most two seconds' worth
    // saved up, so a quiet minute does not turn into a burst.
    double credit = 0;
    auto last = std::chrono::steady_clock::now();
    for (;;) {
        const auto ids = co_await store.readers().read<std::vector<std::int64_t>>(
            [](store::Database& db) { return store::news_being_sent(db); });
        const auto now = std::chrono::steady_clock::now();
        const double seconds = std::chrono::duration<double>(now - last).count();
        last = now;
        if (pace.per_minute > 0)
            credit = ids.empty()
                         ? 0
                         : std::min(credit + seconds * static_cast<double>(pace.per_minute) / 60,
                                    static_cast<double>(pace.per_minute) / 30);
        bool queued_any = false;
        for (const auto id : ids) {
            const auto waiting = co_await store.readers().read<std::int64_t>(
                [id](store::Database& db) { return store::news_mails_waiting(db, id); });
            auto room = std::min(backlog - waiting, largest_batch);
            if (pace.per_minute > 0) room = std::min(room, static_cast<std::int64_t>(credit));
            if (room <= 0) continue;
            std::function<Result<store::QueuedBatch>(store::Database&)> job =
                [id, room, from = pace.envelope_from()](store::Database& db) {
                    return store::queue_news_batch(db, id, room, from,
                                                   static_cast<std::int64_t>(std::time(nullptr)));
                };
            const auto batch = co_await store.writer().write<store::QueuedBatch>(std::move(job));
            if (!batch) {
                spdlog::error("{} error={}", log_event::store_write_failed,
                              log_text(batch.error().detail));
                continue;
            }
            if (pace.per_minute > 0) credit -= static_cast<double>(batch->queued);
            if (batch->queued > 0) queued_any = true;
            if (batch->finished) spdlog::info("{} news={}", log_event::news_queued, id);
        }
        if (queued_any) mail_queued();
        timer.expires_after(queued_any && pace.per_minute <= 0 ? unpaced_tick : tick);
        auto [ec] = co_await timer.async_wait(asio::as_tuple(asio::use_awaitable));
        if (ec) co_return;
    }
}

}  // namespace rempart::app
