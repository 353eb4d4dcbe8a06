// Sends a petition's news: every moment, the next recipients of each news being sent go to
// the outbox at the site's pace, from the cursor the store keeps, so that a restart resumes
// where it stopped and a pause holds what is not queued yet.
#pragma once

#include <boost/asio/awaitable.hpp>

#include <cstdint>
#include <functional>
#include <string>

#include "store/store.hpp"

namespace rempart::app {

struct NewsPace {
    std::int64_t per_minute = 3000;  // every sending together; 0: as fast as the outbox goes
    // Read at each batch: an admin may change the site's sender while a news is sent.
    std::function<std::string()> envelope_from;
};

// How many mails of one news may wait in the outbox at once: ten seconds' worth at the
// pace, so a pause holds all but these; without a pace, enough to keep the outbox busy.
std::int64_t news_backlog(std::int64_t per_minute);

boost::asio::awaitable<void> run_news_sender(store::Store& store, NewsPace pace,
                                             std::function<void()> mail_queued);

}  // namespace rempart::app
