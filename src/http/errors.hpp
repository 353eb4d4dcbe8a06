// The errors of reading a request: its target and its form.
#pragma once

#include <string_view>

namespace rempart::http {

enum class HttpError {
    bad_target,  // the path is not absolute, holds a forbidden byte, a bad escape or '..'
    bad_form,    // a form field has a bad %-escape or is not UTF-8
};

constexpr std::string_view error_name(HttpError error) {
    switch (error) {
        case HttpError::bad_target:
            return "http.bad_target";
        case HttpError::bad_form:
            return "http.bad_form";
    }
    return "http.unknown";
}

}  // namespace rempart::http
