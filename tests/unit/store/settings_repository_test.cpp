// Tests for store/settings_repository: a setting written, changed, and read with its author;
// every setting listed, and some forgotten.
#include "store/settings_repository.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <memory>

#include "store/migrations.hpp"

namespace rempart::store {
namespace {

class SettingsRepository : public ::testing::Test {
  protected:
    void SetUp() override {
        char pattern[] = "/tmp/rempart-settings-test.XXXXXX";
        dir_ = ::mkdtemp(pattern);
        auto opened = Database::open(dir_ / "s.db", Database::Mode::read_write);
        ASSERT_TRUE(opened.ok());
        db_ = std::move(*opened);
        ASSERT_TRUE(migrate(*db_).ok());
    }
    void TearDown() override {
        db_.reset();
        std::filesystem::remove_all(dir_);
    }
    std::filesystem::path dir_;
    std::unique_ptr<Database> db_;
};

TEST_F(SettingsRepository, ASettingIsReadBackWithWhoSetItAndTheLastWriteWins) {
    auto& db = *db_;
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

TEST_F(SettingsRepository, EverySettingIsListedByNameAndForgottenOnesAreGone) {
    auto& db = *db_;
    EXPECT_TRUE(read_settings(db).empty());
    ASSERT_TRUE(write_setting(db, "site.name", "Les Amis", "ana@example.org", 1000).ok());
    ASSERT_TRUE(write_setting(db, gate_mode_setting, "on", "ana@example.org", 1000).ok());
    ASSERT_TRUE(write_setting(db, "mail.from", "a@example.org", "ana@example.org", 2000).ok());
    const auto all = read_settings(db);
    ASSERT_EQ(all.size(), 3u);
    EXPECT_EQ(all[0].first, "gate.mode");
    EXPECT_EQ(all[1].first, "mail.from");
    EXPECT_EQ(all[1].second.updated_ms, 2000);
    EXPECT_EQ(all[2].second.value, "Les Amis");
    EXPECT_EQ(read_setting_values(db)[2],
              (std::pair<std::string, std::string>{"site.name", "Les Amis"}));
    ASSERT_TRUE(forget_settings(db, {"site.name", "mail.from", "never.set"}).ok());
    const auto left = read_settings(db);
    ASSERT_EQ(left.size(), 1u);
    EXPECT_EQ(left[0].first, "gate.mode");
}

}  // namespace
}  // namespace rempart::store
