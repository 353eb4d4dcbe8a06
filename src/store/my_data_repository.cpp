// A signer's data by mailbox, through their mailed link.
#include "store/my_data_repository.hpp"

#include <sqlite3.h>

#include "store/detail/anonymised.hpp"
#include "store/newsletter_repository.hpp"

namespace rempart::store {
namespace {

Result<std::int64_t> counted_run(Database& db, Statement& statement) {
    if (auto ran = statement.run(); !ran) return ran.error();
    return db.changes();
}

// The rows an action takes: the mailbox's, and only the one named when one is.
constexpr std::string_view of_mailbox =
    "email_canonical = ?1 AND (?2 IS NULL OR id = ?2) AND anonymised_at IS NULL";

}  // namespace

bool mailbox_has_signed(Database& db, std::string_view mailbox) {
    auto& select = db.prepare(
        "SELECT 1 FROM signatures WHERE email_canonical = ?1 AND anonymised_at IS NULL UNION ALL "
        "SELECT 1 FROM newsletter_subscribers WHERE mailbox = ?1 LIMIT 1");
    select.bind(1, mailbox);
    const bool found = select.step();
    select.reset();
    return found;
}

Result<void> insert_data_link(Database& db, std::string_view token_hash, std::string_view mailbox,
                              std::int64_t now, std::int64_t expires_at, std::int64_t uses) {
    auto& insert = db.prepare(
        "INSERT INTO data_links (token_hash, mailbox, created_at, expires_at, uses_left) "
        "VALUES (?1, ?2, ?3, ?4, ?5)");
    insert.bind(1, token_hash).bind(2, mailbox).bind(3, now).bind(4, expires_at).bind(5, uses);
    return insert.run();
}

Result<std::optional<std::string>> use_data_link(Database& db, std::string_view token_hash,
                                                 std::int64_t now) {
    auto& select = db.prepare(
        "UPDATE data_links SET uses_left = uses_left - 1 WHERE token_hash = ?1 AND "
        "expires_at > ?2 AND uses_left > 0 RETURNING mailbox");
    select.bind(1, token_hash).bind(2, now);
    std::optional<std::string> mailbox;
    if (select.step()) mailbox = select.column_text(0);
    while (select.step()) {
    }
    if (auto done = select.status(); !done) {
        select.reset();
        return done.error();
    }
    select.reset();
    return mailbox;
}

std::vector<signatures::SignerRecord> signatures_of_mailbox(Database& db,
                                                            std::string_view mailbox) {
    auto& select = db.prepare(
        "SELECT s.id, p.slug, p.title, p.state, s.state, s.name, s.email, "
        "COALESCE(s.postcode, ''), s.comment, s.public_name, s.language, s.terms_version, "
        "s.privacy_version, s.created_at, s.confirmed_at, s.withdrawn_at, "
        "s.updates_at IS NOT NULL AND s.updates_left_at IS NULL, s.newsletter_at, s.ip "
        "FROM signatures s JOIN petitions p ON p.id = s.petition_id "
        "WHERE s.email_canonical = ?1 AND s.anonymised_at IS NULL ORDER BY s.id DESC");
    select.bind(1, mailbox);
    std::vector<signatures::SignerRecord> records;
    while (select.step()) {
        signatures::SignerRecord r;
        r.id = select.column_int(0);
        r.petition_slug = select.column_text(1);
        r.petition_title = select.column_text(2);
        r.petition_state = select.column_text(3);
        r.state = select.column_text(4);
        r.name = select.column_text(5);
        r.email = select.column_text(6);
        r.postcode = select.column_text(7);
        r.comment = select.column_text(8);
        r.public_name = select.column_int(9) != 0;
        r.language = select.column_text(10);
        r.terms_version = select.column_text(11);
        r.privacy_version = select.column_text(12);
        r.created_at = select.column_int(13);
        r.confirmed_at = select.column_optional_int(14);
        r.withdrawn_at = select.column_optional_int(15);
        r.updates = select.column_int(16) != 0;
        r.newsletter_at = select.column_optional_int(17);
        r.ip = select.column_text(18);
        records.push_back(std::move(r));
    }
    select.reset();
    return records;
}

Result<std::int64_t> withdraw_mailbox(Database& db, std::string_view mailbox,
                                      std::optional<std::int64_t> signature, std::int64_t now) {
    auto& update = db.prepare(
        "UPDATE signatures SET state = 'withdrawn', withdrawn_at = ?3 WHERE " +
        std::string(of_mailbox) + " AND state IN ('pending', 'confirmed', 'quarantined')");
    update.bind(1, mailbox).bind(2, signature).bind(3, now);
    return counted_run(db, update);
}

Result<std::int64_t> erase_mailbox(Database& db, std::string_view mailbox,
                                   std::optional<std::int64_t> signature, std::int64_t now) {
    // Withdrawn first where the petition still collects; a count already handed over (a
    // closed or archived petition) stays true, anonymised.
    auto& withdraw =
        db.prepare("UPDATE signatures SET state = 'withdrawn', withdrawn_at = ?3 WHERE " +
                   std::string(of_mailbox) +
                   " AND state IN ('pending', 'confirmed', 'quarantined') AND petition_id IN "
                   "(SELECT id FROM petitions WHERE state NOT IN ('closed', 'archived'))");
    withdraw.bind(1, mailbox).bind(2, signature).bind(3, now);
    if (auto done = withdraw.run(); !done) return done.error();
    // Their links, and the mails that would still name them: none leaves after this.
    for (const auto* sql :
         {"DELETE FROM signature_tokens WHERE signature_id IN (SELECT id FROM signatures WHERE ",
          "DELETE FROM outbox WHERE state = 'queued' AND signature_id IN (SELECT id FROM "
          "signatures WHERE ",
          "UPDATE outbox SET envelope_to = '', message = '', link_token = NULL "
          "WHERE signature_id IN (SELECT id FROM signatures WHERE "}) {
        auto& statement = db.prepare(std::string(sql) + std::string(of_mailbox) + ")");
        statement.bind(1, mailbox).bind(2, signature);
        if (auto done = statement.run(); !done) return done.error();
    }
    auto& anonymise =
        db.prepare("UPDATE signatures SET " + std::string(detail::anonymised_signature) +
                   ", newsletter_at = NULL, updates_left_at = COALESCE(updates_left_at, ?3), "
                   "anonymised_at = ?3 WHERE " +
                   std::string(of_mailbox));
    anonymise.bind(1, mailbox).bind(2, signature).bind(3, now);
    auto erased = counted_run(db, anonymise);
    if (!erased || signature) return erased;
    // Erasing everything takes the newsletter's address too.
    auto newsletter = end_subscription_of_mailbox(db, mailbox, signatures::NewsletterEnd::my_data,
                                                  now, now);
    if (!newsletter) return newsletter;
    return *erased + *newsletter;
}

Result<std::int64_t> unsubscribe_mailbox(Database& db, std::string_view mailbox, std::int64_t now) {
    auto& update = db.prepare(
        "UPDATE signatures SET updates_left_at = COALESCE(updates_left_at, ?2), "
        "newsletter_at = NULL WHERE email_canonical = ?1 AND anonymised_at IS NULL AND "
        "((updates_at IS NOT NULL AND updates_left_at IS NULL) OR newsletter_at IS NOT NULL)");
    update.bind(1, mailbox).bind(2, now);
    auto changed = counted_run(db, update);
    if (!changed) return changed;
    // A subscription asked after `now` (a replay's moment) is a later wish, and stays.
    auto newsletter = end_subscription_of_mailbox(db, mailbox, signatures::NewsletterEnd::my_data,
                                                  now, now);
    if (!newsletter) return newsletter;
    return *changed + *newsletter;
}

}  // namespace rempart::store
