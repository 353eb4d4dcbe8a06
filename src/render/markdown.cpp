// Petition text from Markdown to HTML that can run nothing and loads nothing from elsewhere.
#include "render/markdown.hpp"

#include <cmark.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "core/text.hpp"

namespace rempart::render {
namespace {

struct NodeDeleter {
    void operator()(cmark_node* node) const { cmark_node_free(node); }
};
struct CharDeleter {
    void operator()(char* text) const { std::free(text); }
};

// Browsers ignore tabs, newlines and leading spaces in a scheme ("java\tscript:"), so
// compare without them. cmark has already decoded entities such as "&#106;".
bool is_allowed_url(std::string_view url) {
    std::string scheme;
    for (const char c : url) {
        if (c == ':') return scheme == "http" || scheme == "https" || scheme == "mailto";
        if (c == '/' || c == '?' || c == '#') return true;  // relative: no scheme
        if (static_cast<unsigned char>(c) <= 0x20) continue;
        scheme += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return true;  // no colon at all: a relative path
}

bool has_allowed_url(cmark_node* node) {
    const char* url = cmark_node_get_url(node);
    return url != nullptr && is_allowed_url(url);
}

std::string plain_text_of(cmark_node* node) {
    std::string text;
    cmark_iter* iter = cmark_iter_new(node);
    for (auto event = cmark_iter_next(iter); event != CMARK_EVENT_DONE;
         event = cmark_iter_next(iter)) {
        cmark_node* current = cmark_iter_get_node(iter);
        if (event != CMARK_EVENT_ENTER) continue;
        const auto type = cmark_node_get_type(current);
        if (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE) {
            if (const char* literal = cmark_node_get_literal(current)) text += literal;
        } else if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK) {
            text += ' ';
        }
    }
    cmark_iter_free(iter);
    return text;
}

cmark_node* new_text(const std::string& literal) {
    cmark_node* text = cmark_node_new(CMARK_NODE_TEXT);
    cmark_node_set_literal(text, literal.c_str());
    return text;
}

// `node` and everything below it are freed; `replacement` takes its place.
void replace(cmark_node* node, cmark_node* replacement) {
    cmark_node_replace(node, replacement);
    cmark_node_free(node);
}

// An image would make every visitor's browser call the site that holds it (a tracker, at
// worst): it becomes a link the reader may choose to follow, or only its words when it
// already sits in a link or its address is not one we allow.
void neutralise_image(cmark_node* image, bool inside_link) {
    const std::string alt = plain_text_of(image);
    if (inside_link || !has_allowed_url(image)) {
        replace(image, new_text(alt));
        return;
    }
    const std::string url = cmark_node_get_url(image);
    cmark_node* link = cmark_node_new(CMARK_NODE_LINK);
    cmark_node_set_url(link, url.c_str());
    if (const char* title = cmark_node_get_title(image)) cmark_node_set_title(link, title);
    cmark_node_append_child(link, new_text(alt.empty() ? url : alt));
    replace(image, link);
}

// Keeps a link's words and drops the link.
void unwrap(cmark_node* link) {
    while (cmark_node* child = cmark_node_first_child(link)) {
        cmark_node_unlink(child);
        cmark_node_insert_before(link, child);
    }
    cmark_node_unlink(link);
    cmark_node_free(link);
}

struct Change {
    cmark_node* node;
    bool inside_link;  // below a link that stays
};

void make_safe(cmark_node* root) {
    // Collect first, in document order: changing the tree would invalidate the iterator.
    std::vector<Change> changes;
    int kept_links_open = 0;
    // What sits inside an image is flattened with it into plain text, so it needs no change
    // of its own; skipping it also keeps nested images from being flattened over and over.
    int images_open = 0;
    cmark_iter* iter = cmark_iter_new(root);
    for (auto event = cmark_iter_next(iter); event != CMARK_EVENT_DONE;
         event = cmark_iter_next(iter)) {
        cmark_node* node = cmark_iter_get_node(iter);
        const auto type = cmark_node_get_type(node);
        const bool kept_link = type == CMARK_NODE_LINK && has_allowed_url(node);
        if (event == CMARK_EVENT_EXIT) {
            if (type == CMARK_NODE_IMAGE)
                --images_open;
            else if (kept_link && images_open == 0)
                --kept_links_open;
            continue;
        }
        if (type == CMARK_NODE_IMAGE) {
            if (images_open++ == 0) changes.push_back({node, kept_links_open > 0});
            continue;
        }
        if (images_open > 0) continue;
        switch (type) {
            case CMARK_NODE_HEADING:
                // The page's title is the only <h1>.
                cmark_node_set_heading_level(node,
                                             std::min(cmark_node_get_heading_level(node) + 1, 6));
                break;
            case CMARK_NODE_LINK:
                if (kept_link)
                    ++kept_links_open;
                else
                    changes.push_back({node, false});
                break;
            case CMARK_NODE_HTML_BLOCK:
            case CMARK_NODE_HTML_INLINE:
                changes.push_back({node, kept_links_open > 0});
                break;
            default:
                break;
        }
    }
    cmark_iter_free(iter);
    // Last first: a node's descendants come after it in document order, so raw HTML inside
    // a refused link goes before the link is unwrapped.
    for (auto it = changes.rbegin(); it != changes.rend(); ++it) {
        switch (cmark_node_get_type(it->node)) {
            case CMARK_NODE_LINK:
                unwrap(it->node);
                break;
            case CMARK_NODE_IMAGE:
                neutralise_image(it->node, it->inside_link);
                break;
            default:  // raw HTML: safe mode would leave an "omitted" comment; leave nothing
                cmark_node_unlink(it->node);
                cmark_node_free(it->node);
                break;
        }
    }
}

// Only cmark writes "<a href=": text and code reach the HTML escaped.
void add_link_rel(std::string& html) {
    const std::string from = "<a href=\"";
    const std::string to = "<a rel=\"nofollow ugc noopener\" href=\"";
    for (std::size_t at = html.find(from); at != std::string::npos;
         at = html.find(from, at + to.size()))
        html.replace(at, from.size(), to);
}

}  // namespace

std::string render_markdown(std::string_view markdown) {
    const int options = CMARK_OPT_SAFE | CMARK_OPT_SMART | CMARK_OPT_VALIDATE_UTF8;
    std::unique_ptr<cmark_node, NodeDeleter> root(
        cmark_parse_document(markdown.data(), markdown.size(), options));
    make_safe(root.get());
    std::unique_ptr<char, CharDeleter> html(cmark_render_html(root.get(), options));
    // cmark writes "&#xFFFF;" and "&#xFFFE;" as the lone bytes 0xFF and 0xFE (utf8proc's
    // old convention), which no UTF-8 reader accepts: the page, the API's JSON.
    std::string out = to_valid_utf8(html.get());
    add_link_rel(out);
    return out;
}

}  // namespace rempart::render
