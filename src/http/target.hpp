// Splits a request-target into a decoded path and a raw query, refusing what we cannot trust.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.hpp"

namespace rempart::http {

struct Target {
    std::string path;        // percent-decoded, valid UTF-8, starts with '/'
    std::string_view query;  // raw, without '?', views the input
};

// Errors: HttpError::bad_target (not an origin-form target, bad percent-encoding, a NUL byte,
// invalid UTF-8 after decoding, or a ".." segment).
Result<Target> parse_target(std::string_view raw);

// Whether a decoded path has a ".." segment anywhere: never in what parse_target returns.
bool has_dot_dot_segment(std::string_view path);

// application/x-www-form-urlencoded, also used for query strings. Names and values are
// decoded ('+' is a space); invalid UTF-8 gives HttpError::bad_form.
Result<std::vector<std::pair<std::string, std::string>>> parse_form(std::string_view text);
// The same, but a value that is not UTF-8 is kept as sent, for a form whose own checks say
// which field is unreadable and show the rest as typed; names must still be UTF-8.
Result<std::vector<std::pair<std::string, std::string>>> parse_typed_form(std::string_view text);

// The first value of a name in a parsed form, if any.
std::optional<std::string_view> form_value(
    const std::vector<std::pair<std::string, std::string>>& form, std::string_view name);

// `next` when it is a path on this site, "/" otherwise: never "//host" or "/\\host", which
// browsers take for another site, nor anything with a control character.
std::string local_path_or_root(std::string_view next);

}  // namespace rempart::http
