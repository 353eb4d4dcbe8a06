// Tests for net/loop_lag: a thread held up shows as lag at once, not after the fact.
#include "net/loop_lag.hpp"

#include <gtest/gtest.h>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>

#include <thread>

namespace rempart::net {
namespace {

using namespace std::chrono_literals;

TEST(LoopLag, AContextHeldUpShowsItsLagWhileItIsHeld) {
    boost::asio::io_context io;
    LoopLag lag(10ms);
    lag.watch(io);
    std::chrono::milliseconds seen_while_held{0};
    boost::asio::steady_timer later(io, 50ms);
    later.async_wait([&](boost::system::error_code) {
        // A handler that blocks its thread, as a bug or a slow library call would.
        std::this_thread::sleep_for(300ms);
        seen_while_held = lag.current();
        io.stop();
    });
    io.run();
    EXPECT_GE(seen_while_held, 250ms);
}

TEST(LoopLag, NoContextNoLag) {
    const LoopLag lag;
    EXPECT_EQ(lag.current(), 0ms);
}

}  // namespace
}  // namespace rempart::net
