// Replays the erasure journal on a restored store, mailbox by keyed hash.
#include "backup/replay.hpp"

#include <algorithm>
#include <unordered_map>

#include "store/my_data_repository.hpp"
#include "store/newsletter_repository.hpp"

namespace rempart::backup {
namespace {

// Every mailbox the store still holds, by its journal hash.
std::unordered_map<std::string, std::string> mailboxes_by_hash(store::Database& db,
                                                               const Key& journal_key) {
    std::unordered_map<std::string, std::string> found;
    auto& select = db.prepare(
        "SELECT email_canonical FROM signatures WHERE anonymised_at IS NULL UNION "
        "SELECT mailbox FROM newsletter_subscribers WHERE mailbox IS NOT NULL");
    while (select.step()) {
        auto mailbox = select.column_text(0);
        found.emplace(mailbox_hash(journal_key, mailbox), std::move(mailbox));
    }
    select.reset();
    return found;
}

// A withdrawal or an erasure of one signature.
Result<std::int64_t> apply(store::Database& db, ErasureStep step, std::string_view mailbox,
                           std::int64_t signature, std::int64_t at) {
    return step == ErasureStep::withdraw ? store::withdraw_mailbox(db, mailbox, signature, at)
                                         : store::erase_mailbox(db, mailbox, signature, at);
}

}  // namespace

Result<Replayed> replay_erasures(store::Database& db, const JournalRead& journal,
                                 const Key& journal_key, std::int64_t since) {
    constexpr std::int64_t clock_slack_s = 60;
    Replayed replayed;
    const auto due = std::any_of(journal.entries.begin(), journal.entries.end(),
                                 [&](const JournalEntry& e) { return e.at >= since - clock_slack_s; });
    // Hashing every mailbox of a large store takes a second: only when there is something due.
    if (!due) return replayed;
    const auto mailboxes = mailboxes_by_hash(db, journal_key);
    for (const auto& entry : journal.entries) {
        if (entry.at < since - clock_slack_s) continue;
        ++replayed.entries;
        const auto mailbox = mailboxes.find(entry.mailbox_hash);
        if (mailbox == mailboxes.end()) continue;
        if (entry.step == ErasureStep::leave_newsletter) {
            auto ended = store::end_subscription_of_mailbox(
                db, mailbox->second, signatures::NewsletterEnd::link, entry.at, entry.at);
            if (!ended) return ended.error();
            replayed.signatures += *ended;
            continue;
        }
        if (entry.step == ErasureStep::unsubscribe) {
            auto changed = store::unsubscribe_mailbox(db, mailbox->second, entry.at);
            if (!changed) return changed.error();
            replayed.signatures += *changed;
            continue;
        }
        // A signature made after the request is not what the signer asked to erase.
        for (const auto& record : store::signatures_of_mailbox(db, mailbox->second)) {
            if (entry.signature ? record.id != *entry.signature : record.created_at > entry.at)
                continue;
            auto changed = apply(db, entry.step, mailbox->second, record.id, entry.at);
            if (!changed) return changed.error();
            replayed.signatures += *changed;
        }
        // Erasing everything ended the newsletter asked before it.
        if (entry.step == ErasureStep::erase && !entry.signature) {
            auto ended = store::end_subscription_of_mailbox(
                db, mailbox->second, signatures::NewsletterEnd::my_data, entry.at, entry.at);
            if (!ended) return ended.error();
            replayed.signatures += *ended;
        }
    }
    return replayed;
}

}  // namespace rempart::backup
