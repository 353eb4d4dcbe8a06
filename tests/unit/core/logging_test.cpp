// Tests for core/logging and core/log_events: lines reach the file in the documented shape.
#include "core/logging.hpp"

#include <gtest/gtest.h>
#include <spdlog/spdlog.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "core/log_events.hpp"

namespace rempart {
namespace {

std::string read_file(const std::filesystem::path& file) {
    std::ifstream in(file);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

TEST(LogEvents, NamesAreUniqueUpperSnakeCase) {
    std::set<std::string_view> seen;
    for (const auto name : log_event::all) {
        EXPECT_TRUE(seen.insert(name).second) << name;
        EXPECT_TRUE(std::regex_match(std::string(name), std::regex("[A-Z]+(_[A-Z]+)*"))) << name;
    }
    EXPECT_GE(seen.size(), 14u);
}

TEST(Logging, WritesEventLinesToTheFileAndFlushesOnShutdown) {
    const auto dir = std::filesystem::temp_directory_path() /
                     ("rempart-logging-test-" + std::to_string(::getpid()));
    const auto file = dir / "logs" / "rempart.log";  // a missing folder is created
    init_logging(LogSettings{"info", file});
    spdlog::debug("{} below the level", log_event::cache_invalidated);
    for (int i = 0; i < 1000; ++i)
        spdlog::info("{} id={} status={}", log_event::http_request, i, 200);
    spdlog::warn("{} kind=header_bytes", log_event::http_limit_hit);
    shutdown_logging();
    spdlog::info("{} after shutdown", log_event::server_stopped);  // must not crash

    const auto text = read_file(file);
    std::filesystem::remove_all(dir);
    EXPECT_EQ(text.find("below the level"), std::string::npos);
    EXPECT_EQ(text.find("after shutdown"), std::string::npos);
    EXPECT_NE(text.find(" info HTTP_REQUEST id=999 status=200\n"), std::string::npos);
    EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 1001);
    // "2026-11-25T04:31:28.123+00:00 warning HTTP_LIMIT_HIT kind=header_bytes"
    EXPECT_TRUE(std::regex_search(
        text, std::regex(R"(\n\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d warning )"
                         R"(HTTP_LIMIT_HIT kind=header_bytes\n)")))
        << text.substr(text.size() > 300 ? text.size() - 300 : 0);
}

}  // namespace
}  // namespace rempart
