// The mails to the author of a proposed petition: their private link, and each moderator's
// decision, in the language they proposed it in.
#pragma once

#include <string>

#include "render/i18n.hpp"
#include "render/mail_texts.hpp"
#include "render/settings.hpp"

namespace rempart::render {

// The author's private link: at the proposal (to confirm it), or again when asked for.
struct ProposalLink {
    std::string title;
    std::string link;        // {base_url}/p/{token}
    bool to_confirm = true;  // false: a new link asked for from /propose/link
};
MailTexts proposal_link_mail(const Messages& messages, Language language, const SiteSettings& site,
                             const ProposalLink& proposal);

// A supporter's link to confirm their support; or the author's word that the supporters
// the site asks for are there and the proposal now waits for the moderators.
struct SupportMail {
    std::string title;
    std::string link;  // {base_url}/support/confirm/{token}, or the author's private page
    bool to_author = false;
    std::int64_t needed = 0;
};
MailTexts support_mail(const Messages& messages, Language language, const SiteSettings& site,
                       const SupportMail& mail);

enum class ProposalOutcome { published, rejected, sent_back, removed };

struct ProposalDecision {
    std::string title;
    ProposalOutcome outcome = ProposalOutcome::published;
    std::string reason;  // a rejection's or take-down's words (hidden reasons have them too)
    std::string note;    // the moderator's own words, may be empty
    std::string link;    // the author's private page
};
MailTexts proposal_decision_mail(const Messages& messages, Language language,
                                 const SiteSettings& site, const ProposalDecision& decision);

// The moderators' daily mail: what waits for them.
struct ModerationDigest {
    std::int64_t waiting = 0;
    std::int64_t overdue = 0;
    std::int64_t reported = 0;  // petitions with reports nobody handled
    std::int64_t overdue_days = 14;
    std::string link;  // the queue in the back office
};
MailTexts moderation_digest_mail(const Messages& messages, Language language,
                                 const SiteSettings& site, const ModerationDigest& digest);

}  // namespace rempart::render
