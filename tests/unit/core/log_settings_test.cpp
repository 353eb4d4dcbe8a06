// Tests for core/log_settings: [log], the level and the file.
#include "core/log_settings.hpp"

#include <gtest/gtest.h>

#include "core/config.hpp"

namespace rempart {
namespace {

Result<LogSettings> parse(std::string_view toml) {
    return config::parse(toml, "rempart.toml", read_log_settings);
}

TEST(LogSettings, ReadsEveryKey) {
    const auto log = parse("[log]\nlevel = \"debug\"\nfile = \"rempart.log\"\n");
    ASSERT_TRUE(log.ok()) << log.error().detail;
    EXPECT_EQ(log->level, "debug");
    EXPECT_EQ(log->file, "rempart.log");
}

TEST(LogSettings, AnUnknownLevelNamesItsKey) {
    const auto log = parse("[log]\nlevel = \"loud\"");
    ASSERT_FALSE(log.ok());
    EXPECT_EQ(log.error().code, ConfigError::bad_value);
    EXPECT_NE(log.error().detail.find("[log] level: expected one of"), std::string::npos)
        << log.error().detail;
}

}  // namespace
}  // namespace rempart
