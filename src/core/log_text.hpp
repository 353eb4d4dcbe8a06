// One way to write outside text into a log line: quoted, with quotes, backslashes and
// control characters escaped, so a typed e-mail, a user agent or a library's error can
// never end a value early nor forge a line of its own.
#pragma once

#include <fmt/format.h>

#include <string>
#include <string_view>

namespace rempart {

struct LogText {
    std::string_view text;
};

// `log_text(value)` in a log call's arguments, `key={}` in its format: key="value".
inline LogText log_text(std::string_view text) {
    return {text};
}

// "text" with \" \\ \n \r \t and \xNN for other control bytes; other bytes as they are.
std::string quote_for_log(std::string_view text);

}  // namespace rempart

template <>
struct fmt::formatter<rempart::LogText> : fmt::formatter<std::string_view> {
    template <typename FormatContext>
    auto format(const rempart::LogText& value, FormatContext& context) const {
        return fmt::formatter<std::string_view>::format(rempart::quote_for_log(value.text),
                                                        context);
    }
};
