// The Date header's value, formatted once a second per thread.
#include "net/detail/http_date.hpp"

#include <ctime>

namespace rempart::net::detail {

std::string_view http_date() {
    thread_local std::time_t cached_second = 0;
    thread_local char text[64];
    thread_local std::size_t length = 0;
    const std::time_t now = std::time(nullptr);
    if (now != cached_second) {
        std::tm parts{};
        gmtime_r(&now, &parts);
        length = std::strftime(text, sizeof text, "%a, %d %b %Y %H:%M:%S GMT", &parts);
        cached_second = now;
    }
    return {text, length};
}

}  // namespace rempart::net::detail
