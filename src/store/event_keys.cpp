// Where signing_events keep each key the detector counts.
#include "store/event_keys.hpp"

#include <array>
#include <charconv>
#include <cstdint>
#include <utility>

namespace rempart::store {

std::optional<EventKey> event_key(std::string_view dimension) {
    // Column names are fixed here: no SQL is ever built from a value.
    static constexpr std::array<std::pair<std::string_view, EventKey>, 8> keys{{
        {"name", {"name_key", ""}},
        {"comment", {"comment_key", ""}},
        {"email_domain", {"email_domain", ""}},
        {"network", {"network", ""}},
        {"as", {"asn", ""}},
        {"user_agent", {"user_agent", ""}},
        {"automation", {"automation", ""}},
        // Where confirmations came from: the same column, confirmations only.
        {"confirm_network", {"network", "e.kind = 'confirmation'"}},
    }};
    for (const auto& [name, key] : keys)
        if (name == dimension) return key;
    return std::nullopt;
}

void bind_event_key(Statement& statement, int index, std::string_view dimension,
                    std::string_view key_value) {
    if (dimension != "as") {
        statement.bind(index, key_value);
        return;
    }
    std::int64_t number = -1;
    const auto text = key_value.starts_with("as:") ? key_value.substr(3) : key_value;
    std::from_chars(text.data(), text.data() + text.size(), number);
    statement.bind(index, number);
}

}  // namespace rempart::store
