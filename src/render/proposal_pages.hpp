// The public pages of proposing a petition: the form, its "check your mailbox", the
// author's private page, the page for a new link, and what a refused petition's address
// shows.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "petitions/moderation.hpp"
#include "petitions/news.hpp"
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
// The news form of the author's page, as typed.
struct AuthorNewsForm {
    std::string kind = "update";
    std::string subject;
    std::string text;
};

// What the author's page shows once the petition is published: its figures, its news with
// their sending, and the forms to write news, ask the target for an answer and close it.
// Counts and places only: never a signer's name or address.
struct AuthorCampaignView {
    std::int64_t confirmed = 0;
    std::int64_t waiting = 0;                                   // signed, not confirmed yet
    std::int64_t set_aside = 0;                                 // by the defence, or invalidated
    std::string chart_svg;                                      // signatures by day
    std::vector<std::pair<std::string, std::int64_t>> regions;  // named, most first
    std::vector<News> news;                                     // newest first
    std::int64_t recipients = 0;  // signers who asked to be kept informed
    std::int64_t now = 0;
    std::optional<std::int64_t> next_sending_at;  // the author's one sending a day
    AuthorNewsForm news_form;
    std::vector<ProposalError> news_errors;
    bool previewing = false;
    std::string answer_link;         // made just now, shown once
    bool close_unconfirmed = false;  // the close form came without its box ticked
    std::string done;                // what the step just taken did: saved, test, sending...
};

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
    const AuthorCampaignView* campaign = nullptr;  // once published
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
