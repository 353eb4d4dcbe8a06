// The organisers' mail when a petition reaches its goal: composed from the goal recorded
// and the organisers' addresses, queued in the same write as the record, so it goes once.
#pragma once

#include <string>
#include <vector>

#include "mail/admin_mail.hpp"
#include "render/i18n.hpp"
#include "store/milestone_repository.hpp"
#include "web/site.hpp"

namespace rempart::app {

// One mail an address; none when nobody is to be told.
std::vector<mail::AddressedMail> goal_mails(const web::Settings& config,
                                            const render::Messages& messages,
                                            const store::GoalReached& goal,
                                            const std::vector<std::string>& to);

// Records the goals newly reached and queues their mails, in one job on the writer: a crash
// leaves both or neither. Returns how many mails were queued.
Result<std::size_t> announce_goals(store::Database& db, const web::Settings& config,
                                   const render::Messages& messages, std::int64_t now);

}  // namespace rempart::app
