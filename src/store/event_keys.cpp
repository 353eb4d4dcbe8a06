// Where signing_events keep each key the detector counts.
#include "store/event_keys.hpp"

#include <charconv>
#include <cstdint>

namespace rempart::store {

using defence::Dimension;

std::optional<EventKey> event_key(Dimension dimension) {
    // Column names are fixed here: no SQL is ever built from a value.
    switch (dimension) {
        case Dimension::name:
            return EventKey{"name_key", ""};
        case Dimension::comment:
            return EventKey{"comment_key", ""};
        case Dimension::email_domain:
            return EventKey{"email_domain", ""};
        case Dimension::network:
            return EventKey{"network", ""};
        case Dimension::as:
            return EventKey{"asn", ""};
        case Dimension::user_agent:
            return EventKey{"user_agent", ""};
        case Dimension::automation:
            return EventKey{"automation", ""};
        case Dimension::confirm_network:
            // Where confirmations came from: the same column, confirmations only.
            return EventKey{"network", "e.kind = 'confirmation'"};
    }
    return std::nullopt;
}

void bind_event_key(Statement& statement, int index, Dimension dimension,
                    std::string_view key_value) {
    if (dimension != Dimension::as) {
        statement.bind(index, key_value);
        return;
    }
    std::int64_t number = -1;
    const auto text = key_value.starts_with("as:") ? key_value.substr(3) : key_value;
    std::from_chars(text.data(), text.data() + text.size(), number);
    statement.bind(index, number);
}

}  // namespace rempart::store
