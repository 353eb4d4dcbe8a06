// The public pages from templates: home, petition, privacy, terms and errors.
#pragma once

#include <memory>
#include <span>
#include <string>

#include "core/result.hpp"
#include "petitions/petition.hpp"
#include "render/i18n.hpp"
#include "render/settings.hpp"
#include "render/static_assets.hpp"
#include "signatures/retention.hpp"
#include "signatures/signature.hpp"
#include "signatures/signing_form.hpp"

namespace rempart::render {

// The parsed templates, from the files compiled into the binary.
class Templates {
  public:
    // A template that does not parse is a start-up failure naming the file.
    static Result<std::unique_ptr<Templates>> load();
    ~Templates();
    struct Parsed;
    const Parsed& parsed() const { return *parsed_; }

  private:
    Templates();
    std::unique_ptr<Parsed> parsed_;
};

// What every page needs: who runs the site, its words, its templates and its assets.
struct SiteView {
    std::shared_ptr<const SiteSettings> site;  // as they were when the view was made
    const Messages& messages;
    const Templates& templates;
    const StaticAssets& assets;
    std::string_view base_url = {};  // "https://petitions.example.org": shared links, cards
    // [retention] unconfirmed_days: how long a confirmation link works, as pages say it.
    std::int64_t link_days = 30;
};

// Each call renders one whole page for one language; the caller keeps the result. Every
// piece of user text (titles, summaries, site settings) is HTML-escaped; the petition body
// goes through render_markdown. They do not fail: a missing message shows its key, which
// the tests catch.
std::string render_home(const SiteView& view, Language language,
                        std::span<const Petition* const> open_petitions);
// The signing form as the signer left it, and what is wrong with it: for a 422.
struct SigningFormView {
    const signatures::SigningForm* form = nullptr;  // null: an empty form
    std::vector<signatures::FieldError> errors;
};
// `notice_key` names a message shown above the text (after a confirmation, say).
std::string render_petition(const SiteView& view, Language language, const Petition& petition,
                            const SigningFormView& form = {}, std::string_view notice_key = {});
// A change after publication as the public history shows it: the e-mail of the target
// never appears, nor who made it (the back office keeps that).
struct PublicChange {
    std::int64_t at = 0;  // Unix seconds
    std::string field;    // the form's name: title, summary, text, goal, ends_on...
    std::string before;
    std::string after;
};
// GET /petitions/{slug}/history: each correction since publication, oldest first.
std::string render_history(const SiteView& view, Language language, const Petition& petition,
                           const std::vector<PublicChange>& changes);
// A draft through its private preview link: the page as it will look, saying it is a draft.
std::string render_preview(const SiteView& view, Language language, const Petition& petition);

// After signing: "check your mailbox", duplicates included.
std::string render_thanks(const SiteView& view, Language language, const Petition& petition);
// Where a confirmation link leads: a button to confirm (or the state), one to withdraw.
std::string render_confirm(const SiteView& view, Language language, const Petition& petition,
                           std::string_view token, signatures::SignatureState state);
// Where a news mail's unsubscribe link leads: a button (mail scanners follow links, so a
// visit alone changes nothing), then what was done.
struct UnsubscribeView {
    std::string petition_title;
    std::string petition_slug;
    std::string token;
    bool subscribed = false;  // still hears the petition's news
    bool left_now = false;    // this request made them leave
    bool test = false;        // the link of an organiser's test mail: it names nobody
};
std::string render_unsubscribe(const SiteView& view, Language language,
                               const UnsubscribeView& unsubscribe);
// The target's private page to answer the petition, without an account: the form, its
// errors beside their fields, or the thanks once sent.
struct AnswerView {
    const Petition* petition = nullptr;  // none once sent: the link has served
    std::string token;
    std::string subject;  // as typed, or proposed
    std::string text;
    std::vector<std::pair<std::string, std::string>> errors;  // field, words key
    bool done = false;
};
std::string render_answer(const SiteView& view, Language language, const AnswerView& answer);
// The privacy notice, with every period as [retention] and [backup] have it.
std::string render_privacy(const SiteView& view, Language language,
                           const PromisedPeriods& periods);
std::string render_terms(const SiteView& view, Language language);
std::string render_error(const SiteView& view, Language language, unsigned status);
// An error page with its own words (an expired link, say) rather than the status's.
std::string render_notice(const SiteView& view, Language language, unsigned status,
                          std::string_view title_key, std::string_view text_key);

// The search page: the box, and what was found when something was looked for.
struct SearchView {
    std::string query;                // as typed, cleaned
    bool searched = false;            // false: the box alone
    std::vector<Petition> petitions;  // what was found
    std::string_view error_key;       // why the query was refused, or empty
};
std::string render_search(const SiteView& view, Language language, const SearchView& search);

// The under-attack gate's page, with two marks left for the caller to fill per request:
// "@@GATE_NEXT@@" (where to go once through, HTML-escaped) and "@@GATE_WAIT@@" (the
// address the page reloads to after `wait_seconds`, for browsers without JavaScript).
// `notice_key` names a message shown above the form (a refused proof of work, a wait not
// over yet), or is empty.
std::string render_gate(const SiteView& view, Language language, int wait_seconds,
                        std::string_view notice_key = {});

}  // namespace rempart::render
