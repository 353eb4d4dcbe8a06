// The backup drill, with the real binary: signers sign and confirm, a backup is taken while
// others keep signing, one signer then erases their data, and the backup is restored into a
// new folder. The restored server serves, counts every signature confirmed before the
// backup, and the erased signer stays erased. Then what an operator may get wrong: a store
// already there, a wrong key.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <regex>
#include <thread>

#include "client/http_client.hpp"
#include "client/signing_client.hpp"
#include "support/child_process.hpp"
#include "support/contains.hpp"
#include "support/server_process.hpp"
#include "support/store_query.hpp"

namespace rempart::testing {
namespace {

namespace fs = std::filesystem;

const std::string drill_site_settings =
    "[server]\ntrusted_proxies = [\"127.0.0.1/32\"]\n[shield]\npow_max_number = 50\n";

// Each signer from a network of their own, as real signers are.
HttpResponse sign(std::uint16_t port, int i, const std::string& name, const std::string& email) {
    return post_form(port, "/petitions/piscine/sign",
                     signing_fields(port, name, email, {{"altcha", solve_altcha(port, "piscine")}}),
                     {{"X-Forwarded-For", "198.51." + std::to_string(i % 200) + ".7"},
                      {"Accept-Language", "en"}});
}

// The confirmation mail to `email` among `mails`, its link followed.
bool confirm(std::uint16_t port, const std::vector<std::string>& mails, const std::string& email) {
    for (const auto& mail : mails)
        if (contains(mail, "To: " + email))
            return post_form(port, "/s/" + link_token(confirmation_link(mail)) + "/confirm", {})
                       .status == 303u;
    return false;
}

TEST(BackupDrill, ARestoredSiteCountsWhatWasConfirmedAndForgetsWhoAskedToBeErased) {
    ServerProcess site(drill_site_settings);
    site.create_petition("piscine", "Ouvrir la piscine");
    site.start();
    const auto port = site.port();
    const auto maildir = site.dir() / "data" / "mail";
    constexpr int confirmed_before = 8;
    for (int i = 0; i < confirmed_before; ++i)
        ASSERT_EQ(sign(port, i, "Signer " + std::to_string(i),
                       "signer" + std::to_string(i) + "@example.org")
                      .status,
                  303u);
    const auto mails = wait_for_mails(maildir, confirmed_before);
    for (int i = 0; i < confirmed_before; ++i)
        ASSERT_TRUE(confirm(port, mails, "signer" + std::to_string(i) + "@example.org"));
    ASSERT_EQ(api_signature_count(port, "piscine"), confirmed_before);

    // The backup, taken once others are signing, and while they go on (12 at most: a
    // handful of real signers, not the crowd the defence would rightly set aside).
    std::atomic<bool> backing_up{true};
    std::atomic<int> signed_meanwhile{0};
    std::thread crowd([&] {
        const char* providers[] = {"orange.fr", "free.fr", "laposte.net", "sfr.fr"};
        for (int i = 100; i < 112 && backing_up; ++i)
            if (sign(port, i, "Voisin " + std::to_string(i),
                     "voisin" + std::to_string(i) + "@" + providers[i % 4])
                    .status == 303u)
                ++signed_meanwhile;
    });
    for (int i = 0; i < 100 && signed_meanwhile == 0; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    const auto file = site.dir() / "drill.backup";
    std::string output;
    const int taken = site.run_cli({"backup", "--out", file.string()}, &output);
    backing_up = false;
    crowd.join();
    ASSERT_EQ(taken, 0) << output;
    EXPECT_TRUE(contains(output, "Backup written and checked: " + file.string())) << output;
    EXPECT_TRUE(contains(output, "keep a copy of that key apart from the backups"));
    EXPECT_GT(signed_meanwhile.load(), 0);
    // Never written over.
    EXPECT_EQ(site.run_cli({"backup", "--out", file.string()}, &output), 1);
    EXPECT_TRUE(contains(output, "is there already")) << output;

    // After the backup: signer 0 erases everything through /my-data; one more confirms.
    ASSERT_EQ(post_form(port, "/my-data", {{"email", "signer0@example.org"}}).status, 303u);
    std::string link;
    for (int i = 0; i < 100 && link.empty(); ++i) {
        for (const auto& mail : maildir_messages(maildir)) {
            std::smatch match;
            const auto body = decoded_body(mail);
            if (contains(mail, "To: signer0@example.org") &&
                std::regex_search(body, match, std::regex("/my-data/[A-Za-z0-9_-]{43}")))
                link = match[0];
        }
        if (link.empty()) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    ASSERT_FALSE(link.empty());
    ASSERT_EQ(post_form(port, link + "/erase", {}).header("location"), link + "?done=erased");
    ASSERT_EQ(api_signature_count(port, "piscine"), confirmed_before - 1) << site.log_text();
    EXPECT_TRUE(site.log_contains("MY_DATA_USED step=erased"));
    ASSERT_TRUE(fs::exists(site.dir() / "backups" / "erasures.journal"));

    // A new machine: an empty data folder, the backups' folder and key brought along.
    const auto brought = "[backup]\ndir = \"" + (site.dir() / "backups").string() +
                         "\"\nkey_file = \"" + (site.dir() / "backup.key").string() + "\"\n";
    ServerProcess restored(brought, DataFolder::empty);
    ASSERT_EQ(restored.run_cli({"restore", "--from", file.string()}, &output), 0) << output;
    EXPECT_TRUE(contains(output, "Erasures since the backup applied again: 1 (signatures "
                                 "changed: 1)"))
        << output;
    restored.start();
    const auto page = http_get(restored.port(), "/petitions/piscine", {{"Accept-Language", "en"}});
    EXPECT_EQ(page.status, 200u);
    EXPECT_EQ(api_signature_count(restored.port(), "piscine"), confirmed_before - 1);
    EXPECT_EQ(store_value(restored, "SELECT COUNT(*) FROM signatures WHERE name = 'Signer 0' OR "
                                    "email LIKE 'signer0@%' OR email_canonical LIKE 'signer0@%'"),
              "0");
    EXPECT_EQ(store_value(restored, "SELECT COUNT(*) FROM signatures WHERE name LIKE 'Signer %' "
                                    "AND state = 'confirmed'"),
              std::to_string(confirmed_before - 1));
    // The links mailed before the backup still open: the server's secret came along.
    EXPECT_EQ(fs::exists(restored.dir() / "data" / "secret.key"), true);

    // A store already there is never replaced unasked.
    EXPECT_EQ(restored.run_cli({"restore", "--from", file.string()}, &output), 1);
    EXPECT_TRUE(contains(output, "holds a store already")) << output;
    EXPECT_EQ(api_signature_count(restored.port(), "piscine"), confirmed_before - 1);
}

TEST(BackupDrill, NoKeyAWrongKeyOrADamagedFileRestoresNothing) {
    ServerProcess site;
    site.create_petition("piscine", "Ouvrir la piscine");
    const auto file = site.dir() / "site.backup";
    std::string output;
    ASSERT_EQ(site.run_cli({"backup", "--out", file.string()}, &output), 0) << output;

    // A site of its own, whose key is made at its first backup.
    ServerProcess other("", DataFolder::empty);
    ASSERT_EQ(other.run_cli({"restore", "--from", file.string()}, &output), 1);
    EXPECT_TRUE(contains(output, "cannot read the key file")) << output;
    ASSERT_EQ(other.run_cli({"backup", "--out", (other.dir() / "own.backup").string()}, &output),
              1);
    EXPECT_TRUE(contains(output, "there is no store to back up")) << output;
    other.create_petition("velo", "Des pistes cyclables");
    ASSERT_EQ(other.run_cli({"backup", "--out", (other.dir() / "own.backup").string()}, &output),
              0);
    ASSERT_EQ(other.run_cli({"restore", "--replace", "--from", file.string()}, &output), 1);
    EXPECT_TRUE(contains(output, "sealed with another key")) << output;
    auto bytes = [&] {
        std::ifstream in(other.dir() / "own.backup", std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(in), {});
    }();
    bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 1);
    std::ofstream(other.dir() / "damaged.backup", std::ios::binary) << bytes;
    ASSERT_EQ(other.run_cli({"restore", "--replace", "--from",
                             (other.dir() / "damaged.backup").string()},
                            &output),
              1);
    EXPECT_TRUE(contains(output, "is damaged at byte")) << output;
    // Nothing was replaced: its own petition is still there, alone.
    EXPECT_EQ(store_value(other, "SELECT group_concat(slug) FROM petitions"), "velo");
    EXPECT_EQ(fs::exists(other.dir() / "data" / ".restoring"), false);
}

// Runs `command` on a real full disk: in a mount namespace of its own (unshare), `folder`
// becomes a tmpfs of 64 KiB with 4 KiB left, then what it holds is listed ("left: ...").
// The mount dies with the namespace. The command's exit code.
int on_a_full_disk(const fs::path& folder, const std::string& command, std::string& output) {
    const auto quoted = "'" + folder.string() + "'";
    const auto script = "mount -t tmpfs -o size=64k tmpfs " + quoted + " && dd if=/dev/zero of=" +
                        quoted + "/filler bs=4k count=15 2>/dev/null && { " + command +
                        "; code=$?; echo \"left: $(ls -A " + quoted +
                        " | tr '\\n' ' ')\"; exit $code; }";
    const auto out = folder.parent_path() / "full-disk.out";
    const auto code = run_child({"unshare", "--mount", "sh", "-c", script}, out,
                                std::chrono::seconds(60));
    output = read_file(out);
    return code;
}

TEST(BackupDrill, AFullDiskSaysSoAndLeavesNothingHalfWritten) {
    ServerProcess site;
    site.create_petition("piscine", "Ouvrir la piscine");
    const auto file = site.dir() / "site.backup";
    std::string output;
    ASSERT_EQ(site.run_cli({"backup", "--out", file.string()}, &output), 0) << output;
    const std::string rempart = REMPART_BINARY;

    // The backup's folder fills up: the reason, and no file, whole or partial.
    const auto full = site.dir() / "full";
    fs::create_directories(full);
    EXPECT_EQ(on_a_full_disk(full,
                             rempart + " backup --out '" + (full / "site.backup").string() +
                                 "' --config '" + site.config_file().string() + "'",
                             output),
              1)
        << output;
    EXPECT_TRUE(contains(output, "No space left on device") || contains(output, "disk is full"))
        << output;
    EXPECT_TRUE(contains(output, "left: filler \n")) << output;

    // A restore into a data folder on a full disk: the reason, and the folder as it was.
    ServerProcess other("", DataFolder::empty);
    fs::create_directories(other.dir() / "data");
    fs::copy_file(site.dir() / "backup.key", other.dir() / "backup.key");
    EXPECT_EQ(on_a_full_disk(other.dir() / "data",
                             rempart + " restore --from '" + file.string() + "' --config '" +
                                 other.config_file().string() + "'",
                             output),
              1)
        << output;
    EXPECT_TRUE(contains(output, "No space left on device") || contains(output, "disk is full"))
        << output;
    EXPECT_TRUE(contains(output, "left: filler \n")) << output;
}

TEST(BackupDrill, TheServerTakesItsOwnWhenDueAndKeepsTheNewestOfItsOwnOnly) {
    ServerProcess site("[backup]\nevery_h = 1\nkeep = 2\n");
    site.create_petition("piscine", "Ouvrir la piscine");
    const auto dir = site.dir() / "backups";
    fs::create_directories(dir);
    const auto two_days_ago = fs::file_time_type::clock::now() - std::chrono::hours(48);
    for (const auto* name : {"rempart-20261101T000000Z.backup", "rempart-20261102T000000Z.backup",
                             "by-hand.backup"}) {
        std::ofstream(dir / name) << "an older backup";
        fs::last_write_time(dir / name, two_days_ago);
    }
    // The newest is two days old and they are due hourly: one is taken at start.
    site.start();
    ASSERT_TRUE(site.log_contains("BACKUP_TAKEN", std::chrono::seconds(30))) << site.log_text();
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir))
        names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    ASSERT_EQ(names.size(), 3u) << ::testing::PrintToString(names);
    EXPECT_EQ(names[0], "by-hand.backup");  // not the server's: never deleted
    EXPECT_EQ(names[1], "rempart-20261102T000000Z.backup");
    EXPECT_TRUE(std::regex_match(names[2], std::regex("rempart-[0-9]{8}T[0-9]{6}Z\\.backup")));
    std::ifstream taken(dir / names[2]);
    std::string first_line;
    std::getline(taken, first_line);
    EXPECT_EQ(first_line, "REMPART-BACKUP 1");
}

}  // namespace
}  // namespace rempart::testing
