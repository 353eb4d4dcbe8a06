// How late the io threads run, measured by a timer on each io_context.
#include "net/loop_lag.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <algorithm>

namespace rempart::net {
namespace asio = boost::asio;
namespace {

std::int64_t steady_ns() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

asio::awaitable<void> probe(std::shared_ptr<LoopLag::Probe> state,
                            std::chrono::milliseconds interval) {
    asio::steady_timer timer(co_await asio::this_coro::executor);
    const auto step = std::chrono::duration_cast<std::chrono::nanoseconds>(interval).count();
    for (;;) {
        const auto due = steady_ns() + step;
        state->due_ns = due;
        timer.expires_after(interval);
        auto [ec] = co_await timer.async_wait(asio::as_tuple(asio::use_awaitable));
        if (ec) co_return;
        state->last_lag_ns = std::max<std::int64_t>(0, steady_ns() - due);
    }
}

}  // namespace

LoopLag::LoopLag(std::chrono::milliseconds interval) : interval_(interval) {}

void LoopLag::watch(asio::io_context& context) {
    auto state = std::make_shared<Probe>();
    state->due_ns = steady_ns() + std::chrono::nanoseconds(interval_).count();
    probes_.push_back(state);
    asio::co_spawn(context, probe(std::move(state), interval_), asio::detached);
}

std::chrono::milliseconds LoopLag::current() const {
    const auto now = steady_ns();
    std::int64_t worst = 0;
    for (const auto& state : probes_) {
        worst = std::max(worst, state->last_lag_ns.load());
        worst = std::max(worst, now - state->due_ns.load());
    }
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::nanoseconds(worst));
}

}  // namespace rempart::net
