// The public pages from templates: home, petition, privacy, terms and errors.
#include "render/pages.hpp"

#include <kainjow/mustache.hpp>

#include "core/embedded.hpp"
#include "render/markdown.hpp"

namespace rempart::render {
namespace mstch = kainjow::mustache;

struct Templates::Parsed {
    std::unique_ptr<mstch::mustache> layout, home, petition, progress, privacy, terms, error;
    std::string progress_source;  // partials are given to kainjow as source text
};

Templates::Templates() : parsed_(std::make_unique<Parsed>()) {}
Templates::~Templates() = default;

Result<std::unique_ptr<Templates>> Templates::load() {
    std::unique_ptr<Templates> templates(new Templates());
    auto& p = *templates->parsed_;
    const std::pair<const char*, std::unique_ptr<mstch::mustache>*> files[] = {
        {"templates/layout.mustache", &p.layout},
        {"templates/web/home.mustache", &p.home},
        {"templates/web/petition.mustache", &p.petition},
        {"templates/web/progress.mustache", &p.progress},
        {"templates/web/privacy.mustache", &p.privacy},
        {"templates/web/terms.mustache", &p.terms},
        {"templates/web/error.mustache", &p.error},
    };
    for (const auto& [path, slot] : files) {
        const auto text = embedded::find(path);
        if (!text)
            return make_error("template.missing", std::string(path) + " is not in this build");
        *slot = std::make_unique<mstch::mustache>(std::string(*text));
        if (!(*slot)->is_valid())
            return make_error("template.invalid",
                              std::string(path) + ": " + (*slot)->error_message());
    }
    p.progress_source = std::string(*embedded::find("templates/web/progress.mustache"));
    return templates;
}

namespace {

// The catalog as nested objects, so templates write {{t.home.title}}.
mstch::data translations(const Messages& messages, Language language) {
    mstch::data root = mstch::data::type::object;
    std::map<std::string, mstch::data> sections;
    for (const auto& [key, text] : messages.all(language)) {
        const auto dot = key.find('.');
        auto [it, _] = sections.try_emplace(key.substr(0, dot), mstch::data::type::object);
        it->second.set(key.substr(dot + 1), text);
    }
    for (auto& [name, section] : sections) root.set(name, section);
    return root;
}

// Fields every page shares: language, site, assets, words.
mstch::data page_data(const SiteView& view, Language language) {
    mstch::data data;
    data.set("lang", std::string(code(language)));
    data.set("site_name", view.site.name);
    data.set("controller", view.site.controller);
    data.set("contact_email", view.site.contact_email);
    data.set("postal_address", view.site.postal_address);
    data.set("hosting_provider", view.site.hosting_provider);
    data.set("terms_version", view.site.terms_version);
    data.set("privacy_version", view.site.privacy_version);
    data.set("asset_pico", std::string(view.assets.url("pico.css")));
    data.set("asset_rempart", std::string(view.assets.url("rempart.css")));
    data.set("asset_favicon", std::string(view.assets.url("favicon.svg")));
    data.set("t", translations(view.messages, language));
    return data;
}

mstch::data petition_data(const SiteView& view, Language language, const Petition& petition) {
    mstch::data data;
    data.set("slug", petition.slug);
    data.set("title", petition.title);
    data.set("summary", petition.summary);
    data.set("count", std::to_string(petition.signature_count));
    data.set("count_text", format_number(language, petition.signature_count));
    data.set("count_label",
             std::string(view.messages.text(language, petition.signature_count > 1
                                                          ? "petition.signatures_many"
                                                          : "petition.signatures_one")));
    data.set("has_goal", petition.goal.has_value());
    if (petition.goal) {
        data.set("goal", std::to_string(*petition.goal));
        data.set("goal_text", format_number(language, *petition.goal));
        const auto percent =
            std::min<std::int64_t>(100, petition.signature_count * 100 / *petition.goal);
        data.set("percent", std::to_string(percent));
    }
    data.set("closed", petition.state == PetitionState::closed);
    return data;
}

// Renders `content` inside the layout; `path` is where the language links come back to.
std::string in_layout(const SiteView& view, Language language, const std::string& page_title,
                      const std::string& path, const std::string& content_html) {
    auto data = page_data(view, language);
    data.set("page_title", page_title);
    data.set("content_html", content_html);
    mstch::data languages = mstch::data::type::list;
    for (const auto other : {Language::fr, Language::en}) {
        mstch::data entry;
        entry.set("code", std::string(code(other)));
        entry.set("label",
                  other == Language::fr ? std::string("Français") : std::string("English"));
        entry.set("current", other == language);
        entry.set("next", path);
        languages.push_back(entry);
    }
    data.set("languages", languages);
    return view.templates.parsed().layout->render(data);
}

std::string render_with_progress(const SiteView& view, mstch::mustache& tmpl, mstch::data& data) {
    const auto& source = view.templates.parsed().progress_source;
    data.set("progress", mstch::partial([&source] { return source; }));
    return tmpl.render(data);
}

}  // namespace

std::string render_home(const SiteView& view, Language language,
                        std::span<const Petition* const> open_petitions) {
    auto data = page_data(view, language);
    mstch::data list = mstch::data::type::list;
    for (const auto* petition : open_petitions)
        list.push_back(petition_data(view, language, *petition));
    data.set("petitions", list);
    const auto content = render_with_progress(view, *view.templates.parsed().home, data);
    return in_layout(view, language, std::string(view.messages.text(language, "home.title")), "%2F",
                     content);
}

std::string render_petition(const SiteView& view, Language language, const Petition& petition) {
    auto data = page_data(view, language);
    auto fields = petition_data(view, language, petition);
    for (const auto* key : {"slug", "title", "summary", "count", "count_text", "count_label",
                            "has_goal", "goal", "goal_text", "percent", "closed"})
        if (const auto* value = fields.get(key)) data.set(key, *value);
    data.set("body_html", render_markdown(petition.body_markdown));
    const auto content = render_with_progress(view, *view.templates.parsed().petition, data);
    return in_layout(view, language, petition.title, "%2Fpetitions%2F" + petition.slug, content);
}

std::string render_privacy(const SiteView& view, Language language) {
    auto data = page_data(view, language);
    const auto content = view.templates.parsed().privacy->render(data);
    return in_layout(view, language, std::string(view.messages.text(language, "privacy.title")),
                     "%2Fprivacy", content);
}

std::string render_terms(const SiteView& view, Language language) {
    auto data = page_data(view, language);
    const auto content = view.templates.parsed().terms->render(data);
    return in_layout(view, language, std::string(view.messages.text(language, "terms.title")),
                     "%2Fterms", content);
}

std::string render_error(const SiteView& view, Language language, unsigned status) {
    auto data = page_data(view, language);
    // A status without its own words gets the general ones.
    auto suffix = std::to_string(status);
    if (view.messages.text(language, "error.title_" + suffix).starts_with("error.")) suffix = "500";
    const auto title = std::string(view.messages.text(language, "error.title_" + suffix));
    data.set("status", std::to_string(status));
    data.set("error_title", title);
    data.set("error_text", std::string(view.messages.text(language, "error.text_" + suffix)));
    const auto content = view.templates.parsed().error->render(data);
    return in_layout(view, language, title, "%2F", content);
}

}  // namespace rempart::render
