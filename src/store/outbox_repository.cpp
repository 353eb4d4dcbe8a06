// The outbox table: mails written in the transaction that made them, sent later.
#include "store/outbox_repository.hpp"

namespace rempart::store {

Result<std::int64_t> enqueue_mail(Database& db, std::string_view purpose,
                                  std::string_view envelope_from, std::string_view envelope_to,
                                  std::string_view message, std::int64_t now) {
    auto& insert = db.prepare(
        "INSERT INTO outbox (purpose, envelope_from, envelope_to, message, state, "
        "next_attempt_at, created_at) VALUES (?1, ?2, ?3, ?4, 'queued', ?5, ?5)");
    insert.bind(1, purpose).bind(2, envelope_from).bind(3, envelope_to).bind(4, message);
    insert.bind(5, now);
    if (auto inserted = insert.run(); !inserted) return inserted.error();
    return db.last_insert_id();
}

Result<std::int64_t> enqueue_confirmation(Database& db, std::string_view envelope_from,
                                          std::string_view envelope_to, std::int64_t signature_id,
                                          std::string_view link_token, std::int64_t now) {
    auto& insert = db.prepare(
        "INSERT INTO outbox (purpose, envelope_from, envelope_to, message, state, "
        "next_attempt_at, created_at, signature_id, link_token) "
        "VALUES ('confirmation', ?1, ?2, '', 'queued', ?3, ?3, ?4, ?5)");
    insert.bind(1, envelope_from).bind(2, envelope_to).bind(3, now).bind(4, signature_id);
    insert.bind(5, link_token);
    if (auto inserted = insert.run(); !inserted) return inserted.error();
    return db.last_insert_id();
}

Result<std::int64_t> enqueue_newsletter_confirmation(Database& db, std::string_view envelope_from,
                                                     std::string_view envelope_to,
                                                     std::int64_t subscriber_id,
                                                     std::int64_t now) {
    auto& insert = db.prepare(
        "INSERT INTO outbox (purpose, envelope_from, envelope_to, message, state, "
        "next_attempt_at, created_at, newsletter_id) "
        "VALUES ('newsletter', ?1, ?2, '', 'queued', ?3, ?3, ?4)");
    insert.bind(1, envelope_from).bind(2, envelope_to).bind(3, now).bind(4, subscriber_id);
    if (auto inserted = insert.run(); !inserted) return inserted.error();
    return db.last_insert_id();
}

std::vector<OutboxMail> due_mails(Database& db, std::int64_t now, std::size_t limit) {
    auto& select = db.prepare(
        "SELECT o.id, o.envelope_from, o.envelope_to, o.message, o.attempts, "
        "o.created_at, o.link_token, s.name, s.language, p.title, o.news_id, o.signature_id, "
        "p.slug, n.number, n.kind, n.subject, n.body_markdown, o.newsletter_id, ns.language "
        "FROM outbox o "
        "LEFT JOIN signatures s ON s.id = o.signature_id "
        "LEFT JOIN petitions p ON p.id = s.petition_id "
        "LEFT JOIN petition_news n ON n.id = o.news_id "
        "LEFT JOIN newsletter_subscribers ns ON ns.id = o.newsletter_id "
        "WHERE o.state = 'queued' AND o.next_attempt_at <= ?1 ORDER BY o.next_attempt_at, o.id "
        "LIMIT ?2");
    select.bind(1, now).bind(2, static_cast<std::int64_t>(limit));
    std::vector<OutboxMail> mails;
    while (select.step()) {
        OutboxMail mail;
        mail.id = select.column_int(0);
        mail.envelope_from = select.column_text(1);
        mail.envelope_to = select.column_text(2);
        mail.message = select.column_text(3);
        mail.attempts = select.column_int(4);
        mail.created_at = select.column_int(5);
        if (mail.message.empty() && !select.column_is_null(6))
            mail.confirmation = ConfirmationParts{select.column_text(6), select.column_text(7),
                                                  select.column_text(8), select.column_text(9)};
        else if (mail.message.empty() && !select.column_is_null(10))
            mail.news =
                NewsParts{select.column_int(11), select.column_text(7),  select.column_text(8),
                          select.column_text(9), select.column_text(12), select.column_int(10),
                          select.column_int(13), select.column_text(14), select.column_text(15),
                          select.column_text(16)};
        else if (mail.message.empty() && !select.column_is_null(17))
            mail.newsletter = NewsletterParts{select.column_int(17), select.column_text(18)};
        mails.push_back(std::move(mail));
    }
    select.reset();
    return mails;
}

Result<void> mark_mail_sent(Database& db, std::int64_t id, std::int64_t now) {
    auto& update = db.prepare(
        "UPDATE outbox SET state = 'sent', sent_at = ?1, message = '', link_token = NULL, "
        "attempts = attempts + 1, last_error = NULL WHERE id = ?2");
    update.bind(1, now).bind(2, id);
    return update.run();
}

Result<void> mark_mail_retry(Database& db, std::int64_t id, std::int64_t next_attempt_at,
                             std::string_view error) {
    auto& update = db.prepare(
        "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?1, last_error = ?2 "
        "WHERE id = ?3");
    update.bind(1, next_attempt_at).bind(2, error).bind(3, id);
    return update.run();
}

Result<void> mark_mail_failed(Database& db, std::int64_t id, std::string_view error) {
    auto& update = db.prepare(
        "UPDATE outbox SET state = 'failed', attempts = attempts + 1, last_error = ?1 "
        "WHERE id = ?2");
    update.bind(1, error).bind(2, id);
    return update.run();
}

OutboxCounts count_mails(Database& db) {
    auto& select = db.prepare("SELECT state, COUNT(*) FROM outbox GROUP BY state");
    OutboxCounts counts;
    while (select.step()) {
        const auto state = select.column_text(0);
        const auto count = select.column_int(1);
        if (state == "queued") counts.queued = count;
        if (state == "sent") counts.sent = count;
        if (state == "failed") counts.failed = count;
    }
    select.reset();
    return counts;
}

std::vector<std::string> recipients_since(Database& db, std::string_view purpose,
                                          std::int64_t since) {
    auto& select = db.prepare(
        "SELECT envelope_to FROM outbox WHERE purpose = ?1 AND created_at >= ?2 ORDER BY id");
    select.bind(1, purpose).bind(2, since);
    std::vector<std::string> out;
    while (select.step()) out.push_back(select.column_text(0));
    select.reset();
    return out;
}

}  // namespace rempart::store
