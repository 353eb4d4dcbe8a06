// The botnet's bounded queue of requests, and the connections waiting on it.
#include "slot_queue.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

namespace rempart::attack {

namespace asio = boost::asio;

bool SlotQueue::push(Slot slot) {
    if (slots_.size() >= capacity_) return false;
    slots_.push_back(std::move(slot));
    if (!idle_.empty()) {
        idle_.back()->cancel();
        idle_.pop_back();
    }
    return true;
}

asio::awaitable<std::optional<Slot>> SlotQueue::pop() {
    for (;;) {
        if (finished_) co_return std::nullopt;
        if (!slots_.empty()) {
            auto slot = std::move(slots_.front());
            slots_.pop_front();
            co_return slot;
        }
        asio::steady_timer timer(co_await asio::this_coro::executor,
                                 std::chrono::steady_clock::time_point::max());
        idle_.push_back(&timer);
        co_await timer.async_wait(asio::as_tuple(asio::use_awaitable));
    }
}

std::size_t SlotQueue::finish() {
    finished_ = true;
    for (auto* timer : idle_) timer->cancel();
    idle_.clear();
    const auto left = slots_.size();
    slots_.clear();
    return left;
}

}  // namespace rempart::attack
