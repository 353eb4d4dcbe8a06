// The newsletter's subscriptions, their proof and their end.
#include "store/newsletter_repository.hpp"

#include <sqlite3.h>

namespace rempart::store {
namespace {

using signatures::NewsletterEnd;
using signatures::NewsletterState;

constexpr std::int64_t ask_again_after = 24 * 3600;

constexpr std::string_view subscriber_columns =
    "SELECT n.id, n.email, n.mailbox, n.language, n.state, n.asked_at, p.title, p.slug, "
    "n.asked_words, n.confirmed_at, n.confirmed_from, n.words, w.words, n.last_action_at "
    "FROM newsletter_subscribers n LEFT JOIN petitions p ON p.id = n.asked_on "
    "LEFT JOIN consent_wordings w ON w.version = n.words ";

NewsletterSubscriber read_subscriber(Statement& select) {
    NewsletterSubscriber s;
    s.id = select.column_int(0);
    s.email = select.column_text(1);
    s.mailbox = select.column_text(2);
    s.language = select.column_text(3);
    s.state = signatures::parse_newsletter_state(select.column_text(4))
                  .value_or(NewsletterState::pending);
    s.asked_at = select.column_int(5);
    s.asked_on_title = select.column_text(6);
    s.asked_on_slug = select.column_text(7);
    s.asked_words = select.column_text(8);
    s.confirmed_at = select.column_optional_int(9);
    s.confirmed_from = select.column_text(10);
    s.words_version = select.column_text(11);
    s.words = select.column_text(12);
    s.last_action_at = select.column_int(13);
    return s;
}

std::optional<NewsletterSubscriber> one_subscriber(Statement& select) {
    std::optional<NewsletterSubscriber> found;
    if (select.step()) found = read_subscriber(select);
    select.reset();
    return found;
}

Result<std::int64_t> run_and_count_subscriptions(Database& db, Statement& statement) {
    if (auto ran = statement.run(); !ran) return ran.error();
    return db.changes();
}

// A subscription that ends takes back the confirmation mail still waiting to leave: the
// subscriptions `which` names, its ?1 bound to `key`.
Result<void> drop_queued_asks(Database& db, std::string_view which, const auto& key) {
    auto& drop = db.prepare(
        "DELETE FROM outbox WHERE state = 'queued' AND newsletter_id IN (SELECT id FROM "
        "newsletter_subscribers WHERE " + std::string(which) + ")");
    drop.bind(1, key);
    return drop.run();
}

}  // namespace

Result<std::optional<NewsletterAsk>> note_confirmed_signature(Database& db,
                                                              std::int64_t signature_id,
                                                              std::int64_t now) {
    auto& signature = db.prepare(
        "SELECT s.email, s.email_canonical, s.language, s.petition_id, s.consent_version, "
        "s.newsletter_at IS NOT NULL, n.id, n.state, n.last_action_at FROM signatures s "
        "LEFT JOIN newsletter_subscribers n ON n.mailbox = s.email_canonical WHERE s.id = ?1");
    signature.bind(1, signature_id);
    if (!signature.step()) {
        signature.reset();
        return std::optional<NewsletterAsk>();
    }
    const auto email = signature.column_text(0);
    const auto mailbox = signature.column_text(1);
    const auto language = signature.column_text(2);
    const auto petition = signature.column_int(3);
    const auto asked_words = signature.column_text(4);
    const bool ticked = signature.column_int(5) != 0;
    const auto existing = signature.column_optional_int(6);
    const auto state = signatures::parse_newsletter_state(signature.column_text(7));
    const auto last_action = signature.column_int(8);
    signature.reset();

    if (existing && state == NewsletterState::subscribed) {
        auto& touch =
            db.prepare("UPDATE newsletter_subscribers SET last_action_at = ?2 WHERE id = ?1");
        touch.bind(1, *existing).bind(2, now);
        if (auto done = touch.run(); !done) return done.error();
        return std::optional<NewsletterAsk>();
    }
    if (!ticked) return std::optional<NewsletterAsk>();
    if (existing) {
        // Pending: asked again, but a mailbox is not mailed more than once a day for it.
        if (now - last_action < ask_again_after) return std::optional<NewsletterAsk>();
        auto& again = db.prepare(
            "UPDATE newsletter_subscribers SET last_action_at = ?2, email = ?3, language = ?4, "
            "asked_on = ?5, asked_words = ?6 WHERE id = ?1");
        again.bind(1, *existing).bind(2, now).bind(3, email).bind(4, language).bind(5, petition);
        again.bind(6, asked_words);
        if (auto done = again.run(); !done) return done.error();
        return std::optional<NewsletterAsk>(NewsletterAsk{*existing, email});
    }
    auto& insert = db.prepare(
        "INSERT INTO newsletter_subscribers (email, mailbox, language, state, asked_at, "
        "asked_on, asked_words, last_action_at) VALUES (?1, ?2, ?3, 'pending', ?4, ?5, ?6, ?4)");
    insert.bind(1, email).bind(2, mailbox).bind(3, language).bind(4, now).bind(5, petition);
    insert.bind(6, asked_words);
    if (auto done = insert.run(); !done) return done.error();
    return std::optional<NewsletterAsk>(
        NewsletterAsk{db.last_insert_id(), email});
}

std::optional<NewsletterSubscriber> find_subscriber(Database& db, std::int64_t id) {
    auto& select = db.prepare(std::string(subscriber_columns) + "WHERE n.id = ?1");
    select.bind(1, id);
    return one_subscriber(select);
}

Result<std::optional<NewsletterState>> confirm_subscription(Database& db, std::int64_t id,
                                                            const ConsentWords& words,
                                                            std::string_view network,
                                                            std::int64_t now) {
    const auto found = find_subscriber(db, id);
    if (!found) return std::optional<NewsletterState>();
    if (found->state != NewsletterState::pending) return std::optional(found->state);
    auto& wording = db.prepare(
        "INSERT OR IGNORE INTO consent_wordings (version, language, words, first_at) "
        "VALUES (?1, ?2, ?3, ?4)");
    wording.bind(1, words.version).bind(2, words.language).bind(3, words.words).bind(4, now);
    if (auto done = wording.run(); !done) return done.error();
    auto& update = db.prepare(
        "UPDATE newsletter_subscribers SET state = 'subscribed', confirmed_at = ?2, "
        "confirmed_from = ?3, words = ?4, last_action_at = ?2 WHERE id = ?1 AND state = 'pending'");
    update.bind(1, id).bind(2, now).bind(3, network).bind(4, words.version);
    if (auto done = update.run(); !done) return done.error();
    return std::optional(NewsletterState::pending);
}

Result<std::optional<std::string>> end_subscription(Database& db, std::int64_t id,
                                                    NewsletterEnd how, std::int64_t now) {
    const auto found = find_subscriber(db, id);
    if (!found || found->mailbox.empty()) return std::optional<std::string>();
    if (auto dropped = drop_queued_asks(db, "id = ?1", id); !dropped) return dropped.error();
    auto& update = db.prepare(
        "UPDATE newsletter_subscribers SET state = ?2, ended_at = ?3, ended_how = ?4, "
        "email = NULL, mailbox = NULL WHERE id = ?1");
    update.bind(1, id)
        .bind(2, to_string(how == NewsletterEnd::expired ? NewsletterState::expired
                                                          : NewsletterState::left))
        .bind(3, now)
        .bind(4, to_string(how));
    if (auto done = update.run(); !done) return done.error();
    return std::optional<std::string>(found->mailbox);
}

Result<std::int64_t> end_subscription_of_mailbox(Database& db, std::string_view mailbox,
                                                 NewsletterEnd how, std::int64_t asked_by,
                                                 std::int64_t now) {
    if (auto dropped = drop_queued_asks(db, "mailbox = ?1", mailbox); !dropped)
        return dropped.error();
    auto& update = db.prepare(
        "UPDATE newsletter_subscribers SET state = ?3, ended_at = ?4, ended_how = ?5, "
        "email = NULL, mailbox = NULL WHERE mailbox = ?1 AND asked_at <= ?2");
    update.bind(1, mailbox)
        .bind(2, asked_by)
        .bind(3, to_string(how == NewsletterEnd::expired ? NewsletterState::expired
                                                          : NewsletterState::left))
        .bind(4, now)
        .bind(5, to_string(how));
    return run_and_count_subscriptions(db, update);
}

std::optional<NewsletterSubscriber> subscription_of_mailbox(Database& db,
                                                            std::string_view mailbox) {
    auto& select = db.prepare(std::string(subscriber_columns) + "WHERE n.mailbox = ?1");
    select.bind(1, mailbox);
    return one_subscriber(select);
}

NewsletterCounts count_subscriptions(Database& db) {
    auto& select =
        db.prepare("SELECT state, COUNT(*) FROM newsletter_subscribers GROUP BY state");
    NewsletterCounts counts;
    while (select.step()) {
        const auto count = select.column_int(1);
        switch (signatures::parse_newsletter_state(select.column_text(0))
                    .value_or(NewsletterState::pending)) {
            case NewsletterState::pending:
                counts.pending = count;
                break;
            case NewsletterState::subscribed:
                counts.subscribed = count;
                break;
            case NewsletterState::left:
                counts.left = count;
                break;
            case NewsletterState::expired:
                counts.expired = count;
                break;
        }
    }
    select.reset();
    return counts;
}

std::vector<NewsletterSubscriber> current_subscribers(Database& db) {
    auto& select = db.prepare(std::string(subscriber_columns) +
                              "WHERE n.state = 'subscribed' ORDER BY n.confirmed_at, n.id");
    std::vector<NewsletterSubscriber> found;
    while (select.step()) found.push_back(read_subscriber(select));
    select.reset();
    return found;
}

Result<std::int64_t> end_idle_subscriptions(Database& db, std::int64_t idle_before,
                                            std::int64_t pending_before, std::int64_t now,
                                            std::int64_t limit) {
    auto& expire = db.prepare(
        "UPDATE newsletter_subscribers SET state = 'expired', ended_at = ?3, "
        "ended_how = 'expired', email = NULL, mailbox = NULL WHERE id IN (SELECT id FROM "
        "newsletter_subscribers WHERE state = 'subscribed' AND last_action_at < ?1 "
        "ORDER BY state, last_action_at LIMIT ?2)");
    expire.bind(1, idle_before).bind(2, limit).bind(3, now);
    auto expired = run_and_count_subscriptions(db, expire);
    if (!expired) return expired;

    auto& select = db.prepare(
        "SELECT json_group_array(id) FROM (SELECT id FROM newsletter_subscribers "
        "WHERE state = 'pending' AND last_action_at < ?1 ORDER BY state, last_action_at "
        "LIMIT ?2)");
    select.bind(1, pending_before).bind(2, limit);
    const auto ids = select.step() ? select.column_text(0) : std::string("[]");
    select.reset();
    if (ids == "[]") return *expired;
    for (const auto* sql :
         {"DELETE FROM outbox WHERE state = 'queued' AND newsletter_id IN "
          "(SELECT value FROM json_each(?1))",
          "UPDATE outbox SET newsletter_id = NULL, envelope_to = '', message = '' "
          "WHERE newsletter_id IN (SELECT value FROM json_each(?1))",
          "DELETE FROM newsletter_subscribers WHERE id IN (SELECT value FROM json_each(?1))"}) {
        auto& statement = db.prepare(sql);
        statement.bind(1, ids);
        if (auto done = statement.run(); !done) return done.error();
    }
    return *expired + db.changes();
}

}  // namespace rempart::store
