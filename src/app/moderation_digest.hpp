// The moderators' daily mail: how many proposals wait, how many are overdue, how many
// petitions were reported; once a day from [submissions] digest_hour, remembered across
// restarts, and only when something waits.
#pragma once

#include <boost/asio/awaitable.hpp>

#include <functional>

#include "petitions/submission_settings.hpp"
#include "store/store.hpp"
#include "web/site.hpp"

namespace rempart::app {

// Looks every few minutes, and at once at start, so that a server restarted after the hour
// still sends that day's digest.
boost::asio::awaitable<void> run_moderation_digest(store::Store& store, const web::Site& site,
                                                   const SubmissionSettings& settings,
                                                   std::function<void()> mail_queued);

}  // namespace rempart::app
