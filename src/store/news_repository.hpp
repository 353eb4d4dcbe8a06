// A petition's news in the store: written, listed, sent in batches through the outbox from
// a kept cursor, paused and resumed; and the signers who asked to hear no more.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "petitions/news.hpp"
#include "store/database.hpp"

namespace rempart::store {

// A new news of the petition, as a draft, numbered after its last. PetitionError::not_found
// for no such petition, news_not_public for a draft or archived one.
Result<News> insert_news(Database& db, std::int64_t petition_id, const NewsDraft& draft,
                         std::string_view author, std::int64_t now);

// The target's answer through their private link (`key`, its SHA-256): saved as a draft
// news by "target" for the organisers to send, and the link stops serving. None when no
// petition has this key (used already, or replaced).
Result<std::optional<News>> take_target_answer(Database& db, std::string_view key,
                                               const NewsDraft& draft, std::int64_t now);

// Every news of the petition, newest first, with the mails delivered so far.
std::vector<News> list_news(Database& db, std::int64_t petition_id);
std::optional<News> find_news(Database& db, std::int64_t petition_id, std::int64_t number);

// Confirmed signers of the petition who asked to be kept informed and have not left.
std::int64_t count_news_recipients(Database& db, std::int64_t petition_id);

// Starts the sending of a draft: shown on the petition's page from now, mailed in batches.
// news_no_recipients when nobody is to be told (the news stays a draft), and
// news_state_conflict when it was started already: a second click sends nothing twice.
Result<News> start_sending(Database& db, std::int64_t petition_id, std::int64_t number,
                           std::int64_t now);
// sending → paused and back; news_state_conflict from any other state.
Result<News> pause_sending(Database& db, std::int64_t petition_id, std::int64_t number);
Result<News> resume_sending(Database& db, std::int64_t petition_id, std::int64_t number);

// The news being sent, oldest first: what the sender works on, after a restart too.
std::vector<std::int64_t> news_being_sent(Database& db);

struct QueuedBatch {
    std::int64_t queued = 0;  // mails written to the outbox by this batch
    bool finished = false;    // every recipient's mail is now queued: the news is `sent`
};
// Writes the mails of the next `limit` recipients after the cursor to the outbox (queued as
// their parts, composed as they leave) and moves the cursor, in the caller's transaction.
// Nothing for news that is not `sending`.
Result<QueuedBatch> queue_news_batch(Database& db, std::int64_t news_id, std::int64_t limit,
                                     std::string_view envelope_from, std::int64_t now);

// How many mails of this news wait in the outbox: the sender keeps that short.
std::int64_t news_mails_waiting(Database& db, std::int64_t news_id);

// The petition a signer's news link is about, for the unsubscribe page.
struct Subscription {
    std::int64_t signature_id = 0;
    std::string petition_title;
    std::string petition_slug;
    std::string language;     // the signer's
    bool subscribed = false;  // asked to be kept informed and has not left
};
std::optional<Subscription> find_subscription(Database& db, std::int64_t signature_id);

// The signer hears no more of this petition; their news still queued is not sent. True
// when this changed something (false: had already left, or never asked).
Result<bool> leave_news(Database& db, std::int64_t signature_id, std::int64_t now);

}  // namespace rempart::store
