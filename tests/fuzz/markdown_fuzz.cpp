// Fuzzes the petition Markdown renderer: whatever a petitioner types, the HTML runs nothing,
// loads nothing from elsewhere and holds only the elements Markdown writes.
#include <string>

#include "core/text.hpp"
#include "fuzz_check.hpp"
#include "render/markdown.hpp"
#include "unit/render/html_scan.hpp"

using namespace rempart;

namespace {

bool markdown_element(std::string_view name) {
    for (const char* allowed : {"p", "h2", "h3", "h4", "h5", "h6", "em", "strong", "a", "code",
                                "pre", "ul", "ol", "li", "blockquote", "hr", "br"})
        if (name == allowed) return true;
    return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto html = render::render_markdown(fuzz::as_text(data, size));
    FUZZ_CHECK(is_valid_utf8(html));
    const auto lower = render::testing::lowercase(html);
    FUZZ_CHECK(lower.find("<script") == std::string::npos);
    FUZZ_CHECK(lower.find("href=\"javascript:") == std::string::npos);
    for (const auto& tag : render::testing::tags_of(html)) {
        if (!markdown_element(tag.name)) {
            std::fprintf(stderr, "unexpected markup: %s\n", tag.raw.c_str());
            FUZZ_CHECK(markdown_element(tag.name));
        }
        if (tag.name == "a" && !tag.closing) {
            const auto* rel = tag.attribute("rel");
            FUZZ_CHECK(rel && *rel == "nofollow ugc noopener");
        }
    }
    const auto dangers = render::testing::dangers_in(html);
    for (const auto& danger : dangers) std::fprintf(stderr, "danger: %s\n", danger.c_str());
    FUZZ_CHECK(dangers.empty());
    return 0;
}
