// The moderation of proposed petitions: the queue, one proposal, and each moderator's step.
#pragma once

#include <string>

#include "admin/guard.hpp"
#include "petitions/submission_settings.hpp"

namespace rempart::admin {

struct ModerationServices {
    AdminServices& admin;
    const SubmissionSettings& settings;
    std::string secret;  // the server's: makes the author's link in the decision mails
};

// GET /admin/moderation, GET /admin/moderation/{id},
// POST /admin/moderation/{id}/hold|approve|reject|return|flag (moderators and admins).
void add_moderation_routes(http::Router& router, ModerationServices& services);

}  // namespace rempart::admin
