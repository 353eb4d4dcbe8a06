// What the invalidation form can take of a watch.
#include "admin/watch_invalidation.hpp"

#include <ctime>

#include "core/text.hpp"

namespace rempart::admin {

std::optional<InvalidationInput> invalidation_of(const defence::Watch& watch,
                                                 std::string_view typed_name, std::int64_t now_ms) {
    InvalidationInput input;
    input.petition = watch.petition_slug;
    const std::string_view value = watch.key_value;
    using defence::Dimension;
    if (watch.dimension == Dimension::email_domain) {
        input.kind = "email_domain";
        input.value = watch.key_value;
    } else if (watch.dimension == Dimension::network) {
        // The events write "net:192.0.2.0/24"; the form reads an address of the network.
        input.kind = "network";
        input.value = std::string(value.starts_with("net:") ? value.substr(4) : value);
    } else if (watch.dimension == Dimension::as) {
        input.kind = "as";
        input.value = "AS" + std::string(value.starts_with("as:") ? value.substr(3) : value);
    } else if (watch.dimension == Dimension::name && !typed_name.empty()) {
        input.kind = "name";
        input.value = std::string(typed_name);
    } else {
        return std::nullopt;
    }
    input.from = utc_minute(watch.first_attempt_ms);
    input.to = utc_minute(now_ms);
    return input;
}

std::string invalidation_link(const InvalidationInput& input) {
    return "/admin/invalidate?petition=" + percent_encode(input.petition) +
           "&kind=" + percent_encode(input.kind) + "&value=" + percent_encode(input.value) +
           "&from=" + percent_encode(input.from) + "&to=" + percent_encode(input.to);
}

std::string utc_minute(std::int64_t ms) {
    const auto seconds = static_cast<std::time_t>(ms / 1000);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[24];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M", &utc);
    return text;
}

}  // namespace rempart::admin
