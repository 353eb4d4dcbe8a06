// How many confirmation mails each mailbox got today (UTC).
#include "signatures/mailbox_caps.hpp"

namespace rempart::signatures {
namespace {

std::int64_t day_of(std::int64_t now_s) {
    return now_s >= 0 ? now_s / 86400 : (now_s - 86399) / 86400;
}

}  // namespace

MailboxCaps::MailboxCaps(std::size_t max_mailboxes) : max_mailboxes_(max_mailboxes) {}

std::size_t MailboxCaps::sent_today(std::string_view mailbox, std::int64_t now_s) const {
    std::lock_guard lock(mutex_);
    const auto it = mailboxes_.find(mailbox);
    if (it == mailboxes_.end() || it->second.day != day_of(now_s)) return 0;
    return it->second.mails;
}

void MailboxCaps::count_mail(std::string_view mailbox, std::int64_t now_s) {
    const auto today = day_of(now_s);
    std::lock_guard lock(mutex_);
    auto it = mailboxes_.find(mailbox);
    if (it == mailboxes_.end()) {
        if (mailboxes_.size() >= max_mailboxes_ && swept_day_ != today) {
            boost::unordered::erase_if(
                mailboxes_, [today](const auto& entry) { return entry.second.day != today; });
            swept_day_ = today;
        }
        if (mailboxes_.size() >= max_mailboxes_) return;
        it = mailboxes_.emplace(std::string(mailbox), Day{today, 0}).first;
    }
    if (it->second.day != today) it->second = Day{today, 0};
    ++it->second.mails;
}

std::size_t MailboxCaps::size() const {
    std::lock_guard lock(mutex_);
    return mailboxes_.size();
}

}  // namespace rempart::signatures
