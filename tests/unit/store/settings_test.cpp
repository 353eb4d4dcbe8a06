// Tests for store/settings: [storage], its defaults, bounds and refusals.
#include "store/settings.hpp"

#include <gtest/gtest.h>

#include <utility>

#include "core/config.hpp"

namespace rempart::store {
namespace {

Result<StorageSettings> parse(std::string_view toml) {
    return config::parse(toml, "rempart.toml", read_storage_settings);
}

TEST(StorageSettings, EmptyFileGivesTheDefaults) {
    const auto storage = parse("");
    ASSERT_TRUE(storage.ok());
    EXPECT_EQ(storage->data_dir, "data");
    EXPECT_EQ(storage->write_queue, 20000u);
}

TEST(StorageSettings, ReadsEveryKey) {
    const auto storage = parse(
        "[storage]\ndata_dir = \"/var/lib/rempart\"\ngroup_commit_ms = 0\nwrite_queue = 100\n");
    ASSERT_TRUE(storage.ok()) << storage.error().detail;
    EXPECT_EQ(storage->data_dir, "/var/lib/rempart");
    EXPECT_EQ(storage->group_commit_window, std::chrono::milliseconds(0));
    EXPECT_EQ(storage->write_queue, 100u);
}

TEST(StorageSettings, EachBadValueNamesItsKey) {
    const std::pair<const char*, const char*> cases[] = {
        {"[storage]\ngroup_commit_ms = 1001", "[storage] group_commit_ms: expected"},
        {"[storage]\ndata_dir = 3", "[storage] data_dir: expected a string, got 3"},
        {"[storage]\nwrite_queue = 15", "write_queue"},
    };
    for (const auto& [toml, expected] : cases) {
        const auto storage = parse(toml);
        ASSERT_FALSE(storage.ok()) << toml;
        EXPECT_EQ(storage.error().code, ConfigError::bad_value) << toml;
        EXPECT_NE(storage.error().detail.find(expected), std::string::npos)
            << toml << "\n  gave: " << storage.error().detail;
    }
}

TEST(StorageSettings, ValuesAtTheirBoundsAreAccepted) {
    const auto storage = parse("[storage]\ngroup_commit_ms = 1000\nwrite_queue = 16\n");
    ASSERT_TRUE(storage.ok()) << storage.error().detail;
    EXPECT_EQ(storage->group_commit_window, std::chrono::milliseconds(1000));
    EXPECT_EQ(storage->write_queue, 16u);
}

}  // namespace
}  // namespace rempart::store
