// Tests for [backup]: what it leaves out goes beside the data folder, a rotation that would
// keep people's data longer than [retention] says is refused with the reason, and the
// server's rotation deletes its own oldest backups only.
#include "backup/settings.hpp"

#include <gtest/gtest.h>

#include "app/backups.hpp"
#include "app/settings.hpp"

namespace rempart::backup {
namespace {

TEST(BackupSettings, LeftOutTheyGoBesideTheDataFolder) {
    for (const auto& [data_dir, beside] :
         {std::pair{"/srv/rempart/data", "/srv/rempart"}, std::pair{"/srv/rempart/data/", "/srv/rempart"},
          std::pair{"data", ""}}) {
        const auto config = parse_config("[storage]\ndata_dir = \"" + std::string(data_dir) + "\"\n",
                                         "rempart.toml");
        ASSERT_TRUE(config.ok()) << config.error().detail;
        EXPECT_EQ(config->backup.dir, std::filesystem::path(beside) / "backups") << data_dir;
        EXPECT_EQ(config->backup.key_file, std::filesystem::path(beside) / "backup.key");
        EXPECT_EQ(config->backup.every_h, 24);
        EXPECT_EQ(config->backup.keep, 7);
    }
    const auto set = parse_config(
        "[backup]\ndir = \"/mnt/backups\"\nkey_file = \"/root/rempart.key\"\nevery_h = 0\n",
        "rempart.toml");
    ASSERT_TRUE(set.ok());
    EXPECT_EQ(set->backup.dir, "/mnt/backups");
    EXPECT_EQ(set->backup.key_file, "/root/rempart.key");
    EXPECT_EQ(set->backup.every_h, 0);
}

TEST(BackupSettings, ARotationLongerThanTheRetentionIsRefused) {
    const auto refused = parse_config("[backup]\nevery_h = 24\nkeep = 40\n", "rempart.toml");
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.error().detail.find("960 h"), std::string::npos) << refused.error().detail;
    EXPECT_NE(refused.error().detail.find("30 days"), std::string::npos);
    // A shorter retention, a shorter rotation: the default `keep` fits itself to it...
    const auto fitted = parse_config("[retention]\naddresses_days = 5\n", "rempart.toml");
    ASSERT_TRUE(fitted.ok()) << fitted.error().detail;
    EXPECT_EQ(fitted->backup.keep, 5);
    EXPECT_EQ(parse_config("[retention]\naddresses_days = 1\n[backup]\nevery_h = 6\n",
                           "rempart.toml")
                  ->backup.keep,
              4);
    // ... one written out does not, nor does a pace slower than the period itself.
    EXPECT_FALSE(
        parse_config("[retention]\naddresses_days = 5\n[backup]\nkeep = 7\n", "rempart.toml").ok());
    EXPECT_FALSE(parse_config("[retention]\naddresses_days = 1\n[backup]\nevery_h = 48\n",
                              "rempart.toml")
                     .ok());
    // Backups taken by hand only: no rotation to bound.
    EXPECT_TRUE(parse_config("[backup]\nevery_h = 0\nkeep = 40\n", "rempart.toml").ok());
    EXPECT_FALSE(parse_config("[backup]\nkeep = 0\n", "rempart.toml").ok());
}

TEST(BackupSettings, TheRotationDeletesTheOldestOfItsOwnOnly) {
    EXPECT_EQ(app::backup_file_name(1'796'630'969), "rempart-20261207T080929Z.backup");
    const std::vector<std::filesystem::path> files = {
        "/b/rempart-20261207T080929Z.backup", "/b/rempart-20261205T080929Z.backup",
        "/b/rempart-20261206T080929Z.backup", "/b/erasures.journal",
        "/b/by-hand.backup",                  "/b/rempart-20261201T080929Z.backup.partial"};
    EXPECT_EQ(app::backups_beyond(files, 1),
              (std::vector<std::filesystem::path>{"/b/rempart-20261206T080929Z.backup",
                                                  "/b/rempart-20261205T080929Z.backup"}));
    EXPECT_TRUE(app::backups_beyond(files, 3).empty());
    EXPECT_EQ(app::backups_beyond(files, 0).front(), "/b/rempart-20261207T080929Z.backup");
}

}  // namespace
}  // namespace rempart::backup
