// The moderation of proposed petitions: the queue, one proposal, and each moderator's step.
#pragma once

#include <string>

#include "admin/guard.hpp"
#include "petitions/submission_settings.hpp"
#include "render/proposal_mails.hpp"
#include "store/submission_repository.hpp"

namespace rempart::admin {

struct ModerationServices {
    AdminServices& admin;
    const SubmissionSettings& settings;
    std::string secret;  // the server's: makes the author's link in the decision mails
};

// What a mail to a proposal's author needs, copied out of the live settings so that a
// writer's job can compose it.
struct AuthorMailer {
    std::string base_url;
    mail::MailSettings mail;
    render::SiteSettings site;
    const render::Messages* messages = nullptr;
    std::string secret;
};
AuthorMailer author_mailer(const ModerationServices& services);

// The whole message telling the author of `petition_id` (in `language`, the petition's) of
// a decision, with their private link (`nonce`'s).
std::string author_mail(const AuthorMailer& mailer, std::int64_t petition_id,
                        std::string_view nonce, std::string_view language, std::string_view to,
                        render::ProposalDecision decision);

// A reason as moderators pick it: its label, and whether it is hidden.
std::string reason_label(AdminServices& services, const AdminContext& context,
                         const store::RejectionReason& reason);

// GET /admin/moderation, GET /admin/moderation/{id},
// POST /admin/moderation/{id}/hold|approve|reject|return|flag (moderators and admins).
void add_moderation_routes(http::Router& router, ModerationServices& services);
// GET|POST /admin/rejection-reasons, GET|POST /admin/rejection-reasons/{id},
// POST /admin/rejection-reasons/{id}/retire|restore (admins).
void add_reason_routes(http::Router& router, AdminServices& services);
// GET|POST /admin/petitions/{id}/take-down, POST /admin/petitions/{id}/reports/dismiss.
void add_take_down_routes(http::Router& router, ModerationServices& services);

}  // namespace rempart::admin
