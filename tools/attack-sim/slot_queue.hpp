// The botnet's requests waiting for a connection, and its connections waiting for a
// request: one thread's, so no lock; a waiting connection sleeps on a timer that a push
// cancels. Bounded, so that a client that cannot keep up lets requests go and says so.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <boost/asio/steady_timer.hpp>

#include <chrono>
#include <deque>
#include <optional>
#include <vector>

#include "botnet_plan.hpp"

namespace rempart::attack {

// One request the pacing made due, and the address it goes from.
struct Slot {
    std::size_t address = 0;  // in the shard's addresses
    PageRequest page;
    std::chrono::steady_clock::time_point due;
};

class SlotQueue {
  public:
    explicit SlotQueue(std::size_t capacity) : capacity_(capacity) {}

    // False when full: the client cannot keep up, and the slot is let go.
    bool push(Slot slot);
    // The next slot; none once the queue is finished.
    boost::asio::awaitable<std::optional<Slot>> pop();
    // Every waiting connection is woken to end; returns the slots never sent.
    std::size_t finish();
    bool empty() const { return slots_.empty(); }

  private:
    std::size_t capacity_;
    std::deque<Slot> slots_;
    std::vector<boost::asio::steady_timer*> idle_;
    bool finished_ = false;
};

}  // namespace rempart::attack
