// A crude but strict reading of produced HTML for the tests: its tags, and what could run.
#pragma once

#include <cctype>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rempart::render::testing {

struct Tag {
    std::string name;  // lowercase; "!" for <!...> and <?...>, which carry their text in `raw`
    bool closing = false;
    std::vector<std::pair<std::string, std::string>> attributes;  // names lowercase, values raw
    std::string raw;

    const std::string* attribute(std::string_view wanted) const {
        for (const auto& [name, value] : attributes)
            if (name == wanted) return &value;
        return nullptr;
    }
};

inline std::string lowercase(std::string_view text) {
    std::string out(text);
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// Every '<' that a browser would take as the start of markup: before a letter, '/', '!' or
// '?'. Attributes are split the way browsers do: '/' and whitespace both separate them.
inline std::vector<Tag> tags_of(std::string_view html) {
    std::vector<Tag> tags;
    const auto is_space = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
    std::size_t i = 0;
    while ((i = html.find('<', i)) != std::string_view::npos) {
        ++i;
        if (i >= html.size()) break;
        const char first = html[i];
        Tag tag;
        if (first == '!' || first == '?') {
            const auto end = std::min(html.find('>', i), html.size());
            tag.name = "!";
            tag.raw = std::string(html.substr(i - 1, end - i + 2));
            tags.push_back(std::move(tag));
            i = end;
            continue;
        }
        if (first == '/') {
            tag.closing = true;
            ++i;
        }
        if (i >= html.size() || !std::isalpha(static_cast<unsigned char>(html[i]))) continue;
        const auto start = i - (tag.closing ? 2 : 1);
        while (i < html.size() && !is_space(html[i]) && html[i] != '/' && html[i] != '>') ++i;
        tag.name = lowercase(
            html.substr(start + (tag.closing ? 2 : 1), i - start - (tag.closing ? 2 : 1)));
        while (i < html.size() && html[i] != '>') {
            if (is_space(html[i]) || html[i] == '/') {
                ++i;
                continue;
            }
            const auto name_start = i;
            while (i < html.size() && !is_space(html[i]) && html[i] != '/' && html[i] != '>' &&
                   (html[i] != '=' || i == name_start))
                ++i;
            std::string name = lowercase(html.substr(name_start, i - name_start));
            while (i < html.size() && is_space(html[i])) ++i;
            std::string value;
            if (i < html.size() && html[i] == '=') {
                ++i;
                while (i < html.size() && is_space(html[i])) ++i;
                if (i < html.size() && (html[i] == '"' || html[i] == '\'')) {
                    const char quote = html[i++];
                    const auto end = std::min(html.find(quote, i), html.size());
                    value = std::string(html.substr(i, end - i));
                    i = std::min(end + 1, html.size());
                } else {
                    const auto value_start = i;
                    while (i < html.size() && !is_space(html[i]) && html[i] != '>') ++i;
                    value = std::string(html.substr(value_start, i - value_start));
                }
            }
            tag.attributes.emplace_back(std::move(name), std::move(value));
        }
        tag.raw = std::string(html.substr(start, std::min(i + 1, html.size()) - start));
        tags.push_back(std::move(tag));
    }
    return tags;
}

// An attribute value as the browser reads it: the entities that can spell a scheme decoded.
inline std::string decode_entities(std::string_view value) {
    std::string out;
    for (std::size_t i = 0; i < value.size(); ++i) {
        if (value[i] != '&') {
            out += value[i];
            continue;
        }
        const auto semicolon = value.find(';', i);
        const auto entity = lowercase(value.substr(
            i + 1, semicolon == std::string_view::npos ? value.size() - i - 1 : semicolon - i - 1));
        unsigned long code = 0;
        bool known = true;
        if (entity.starts_with("#x"))
            code = std::stoul("0" + entity.substr(2), nullptr, 16);
        else if (entity.starts_with("#"))
            code = std::stoul("0" + entity.substr(1), nullptr, 10);
        else if (entity == "colon")
            code = ':';
        else if (entity == "tab")
            code = '\t';
        else if (entity == "newline")
            code = '\n';
        else if (entity == "amp")
            code = '&';
        else if (entity == "quot")
            code = '"';
        else if (entity == "apos")
            code = '\'';
        else if (entity == "lt")
            code = '<';
        else if (entity == "gt")
            code = '>';
        else
            known = false;
        if (!known || semicolon == std::string_view::npos) {
            out += '&';
            continue;
        }
        out += code < 0x80 ? static_cast<char>(code) : '?';
        i = semicolon;
    }
    return out;
}

// The scheme a browser would follow, or "" for a relative URL.
inline std::string scheme_of(std::string_view url) {
    std::string cleaned;
    for (const char c : decode_entities(url))
        if (static_cast<unsigned char>(c) > 0x20) cleaned += c;  // browsers drop these
    const auto colon = cleaned.find(':');
    const auto path = cleaned.find_first_of("/?#");
    if (colon == std::string::npos || (path != std::string::npos && path < colon)) return "";
    return lowercase(cleaned.substr(0, colon));
}

inline bool is_url_attribute(std::string_view name) {
    for (const char* url :
         {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background",
          "cite", "ping", "srcset", "codebase", "longdesc", "lowsrc", "dynsrc", "manifest", "icon"})
        if (name == url) return true;
    return false;
}

// A page's canonical address (rel="canonical" and an http or https address, or a path):
// it names the page, and loads nothing.
inline bool is_our_canonical(const Tag& tag) {
    const auto* rel = tag.attribute("rel");
    const auto* href = tag.attribute("href");
    if (!rel || *rel != "canonical" || !href || tag.attributes.size() != 2) return false;
    const auto scheme = scheme_of(*href);
    return scheme.empty() || scheme == "http" || scheme == "https";
}

// Everything in `html` that could run script, restyle the page or load from elsewhere,
// each described for the test's message. Our own pages pass with an empty list.
inline std::vector<std::string> dangers_in(std::string_view html) {
    std::vector<std::string> found;
    const auto flag = [&](const Tag& tag, const std::string& why) {
        found.push_back(why + ": " + tag.raw.substr(0, 160));
    };
    for (const auto& tag : tags_of(html)) {
        if (tag.name == "!") {
            if (lowercase(tag.raw) != "<!doctype html>") flag(tag, "comment or declaration");
            continue;
        }
        if (tag.closing) continue;
        // What our templates and cmark write, and the form elements the signing form needs:
        // anything else is user markup that escaped escaping.
        bool expected = false;
        for (const char* name :
             {"html",     "head",       "meta",   "title",    "link",         "body",   "header",
              "nav",      "main",       "footer", "article",  "section",      "hgroup", "div",
              "span",     "p",          "a",      "ul",       "ol",           "li",     "small",
              "strong",   "em",         "h1",     "h2",       "h3",           "h4",     "h5",
              "h6",       "blockquote", "pre",    "code",     "br",           "hr",     "progress",
              "script",   "noscript",   "form",   "fieldset", "legend",       "label",  "input",
              "textarea", "button",     "select", "option",   "altcha-widget"})
            if (tag.name == name) expected = true;
        if (!expected) flag(tag, "unexpected element");
        const auto* src = tag.attribute("src");
        const auto* href = tag.attribute("href");
        if (tag.name == "script" &&
            (!src || !src->starts_with("/static/") || tag.attributes.size() > 2))
            flag(tag, "script that is not ours");
        if (tag.name == "link") {
            const auto* rel = tag.attribute("rel");
            const bool ours = rel && (*rel == "stylesheet" || *rel == "icon") && href &&
                              href->starts_with("/static/");
            if (!ours && !is_our_canonical(tag)) flag(tag, "link that is not ours");
        }
        // One refresh is ours: the gate's page reloads to its own wait address.
        if (tag.name == "meta" && (tag.attribute("http-equiv") || tag.attribute("url"))) {
            const auto* equiv = tag.attribute("http-equiv");
            const auto* content = tag.attribute("content");
            const bool gate_refresh = equiv && *equiv == "refresh" && content &&
                                      content->find(";url=/gate/wait?") != std::string::npos &&
                                      content->find("//") == std::string::npos &&
                                      tag.attributes.size() == 2;
            if (!gate_refresh) flag(tag, "meta http-equiv");
        }
        // The proof-of-work widget fetches its challenge from us, and from nowhere else.
        if (tag.name == "altcha-widget") {
            const auto* challenge = tag.attribute("challenge");
            if (!challenge ||
                (!challenge->starts_with("/altcha/") && *challenge != "/gate/challenge"))
                flag(tag, "widget that fetches elsewhere");
        }
        if (tag.name == "form") {
            const auto* action = tag.attribute("action");
            if (!action || !action->starts_with("/") || action->starts_with("//"))
                flag(tag, "form that posts elsewhere");
        }
        for (const auto& [name, value] : tag.attributes) {
            if (name.starts_with("on")) flag(tag, "event handler attribute " + name);
            if (name == "style") flag(tag, "style attribute");
            if (name == "srcdoc") flag(tag, "srcdoc attribute");
            if (!is_url_attribute(name)) continue;
            const auto scheme = scheme_of(value);
            if (!scheme.empty() && scheme != "http" && scheme != "https" && scheme != "mailto")
                flag(tag, "URL with scheme " + scheme + " in " + name);
            // Only links (and the page's own canonical name) may point elsewhere: anything
            // fetched by itself comes from us.
            if ((name != "href" || tag.name != "a") && !is_our_canonical(tag))
                if (!scheme.empty() || decode_entities(value).starts_with("//"))
                    flag(tag, "resource from another site in " + name);
        }
    }
    return found;
}

}  // namespace rempart::render::testing
