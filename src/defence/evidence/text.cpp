// How the exports write times and e-mail addresses.
#include "defence/evidence/text.hpp"

#include <cstdio>
#include <ctime>

namespace rempart::defence::evidence {

std::string utc_text(std::int64_t unix_ms) {
    // Floor division: a time before 1970 still gets a millisecond part in 0..999.
    std::int64_t seconds = unix_ms / 1000;
    std::int64_t millis = unix_ms % 1000;
    if (millis < 0) {
        millis += 1000;
        seconds -= 1;
    }
    const auto t = static_cast<std::time_t>(seconds);
    std::tm parts{};
    gmtime_r(&t, &parts);
    char text[64];  // room for any int year the format could print
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", parts.tm_year + 1900,
                  parts.tm_mon + 1, parts.tm_mday, parts.tm_hour, parts.tm_min, parts.tm_sec,
                  static_cast<int>(millis));
    return text;
}

std::string mask_email(std::string_view email) {
    const auto at = email.rfind('@');
    const auto local = at == std::string_view::npos ? email : email.substr(0, at);
    const auto domain = at == std::string_view::npos ? std::string_view() : email.substr(at);
    std::size_t first = 0;
    if (!local.empty()) {
        first = 1;
        // Continuation bytes belong to the first character.
        while (first < local.size() && (static_cast<unsigned char>(local[first]) & 0xC0) == 0x80)
            ++first;
    }
    return std::string(local.substr(0, first)) + "***" + std::string(domain);
}

}  // namespace rempart::defence::evidence
