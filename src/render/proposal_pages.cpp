// Renders the pages of proposing a petition and the author's private page.
#include "render/proposal_pages.hpp"

#include "core/text.hpp"
#include "render/detail/author_campaign.hpp"
#include "render/detail/page_parts.hpp"
#include "render/markdown.hpp"

namespace rempart::render {

using namespace detail;

namespace {

// The petition's fields of the form, as typed, and each error beside its field and listed.
// What was typed comes back as typed, but always as UTF-8: a byte that is not becomes U+FFFD
// and the field's error says why.
void set_form(mu::data& data, const SiteView& view, Language language, const ProposalForm& form,
              const std::vector<ProposalError>& errors) {
    data.set("form_title", to_valid_utf8(form.title));
    data.set("form_summary", to_valid_utf8(form.summary));
    data.set("form_text", to_valid_utf8(form.text));
    data.set("form_goal", to_valid_utf8(form.goal));
    data.set("form_target_name", to_valid_utf8(form.target_name));
    data.set("form_author_name", to_valid_utf8(form.author_name));
    data.set("form_author_email", to_valid_utf8(form.author_email));
    data.set("form_accept_terms", form.accept_terms);
    mu::data listed = mu::data::type::list;
    for (const auto& error : errors) {
        const auto message = text(view, language, error.message);
        mu::data item;
        item.set("field", error.field);
        item.set("message", message);
        listed.push_back(item);
        data.set("error_" + error.field, message);
    }
    data.set("errors", listed);
    data.set("has_errors", !errors.empty());
}

std::string with_fields(const SiteView& view, Language language, mu::mustache& page,
                        mu::data& data) {
    const auto& source = view.templates.parsed().proposal_fields_source;
    data.set("fields", mu::partial([&source] { return source; }));
    return render_page(view, language, page, data);
}

ProposalForm form_of(const Petition& petition) {
    ProposalForm form;
    form.title = petition.title;
    form.summary = petition.summary;
    form.text = petition.body_markdown;
    form.goal = petition.goal ? std::to_string(*petition.goal) : "";
    form.target_name = petition.target_name;
    return form;
}

std::string days_text(const SiteView& view, Language language, std::string_view key,
                      std::int64_t days) {
    return fill(text(view, language, key), {{"days", format_number(language, days)}});
}

}  // namespace

std::string render_propose(const SiteView& view, Language language, const ProposeFormView& form) {
    auto data = page_data(view, language);
    const ProposalForm empty;
    const auto& typed = form.form != nullptr ? *form.form : empty;
    set_form(data, view, language, typed, form.errors);
    data.set("form_language", std::string(code(language)));
    data.set("promise", days_text(view, language, "propose.promise", form.overdue_days));
    data.set("long_queue", form.waiting >= 0);
    if (form.waiting >= 0)
        data.set("long_queue_text", fill(text(view, language, "propose.long_queue"),
                                         {{"count", format_number(language, form.waiting)},
                                          {"days", format_number(language, form.overdue_days)}}));
    mu::data similar = mu::data::type::list;
    for (const auto& petition : form.similar) {
        mu::data item;
        item.set("slug", petition.slug);
        item.set("title", petition.title);
        set_text(item, "summary", petition.summary);
        item.set("count",
                 view.messages.plural(language, "petition.signatures", petition.signature_count));
        similar.push_back(item);
    }
    data.set("similar", similar);
    data.set("has_similar", !form.similar.empty());
    data.set("preview", form.preview);
    data.set("has_summary", !typed.summary.empty());
    if (form.preview) data.set("body_html", render_markdown(to_valid_utf8(typed.text)));
    data.set("asset_altcha_worker", std::string(view.assets.url("altcha-sha.js")));
    data.set("altcha_language", std::string(language == Language::fr ? "fr-fr" : "en"));
    const auto content = with_fields(view, language, *view.templates.parsed().propose, data);
    PageHead head{text(view, language, "propose.title"), "/propose", true};
    head.proposing = true;
    return in_layout(view, language, head, content);
}

std::string render_proposed(const SiteView& view, Language language) {
    return render_notice(view, language, 200, "propose.sent_title", "propose.sent_text");
}

std::string render_propose_link(const SiteView& view, Language language, bool sent,
                                std::string_view typed_email, std::string_view error_key) {
    auto data = page_data(view, language);
    data.set("sent", sent);
    data.set("typed_email", std::string(typed_email));
    set_text(data, "error", error_key.empty() ? std::string() : text(view, language, error_key));
    const auto content = render_page(view, language, *view.templates.parsed().propose_link, data);
    return in_layout(view, language, {text(view, language, "propose_link.title"), "/propose/link"},
                     content);
}

std::string render_author_page(const SiteView& view, Language language,
                               const AuthorPageView& page) {
    auto data = page_data(view, language);
    const auto& petition = *page.petition;
    data.set("title", petition.title);
    data.set("slug", petition.slug);
    data.set("token", page.token);
    const auto stage = std::string(to_string(page.stage));
    data.set("stage_text",
             page.stage == SubmissionStage::waiting
                 ? days_text(view, language, "author.stage_waiting", page.overdue_days)
                 : text(view, language, "author.stage_" + stage));
    data.set("unconfirmed", page.stage == SubmissionStage::unconfirmed);
    data.set("published", page.stage == SubmissionStage::published);
    if (page.stage == SubmissionStage::published && petition.state != PetitionState::published)
        data.set("stage_text",
                 text(view, language,
                      petition.state == PetitionState::closed ? "author.stage_closed"
                                                              : "author.stage_archived"));
    const bool gathering = page.stage == SubmissionStage::gathering;
    data.set("gathering", gathering);
    data.set("support_link", page.support_link);
    if (gathering)
        data.set("supporters_text",
                 fill(text(view, language, "author.supporters"),
                      {{"count", format_number(language, page.supporters)},
                       {"needed", format_number(language, page.supporters_needed)}}));
    const bool editable = page.stage == SubmissionStage::unconfirmed ||
                          page.stage == SubmissionStage::waiting ||
                          page.stage == SubmissionStage::returned;
    data.set("editable", editable);
    data.set("edit_hint", text(view, language,
                               page.stage == SubmissionStage::returned ? "author.edit_hint_returned"
                                                                       : "author.edit_hint"));
    data.set("save_text",
             text(view, language,
                  page.stage == SubmissionStage::returned ? "author.send_again" : "author.save"));
    set_text(data, "return_note",
             page.stage == SubmissionStage::returned ? page.return_note : std::string());
    set_text(data, "reason", page.reason);
    set_text(data, "decision_note", page.decision_note);
    set_text(data, "notice",
             page.notice_key.empty() ? std::string() : text(view, language, page.notice_key));
    if (page.campaign != nullptr)
        set_author_campaign(data, view, language, petition, *page.campaign);
    const auto stored = form_of(petition);
    set_form(data, view, language, page.form != nullptr ? *page.form : stored, page.errors);
    const auto content = with_fields(view, language, *view.templates.parsed().author, data);
    return in_layout(view, language, {text(view, language, "author.page_title"), "/"}, content);
}

std::string render_report(const SiteView& view, Language language, const Petition& petition,
                          std::string_view typed_reason, std::string_view error_field,
                          std::string_view error_key) {
    auto data = page_data(view, language);
    data.set("slug", petition.slug);
    data.set("title", petition.title);
    data.set("typed_reason", to_valid_utf8(typed_reason));
    set_text(data, "error", error_key.empty() ? std::string() : text(view, language, error_key));
    data.set("error_field", std::string(error_field));
    if (!error_field.empty()) data.set("error_" + std::string(error_field), true);
    data.set("asset_altcha_worker", std::string(view.assets.url("altcha-sha.js")));
    data.set("altcha_language", std::string(language == Language::fr ? "fr-fr" : "en"));
    const auto content = render_page(view, language, *view.templates.parsed().report, data);
    PageHead head{text(view, language, "report.title"), "/petitions/" + petition.slug + "/report",
                  true};
    return in_layout(view, language, head, content);
}

std::string rejection_words(const Messages& messages, Language language, std::string_view code,
                            std::string_view own_text) {
    if (!own_text.empty() || code.empty()) return std::string(own_text);
    return std::string(messages.text(language, "moderation.reason_" + std::string(code)));
}

std::string render_refused(const SiteView& view, Language language, const Petition& petition) {
    auto data = page_data(view, language);
    const bool removed = petition.state == PetitionState::removed;
    const auto title =
        text(view, language, removed ? "refused.removed_title" : "refused.rejected_title");
    const auto reason = rejection_words(view.messages, language, petition.public_reason_code,
                                        petition.public_reason);
    data.set("status", std::string("410"));
    data.set("error_title", title);
    data.set("error_text",
             reason.empty() ? text(view, language, "refused.no_reason")
                            : fill(text(view, language, "refused.reason"), {{"reason", reason}}));
    const auto content = render_page(view, language, *view.templates.parsed().error, data);
    return in_layout(view, language, {title, "/petitions/" + petition.slug}, content);
}

}  // namespace rempart::render
