// The outbox table: mails written in the transaction that made them, sent later.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/database.hpp"

namespace rempart::store {

// What a confirmation mail is made of, read as it leaves: the link's token and what the
// mail says of its signature and petition.
struct ConfirmationParts {
    std::string link_token;
    std::string signer_name;
    std::string language;  // "fr", "en", as the signature recorded it
    std::string petition_title;
};

// What a news mail is made of, read as it leaves: the news, and the signer it goes to (for
// the greeting, the language and their own unsubscribe link).
struct NewsParts {
    std::int64_t signature_id = 0;
    std::string signer_name;
    std::string language;
    std::string petition_title;
    std::string petition_slug;
    std::int64_t news_id = 0;
    std::int64_t number = 0;
    std::string kind;  // "update", "answer", "victory"
    std::string subject;
    std::string body_markdown;
};

// What a newsletter's confirmation mail is made of: its subscription (whose links the
// server derives) and the language it was asked in.
struct NewsletterParts {
    std::int64_t subscriber_id = 0;
    std::string language;
};

struct OutboxMail {
    std::int64_t id = 0;
    std::string envelope_from;
    std::string envelope_to;
    std::string message;  // empty when the mail is composed as it leaves
    std::int64_t attempts = 0;
    std::int64_t created_at = 0;
    std::optional<ConfirmationParts> confirmation;  // one of these three is set when
    std::optional<NewsParts> news;                  // `message` is empty
    std::optional<NewsletterParts> newsletter;
};

Result<std::int64_t> enqueue_mail(Database& db, std::string_view purpose,
                                  std::string_view envelope_from, std::string_view envelope_to,
                                  std::string_view message, std::int64_t now);

// A signature's confirmation mail, queued as its parts and composed as it leaves.
Result<std::int64_t> enqueue_confirmation(Database& db, std::string_view envelope_from,
                                          std::string_view envelope_to, std::int64_t signature_id,
                                          std::string_view link_token, std::int64_t now);

// A newsletter subscription's confirmation mail, composed as it leaves.
Result<std::int64_t> enqueue_newsletter_confirmation(Database& db, std::string_view envelope_from,
                                                     std::string_view envelope_to,
                                                     std::int64_t subscriber_id, std::int64_t now);

// Queued mails whose time has come, oldest first.
std::vector<OutboxMail> due_mails(Database& db, std::int64_t now, std::size_t limit);

// Sent: the body and the token are emptied, since they held a confirmation link.
Result<void> mark_mail_sent(Database& db, std::int64_t id, std::int64_t now);
// Another attempt at `next_attempt_at`.
Result<void> mark_mail_retry(Database& db, std::int64_t id, std::int64_t next_attempt_at,
                             std::string_view error);
// Given up: kept, with the reason, for the operator.
Result<void> mark_mail_failed(Database& db, std::int64_t id, std::string_view error);

// Recipients of the mails of one purpose queued since `since` (seconds), oldest first: what
// the mailbox caps count again after a restart.
std::vector<std::string> recipients_since(Database& db, std::string_view purpose,
                                          std::int64_t since);

struct OutboxCounts {
    std::int64_t queued = 0;
    std::int64_t sent = 0;
    std::int64_t failed = 0;
};
OutboxCounts count_mails(Database& db);

}  // namespace rempart::store
