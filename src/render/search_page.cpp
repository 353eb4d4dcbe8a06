// The search page: the box, what was found, or why the search was refused.
#include "render/detail/page_parts.hpp"

namespace rempart::render {

using namespace detail;

std::string render_search(const SiteView& view, Language language, const SearchView& search) {
    auto data = page_data(view, language);
    data.set("query", search.query);
    data.set("searched", search.searched && search.error_key.empty());
    set_text(data, "error", search.error_key.empty() ? "" : text(view, language, search.error_key));
    const auto count = static_cast<std::int64_t>(search.petitions.size());
    data.set("has_results", count > 0);
    const auto key = std::string("search.results_") +
                     (plural_form(language, count) == Plural::one ? "one" : "other");
    data.set("results_text",
             fill(view.messages.text(language, key),
                  {{"count", format_number(language, count)}, {"query", search.query}}));
    mu::data list = mu::data::type::list;
    for (const auto& petition : search.petitions) {
        mu::data card;
        set_petition(card, view, language, petition);
        list.push_back(card);
    }
    data.set("petitions", list);
    const auto content =
        render_with_progress(view, language, *view.templates.parsed().search, data);
    return in_layout(view, language, {text(view, language, "search.title"), "/search"}, content);
}

}  // namespace rempart::render
