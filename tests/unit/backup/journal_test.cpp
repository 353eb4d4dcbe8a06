// Tests for the erasure journal and its replay: a line a step, the mailbox only as a keyed
// hash, a line cut by a crash skipped, and a replay that makes each erasure again on a
// restored store, to the signatures that existed when it was asked, and to no other.
#include "backup/journal.hpp"

#include <gtest/gtest.h>
#include <sodium.h>

#include <fstream>
#include <sstream>

#include "backup/replay.hpp"
#include "store/petition_repository.hpp"
#include "store/signature_repository.hpp"
#include "unit/store/store_fixture.hpp"

namespace rempart::backup {
namespace {

constexpr std::int64_t journal_t0 = 1'796'000'000;

class Journal : public store::testing::TempStore {
  protected:
    void SetUp() override {
        TempStore::SetUp();
        ASSERT_GE(sodium_init(), 0);
        randombytes_buf(key_.data(), key_.size());
        PetitionDraft draft;
        draft.slug = "piscine";
        draft.title = "Ouvrir la piscine";
        draft.body_markdown = "Texte";
        petition_ = store::insert_petition(*db_, draft, journal_t0)->id;
    }
    std::int64_t sign(const std::string& email, std::int64_t at, std::int64_t petition = 0) {
        const auto recorded = store::record_signature(
            *db_, store::testing::sample_signature(petition ? petition : petition_, email, at), "h-" + email + std::to_string(at),
            at + 30 * 86400, 60);
        EXPECT_TRUE(recorded.ok());
        EXPECT_TRUE(db_->exec("UPDATE signatures SET state = 'confirmed'").ok());
        return recorded ? recorded->signature_id : 0;
    }
    std::string file_text() {
        std::ifstream in(dir_ / journal_name);
        std::ostringstream text;
        text << in.rdbuf();
        return text.str();
    }
    Key key_{};
    std::int64_t petition_ = 0;
};

TEST_F(Journal, EachStepIsOneLineWithTheMailboxOnlyAsAKeyedHash) {
    ErasureJournal journal(dir_, key_);
    ASSERT_TRUE(journal.record(ErasureStep::erase, "lea@example.org", std::nullopt, journal_t0).ok());
    ASSERT_TRUE(journal.record(ErasureStep::withdraw, "lea@example.org", 7, journal_t0 + 1).ok());
    const auto text = file_text();
    EXPECT_EQ(text.find("lea"), std::string::npos);
    EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 2);
    const auto read = read_journal(dir_);
    ASSERT_TRUE(read.ok());
    ASSERT_EQ(read->entries.size(), 2u);
    EXPECT_EQ(read->entries[0].step, ErasureStep::erase);
    EXPECT_EQ(read->entries[0].signature, std::nullopt);
    EXPECT_EQ(read->entries[1].step, ErasureStep::withdraw);
    EXPECT_EQ(read->entries[1].signature, 7);
    EXPECT_EQ(read->entries[1].at, journal_t0 + 1);
    EXPECT_EQ(read->entries[0].mailbox_hash, mailbox_hash(key_, "lea@example.org"));
    // Keyed: another key, another hash; the same mailbox, the same hash.
    Key other{};
    randombytes_buf(other.data(), other.size());
    EXPECT_NE(mailbox_hash(other, "lea@example.org"), mailbox_hash(key_, "lea@example.org"));
    EXPECT_EQ(mailbox_hash(key_, "lea@example.org").size(), 64u);
}

TEST_F(Journal, NoFileIsNoEntryAndALineCutByACrashIsCountedNotRead) {
    const auto none = read_journal(dir_ / "absent");
    ASSERT_TRUE(none.ok());
    EXPECT_TRUE(none->entries.empty());
    ErasureJournal journal(dir_, key_);
    ASSERT_TRUE(journal.record(ErasureStep::unsubscribe, "noe@example.org", std::nullopt, journal_t0).ok());
    std::ofstream(dir_ / journal_name, std::ios::app) << "{\"at\":17960000";
    const auto read = read_journal(dir_);
    ASSERT_TRUE(read.ok());
    EXPECT_EQ(read->entries.size(), 1u);
    EXPECT_EQ(read->unreadable, 1u);
}

TEST_F(Journal, AReplayErasesAgainWhatWasAskedAfterTheBackupAndNothingElse) {
    const auto lea_old = sign("lea@example.org", journal_t0);
    sign("camille@example.org", journal_t0);
    const auto noe = sign("noe@example.org", journal_t0);
    const auto backup_at = journal_t0 + 3600;
    // After the backup: Léa erases all hers, then signs another petition; Noé withdraws one;
    // an erasure older than the backup is in the backup already and is not replayed.
    ErasureJournal journal(dir_, key_);
    ASSERT_TRUE(journal.record(ErasureStep::erase, "camille@example.org", std::nullopt,
                               journal_t0 - 86400).ok());
    ASSERT_TRUE(journal.record(ErasureStep::erase, "lea@example.org", std::nullopt,
                               backup_at + 10).ok());
    ASSERT_TRUE(journal.record(ErasureStep::withdraw, "noe@example.org", noe, backup_at + 20).ok());
    PetitionDraft draft;
    draft.slug = "velo";
    draft.title = "Des pistes cyclables";
    draft.body_markdown = "Texte";
    const auto other = store::insert_petition(*db_, draft, journal_t0)->id;
    const auto lea_new = sign("lea@example.org", backup_at + 30, other);

    const auto read = read_journal(dir_);
    ASSERT_TRUE(read.ok());
    const auto replayed = replay_erasures(*db_, *read, key_, backup_at);
    ASSERT_TRUE(replayed.ok()) << replayed.error().detail;
    EXPECT_EQ(replayed->entries, 2);
    EXPECT_EQ(replayed->signatures, 2);
    EXPECT_EQ(value("SELECT email_canonical = 'lea@example.org' FROM signatures WHERE id = " +
                    std::to_string(lea_old)),
              "0");
    EXPECT_EQ(value("SELECT anonymised_at IS NOT NULL FROM signatures WHERE id = " +
                    std::to_string(lea_old)),
              "1");
    EXPECT_EQ(value("SELECT state || ',' || (anonymised_at IS NULL) FROM signatures WHERE id = " +
                    std::to_string(lea_new)),
              "confirmed,1");
    EXPECT_EQ(value("SELECT state FROM signatures WHERE id = " + std::to_string(noe)),
              "withdrawn");
    EXPECT_EQ(value("SELECT state FROM signatures WHERE email = 'camille@example.org'"),
              "confirmed");
    // Twice is once.
    const auto again = replay_erasures(*db_, *read, key_, backup_at);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->signatures, 0);
}

TEST_F(Journal, AReplayEndsTheNewsletterLeftByItsLinkAndNothingElse) {
    // Ana has no signature left, only her subscription; Bob signed and subscribed.
    sign("bob@example.org", journal_t0);
    ASSERT_TRUE(db_->exec("UPDATE signatures SET updates_at = 1").ok());
    for (const char* mailbox : {"ana@example.org", "bob@example.org"})
        ASSERT_TRUE(db_->exec("INSERT INTO newsletter_subscribers (email, mailbox, language, "
                              "state, asked_at, asked_words, last_action_at) VALUES ('" +
                              std::string(mailbox) + "', '" + mailbox +
                              "', 'fr', 'subscribed', " + std::to_string(journal_t0) +
                              ", 'v', " + std::to_string(journal_t0) + ")")
                        .ok());
    const auto backup_at = journal_t0 + 3600;
    ErasureJournal journal(dir_, key_);
    ASSERT_TRUE(journal.record(ErasureStep::leave_newsletter, "ana@example.org", std::nullopt,
                               backup_at + 10).ok());
    const auto replayed = replay_erasures(*db_, *read_journal(dir_), key_, backup_at);
    ASSERT_TRUE(replayed.ok()) << replayed.error().detail;
    EXPECT_EQ(replayed->signatures, 1);
    EXPECT_EQ(value("SELECT group_concat(state || ' ' || COALESCE(email, '-') || ' ' || "
                    "COALESCE(ended_how, '-'), '; ') FROM newsletter_subscribers"),
              "left - link; subscribed bob@example.org -");
    // Leaving the newsletter stops no petition's news.
    EXPECT_EQ(value("SELECT updates_left_at IS NULL FROM signatures"), "1");
}

TEST_F(Journal, AReplayWithAnotherKeyFindsNobody) {
    sign("lea@example.org", journal_t0);
    ErasureJournal journal(dir_, key_);
    ASSERT_TRUE(journal.record(ErasureStep::erase, "lea@example.org", std::nullopt, journal_t0 + 5).ok());
    Key other{};
    randombytes_buf(other.data(), other.size());
    const auto replayed = replay_erasures(*db_, *read_journal(dir_), other, journal_t0);
    ASSERT_TRUE(replayed.ok());
    EXPECT_EQ(replayed->signatures, 0);
    EXPECT_EQ(value("SELECT count(*) FROM signatures WHERE anonymised_at IS NULL"), "1");
}

}  // namespace
}  // namespace rempart::backup
