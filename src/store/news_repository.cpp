// A petition's news in the store, and the signers who asked to hear no more.
#include "store/news_repository.hpp"

#include "petitions/errors.hpp"
#include "store/errors.hpp"
#include "store/petition_repository.hpp"

namespace rempart::store {
namespace {

// "Delivered" counts the mails no longer waiting: handed to the mail server, or given up
// (a signer who left before theirs went, a mailbox that refused for two days).
constexpr std::string_view news_columns =
    "SELECT n.id, n.petition_id, n.number, n.kind, n.subject, n.body_markdown, n.author, "
    "n.created_at, n.sending, n.published_at, n.recipients, n.queued, "
    "(SELECT COUNT(*) FROM outbox o WHERE o.news_id = n.id AND o.state <> 'queued') "
    "FROM petition_news n ";

News read_news_row(const Statement& row) {
    News news;
    news.id = row.column_int(0);
    news.petition_id = row.column_int(1);
    news.number = row.column_int(2);
    news.kind = parse_news_kind(row.column_text(3)).value_or(NewsKind::update);
    news.subject = row.column_text(4);
    news.body_markdown = row.column_text(5);
    news.author = row.column_text(6);
    news.created_at = row.column_int(7);
    news.sending = parse_news_sending(row.column_text(8)).value_or(NewsSending::draft);
    news.published_at = row.column_optional_int(9);
    news.recipients = row.column_int(10);
    news.queued = row.column_int(11);
    news.delivered = row.column_int(12);
    return news;
}

Error news_missing() {
    return make_error(PetitionError::news_not_found, "no news of this number on this petition");
}

Result<News> move_sending(Database& db, std::int64_t petition_id, std::int64_t number,
                          NewsSending from, NewsSending to) {
    auto& update = db.prepare(
        "UPDATE petition_news SET sending = ?1 WHERE petition_id = ?2 AND number = ?3 "
        "AND sending = ?4");
    update.bind(1, to_string(to)).bind(2, petition_id).bind(3, number).bind(4, to_string(from));
    if (auto updated = update.run(); !updated) return updated.error();
    const bool moved = db.changes() > 0;
    auto news = find_news(db, petition_id, number);
    if (!news) return news_missing();
    if (!moved)
        return make_error(PetitionError::news_state_conflict,
                          "this news is " + std::string(to_string(news->sending)) + ", not " +
                              std::string(to_string(from)));
    return std::move(*news);
}

}  // namespace

Result<News> insert_news(Database& db, std::int64_t petition_id, const NewsDraft& draft,
                         std::string_view author, std::int64_t now) {
    auto& state = db.prepare("SELECT state FROM petitions WHERE id = ?1");
    state.bind(1, petition_id);
    std::optional<PetitionState> petition_state;
    if (state.step()) petition_state = parse_petition_state(state.column_text(0));
    state.reset();
    if (!petition_state) return make_error(PetitionError::not_found, "no such petition");
    if (!takes_news(*petition_state))
        return make_error(PetitionError::news_not_public,
                          "news goes to the signers of a published or closed petition");
    auto& insert = db.prepare(
        "INSERT INTO petition_news (petition_id, number, kind, subject, body_markdown, author, "
        "created_at) VALUES (?1, (SELECT COALESCE(MAX(number), 0) + 1 FROM petition_news "
        "WHERE petition_id = ?1), ?2, ?3, ?4, ?5, ?6)");
    insert.bind(1, petition_id).bind(2, to_string(draft.kind)).bind(3, draft.subject);
    insert.bind(4, draft.body_markdown).bind(5, author).bind(6, now);
    if (auto inserted = insert.run(); !inserted) return inserted.error();
    auto& select = db.prepare(std::string(news_columns) + "WHERE n.id = ?1");
    select.bind(1, db.last_insert_id());
    std::optional<News> news;
    if (select.step()) news = read_news_row(select);
    select.reset();
    if (!news) return news_missing();
    return std::move(*news);
}

Result<std::optional<News>> take_target_answer(Database& db, std::string_view key,
                                               const NewsDraft& draft, std::int64_t now) {
    const auto petition = find_petition_by_answer_key(db, key);
    if (!petition) return std::optional<News>();
    auto news = insert_news(db, petition->id, draft, news_by_target, now);
    if (!news) return news.error();
    auto& spent = db.prepare("UPDATE petitions SET answer_key = NULL WHERE id = ?1");
    spent.bind(1, petition->id);
    if (auto updated = spent.run(); !updated) return updated.error();
    return std::optional<News>(std::move(*news));
}

std::vector<News> list_news(Database& db, std::int64_t petition_id) {
    auto& select =
        db.prepare(std::string(news_columns) + "WHERE n.petition_id = ?1 ORDER BY n.number DESC");
    select.bind(1, petition_id);
    std::vector<News> all;
    while (select.step()) all.push_back(read_news_row(select));
    select.reset();
    return all;
}

std::optional<News> find_news(Database& db, std::int64_t petition_id, std::int64_t number) {
    auto& select =
        db.prepare(std::string(news_columns) + "WHERE n.petition_id = ?1 AND n.number = ?2");
    select.bind(1, petition_id).bind(2, number);
    std::optional<News> news;
    if (select.step()) news = read_news_row(select);
    select.reset();
    return news;
}

std::int64_t count_news_recipients(Database& db, std::int64_t petition_id) {
    auto& count = db.prepare(
        "SELECT COUNT(*) FROM signatures WHERE petition_id = ?1 AND updates_at IS NOT NULL "
        "AND state = 'confirmed' AND updates_left_at IS NULL");
    count.bind(1, petition_id);
    const auto n = count.step() ? count.column_int(0) : 0;
    count.reset();
    return n;
}

Result<News> start_sending(Database& db, std::int64_t petition_id, std::int64_t number,
                           std::int64_t now) {
    const auto news = find_news(db, petition_id, number);
    if (!news) return news_missing();
    if (news->sending != NewsSending::draft)
        return make_error(PetitionError::news_state_conflict,
                          "this news was sent already; write a new one to tell more");
    const auto recipients = count_news_recipients(db, petition_id);
    if (recipients == 0)
        return make_error(PetitionError::news_no_recipients,
                          "no confirmed signer asked to be kept informed of this petition");
    auto& update = db.prepare(
        "UPDATE petition_news SET sending = 'sending', published_at = ?1, recipients = ?2 "
        "WHERE id = ?3 AND sending = 'draft'");
    update.bind(1, now).bind(2, recipients).bind(3, news->id);
    if (auto updated = update.run(); !updated) return updated.error();
    auto started = find_news(db, petition_id, number);
    if (!started) return news_missing();
    return std::move(*started);
}

Result<News> pause_sending(Database& db, std::int64_t petition_id, std::int64_t number) {
    return move_sending(db, petition_id, number, NewsSending::sending, NewsSending::paused);
}

Result<News> resume_sending(Database& db, std::int64_t petition_id, std::int64_t number) {
    return move_sending(db, petition_id, number, NewsSending::paused, NewsSending::sending);
}

std::vector<std::int64_t> news_being_sent(Database& db) {
    auto& select = db.prepare("SELECT id FROM petition_news WHERE sending = 'sending' ORDER BY id");
    std::vector<std::int64_t> ids;
    while (select.step()) ids.push_back(select.column_int(0));
    select.reset();
    return ids;
}

Result<QueuedBatch> queue_news_batch(Database& db, std::int64_t news_id, std::int64_t limit,
                                     std::string_view envelope_from, std::int64_t now) {
    auto& read = db.prepare(
        "SELECT petition_id, queued_through FROM petition_news WHERE id = ?1 "
        "AND sending = 'sending'");
    read.bind(1, news_id);
    if (!read.step()) {
        read.reset();
        return QueuedBatch{};
    }
    const auto petition_id = read.column_int(0);
    const auto cursor = read.column_int(1);
    read.reset();
    // In the signatures' order, from the cursor: a batch is the next `limit` recipients,
    // and the last one queued is where the next batch starts, after a restart too.
    auto& insert = db.prepare(
        "INSERT INTO outbox (purpose, envelope_from, envelope_to, message, state, "
        "next_attempt_at, created_at, signature_id, news_id) "
        "SELECT 'news', ?1, s.email, '', 'queued', ?2, ?2, s.id, ?3 FROM signatures s "
        "WHERE s.petition_id = ?4 AND s.updates_at IS NOT NULL AND s.id > ?5 "
        "AND s.state = 'confirmed' AND s.updates_left_at IS NULL ORDER BY s.id LIMIT ?6");
    insert.bind(1, envelope_from).bind(2, now).bind(3, news_id).bind(4, petition_id);
    insert.bind(5, cursor).bind(6, limit);
    if (auto inserted = insert.run(); !inserted) return inserted.error();
    QueuedBatch batch;
    batch.queued = db.changes();
    batch.finished = batch.queued < limit;
    std::int64_t through = cursor;
    if (batch.queued > 0) {
        auto& last = db.prepare("SELECT signature_id FROM outbox WHERE id = ?1");
        last.bind(1, db.last_insert_id());
        if (last.step()) through = last.column_int(0);
        last.reset();
    }
    auto& update = db.prepare(
        "UPDATE petition_news SET queued = queued + ?1, queued_through = ?2, "
        "sending = CASE WHEN ?3 THEN 'sent' ELSE sending END WHERE id = ?4");
    update.bind(1, batch.queued).bind(2, through).bind(3, std::int64_t{batch.finished ? 1 : 0});
    update.bind(4, news_id);
    if (auto updated = update.run(); !updated) return updated.error();
    return batch;
}

std::int64_t news_mails_waiting(Database& db, std::int64_t news_id) {
    auto& count = db.prepare("SELECT COUNT(*) FROM outbox WHERE news_id = ?1 AND state = 'queued'");
    count.bind(1, news_id);
    const auto n = count.step() ? count.column_int(0) : 0;
    count.reset();
    return n;
}

std::optional<Subscription> find_subscription(Database& db, std::int64_t signature_id) {
    auto& select = db.prepare(
        "SELECT s.id, p.title, p.slug, s.language, "
        "s.updates_at IS NOT NULL AND s.updates_left_at IS NULL FROM signatures s "
        "JOIN petitions p ON p.id = s.petition_id WHERE s.id = ?1");
    select.bind(1, signature_id);
    std::optional<Subscription> found;
    if (select.step())
        found = Subscription{select.column_int(0), select.column_text(1), select.column_text(2),
                             select.column_text(3), select.column_int(4) != 0};
    select.reset();
    return found;
}

Result<bool> leave_news(Database& db, std::int64_t signature_id, std::int64_t now) {
    auto& update = db.prepare(
        "UPDATE signatures SET updates_left_at = ?1 WHERE id = ?2 AND updates_at IS NOT NULL "
        "AND updates_left_at IS NULL");
    update.bind(1, now).bind(2, signature_id);
    if (auto updated = update.run(); !updated) return updated.error();
    const bool left = db.changes() > 0;
    // A mail already queued for them would arrive after they asked to hear no more.
    auto& hold = db.prepare(
        "UPDATE outbox SET state = 'failed', last_error = 'the signer unsubscribed', "
        "message = '' WHERE signature_id = ?1 AND news_id IS NOT NULL AND state = 'queued'");
    hold.bind(1, signature_id);
    if (auto held = hold.run(); !held) return held.error();
    return left;
}

}  // namespace rempart::store
