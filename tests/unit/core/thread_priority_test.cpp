// A background thread lowers its own priority, and only its own.
#include "core/thread_priority.hpp"

#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <thread>

namespace rempart {
namespace {

int nice_of(long thread) {
    errno = 0;
    return ::getpriority(PRIO_PROCESS, static_cast<id_t>(thread));
}

TEST(ThreadPriority, LowersTheCallingThreadOnly) {
    const auto main_thread = ::syscall(SYS_gettid);
    const auto before = nice_of(main_thread);
    int seen = -100;
    std::thread background([&] {
        ASSERT_TRUE(lower_this_thread_priority(std::min(19, before + 10)));
        seen = nice_of(::syscall(SYS_gettid));
    });
    background.join();
    EXPECT_EQ(seen, std::min(19, before + 10));
    EXPECT_EQ(nice_of(main_thread), before);
}

}  // namespace
}  // namespace rempart
