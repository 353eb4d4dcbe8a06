// Tests for accounts, sessions and the audit log in the store.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>

#include "accounts/errors.hpp"
#include "store/audit_repository.hpp"
#include "store/migrations.hpp"
#include "store/session_repository.hpp"
#include "store/user_repository.hpp"
#include "store_fixture.hpp"

namespace rempart::store {
namespace {

using accounts::Role;

class BackOfficeStore : public testing::TempStore {
  protected:
    NewSession session_for(std::int64_t user, std::string hash, std::int64_t at = 1000) {
        return NewSession{std::move(hash), user,       "csrf-" + std::to_string(at), at,
                          at + 5000,       "192.0.2.7"};
    }
};

TEST_F(BackOfficeStore, AddsFindsAndListsAccounts) {
    auto ana = insert_user(*db_, "ana@example.org", Role::admin, "$argon2id$h", true, 10);
    ASSERT_TRUE(ana.ok());
    ASSERT_TRUE(insert_user(*db_, "bob@example.org", Role::moderator, "$argon2id$g", false, 11));
    const auto found = find_user_by_email(*db_, "ana@example.org");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->id, ana->id);
    EXPECT_EQ(found->role, Role::admin);
    EXPECT_TRUE(found->must_change_password);
    EXPECT_FALSE(found->totp_secret);
    EXPECT_EQ(find_user(*db_, ana->id)->email, "ana@example.org");
    EXPECT_FALSE(find_user_by_email(*db_, "nobody@example.org"));
    const auto all = list_users(*db_);
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[1].email, "bob@example.org");
    EXPECT_EQ(all[1].role, Role::moderator);
}

TEST_F(BackOfficeStore, RefusesATakenAddress) {
    ASSERT_TRUE(insert_user(*db_, "ana@example.org", Role::admin, "h", true, 10));
    const auto again = insert_user(*db_, "ana@example.org", Role::moderator, "h", true, 11);
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().code, accounts::AccountError::email_taken);
    EXPECT_EQ(list_users(*db_).size(), 1u);
}

TEST_F(BackOfficeStore, ChangesPasswordsAndSecondFactors) {
    const auto ana = *insert_user(*db_, "ana@example.org", Role::admin, "old", true, 10);
    ASSERT_TRUE(set_password(*db_, ana.id, "new", false).ok());
    EXPECT_EQ(find_user(*db_, ana.id)->password_hash, "new");
    EXPECT_FALSE(find_user(*db_, ana.id)->must_change_password);
    EXPECT_EQ(set_password(*db_, 999, "x", false).error().code,
              accounts::AccountError::user_not_found);
    ASSERT_TRUE(set_totp_secret(*db_, ana.id, "GEZDGNBV").ok());
    EXPECT_EQ(find_user(*db_, ana.id)->totp_secret, "GEZDGNBV");
}

TEST_F(BackOfficeStore, UsesEachTotpStepOnce) {
    const auto ana = *insert_user(*db_, "ana@example.org", Role::admin, "h", false, 10);
    EXPECT_TRUE(*use_totp_step(*db_, ana.id, 100));
    EXPECT_FALSE(*use_totp_step(*db_, ana.id, 100));
    EXPECT_FALSE(*use_totp_step(*db_, ana.id, 99));
    EXPECT_TRUE(*use_totp_step(*db_, ana.id, 101));
    EXPECT_EQ(find_user(*db_, ana.id)->totp_last_step, 101);
}

TEST_F(BackOfficeStore, FindsTouchesAndEndsSessions) {
    const auto ana = *insert_user(*db_, "ana@example.org", Role::admin, "h", false, 10);
    ASSERT_TRUE(insert_session(*db_, session_for(ana.id, "hash-a")).ok());
    ASSERT_TRUE(insert_session(*db_, session_for(ana.id, "hash-b")).ok());
    auto found = find_session(*db_, "hash-a");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->user.email, "ana@example.org");
    EXPECT_EQ(found->csrf_token, "csrf-1000");
    EXPECT_EQ(found->last_seen_ms, 1000);
    ASSERT_TRUE(touch_session(*db_, "hash-a", 2000).ok());
    ASSERT_TRUE(touch_session(*db_, "hash-a", 1500).ok());  // never back in time
    EXPECT_EQ(find_session(*db_, "hash-a")->last_seen_ms, 2000);
    ASSERT_TRUE(delete_session(*db_, "hash-a").ok());
    EXPECT_FALSE(find_session(*db_, "hash-a"));
    EXPECT_TRUE(find_session(*db_, "hash-b"));
    EXPECT_EQ(*delete_user_sessions(*db_, ana.id), 1);
    EXPECT_FALSE(find_session(*db_, "hash-b"));
}

TEST_F(BackOfficeStore, DeletesStaleSessionsOnly) {
    const auto ana = *insert_user(*db_, "ana@example.org", Role::admin, "h", false, 10);
    ASSERT_TRUE(insert_session(*db_, session_for(ana.id, "old", 1000)).ok());   // ends 6000
    ASSERT_TRUE(insert_session(*db_, session_for(ana.id, "idle", 3000)).ok());  // seen 3000
    ASSERT_TRUE(insert_session(*db_, session_for(ana.id, "fresh", 5500)).ok());
    EXPECT_EQ(*delete_stale_sessions(*db_, 6000, 4000), 2);
    EXPECT_TRUE(find_session(*db_, "fresh"));
}

TEST_F(BackOfficeStore, KeepsTheAuditLogNewestFirst) {
    const auto ana = *insert_user(*db_, "ana@example.org", Role::admin, "h", false, 10);
    ASSERT_TRUE(insert_audit(*db_, {0, 1, std::nullopt, accounts::Actor::command_line(),
                                    "user_added", "ana", ""})
                    .ok());
    ASSERT_TRUE(insert_audit(*db_, {0, 2, ana.id, accounts::Actor::account(ana.id), "login_ok", "",
                                    "192.0.2.7"})
                    .ok());
    const auto entries = list_audit(*db_, 10);
    ASSERT_EQ(entries.size(), 2u);
    EXPECT_EQ(entries[0].action, "login_ok");
    EXPECT_EQ(entries[0].user_id, ana.id);
    EXPECT_EQ(entries[0].actor, accounts::Actor::account(ana.id));
    EXPECT_EQ(entries[1].actor, accounts::Actor::command_line());
    EXPECT_FALSE(entries[1].user_id);
    EXPECT_EQ(list_audit(*db_, 1).size(), 1u);
}

TEST_F(BackOfficeStore, ALoginAttemptUnderCliIsNoCommand) {
    ASSERT_TRUE(insert_audit(*db_, {0, 1, std::nullopt, accounts::Actor::login_attempt("cli"),
                                    "login_failed", "unknown account", "192.0.2.7"})
                    .ok());
    auto& row = db_->prepare("SELECT actor FROM audit_log");
    ASSERT_TRUE(row.step());
    EXPECT_EQ(row.column_text(0), "web:cli");
    row.reset();
    EXPECT_EQ(list_audit(*db_, 1).at(0).actor.kind(), accounts::Actor::Kind::login_attempt);
}

// Rows written before actors were structured keep their meaning: a typed "cli" stays typed.
TEST(AuditMigration, OldActorsTakeTheStructuredForm) {
    char pattern[] = "/tmp/rempart-audit-test.XXXXXX";
    const std::filesystem::path dir = ::mkdtemp(pattern);
    {
        auto opened = Database::open(dir / "rempart.db", Database::Mode::read_write);
        ASSERT_TRUE(opened.ok());
        auto db = std::move(*opened);
        auto all = embedded_migrations();
        std::vector<Migration> before;
        for (const auto& migration : all)
            if (migration.number < 9) before.push_back(migration);
        ASSERT_TRUE(migrate(*db, before).ok());
        ASSERT_TRUE(
            db->exec("INSERT INTO users (email, role, password_hash, created_ms) VALUES "
                     "('ana@example.org', 'admin', 'h', 1);"
                     "INSERT INTO audit_log (at_ms, user_id, actor, action, detail, ip) "
                     "VALUES (1, NULL, 'cli', 'user_added', '', ''),"
                     "(2, NULL, 'cli', 'login_failed', 'unknown account', '192.0.2.7'),"
                     "(3, 1, 'Ana@example.org', 'login_failed', 'wrong password', '192.0.2.7'),"
                     "(4, 1, 'ana@example.org', 'login_ok', 'password', '192.0.2.7'),"
                     "(5, 1, 'ana@example.org', 'cluster_released', '', '192.0.2.7'),"
                     "(6, NULL, 'cli', 'login_locked', '', '192.0.2.7');")
                .ok());
        ASSERT_TRUE(migrate(*db).ok());
        std::vector<std::string> actors;
        auto& rows = db->prepare("SELECT actor FROM audit_log ORDER BY at_ms");
        while (rows.step()) actors.push_back(rows.column_text(0));
        EXPECT_EQ(actors, (std::vector<std::string>{"cli", "web:cli", "web:Ana@example.org",
                                                    "account:1", "account:1", "web:cli"}));
    }
    std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace rempart::store
