// The public pages from templates: home, petition, privacy, terms and errors.
#include "render/pages.hpp"

#include <algorithm>
#include <cctype>
#include <ctime>

#include "core/text.hpp"
#include "render/detail/page_parts.hpp"
#include "render/markdown.hpp"
#include "render/region_chart.hpp"
#include "render/share_card.hpp"

namespace rempart::render {

using namespace detail;

std::string render_home(const SiteView& view, Language language,
                        std::span<const Petition* const> open_petitions) {
    auto data = page_data(view, language);
    mu::data list = mu::data::type::list;
    for (const auto* petition : open_petitions) {
        mu::data card;
        set_petition(card, view, language, *petition);
        list.push_back(card);
    }
    data.set("petitions", list);
    const auto content = render_with_progress(view, language, *view.templates.parsed().home, data);
    return in_layout(view, language, {text(view, language, "home.title"), "/"}, content);
}

namespace {

// The signing form's fields as typed and its errors, each beside its field.
void set_signing_form(mu::data& data, const SiteView& view, Language language,
                      const SigningFormView& form_view) {
    const signatures::SigningForm empty;
    const auto& form = form_view.form ? *form_view.form : empty;
    data.set("form_name", form.name);
    data.set("form_email", form.email);
    data.set("form_postcode", form.postcode);
    data.set("form_comment", form.comment);
    data.set("form_public_name", form.public_name);
    data.set("form_newsletter", form.newsletter);
    data.set("form_updates", form.updates);
    data.set("form_accept_terms", form.accept_terms);
    mu::data errors = mu::data::type::list;
    for (const auto& error : form_view.errors) {
        const auto message = text(view, language, error.message);
        mu::data entry;
        entry.set("field", error.field);
        entry.set("message", message);
        errors.push_back(entry);
        data.set("error_" + error.field, message);
    }
    data.set("errors", errors);
    data.set("has_errors", !form_view.errors.empty());
}

}  // namespace

// The latest public signers and the départements: what shows a page is alive and where.
void set_signers(mu::data& data, const SiteView& view, Language language,
                 const Petition& petition) {
    mu::data signers = mu::data::type::list;
    for (const auto& signer : petition.latest_signers) {
        mu::data item;
        item.set("name", signer.name);
        set_text(item, "region", signer.region);
        item.set("when", fill(text(view, language, "petition.signed_on"),
                              {{"date", format_date(language, signer.at)}}));
        signers.push_back(item);
    }
    data.set("latest_signers", signers);
    data.set("has_latest_signers", !petition.latest_signers.empty());
    if (petition.signatures_by_region.empty()) return;
    std::int64_t located = 0;
    for (const auto& [code, count] : petition.signatures_by_region) located += count;
    const RegionChartLabels labels{
        text(view, language, "petition.regions_title"),
        fill(text(view, language, "petition.regions_desc"),
             {{"located", format_number(language, located)},
              {"regions", format_number(language, static_cast<std::int64_t>(
                                                      petition.signatures_by_region.size()))}}),
        text(view, language, "petition.regions_others")};
    data.set("has_regions", true);
    data.set("chart_html", region_chart_svg(petition.signatures_by_region, labels));
}

// What the organiser told the signers, newest first, and a won petition's banner.
void set_news(mu::data& data, const SiteView& view, Language language, const Petition& petition) {
    mu::data list = mu::data::type::list;
    for (const auto& news : petition.news) {
        mu::data item;
        item.set("number", std::to_string(news.number));
        item.set("kind", news.kind);
        item.set("label", news.kind == "answer" && !petition.target_name.empty()
                              ? fill(text(view, language, "news.kind_answer_from"),
                                     {{"target", petition.target_name}})
                              : text(view, language, "news.kind_" + news.kind));
        item.set("subject", news.subject);
        item.set("date", format_date(language, news.published_at));
        item.set("body_html", render_markdown(news.body_markdown));
        list.push_back(item);
    }
    data.set("news", list);
    data.set("has_news", !petition.news.empty());
    data.set("won", petition.won_at.has_value());
}

std::string render_petition(const SiteView& view, Language language, const Petition& petition,
                            const SigningFormView& form, std::string_view notice_key) {
    auto data = page_data(view, language);
    set_petition(data, view, language, petition);
    data.set("body_html", render_markdown(petition.body_markdown));
    set_signers(data, view, language, petition);
    set_news(data, view, language, petition);
    // A draft is shared by its private link only; an archived petition is not to be spread.
    if (petition.state == PetitionState::published || petition.state == PetitionState::closed)
        set_sharing(data, view, petition);
    data.set("reportable",
             petition.state == PetitionState::published || petition.state == PetitionState::closed);
    data.set("postcode_required", petition.postcode_required);
    data.set("asset_altcha_worker", std::string(view.assets.url("altcha-sha.js")));
    data.set("altcha_language", std::string(language == Language::fr ? "fr-fr" : "en"));
    set_signing_form(data, view, language, form);
    set_text(data, "notice", notice_key.empty() ? std::string() : text(view, language, notice_key));
    const auto content =
        render_with_progress(view, language, *view.templates.parsed().petition, data);
    const bool signing = collects_signatures(petition, std::time(nullptr));
    PageHead head{petition.title, "/petitions/" + petition.slug, signing};
    head.sharing =
        petition.state == PetitionState::published || petition.state == PetitionState::closed;
    // What a link shows where it is posted (Open Graph, Twitter cards): title, summary, address.
    head.card_title = petition.title;
    head.card_description = petition.summary.empty() ? petition.title : petition.summary;
    head.card_url = std::string(view.base_url) + "/petitions/" + petition.slug;
    // Networks fetch the picture from where the link points: an absolute address.
    if (has_share_card(petition)) head.card_image = head.card_url + "/card.png";
    return in_layout(view, language, head, content);
}

std::string render_history(const SiteView& view, Language language, const Petition& petition,
                           const std::vector<PublicChange>& changes) {
    auto data = page_data(view, language);
    data.set("slug", petition.slug);
    data.set("title", petition.title);
    mu::data list = mu::data::type::list;
    bool any = false;
    for (const auto& change : changes) {
        if (change.field == "target_email") continue;
        any = true;
        mu::data item;
        item.set("date", format_date(language, change.at));
        item.set("field", text(view, language, "petition.field_" + change.field));
        set_text(item, "before", change.before);
        set_text(item, "after", change.after);
        list.push_back(item);
    }
    data.set("none", !any);
    data.set("changes", list);
    const auto content = render_page(view, language, *view.templates.parsed().history, data);
    return in_layout(view, language,
                     {text(view, language, "petition.history_title") + " · " + petition.title,
                      "/petitions/" + petition.slug + "/history"},
                     content);
}

std::string render_preview(const SiteView& view, Language language, const Petition& petition) {
    auto data = page_data(view, language);
    set_petition(data, view, language, petition);
    data.set("body_html", render_markdown(petition.body_markdown));
    data.set("draft", true);
    set_signing_form(data, view, language, {});
    set_text(data, "notice", std::string());
    const auto content =
        render_with_progress(view, language, *view.templates.parsed().petition, data);
    // The language switch must not carry the preview's token into a URL of its own.
    return in_layout(view, language, {petition.title, "/"}, content);
}

std::string render_thanks(const SiteView& view, Language language, const Petition& petition) {
    auto data = page_data(view, language);
    data.set("slug", petition.slug);
    data.set("title", petition.title);
    data.set("thanks_spam", fill(text(view, language, "sign.thanks_spam"),
                                 {{"days", format_number(language, view.link_days)}}));
    set_sharing(data, view, petition);
    const auto content =
        render_with_progress(view, language, *view.templates.parsed().thanks, data);
    PageHead head{text(view, language, "sign.thanks_title"),
                  "/petitions/" + petition.slug + "/thanks"};
    head.sharing = true;
    return in_layout(view, language, head, content);
}

std::string render_confirm(const SiteView& view, Language language, const Petition& petition,
                           std::string_view token, signatures::SignatureState state) {
    using signatures::SignatureState;
    auto data = page_data(view, language);
    data.set("slug", petition.slug);
    data.set("title", petition.title);
    data.set("token", std::string(token));
    data.set("pending", state == SignatureState::pending);
    data.set("confirmed", state == SignatureState::confirmed);
    data.set("quarantined", state == SignatureState::quarantined);
    data.set("withdrawn",
             state == SignatureState::withdrawn || state == SignatureState::invalidated);
    const auto content = render_page(view, language, *view.templates.parsed().confirm, data);
    // The language switch must not carry the token into a URL of its own.
    return in_layout(view, language, {text(view, language, "sign.confirm_title"), "/"}, content);
}

std::string render_unsubscribe(const SiteView& view, Language language,
                               const UnsubscribeView& unsubscribe) {
    auto data = page_data(view, language);
    data.set("slug", unsubscribe.petition_slug);
    data.set("title", unsubscribe.petition_title);
    data.set("token", unsubscribe.token);
    data.set("subscribed", unsubscribe.subscribed);
    data.set("left_now", unsubscribe.left_now);
    data.set("test", unsubscribe.test);
    const auto content = render_page(view, language, *view.templates.parsed().unsubscribe, data);
    // As for a confirmation link, the language switch must not carry the token.
    return in_layout(view, language, {text(view, language, "news.unsubscribe_title"), "/"},
                     content);
}

std::string render_answer(const SiteView& view, Language language, const AnswerView& answer) {
    auto data = page_data(view, language);
    data.set("done", answer.done);
    data.set("token", answer.token);
    data.set("subject", answer.subject);
    data.set("text", answer.text);
    if (answer.petition != nullptr) {
        const auto& petition = *answer.petition;
        data.set("slug", petition.slug);
        data.set("title", petition.title);
        data.set("petition_lang",
                 petition.language == "en" ? std::string("en") : std::string("fr"));
        data.set("intro", fill(text(view, language, "answer.intro"),
                               {{"count", format_number(language, petition.signature_count)},
                                {"target", petition.target_name}}));
    }
    mu::data errors = mu::data::type::list;
    for (const auto& [field, key] : answer.errors) {
        const auto message = text(view, language, key);
        mu::data item;
        item.set("field", field);
        item.set("message", message);
        errors.push_back(item);
        data.set("error_" + field, message);
    }
    data.set("errors", errors);
    data.set("has_errors", !answer.errors.empty());
    const auto content = render_page(view, language, *view.templates.parsed().answer, data);
    // The token is in the address: the language switch must not carry it.
    return in_layout(view, language, {text(view, language, "answer.title"), "/"}, content);
}

std::string render_privacy(const SiteView& view, Language language,
                           const PromisedPeriods& periods) {
    const auto& retention = periods.retention;
    auto data = page_data(view, language);
    // The periods in force, so that the page never promises what the site does not do.
    const auto days = [&](std::string_view key, std::int64_t count) {
        return fill(text(view, language, key), {{"days", format_number(language, count)}});
    };
    data.set("retention_unconfirmed",
             days("privacy.retention_unconfirmed", retention.unconfirmed_days));
    data.set("retention_signature",
             days("privacy.retention_signature", retention.after_close_days));
    data.set("retention_addresses", days("privacy.retention_addresses", retention.addresses_days));
    data.set("retention_events",
             fill(text(view, language, "privacy.retention_events"),
                  {{"days", format_number(language, retention.events_days)},
                   {"evidence_days", format_number(language, retention.evidence_days)}}));
    data.set("retention_mail", days("privacy.retention_mail", retention.mail_days));
    data.set("retention_newsletter",
             fill(text(view, language, "privacy.retention_newsletter"),
                  {{"days", format_number(language, retention.newsletter_idle_days)},
                   {"unconfirmed", format_number(language, retention.unconfirmed_days)}}));
    data.set("retention_backups",
             periods.backup_hours > 0
                 ? fill(text(view, language, "privacy.retention_backups"),
                        {{"hours", format_number(language, periods.backup_hours)}})
                 : std::string(text(view, language, "privacy.retention_backups_manual")));
    data.set("version_text", version_text(view, language, view.site->privacy_version));
    const auto content = render_page(view, language, *view.templates.parsed().privacy, data);
    return in_layout(view, language, {text(view, language, "privacy.title"), "/privacy"}, content);
}

std::string render_terms(const SiteView& view, Language language) {
    auto data = page_data(view, language);
    data.set("version_text", version_text(view, language, view.site->terms_version));
    const auto content = render_page(view, language, *view.templates.parsed().terms, data);
    return in_layout(view, language, {text(view, language, "terms.title"), "/terms"}, content);
}

std::string render_error(const SiteView& view, Language language, unsigned status) {
    auto data = page_data(view, language);
    // A status without its own words gets the general ones, under its own number.
    auto words = std::to_string(status);
    if (!view.messages.all(language).contains("error.title_" + words)) words = "500";
    const auto title = text(view, language, "error.title_" + words);
    data.set("status", std::to_string(status));
    data.set("error_title", title);
    data.set("error_text", text(view, language, "error.text_" + words));
    const auto content = render_page(view, language, *view.templates.parsed().error, data);
    return in_layout(view, language, {title, "/"}, content);
}

std::string render_notice(const SiteView& view, Language language, unsigned status,
                          std::string_view title_key, std::string_view text_key) {
    auto data = page_data(view, language);
    const auto title = text(view, language, title_key);
    data.set("status", std::to_string(status));
    data.set("error_title", title);
    data.set("error_text", fill(text(view, language, text_key),
                                {{"days", format_number(language, view.link_days)}}));
    const auto content = render_page(view, language, *view.templates.parsed().error, data);
    return in_layout(view, language, {title, "/"}, content);
}

}  // namespace rempart::render
