// Petition text from Markdown to HTML that can run nothing and loads nothing from elsewhere.
#pragma once

#include <string>
#include <string_view>

namespace rempart::render {

// cmark in safe mode, then stricter: raw HTML dropped, only http, https and mailto links
// kept, images shown as their alt text (an <img> would make every visitor's browser call
// another site), headings moved down one level (the page's title is the only <h1>), and
// links marked rel="nofollow ugc noopener".
std::string render_markdown(std::string_view markdown);

}  // namespace rempart::render
