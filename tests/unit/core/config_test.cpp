// Tests for core/config: loading the file, the section getters, and what is refused with its
// place: syntax, unknown keys and sections, the file's first error.
#include "core/config.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <tuple>

namespace rempart::config {
namespace {

// A module of the test's own: [server] threads and listen, [storage] data_dir.
struct Settings {
    unsigned threads = 0;
    std::string listen = "127.0.0.1:8080";
    std::filesystem::path data_dir = "data";
};

Settings read_settings(File& file) {
    Settings settings;
    auto server = file.section("server");
    server.integer("threads", 0, 256, settings.threads);
    server.text("listen", settings.listen);
    file.section("storage").path("data_dir", settings.data_dir);
    return settings;
}

Result<Settings> parse_settings(std::string_view toml) {
    return parse(toml, "rempart.toml", read_settings);
}

std::string detail_of(std::string_view toml) {
    const auto settings = parse_settings(toml);
    return settings ? std::string() : settings.error().detail;
}

TEST(ConfigFile, WhatIsNotWrittenKeepsTheModulesDefault) {
    const auto settings = parse_settings("[server]\nthreads = 3\n");
    ASSERT_TRUE(settings.ok()) << settings.error().detail;
    EXPECT_EQ(settings->threads, 3u);
    EXPECT_EQ(settings->listen, "127.0.0.1:8080");
    EXPECT_EQ(settings->data_dir, "data");
}

TEST(ConfigFile, SyntaxErrorNamesLineAndColumn) {
    const auto settings = parse_settings("[server]\nthreads = = 2\n");
    ASSERT_FALSE(settings.ok());
    EXPECT_EQ(settings.error().code, ConfigError::syntax);
    EXPECT_TRUE(settings.error().detail.starts_with("rempart.toml:2:")) << settings.error().detail;
    // "rempart.toml:2:11: ..." — file, line and column before the description.
    const auto& detail = settings.error().detail;
    EXPECT_GE(std::count(detail.begin(), detail.end(), ':'), 3) << detail;
}

TEST(ConfigFile, DuplicateKeyIsASyntaxError) {
    const auto detail = detail_of("[server]\nthreads = 1\nthreads = 2\n");
    EXPECT_TRUE(detail.starts_with("rempart.toml:3:")) << detail;
}

TEST(ConfigFile, SyntaxErrorGivesLineAndColumn) {
    const auto detail = detail_of("[server]\nlisten = \"unterminated\n");
    EXPECT_NE(detail.find("rempart.toml:2:"), std::string::npos) << detail;
}

TEST(ConfigFile, AKeyNoModuleReadIsUnknown) {
    const auto settings = parse_settings("[server]\nthreads = 1\n\nlisen = \"x\"\n");
    ASSERT_FALSE(settings.ok());
    EXPECT_EQ(settings.error().code, ConfigError::unknown_key);
    EXPECT_EQ(settings.error().detail, "rempart.toml:4:1: unknown key [server] lisen");
}

TEST(ConfigFile, ASectionNoModuleOpenedIsUnknown) {
    EXPECT_EQ(detail_of("[server]\nthreads = 1\n[sever]\n"),
              "rempart.toml:3:1: unknown section [sever]");
    EXPECT_EQ(detail_of("listen = \"127.0.0.1:8080\"\n"),
              "rempart.toml:1:1: unknown key listen (every setting belongs in a [section])");
}

TEST(ConfigFile, AKnownSectionMustBeASection) {
    const auto settings = parse_settings("server = 1\n");
    ASSERT_FALSE(settings.ok());
    EXPECT_EQ(settings.error().code, ConfigError::bad_type);
    EXPECT_EQ(settings.error().detail,
              "rempart.toml:1:1: [server] must be a section, written as a [server] header");
}

// The same file gives the same first error whichever module reads first: the file's order.
TEST(ConfigFile, TheFilesFirstErrorIsReported) {
    const auto toml = "[server]\nthreads = 999\nzzz = 1\n[storage]\ndata_dir = 3\n";
    EXPECT_TRUE(detail_of(toml).starts_with("rempart.toml:2:1: [server] threads: expected"))
        << detail_of(toml);
    const auto storage_first = parse(toml, "rempart.toml", [](File& file) {
        std::filesystem::path data_dir;
        file.section("storage").path("data_dir", data_dir);
        return read_settings(file);
    });
    ASSERT_FALSE(storage_first.ok());
    EXPECT_TRUE(storage_first.error().detail.starts_with("rempart.toml:2:1: [server] threads"));
}

TEST(ConfigFile, AWrongValueIsNamedWithItsPlaceTypeAndValue) {
    const auto settings = parse_settings("[server]\n\nthreads = \"many\"\n");
    ASSERT_FALSE(settings.ok());
    EXPECT_EQ(settings.error().code, ConfigError::bad_value);
    EXPECT_EQ(settings.error().detail,
              "rempart.toml:3:1: [server] threads: expected a whole number from 0 to 256, got "
              "\"many\"");
}

// A module refuses keys that do not go together only once each key on its own was right.
TEST(ConfigFile, KeysThatDoNotGoTogetherAreReportedAfterEveryKey) {
    const auto read = [](File& file) {
        auto server = file.section("server");
        unsigned threads = 0;
        server.integer("threads", 0, 256, threads);
        if (threads > 0) server.refuse("threads and nothing else do not go together");
        return threads;
    };
    const auto refused = parse("[server]\nthreads = 2\n", "r.toml", read);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ConfigError::bad_value);
    EXPECT_EQ(refused.error().detail,
              "r.toml: [server] threads and nothing else do not go together");
    const auto unknown = parse("[server]\nthreads = 2\n[other]\n", "r.toml", read);
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(unknown.error().detail, "r.toml:3:1: unknown section [other]");
}

TEST(ConfigFile, GettersKeepTheirBounds) {
    const auto read = [](File& file) {
        auto s = file.section("s");
        double share = 0, never = 0, number = 0, per_minute = 1, burst = 1;
        std::vector<std::uint32_t> numbers;
        std::vector<std::string> networks;
        std::chrono::milliseconds wait{0};
        s.share("share", share);
        s.share_or_never("never", never);
        s.number("number", 1, 10, number);
        s.integers("numbers", 1, 9, "digits such as [1, 2]", numbers);
        s.networks("networks", networks);
        s.duration("wait_ms", 0, 5, wait);
        s.rate("rate", per_minute, burst);
        return std::make_tuple(share, never, number, numbers, networks, wait, per_minute, burst);
    };
    const auto taken = parse(
        "[s]\nshare = 1\nnever = 2\nnumber = 10\nnumbers = [1, 9]\nnetworks = [\"::1\", "
        "\"10.0.0.0/8\"]\nwait_ms = 5\nrate = { burst = 3 }\n",
        "r.toml", read);
    ASSERT_TRUE(taken.ok()) << taken.error().detail;
    const auto& [share, never, number, numbers, networks, wait, per_minute, burst] = *taken;
    EXPECT_EQ(share, 1.0);
    EXPECT_EQ(never, 2.0);
    EXPECT_EQ(number, 10.0);
    EXPECT_EQ(numbers, (std::vector<std::uint32_t>{1, 9}));
    EXPECT_EQ(networks, (std::vector<std::string>{"::1", "10.0.0.0/8"}));
    EXPECT_EQ(wait, std::chrono::milliseconds(5));
    EXPECT_EQ(per_minute, 1.0);  // left out: kept
    EXPECT_EQ(burst, 3.0);
    const std::pair<const char*, const char*> past[] = {
        {"[s]\nshare = 1.5",
         "[s] share: expected a share above 0 and at most 1, such as 0.05, got 1.5"},
        {"[s]\nnever = 2.5",
         "[s] never: expected a share above 0 and at most 1, such as 0.05, or 2 for never, got "
         "2.5"},
        {"[s]\nnumber = 10.5", "[s] number: expected a number from 1 to 10, got 10.5"},
        {"[s]\nnumbers = [1, 10]",
         "[s] numbers: expected an array of digits such as [1, 2], got 10"},
        {"[s]\nnetworks = [\"10.0.0.0/33\"]", "got \"10.0.0.0/33\""},
        {"[s]\nwait_ms = 6", "[s] wait_ms: expected a whole number from 0 to 5, got 6"},
        {"[s]\nrate = { burst = 0 }", "[s] rate.burst: expected a whole number from 1 to 10000000"},
    };
    for (const auto& [toml, expected] : past) {
        const auto refused = parse(toml, "r.toml", read);
        ASSERT_FALSE(refused.ok()) << toml;
        EXPECT_NE(refused.error().detail.find(expected), std::string::npos)
            << toml << "\n  gave: " << refused.error().detail;
    }
}

TEST(ConfigFile, MissingFileIsAClearError) {
    const auto settings = load("/nonexistent/rempart.toml", read_settings);
    ASSERT_FALSE(settings.ok());
    EXPECT_EQ(settings.error().code, ConfigError::unreadable);
    EXPECT_EQ(settings.error().detail,
              "cannot read config file /nonexistent/rempart.toml: No such file or directory");
}

TEST(ConfigFile, DirectoryIsNotAConfigFile) {
    const auto settings = load(std::filesystem::temp_directory_path(), read_settings);
    ASSERT_FALSE(settings.ok());
    EXPECT_NE(settings.error().detail.find("it is a directory"), std::string::npos);
}

TEST(ConfigFile, LoadsAFileAndNamesItInErrors) {
    const auto file = std::filesystem::temp_directory_path() /
                      ("rempart-config-test-" +
                       std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + ".toml");
    std::ofstream(file) << "[storage]\ndata_dir = \"var/data\"\n";
    auto settings = load(file, read_settings);
    ASSERT_TRUE(settings.ok()) << settings.error().detail;
    EXPECT_EQ(settings->data_dir, "var/data");

    std::ofstream(file) << "[storage]\ndata_dir = 1\n";
    settings = load(file, read_settings);
    std::filesystem::remove(file);
    ASSERT_FALSE(settings.ok());
    EXPECT_TRUE(settings.error().detail.starts_with(file.string() + ":2:1: [storage] data_dir"))
        << settings.error().detail;
}

}  // namespace
}  // namespace rempart::config
