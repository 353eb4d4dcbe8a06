// Tests for the retention rules in the store: each applies at its time and not before, a
// batch never takes more than it is given, counts (and counts by département) stay true,
// legal hold and an incident's evidence stop what they hold, and every rule run twice
// changes nothing the second time.
#include "store/retention_repository.hpp"

#include <gtest/gtest.h>

#include "store/petition_repository.hpp"
#include "store/report_repository.hpp"
#include "store/user_repository.hpp"
#include "store/signature_repository.hpp"
#include "store_fixture.hpp"

namespace rempart::store {
namespace {

constexpr std::int64_t retention_day = 86400;
constexpr std::int64_t retention_t0 = 1'700'000'000;

class Retention : public testing::TempStore {
  protected:
    void SetUp() override {
        TempStore::SetUp();
        PetitionDraft draft;
        draft.slug = "piscine";
        draft.title = "Ouvrir la piscine";
        draft.body_markdown = "Texte";
        petition_ = insert_petition(*db_, draft, retention_t0)->id;
    }
    std::int64_t sign(const std::string& email, std::int64_t at, const std::string& state) {
        const auto recorded =
            record_signature(*db_, testing::sample_signature(petition_, email, at), "h-" + email,
                             at + 30 * retention_day, 60);
        EXPECT_TRUE(recorded.ok());
        EXPECT_TRUE(
            db_->exec("UPDATE signatures SET state = '" + state + "' WHERE email = '" + email + "'")
                .ok());
        return recorded ? recorded->signature_id : 0;
    }
    std::int64_t petition_ = 0;
};

TEST_F(Retention, AnUnconfirmedSignatureIsErasedAtItsTimeWithItsLinkAndTheCountFollows) {
    sign("old@example.org", retention_t0, "pending");
    sign("new@example.org", retention_t0 + 20 * retention_day, "pending");
    sign("kept@example.org", retention_t0, "confirmed");
    ASSERT_TRUE(db_->exec("INSERT INTO signing_events (at_ms, kind, petition_id, signature_id, "
                          "verdict, ip, network) SELECT 1000, 'attempt', petition_id, id, "
                          "'accepted', ip, '192.0.2.0/24' FROM signatures")
                    .ok());
    const auto cutoff = retention_t0 + 1;
    EXPECT_EQ(*erase_unconfirmed(*db_, retention_t0, 100), 0);  // made at the cutoff: not before it
    EXPECT_EQ(*erase_unconfirmed(*db_, cutoff, 100), 1);
    EXPECT_EQ(*erase_unconfirmed(*db_, cutoff, 100), 0);
    EXPECT_EQ(value("SELECT group_concat(email) FROM signatures ORDER BY id"),
              "new@example.org,kept@example.org");
    EXPECT_EQ(value("SELECT COUNT(*) FROM signature_tokens"), "2");
    EXPECT_EQ(value("SELECT COUNT(*) FROM signing_events WHERE signature_id IS NULL"), "1");
    EXPECT_EQ(count_signatures(*db_, petition_, signatures::SignatureState::pending), 1);
    EXPECT_EQ(count_signatures(*db_, petition_, signatures::SignatureState::confirmed), 1);
}

TEST_F(Retention, AClosedPetitionsSignaturesAreAnonymisedCountsKeptUnlessOnLegalHold) {
    for (int i = 0; i < 5; ++i)
        sign("s" + std::to_string(i) + "@example.org", retention_t0, "confirmed");
    sign("late@example.org", retention_t0, "pending");
    const auto closed_at = retention_t0 + 10 * retention_day;
    ASSERT_TRUE(take_petition_step(*db_, petition_, PetitionStep::close, closed_at).ok());
    EXPECT_EQ(*anonymise_closed(*db_, closed_at, retention_t0 + 400 * retention_day, 100),
              0);  // not before
    ASSERT_TRUE(db_->exec("UPDATE petitions SET legal_hold = 1").ok());
    EXPECT_EQ(*anonymise_closed(*db_, closed_at + 1, retention_t0 + 400 * retention_day, 100), 0);
    ASSERT_TRUE(db_->exec("UPDATE petitions SET legal_hold = 0").ok());
    EXPECT_EQ(*anonymise_closed(*db_, closed_at + 1, retention_t0 + 400 * retention_day, 4),
              4);  // one batch
    EXPECT_EQ(*anonymise_closed(*db_, closed_at + 1, retention_t0 + 400 * retention_day, 4), 2);
    EXPECT_EQ(*anonymise_closed(*db_, closed_at + 1, retention_t0 + 400 * retention_day, 4), 0);
    EXPECT_EQ(value("SELECT COUNT(*) FROM signatures WHERE name <> '' OR email <> '' OR ip <> '' "
                    "OR postcode IS NOT NULL OR anonymised_at IS NULL"),
              "0");
    EXPECT_EQ(value("SELECT COUNT(*) FROM signature_tokens"), "0");
    EXPECT_EQ(count_signatures(*db_, petition_, signatures::SignatureState::confirmed), 5);
    EXPECT_EQ(value("SELECT count FROM region_counts WHERE region = '75'"), "5");
    EXPECT_EQ(value("SELECT COUNT(DISTINCT region) || ' ' || MIN(region) FROM signatures"), "1 75");
}

TEST_F(Retention, ATakenDownPetitionsSignaturesAreAnonymisedAsAClosedOnesAre) {
    for (int i = 0; i < 3; ++i)
        sign("t" + std::to_string(i) + "@example.org", retention_t0, "confirmed");
    ASSERT_TRUE(db_->exec("UPDATE petitions SET state = 'published'").ok());
    const auto moderator =
        insert_user(*db_, "mo@example.org", accounts::Role::moderator, "x", false, 0)->id;
    const auto reason = std::stoll(value("SELECT id FROM rejection_reasons WHERE code = 'abuse'"));
    const auto taken_down = retention_t0 + 10 * retention_day;
    ASSERT_TRUE(take_down(*db_, petition_, moderator, reason, "", taken_down).ok());
    EXPECT_EQ(value("SELECT closed_at FROM petitions"), std::to_string(taken_down));
    EXPECT_EQ(*anonymise_closed(*db_, taken_down, taken_down + retention_day, 100), 0);
    EXPECT_EQ(*anonymise_closed(*db_, taken_down + 1, taken_down + retention_day, 100), 3);
    EXPECT_EQ(count_signatures(*db_, petition_, signatures::SignatureState::confirmed), 3);
}

TEST_F(Retention, AProposalsAuthorAndSupportersAreErasedWithItsPetitionOrItsRejection) {
    // Four proposals: this fixture's petition closes; one rejected; one published and open;
    // one its author never confirmed.
    std::vector<std::int64_t> ids{petition_};
    for (const char* slug : {"rejetee", "ouverte", "oubliee"}) {
        PetitionDraft draft;
        draft.slug = slug;
        draft.title = slug;
        draft.body_markdown = "Texte";
        ids.push_back(insert_petition(*db_, draft, retention_t0)->id);
    }
    const auto at = std::to_string(retention_t0);
    ASSERT_TRUE(db_->exec("UPDATE petitions SET state = 'closed', closed_at = " + at +
                          " WHERE id = " + std::to_string(ids[0]) +
                          "; UPDATE petitions SET state = 'rejected' WHERE id = " +
                          std::to_string(ids[1]) +
                          "; UPDATE petitions SET state = 'published' WHERE id = " +
                          std::to_string(ids[2]))
                    .ok());
    for (std::size_t i = 0; i < ids.size(); ++i) {
        const auto n = std::to_string(i);
        ASSERT_TRUE(db_->exec("INSERT INTO submissions (petition_id, author_name, author_email, "
                              "author_mailbox, link_nonce, proposed_at, confirmed_at, decided_at) "
                              "VALUES (" + std::to_string(ids[i]) + ", 'Auteur " + n +
                              "', 'a" + n + "@example.org', 'a" + n + "@example.org', 'n', " + at +
                              ", " + (i == 3 ? "NULL" : at) + ", " + at + ")")
                        .ok());
    }
    for (const char* supporter : {"s1", "s2"})
        ASSERT_TRUE(db_->exec("INSERT INTO proposal_supporters (petition_id, name, mailbox, "
                              "token_hash, supported_at, confirmed_at) VALUES (" +
                              std::to_string(ids[0]) + ", 'Soutien', '" + supporter +
                              "@example.org', 'h" + supporter + "', " + at + ", " + at + ")")
                        .ok());
    ASSERT_TRUE(db_->exec("UPDATE petitions SET legal_hold = 1 WHERE id = " + std::to_string(ids[0]))
                    .ok());
    EXPECT_EQ(*anonymise_proposals(*db_, retention_t0, retention_t0, 10), 0);  // not before
    EXPECT_EQ(*anonymise_proposals(*db_, retention_t0 + 1, retention_t0 + 1, 10), 2);
    EXPECT_EQ(value("SELECT author_name FROM submissions WHERE petition_id = " +
                    std::to_string(ids[0])),
              "Auteur 0");  // on legal hold
    ASSERT_TRUE(db_->exec("UPDATE petitions SET legal_hold = 0").ok());
    EXPECT_EQ(*anonymise_proposals(*db_, retention_t0 + 1, retention_t0 + 1, 10), 1);
    EXPECT_EQ(*anonymise_proposals(*db_, retention_t0 + 1, retention_t0 + 1, 10), 0);
    EXPECT_EQ(value("SELECT group_concat(author_name || author_email || author_mailbox, '|') FROM "
                    "(SELECT * FROM submissions ORDER BY petition_id)"),
              "||Auteur 2a2@example.orga2@example.org|");
    EXPECT_EQ(value("SELECT COUNT(*) || ' ' || SUM(name = '') || ' ' || SUM(mailbox LIKE "
                    "'erased:%') || ' ' || SUM(confirmed_at IS NOT NULL) FROM proposal_supporters"),
              "2 2 2 2");
}

TEST_F(Retention, AddressesBecomeTheirNetworkFromWhereTheRuleStopped) {
    sign("a@example.org", retention_t0, "confirmed");
    sign("b@example.org", retention_t0 + 1, "confirmed");
    sign("c@example.org", retention_t0 + 5 * retention_day, "confirmed");
    EXPECT_EQ(address_cursor(*db_, AddressTable::signatures), 0);
    const auto rows = addresses_after(*db_, AddressTable::signatures, 0, 10);
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[0].address, "192.0.2.1");
    EXPECT_EQ(rows[2].at, retention_t0 + 5 * retention_day);
    ASSERT_TRUE(replace_addresses(*db_, AddressTable::signatures,
                                  {{rows[0].id, "192.0.2.0/24"}, {rows[1].id, "192.0.2.0/24"}})
                    .ok());
    ASSERT_TRUE(keep_address_cursor(*db_, AddressTable::signatures, rows[1].id).ok());
    EXPECT_EQ(address_cursor(*db_, AddressTable::signatures), rows[1].id);
    EXPECT_EQ(addresses_after(*db_, AddressTable::signatures, rows[1].id, 10).size(), 1u);
    EXPECT_EQ(value("SELECT group_concat(ip) FROM signatures ORDER BY id"),
              "192.0.2.0/24,192.0.2.0/24,192.0.2.1");
    EXPECT_EQ(address_cursor(*db_, AddressTable::audit_log), 0);  // each table its own place
}

TEST_F(Retention, EventsArePrunedButWhatAnIncidentHoldsStaysUntilItIsDecidedAndAfter) {
    PetitionDraft draft;
    draft.slug = "attaquee";
    draft.title = "Attaquée";
    draft.body_markdown = "Texte";
    const auto attacked = insert_petition(*db_, draft, retention_t0)->id;
    for (const auto petition : {petition_, attacked})
        for (int i = 0; i < 3; ++i)
            ASSERT_TRUE(db_->exec("INSERT INTO signing_events (at_ms, kind, petition_id, verdict, "
                                  "ip, network) VALUES (" +
                                  std::to_string(retention_t0 * 1000 + i) + ", 'attempt', " +
                                  std::to_string(petition) +
                                  ", 'accepted', '192.0.2.1', '192.0.2.0/24')")
                            .ok());
    ASSERT_TRUE(db_->exec("INSERT INTO incidents (id, subject, petition_id, state, dimension, "
                          "key_value, attempts_in_window, window_total, distinct_networks, "
                          "first_attempt_ms, opened_ms, quarantined) VALUES (1, 'signatures', " +
                          std::to_string(attacked) + ", 'open', 'network', 'x', 3, 3, 1, " +
                          std::to_string(retention_t0 * 1000) + ", " +
                          std::to_string(retention_t0 * 1000) + ", 0)")
                    .ok());
    const auto later = retention_t0 + 100 * retention_day;
    EXPECT_EQ(*prune_events(*db_, retention_t0, later, 100), 0);  // not before their time
    EXPECT_EQ(*prune_events(*db_, later, later, 2), 2);           // a batch takes what it is given
    EXPECT_EQ(*prune_events(*db_, later, later, 100), 1);
    EXPECT_EQ(value("SELECT COUNT(*) FROM signing_events WHERE petition_id = " +
                    std::to_string(attacked)),
              "3");
    // Decided: held until the evidence's time has passed since the decision.
    const auto decided_ms = (retention_t0 + 50 * retention_day) * 1000;
    ASSERT_TRUE(db_->exec("UPDATE incidents SET state = 'released'").ok());
    ASSERT_TRUE(db_->exec("INSERT INTO incident_actions (incident_id, at_ms, action, detail) "
                          "VALUES (1, " +
                          std::to_string(decided_ms) + ", 'released', '')")
                    .ok());
    EXPECT_EQ(*prune_events(*db_, later, decided_ms / 1000, 100), 0);
    EXPECT_EQ(*prune_events(*db_, later, decided_ms / 1000 + 1, 100), 3);
    EXPECT_EQ(value("SELECT COUNT(*) FROM signing_events"), "0");
}

TEST_F(Retention, SentMailsLoseTheirAddressFailedOnesGoAndQueuedOnesWait) {
    for (const auto& [state, at] :
         std::vector<std::pair<std::string, std::int64_t>>{{"sent", retention_t0},
                                                           {"failed", retention_t0},
                                                           {"queued", retention_t0},
                                                           {"sent", retention_t0},
                                                           {"sent", retention_t0 + retention_day}})
        ASSERT_TRUE(db_->exec("INSERT INTO outbox (purpose, envelope_from, envelope_to, message, "
                              "state, next_attempt_at, created_at) VALUES ('confirmation', "
                              "'site@example.org', 'ana@example.org', 'body', '" +
                              state + "', 0, " + std::to_string(at) + ")")
                        .ok());
    EXPECT_EQ(*clear_old_mail(*db_, retention_t0, 100), 0);
    // The failed one goes; the first sent one is emptied; the queued one stops the walk.
    EXPECT_EQ(*clear_old_mail(*db_, retention_t0 + 1, 100), 2);
    EXPECT_EQ(value("SELECT group_concat(state || ':' || envelope_to, ' ') FROM outbox"),
              "sent: queued:ana@example.org sent:ana@example.org sent:ana@example.org");
    ASSERT_TRUE(db_->exec("UPDATE outbox SET state = 'sent' WHERE state = 'queued'").ok());
    EXPECT_EQ(*clear_old_mail(*db_, retention_t0 + 1, 100), 2);
    EXPECT_EQ(*clear_old_mail(*db_, retention_t0 + 1, 100),
              0);  // the last is newer than the cutoff
    EXPECT_EQ(value("SELECT COUNT(*) FROM outbox WHERE envelope_to <> ''"), "1");
}

TEST_F(Retention, EndedSessionsAndOldAuditEntriesGo) {
    ASSERT_TRUE(db_->exec("INSERT INTO users (email, role, password_hash, created_ms) VALUES "
                          "('olga@example.org', 'admin', 'x', 0)")
                    .ok());
    ASSERT_TRUE(
        db_->exec("INSERT INTO sessions VALUES ('a', 1, 'c', 0, 0, " +
                  std::to_string(retention_t0 * 1000) + ", '192.0.2.1'), ('b', 1, 'c', 0, 0, " +
                  std::to_string((retention_t0 + 9 * retention_day) * 1000) + ", '192.0.2.1')")
            .ok());
    ASSERT_TRUE(db_->exec("INSERT INTO audit_log (at_ms, actor, action, detail, ip) VALUES (" +
                          std::to_string(retention_t0 * 1000) + ", 'cli', 'old', '', ''), (" +
                          std::to_string((retention_t0 + 9 * retention_day) * 1000) +
                          ", 'cli', 'new', '', '')")
                    .ok());
    EXPECT_EQ(*prune_sessions_and_audit(*db_, retention_t0, retention_t0, 100), 0);
    EXPECT_EQ(*prune_sessions_and_audit(*db_, retention_t0 + 1, retention_t0 + 1, 100), 2);
    EXPECT_EQ(value("SELECT token_hash FROM sessions"), "b");
    EXPECT_EQ(value("SELECT action FROM audit_log"), "new");
}

}  // namespace
}  // namespace rempart::store
