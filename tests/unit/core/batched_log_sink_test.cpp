// Tests for core/batched_log_sink: every line arrives in order, warnings without waiting for
// the batch, and lines beyond the pending bound are dropped and counted, never blocking.
#include "core/batched_log_sink.hpp"

#include <gtest/gtest.h>
#include <spdlog/spdlog.h>

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

namespace rempart {
namespace {

using namespace std::chrono_literals;

class BatchedLogSinkTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = std::filesystem::temp_directory_path() /
               ("rempart-batched-log-" + std::to_string(::getpid()) + "-" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::remove_all(dir_);
    }
    void TearDown() override { std::filesystem::remove_all(dir_); }

    std::filesystem::path file() const { return dir_ / "logs" / "rempart.log"; }

    std::string text() const {
        std::ifstream in(file());
        std::ostringstream all;
        all << in.rdbuf();
        return all.str();
    }

    // Polls the file until it holds `needle`, for at most `limit`: a bound, not a speed.
    bool eventually_holds(std::string_view needle, std::chrono::seconds limit) const {
        const auto until = std::chrono::steady_clock::now() + limit;
        while (std::chrono::steady_clock::now() < until) {
            if (text().find(needle) != std::string::npos) return true;
            std::this_thread::sleep_for(10ms);
        }
        return false;
    }

    static std::shared_ptr<spdlog::logger> logger_on(std::shared_ptr<BatchedLogSink> sink) {
        auto logger = std::make_shared<spdlog::logger>("test", std::move(sink));
        logger->set_pattern("%l %v");
        logger->flush_on(spdlog::level::warn);
        return logger;
    }

    std::filesystem::path dir_;
};

TEST_F(BatchedLogSinkTest, EveryLineOfEveryThreadArrivesInItsThreadsOrder) {
    {
        auto logger = logger_on(
            std::make_shared<BatchedLogSink>(file(), BatchedLogSink::Tuning{1ms, 1 << 24}));
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t)
            threads.emplace_back([&logger, t] {
                for (int i = 0; i < 5000; ++i) logger->info("T{} n={}", t, i);
            });
        for (auto& thread : threads) thread.join();
    }  // the sink's last owner gone: every pending line is written

    std::istringstream lines(text());
    std::vector<int> next(4, 0);
    std::string line;
    int count = 0;
    while (std::getline(lines, line)) {
        int t = -1;
        int n = -1;
        ASSERT_EQ(std::sscanf(line.c_str(), "info T%d n=%d", &t, &n), 2) << line;
        ASSERT_TRUE(t >= 0 && t < 4) << line;
        EXPECT_EQ(n, next[t]) << line;
        next[t] = n + 1;
        ++count;
    }
    EXPECT_EQ(count, 20000);
}

TEST_F(BatchedLogSinkTest, AWarningIsWrittenWithoutWaitingForTheBatch) {
    // A batch window far longer than the wait below: only the warning's urgency can pass.
    auto sink = std::make_shared<BatchedLogSink>(file(), BatchedLogSink::Tuning{1h, 1 << 20});
    auto logger = logger_on(sink);
    logger->info("ROUTINE before");
    logger->warn("SOMETHING_WRONG kind=test");
    EXPECT_TRUE(eventually_holds("warning SOMETHING_WRONG kind=test\n", 30s)) << text();
    EXPECT_NE(text().find("info ROUTINE before\n"), std::string::npos) << "written in order";
}

TEST_F(BatchedLogSinkTest, RoutineLinesAreWrittenOnceTheirBatchWindowHasPassed) {
    auto sink = std::make_shared<BatchedLogSink>(file(), BatchedLogSink::Tuning{20ms, 1 << 20});
    auto logger = logger_on(sink);
    logger->info("ROUTINE n=1");
    EXPECT_TRUE(eventually_holds("info ROUTINE n=1\n", 30s)) << text();
    logger->info("ROUTINE n=2");  // a second batch: the thread went back to waiting
    EXPECT_TRUE(eventually_holds("info ROUTINE n=2\n", 30s)) << text();
}

TEST_F(BatchedLogSinkTest, LinesBeyondThePendingBoundAreDroppedAndCountedNotWaitedFor) {
    std::size_t dropped = 0;
    {
        // Nothing is written for an hour: the bound (about ten lines) is reached at once.
        auto sink = std::make_shared<BatchedLogSink>(file(), BatchedLogSink::Tuning{1h, 200});
        auto logger = logger_on(sink);
        for (int i = 0; i < 100; ++i) logger->info("ROUTINE n={:03}", i);
        dropped = sink->dropped();
    }
    const auto written = text();
    EXPECT_GT(dropped, 80u);
    EXPECT_LT(dropped, 100u);
    EXPECT_NE(written.find("info ROUTINE n=000\n"), std::string::npos) << written;
    EXPECT_EQ(written.find("info ROUTINE n=099\n"), std::string::npos) << written;
    EXPECT_NE(written.find("warning LOG_LINES_DROPPED count=" + std::to_string(dropped) + "\n"),
              std::string::npos)
        << written;
}

TEST_F(BatchedLogSinkTest, AFileThatCannotBeOpenedIsAFailedStartNamingIt) {
    std::filesystem::create_directories(dir_);
    const auto not_a_folder = dir_ / "plain-file";
    std::ofstream(not_a_folder) << "x";
    try {
        BatchedLogSink sink(not_a_folder / "rempart.log", BatchedLogSink::Tuning{});
        FAIL() << "opened a file below a plain file";
    } catch (const spdlog::spdlog_ex& e) {
        EXPECT_NE(std::string(e.what()).find("plain-file/rempart.log"), std::string::npos)
            << e.what();
    }
}

}  // namespace
}  // namespace rempart
