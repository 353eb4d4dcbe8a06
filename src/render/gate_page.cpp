// The under-attack gate's page: a proof of work solved by itself, a wait without JavaScript.
#include "render/detail/page_parts.hpp"

namespace rempart::render {

using namespace detail;

std::string render_gate(const SiteView& view, Language language, int wait_seconds,
                        std::string_view notice_key) {
    auto data = page_data(view, language);
    data.set("asset_altcha_worker", std::string(view.assets.url("altcha-sha.js")));
    data.set("altcha_language", std::string(language == Language::fr ? "fr-fr" : "en"));
    set_text(data, "notice", notice_key.empty() ? "" : text(view, language, notice_key));
    const auto content = render_page(view, language, *view.templates.parsed().gate, data);
    PageHead head{text(view, language, "gate.title"), "/", true, true, wait_seconds};
    return in_layout(view, language, head, content);
}

}  // namespace rempart::render
