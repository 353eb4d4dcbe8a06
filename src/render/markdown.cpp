// Petition text from Markdown to HTML that can run nothing and loads nothing from elsewhere.
#include "render/markdown.hpp"

#include <cmark.h>

#include <cctype>
#include <memory>
#include <vector>

namespace rempart::render {
namespace {

struct NodeDeleter {
    void operator()(cmark_node* node) const { cmark_node_free(node); }
};
struct CharDeleter {
    void operator()(char* text) const { free(text); }
};

// Browsers ignore tabs, newlines and leading spaces in a scheme ("java\tscript:"), so
// compare without them.
bool is_allowed_url(std::string_view url) {
    std::string scheme;
    for (const char c : url) {
        if (c == ':') break;
        if (c == '/' || c == '?' || c == '#') return true;  // relative: no scheme
        if (static_cast<unsigned char>(c) <= 0x20) continue;
        scheme += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    if (url.find(':') == std::string_view::npos) return true;
    return scheme == "http" || scheme == "https" || scheme == "mailto";
}

void replace_with_text(cmark_node* node, const std::string& text) {
    cmark_node* replacement = cmark_node_new(CMARK_NODE_TEXT);
    cmark_node_set_literal(replacement, text.c_str());
    cmark_node_replace(node, replacement);
    cmark_node_free(node);
}

std::string plain_text_of(cmark_node* node) {
    std::string text;
    cmark_iter* iter = cmark_iter_new(node);
    for (auto event = cmark_iter_next(iter); event != CMARK_EVENT_DONE;
         event = cmark_iter_next(iter)) {
        cmark_node* current = cmark_iter_get_node(iter);
        if (event == CMARK_EVENT_ENTER && (cmark_node_get_type(current) == CMARK_NODE_TEXT ||
                                           cmark_node_get_type(current) == CMARK_NODE_CODE)) {
            if (const char* literal = cmark_node_get_literal(current)) text += literal;
        }
    }
    cmark_iter_free(iter);
    return text;
}

void make_safe(cmark_node* root) {
    // Collect first: replacing nodes while iterating would invalidate the iterator.
    std::vector<cmark_node*> images;
    std::vector<cmark_node*> bad_links;
    cmark_iter* iter = cmark_iter_new(root);
    for (auto event = cmark_iter_next(iter); event != CMARK_EVENT_DONE;
         event = cmark_iter_next(iter)) {
        if (event != CMARK_EVENT_ENTER) continue;
        cmark_node* node = cmark_iter_get_node(iter);
        switch (cmark_node_get_type(node)) {
            case CMARK_NODE_HEADING:
                cmark_node_set_heading_level(node,
                                             std::min(cmark_node_get_heading_level(node) + 1, 6));
                break;
            case CMARK_NODE_IMAGE:
                images.push_back(node);
                break;
            case CMARK_NODE_LINK: {
                const char* url = cmark_node_get_url(node);
                if (!url || !is_allowed_url(url)) bad_links.push_back(node);
                break;
            }
            default:
                break;
        }
    }
    cmark_iter_free(iter);
    for (cmark_node* image : images) replace_with_text(image, plain_text_of(image));
    for (cmark_node* link : bad_links) {
        // Keep the words, drop the link.
        while (cmark_node* child = cmark_node_first_child(link)) {
            cmark_node_unlink(child);
            cmark_node_insert_before(link, child);
        }
        cmark_node_unlink(link);
        cmark_node_free(link);
    }
}

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
    std::string out(html.get());
    add_link_rel(out);
    return out;
}

}  // namespace rempart::render
