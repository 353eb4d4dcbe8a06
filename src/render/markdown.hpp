// Petition text from Markdown to HTML that can run nothing and loads nothing from elsewhere.
#pragma once

#include <string>
#include <string_view>

namespace rempart::render {

// cmark in safe mode, then stricter: raw HTML dropped without a trace; only http, https,
// mailto and relative links kept (a refused link keeps its words); images turned into a link
// to the image, named by its alt text (an <img> would make every visitor's browser call
// another site), or into the alt text alone when the address is refused or the image sits
// in a link; headings moved down one level (the page's title is the only <h1>); links
// marked rel="nofollow ugc noopener". Invalid UTF-8 becomes U+FFFD. Never fails.
std::string render_markdown(std::string_view markdown);

}  // namespace rempart::render
