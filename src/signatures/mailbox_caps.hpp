// How many confirmation mails each mailbox got today (UTC), so that nobody can bomb a
// mailbox with signatures under +tags. In memory, bounded, refilled from the outbox at start.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>

#include "core/string_map.hpp"

namespace rempart::signatures {

class MailboxCaps {
  public:
    // At most `max_mailboxes` are remembered; past that, days gone are forgotten first, and
    // a mailbox that finds no room is not counted (a flood over that many mailboxes is no
    // bombing of one).
    MailboxCaps() = default;
    explicit MailboxCaps(std::size_t max_mailboxes);

    // Mails counted for `mailbox` (a mailbox_key) on the UTC day of `now_s`.
    std::size_t sent_today(std::string_view mailbox, std::int64_t now_s) const;
    // One more mail to `mailbox` on that day.
    void count_mail(std::string_view mailbox, std::int64_t now_s);
    std::size_t size() const;

  private:
    struct Day {
        std::int64_t day = 0;
        std::size_t mails = 0;
    };
    std::size_t max_mailboxes_ = 200000;
    // The day the full map was last swept of other days' mailboxes. Once swept, every
    // mailbox in it is that day's, so a sweep for each new mailbox would go over all of
    // them to free nothing: 200,000 entries for every signature of a big day.
    std::int64_t swept_day_ = INT64_MIN;
    mutable std::mutex mutex_;
    StringMap<Day> mailboxes_;
};

}  // namespace rempart::signatures
