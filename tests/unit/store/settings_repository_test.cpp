// Tests for store/settings_repository: a setting written, changed, and read with its author.
#include "store/settings_repository.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "store/migrations.hpp"

namespace rempart::store {
namespace {

TEST(SettingsRepository, ASettingIsReadBackWithWhoSetItAndTheLastWriteWins) {
    char pattern[] = "/tmp/rempart-settings-test.XXXXXX";
    const std::filesystem::path dir = ::mkdtemp(pattern);
    {
        auto opened = Database::open(dir / "s.db", Database::Mode::read_write);
        ASSERT_TRUE(opened.ok());
        auto& db = **opened;
        ASSERT_TRUE(migrate(db).ok());
        EXPECT_FALSE(read_setting(db, gate_mode_setting));
        ASSERT_TRUE(write_setting(db, gate_mode_setting, "on", "admin@example.org", 1000).ok());
        ASSERT_TRUE(write_setting(db, gate_mode_setting, "off", "other@example.org", 2000).ok());
        const auto setting = read_setting(db, gate_mode_setting);
        ASSERT_TRUE(setting);
        EXPECT_EQ(setting->value, "off");
        EXPECT_EQ(setting->updated_by, "other@example.org");
        EXPECT_EQ(setting->updated_ms, 2000);
        EXPECT_FALSE(read_setting(db, "another.setting"));
    }
    std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace rempart::store
