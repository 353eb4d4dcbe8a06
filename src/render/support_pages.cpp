// Renders the pages of a proposal's supporters.
#include "render/support_pages.hpp"

#include "core/text.hpp"
#include "render/detail/page_parts.hpp"
#include "render/markdown.hpp"

namespace rempart::render {

using namespace detail;

std::string render_support(const SiteView& view, Language language, const SupportPageView& page) {
    auto data = page_data(view, language);
    const auto& petition = *page.petition;
    data.set("title", petition.title);
    set_text(data, "summary", petition.summary);
    set_text(data, "target", petition.target_name);
    data.set("body_html", render_markdown(petition.body_markdown));
    data.set("token", page.token);
    data.set("count_text", fill(text(view, language, "support.count"),
                                {{"count", format_number(language, page.supporters)},
                                 {"needed", format_number(language, page.needed)}}));
    data.set("form_name", to_valid_utf8(page.name));
    data.set("form_email", to_valid_utf8(page.email));
    data.set("form_accept_terms", page.accept_terms);
    mu::data listed = mu::data::type::list;
    for (const auto& [field, key] : page.errors) {
        mu::data item;
        item.set("field", field);
        item.set("message", text(view, language, key));
        listed.push_back(item);
        data.set("error_" + field, text(view, language, key));
    }
    data.set("errors", listed);
    data.set("has_errors", !page.errors.empty());
    data.set("asset_altcha_worker", std::string(view.assets.url("altcha-sha.js")));
    data.set("altcha_language", std::string(language == Language::fr ? "fr-fr" : "en"));
    const auto content = render_page(view, language, *view.templates.parsed().support, data);
    return in_layout(view, language,
                     {text(view, language, "support.page_title"), "/support/" + page.token, true},
                     content);
}

std::string render_support_confirm(const SiteView& view, Language language,
                                   const std::string& title, const std::string& token) {
    auto data = page_data(view, language);
    data.set("title", title);
    data.set("token", token);
    const auto content =
        render_page(view, language, *view.templates.parsed().support_confirm, data);
    return in_layout(view, language, {text(view, language, "support.confirm_title"), "/"}, content);
}

}  // namespace rempart::render
