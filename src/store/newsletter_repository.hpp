// The association's newsletter in the store: asked when a signature whose box was ticked is
// confirmed, given by its own confirmation with the words shown, ended by the person or by
// time; and the current subscribers with their proof, for the association's mailing tool.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "signatures/newsletter.hpp"
#include "store/database.hpp"

namespace rempart::store {

// A subscription's confirmation mail to queue.
struct NewsletterAsk {
    std::int64_t subscriber_id = 0;
    std::string email;
};

// A signature was just confirmed. When its box was ticked, its mailbox's subscription is
// asked: a new one, or a pending one asked again once a day at most (both answer a mail to
// queue). When the mailbox already subscribed, this is a real action: its clock starts again.
Result<std::optional<NewsletterAsk>> note_confirmed_signature(Database& db,
                                                              std::int64_t signature_id,
                                                              std::int64_t now);

struct NewsletterSubscriber {
    std::int64_t id = 0;
    std::string email;    // empty once ended
    std::string mailbox;  // likewise
    std::string language;
    signatures::NewsletterState state = signatures::NewsletterState::pending;
    std::int64_t asked_at = 0;
    std::string asked_on_title;  // the petition whose form had the box
    std::string asked_on_slug;
    std::string asked_words;  // the signing form's words' version
    std::optional<std::int64_t> confirmed_at;
    std::string confirmed_from;
    std::string words_version;  // of the confirmation page, once confirmed
    std::string words;
    std::int64_t last_action_at = 0;
};
std::optional<NewsletterSubscriber> find_subscriber(Database& db, std::int64_t id);

// The words a confirmation page showed, to be kept with the consent.
struct ConsentWords {
    std::string version;
    std::string language;
    std::string words;
};

// The second confirmation: a pending subscription becomes a subscribed one, with the words
// shown and the network it came from. Returns the state it was in before; none when it is
// gone (expired unconfirmed, or never was).
Result<std::optional<signatures::NewsletterState>> confirm_subscription(
    Database& db, std::int64_t id, const ConsentWords& words, std::string_view network,
    std::int64_t now);

// Ends a pending or subscribed subscription: its address erased, how and when kept. Returns
// the mailbox it had, for the erasure journal; none when it had already ended or is gone.
Result<std::optional<std::string>> end_subscription(Database& db, std::int64_t id,
                                                    signatures::NewsletterEnd how,
                                                    std::int64_t now);
// Ends the mailbox's subscription asked at or before `asked_by` (from /my-data, or the
// journal's replay): how many ended.
Result<std::int64_t> end_subscription_of_mailbox(Database& db, std::string_view mailbox,
                                                 signatures::NewsletterEnd how,
                                                 std::int64_t asked_by, std::int64_t now);

// The mailbox's live subscription (pending or subscribed), for /my-data.
std::optional<NewsletterSubscriber> subscription_of_mailbox(Database& db,
                                                            std::string_view mailbox);

struct NewsletterCounts {
    std::int64_t pending = 0;
    std::int64_t subscribed = 0;
    std::int64_t left = 0;
    std::int64_t expired = 0;
};
NewsletterCounts count_subscriptions(Database& db);

// Every current subscriber with their proof, oldest consent first.
std::vector<NewsletterSubscriber> current_subscribers(Database& db);

// Retention: subscriptions whose last real action was before `idle_before` expire (their
// address erased); pending ones last asked before `pending_before` are deleted, with the
// mails that would still ask them. How many, at most `limit`.
Result<std::int64_t> end_idle_subscriptions(Database& db, std::int64_t idle_before,
                                            std::int64_t pending_before, std::int64_t now,
                                            std::int64_t limit);

}  // namespace rempart::store
