// Splits a request-target into a decoded path and a raw query.
#include "http/target.hpp"

#include "core/text.hpp"
#include "http/errors.hpp"

namespace rempart::http {
namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Percent-decodes; `plus_is_space` for forms. Returns false on a malformed escape.
bool percent_decode(std::string_view in, bool plus_is_space, std::string& out) {
    out.clear();
    out.reserve(in.size());
    for (std::size_t i = 0; i < in.size(); ++i) {
        const char c = in[i];
        if (c == '%') {
            if (i + 2 >= in.size()) return false;
            const int high = hex_value(in[i + 1]);
            const int low = hex_value(in[i + 2]);
            if (high < 0 || low < 0) return false;
            out.push_back(static_cast<char>(high * 16 + low));
            i += 2;
        } else if (c == '+' && plus_is_space) {
            out.push_back(' ');
        } else {
            out.push_back(c);
        }
    }
    return true;
}

}  // namespace

bool has_dot_dot_segment(std::string_view path) {
    std::size_t start = 0;
    while (start <= path.size()) {
        const auto end = std::min(path.find('/', start), path.size());
        if (path.substr(start, end - start) == "..") return true;
        start = end + 1;
    }
    return false;
}

Result<Target> parse_target(std::string_view raw) {
    if (raw.empty() || raw.front() != '/')
        return make_error(HttpError::bad_target, "the request target must start with '/'");
    const auto question = raw.find('?');
    const auto raw_path = raw.substr(0, question);
    for (const char c : raw_path) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u == 0x7f || c == '#')
            return make_error(HttpError::bad_target,
                              "the request path holds a forbidden character");
    }
    Target target;
    if (!percent_decode(raw_path, false, target.path))
        return make_error(HttpError::bad_target, "the request path has a malformed %-escape");
    if (target.path.find('\0') != std::string::npos)
        return make_error(HttpError::bad_target, "the request path holds a NUL byte");
    if (!is_valid_utf8(target.path))
        return make_error(HttpError::bad_target, "the request path is not valid UTF-8");
    // Decoded ".." never reaches a handler: static files are looked up by exact name, and
    // this keeps it so for any handler written later.
    if (has_dot_dot_segment(target.path))
        return make_error(HttpError::bad_target, "the request path holds a '..' segment");
    if (question != std::string_view::npos) target.query = raw.substr(question + 1);
    return target;
}

namespace {

Result<std::vector<std::pair<std::string, std::string>>> read_form(std::string_view text,
                                                                   bool values_as_sent) {
    std::vector<std::pair<std::string, std::string>> fields;
    std::string name;
    std::string value;
    while (!text.empty()) {
        const auto amp = std::min(text.find('&'), text.size());
        const auto pair = text.substr(0, amp);
        text.remove_prefix(std::min(amp + 1, text.size()));
        if (pair.empty()) continue;
        const auto eq = pair.find('=');
        const auto raw_name = pair.substr(0, eq);
        const auto raw_value =
            eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1);
        if (!percent_decode(raw_name, true, name) || !percent_decode(raw_value, true, value))
            return make_error(HttpError::bad_form, "the form has a malformed %-escape");
        if (!is_valid_utf8(name) || (!values_as_sent && !is_valid_utf8(value)))
            return make_error(HttpError::bad_form, "the form is not valid UTF-8");
        fields.emplace_back(std::move(name), std::move(value));
        name.clear();
        value.clear();
    }
    return fields;
}

}  // namespace

Result<std::vector<std::pair<std::string, std::string>>> parse_form(std::string_view text) {
    return read_form(text, false);
}

Result<std::vector<std::pair<std::string, std::string>>> parse_typed_form(std::string_view text) {
    return read_form(text, true);
}

std::optional<std::string_view> form_value(
    const std::vector<std::pair<std::string, std::string>>& form, std::string_view name) {
    for (const auto& [key, value] : form)
        if (key == name) return std::string_view(value);
    return std::nullopt;
}

std::string local_path_or_root(std::string_view next) {
    if (next.empty() || next.front() != '/' || next.starts_with("//") || next.starts_with("/\\"))
        return "/";
    for (const char c : next)
        if (static_cast<unsigned char>(c) < 0x20 || c == '\\' || c == 0x7f) return "/";
    return std::string(next);
}

}  // namespace rempart::http
