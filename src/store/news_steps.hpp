// The writes of a petition's news with their audit entry, as the organisers' back office and
// a petition's author take them: writing one, its sending's steps, asking the target.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "petitions/news.hpp"
#include "store/audit_repository.hpp"
#include "store/database.hpp"

namespace rempart::store {

// A new draft by `author`, audited (the entry's detail gains ", news N"). A double click
// sends the form twice: the second, within ten minutes, finds the draft the first wrote.
Result<News> write_news_once(Database& db, std::int64_t petition_id, const NewsDraft& draft,
                             std::string_view author, std::int64_t now, AuditEntry entry);

// Starts, pauses or resumes a sending, audited. A victory sent marks the petition won, on
// its page from then. The errors are start_sending's and its kin's.
Result<News> take_news_step(Database& db, std::int64_t petition_id, std::int64_t number,
                            NewsStep step, std::int64_t now, const AuditEntry& entry);

// A mail to queue in the same write, when there is one to send.
struct MailToQueue {
    std::string purpose;
    std::string from;
    std::string to;
    std::string message;
};

// A news's test copy to whoever asked for it, queued with its audit entry.
Result<void> queue_news_test(Database& db, const MailToQueue& mail, std::int64_t now,
                             const AuditEntry& entry);

// The target's new private link (`key`, its SHA-256; the old one stops), its mail to the
// target when they have an address, and the audit entry: all or nothing.
Result<void> renew_answer_key(Database& db, std::int64_t petition_id, std::string_view key,
                              const std::optional<MailToQueue>& mail, std::int64_t now,
                              const AuditEntry& entry);

}  // namespace rempart::store
