// The public pages from templates: home, petition, privacy, terms and errors.
#include "render/pages.hpp"

#include <kainjow/mustache.hpp>

#include <algorithm>
#include <cctype>

#include "core/embedded.hpp"
#include "core/text.hpp"
#include "render/markdown.hpp"

namespace rempart::render {
namespace mu = kainjow::mustache;

struct Templates::Parsed {
    std::unique_ptr<mu::mustache> layout, home, petition, privacy, terms, error, thanks, confirm,
        gate;
    std::string progress_source;  // kainjow takes partials as source text
};

Templates::Templates() : parsed_(std::make_unique<Parsed>()) {}
Templates::~Templates() = default;

Result<std::unique_ptr<Templates>> Templates::load() {
    std::unique_ptr<Templates> templates(new Templates());
    auto& p = *templates->parsed_;
    std::unique_ptr<mu::mustache> progress;
    const std::pair<const char*, std::unique_ptr<mu::mustache>*> files[] = {
        {"templates/layout.mustache", &p.layout},
        {"templates/web/home.mustache", &p.home},
        {"templates/web/petition.mustache", &p.petition},
        {"templates/web/progress.mustache", &progress},
        {"templates/web/privacy.mustache", &p.privacy},
        {"templates/web/terms.mustache", &p.terms},
        {"templates/web/error.mustache", &p.error},
        {"templates/web/thanks.mustache", &p.thanks},
        {"templates/web/confirm.mustache", &p.confirm},
        {"templates/web/gate.mustache", &p.gate},
    };
    for (const auto& [path, slot] : files) {
        const auto text = embedded::find(path);
        if (!text)
            return make_error("template.missing", std::string(path) + " is not in this build");
        *slot = std::make_unique<mu::mustache>(std::string(*text));
        if (!(*slot)->is_valid())
            return make_error("template.invalid",
                              std::string(path) + ": " + (*slot)->error_message());
    }
    p.progress_source = std::string(*embedded::find("templates/web/progress.mustache"));
    return templates;
}

namespace {

// Mustache treats an empty string as true, so every optional text also gets has_<name>.
void set_text(mu::data& data, const std::string& name, const std::string& value) {
    data.set(name, value);
    data.set("has_" + name, !value.empty());
}

// The values the catalog's site-wide {placeholders} take on this site.
Placeholders site_placeholders(const SiteConfig& site) {
    return {{"site", site.name},
            {"org", site.controller.empty() ? site.name : site.controller},
            {"controller", site.controller},
            {"hosting", site.hosting_provider}};
}

// The catalog as nested objects, so templates write {{t.home.title}}.
mu::data translations(const Messages& messages, Language language, const SiteConfig& site) {
    const auto values = site_placeholders(site);
    std::map<std::string, mu::data, std::less<>> sections;
    for (const auto& [key, text] : messages.all(language)) {
        const auto dot = key.find('.');
        auto [it, _] = sections.try_emplace(key.substr(0, dot), mu::data::type::object);
        it->second.set(key.substr(dot + 1), fill(text, values));
    }
    mu::data root = mu::data::type::object;
    for (auto& [name, section] : sections) root.set(name, section);
    return root;
}

// Fields every page shares: language, site, assets, words.
mu::data page_data(const SiteView& view, Language language) {
    mu::data data;
    data.set("lang", std::string(code(language)));
    data.set("site_name", view.site.name);
    set_text(data, "controller", view.site.controller);
    set_text(data, "contact_email", view.site.contact_email);
    set_text(data, "postal_address", view.site.postal_address);
    set_text(data, "hosting_provider", view.site.hosting_provider);
    data.set("asset_pico", std::string(view.assets.url("pico.css")));
    data.set("asset_rempart", std::string(view.assets.url("rempart.css")));
    data.set("asset_favicon", std::string(view.assets.url("favicon.svg")));
    data.set("t", translations(view.messages, language, view.site));
    return data;
}

// The fields of one petition, for its card on the home page and for its own page.
void set_petition(mu::data& data, const SiteView& view, Language language,
                  const Petition& petition) {
    const auto& messages = view.messages;
    data.set("slug", petition.slug);
    data.set("title", petition.title);
    set_text(data, "summary", petition.summary);
    data.set("signatures", format_signatures(messages, language, petition.signature_count));
    data.set("closed", petition.state == PetitionState::closed);
    data.set("has_goal", petition.goal.has_value() && *petition.goal > 0);
    if (!petition.goal || *petition.goal <= 0) return;
    const auto goal = *petition.goal;
    const auto count = std::max<std::int64_t>(0, petition.signature_count);
    data.set("goal", std::to_string(goal));
    data.set("goal_text", fill(messages.text(language, "petition.goal"),
                               {{"goal", format_signatures(messages, language, goal)}}));
    data.set("progress_value", std::to_string(std::min(count, goal)));
    // Past the goal the bar stays full but the words say how far past.
    data.set("progress_text",
             fill(messages.text(language, "petition.progress"),
                  {{"percent",
                    format_number(language, count / goal * 100 + count % goal * 100 / goal)}}));
}

std::string render_with_progress(const SiteView& view, mu::mustache& page, mu::data& data) {
    const auto& source = view.templates.parsed().progress_source;
    data.set("progress", mu::partial([&source] { return source; }));
    return page.render(data);
}

struct PageHead {
    std::string title;
    std::string path;         // where the language switch comes back to
    bool signing = false;     // loads the proof-of-work widget
    bool gate = false;        // and sends the gate's form when it is solved
    int refresh_seconds = 0;  // > 0: reloads to the gate's wait address after that long
};

std::string in_layout(const SiteView& view, Language language, const PageHead& head,
                      const std::string& content_html) {
    auto data = page_data(view, language);
    data.set("page_title", head.title);
    data.set("content_html", content_html);
    data.set("signing", head.signing);
    data.set("gate", head.gate);
    data.set("asset_gate_js", std::string(view.assets.url("gate.js")));
    data.set("refresh", head.refresh_seconds > 0);
    data.set("refresh_seconds", std::to_string(head.refresh_seconds));
    if (head.signing) {
        data.set("asset_altcha_css", std::string(view.assets.url("altcha.css")));
        data.set("asset_altcha_js", std::string(view.assets.url("altcha.js")));
        data.set("asset_altcha_fr", std::string(view.assets.url("altcha-fr.js")));
        data.set("asset_signing_js", std::string(view.assets.url("signing.js")));
    }
    mu::data languages = mu::data::type::list;
    for (const auto other : all_languages) {
        mu::data entry;
        entry.set("code", std::string(code(other)));
        // Each language named in its own words, whatever the page's language.
        entry.set("label", std::string(view.messages.text(other, "site.language_name")));
        entry.set("current", other == language);
        entry.set("next", percent_encode(head.path));
        languages.push_back(entry);
    }
    data.set("languages", languages);
    return view.templates.parsed().layout->render(data);
}

std::string text(const SiteView& view, Language language, std::string_view key) {
    return std::string(view.messages.text(language, key));
}

std::string version_text(const SiteView& view, Language language, const std::string& version) {
    return fill(view.messages.text(language, "legal.version"), {{"version", version}});
}

}  // namespace

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
    const auto content = render_with_progress(view, *view.templates.parsed().home, data);
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

std::string render_petition(const SiteView& view, Language language, const Petition& petition,
                            const SigningFormView& form, std::string_view notice_key) {
    auto data = page_data(view, language);
    set_petition(data, view, language, petition);
    data.set("body_html", render_markdown(petition.body_markdown));
    data.set("postcode_required", petition.postcode_required);
    data.set("asset_altcha_worker", std::string(view.assets.url("altcha-sha.js")));
    data.set("altcha_language", std::string(language == Language::fr ? "fr-fr" : "en"));
    set_signing_form(data, view, language, form);
    set_text(data, "notice", notice_key.empty() ? std::string() : text(view, language, notice_key));
    const auto content = render_with_progress(view, *view.templates.parsed().petition, data);
    const bool signing = petition.state == PetitionState::published;
    return in_layout(view, language, {petition.title, "/petitions/" + petition.slug, signing},
                     content);
}

std::string render_thanks(const SiteView& view, Language language, const Petition& petition) {
    auto data = page_data(view, language);
    data.set("slug", petition.slug);
    data.set("title", petition.title);
    const auto content = view.templates.parsed().thanks->render(data);
    return in_layout(
        view, language,
        {text(view, language, "sign.thanks_title"), "/petitions/" + petition.slug + "/thanks"},
        content);
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
    const auto content = view.templates.parsed().confirm->render(data);
    // The language switch must not carry the token into a URL of its own.
    return in_layout(view, language, {text(view, language, "sign.confirm_title"), "/"}, content);
}

std::string render_privacy(const SiteView& view, Language language) {
    auto data = page_data(view, language);
    data.set("version_text", version_text(view, language, view.site.privacy_version));
    const auto content = view.templates.parsed().privacy->render(data);
    return in_layout(view, language, {text(view, language, "privacy.title"), "/privacy"}, content);
}

std::string render_terms(const SiteView& view, Language language) {
    auto data = page_data(view, language);
    data.set("version_text", version_text(view, language, view.site.terms_version));
    const auto content = view.templates.parsed().terms->render(data);
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
    const auto content = view.templates.parsed().error->render(data);
    return in_layout(view, language, {title, "/"}, content);
}

std::string render_notice(const SiteView& view, Language language, unsigned status,
                          std::string_view title_key, std::string_view text_key) {
    auto data = page_data(view, language);
    const auto title = text(view, language, title_key);
    data.set("status", std::to_string(status));
    data.set("error_title", title);
    data.set("error_text", text(view, language, text_key));
    const auto content = view.templates.parsed().error->render(data);
    return in_layout(view, language, {title, "/"}, content);
}

std::string render_gate(const SiteView& view, Language language, int wait_seconds,
                        std::string_view failure_key) {
    auto data = page_data(view, language);
    data.set("asset_altcha_worker", std::string(view.assets.url("altcha-sha.js")));
    data.set("altcha_language", std::string(language == Language::fr ? "fr-fr" : "en"));
    set_text(data, "failure", failure_key.empty() ? "" : text(view, language, failure_key));
    const auto content = view.templates.parsed().gate->render(data);
    PageHead head{text(view, language, "gate.title"), "/", true, true, wait_seconds};
    return in_layout(view, language, head, content);
}

}  // namespace rempart::render
