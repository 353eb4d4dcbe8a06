// The public pages of proposing a petition: the form, its "check your mailbox", the
// author's private page, the page for a new link, and what a refused petition's address
// shows.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "petitions/moderation.hpp"
#include "petitions/proposal_form.hpp"
#include "render/pages.hpp"

namespace rempart::render {

struct ProposeFormView {
    const ProposalForm* form = nullptr;  // null: an empty form
    std::vector<ProposalError> errors;
    bool preview = false;            // show the text as it will look, below the form
    std::int64_t waiting = -1;       // proposals in the queue; shown when the queue is long
    std::int64_t overdue_days = 14;  // the moderators' promise
    // Petitions that look close, shown before the proposal is sent: the author says theirs
    // is different (the form then carries `different`) or signs one of them instead.
    std::vector<Petition> similar;
};
// GET /propose, and the form again after a preview or with its errors.
std::string render_propose(const SiteView& view, Language language, const ProposeFormView& form);
// After proposing: "check your mailbox".
std::string render_proposed(const SiteView& view, Language language);
// GET /propose/link, and its answer once sent (`sent`), the same for any address.
std::string render_propose_link(const SiteView& view, Language language, bool sent,
                                std::string_view typed_email, std::string_view error_key);

// What the author's private page shows.
struct AuthorPageView {
    const Petition* petition = nullptr;  // the proposal as stored
    SubmissionStage stage = SubmissionStage::unconfirmed;
    std::string token;                   // the private link's, for its forms
    std::string return_note;             // the moderator's note when sent back
    std::string reason;                  // a rejection's public words
    std::string decision_note;           // the moderator's words with a decision
    const ProposalForm* form = nullptr;  // the edit form as typed; null: the petition's fields
    std::vector<ProposalError> errors;
    std::string notice_key;  // a word after an action: confirmed, saved
    std::int64_t overdue_days = 14;
    // Before the queue, when the site asks for supporters: how many, and the link to send.
    std::int64_t supporters = 0;
    std::int64_t supporters_needed = 0;
    std::string support_link;
};
std::string render_author_page(const SiteView& view, Language language, const AuthorPageView& page);

// GET /petitions/{slug}/report, and the form again with its error (`error_field` is
// "reason" or "altcha").
std::string render_report(const SiteView& view, Language language, const Petition& petition,
                          std::string_view typed_reason, std::string_view error_field,
                          std::string_view error_key);

// A rejection reason's words: its own text when the admins wrote one, else the site's words
// for its code.
std::string rejection_words(const Messages& messages, Language language, std::string_view code,
                            std::string_view own_text);

// A rejected or removed petition at its address: its state and, unless hidden, the reason.
std::string render_refused(const SiteView& view, Language language, const Petition& petition);

}  // namespace rempart::render
