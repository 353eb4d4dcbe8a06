// How late the io threads run: a timer on each io_context, and how late it fires. The load
// shedder reads it: when handlers queue behind each other, every timer is late.
#pragma once

#include <boost/asio/io_context.hpp>

#include <atomic>
#include <chrono>
#include <memory>
#include <vector>

namespace rempart::net {

class LoopLag {
  public:
    explicit LoopLag(std::chrono::milliseconds interval = std::chrono::milliseconds(20));

    // Starts a probe on `context`; it ends when the context stops.
    void watch(boost::asio::io_context& context);

    // The worst lag over the contexts: of the probe's last firing, or of the one still
    // awaited when it is overdue (a context stuck for a second shows a second at once).
    std::chrono::milliseconds current() const;

    struct Probe {
        std::atomic<std::int64_t> last_lag_ns{0};
        std::atomic<std::int64_t> due_ns{0};  // steady clock, when the next firing is due
    };

  private:
    std::chrono::milliseconds interval_;
    std::vector<std::shared_ptr<Probe>> probes_;
};

}  // namespace rempart::net
