// Where signing_events keep each key the detector counts: a cluster's or a watch's
// dimension names one column, and its value is compared as that column holds it.
#pragma once

#include <optional>
#include <string_view>

#include "defence/model/dimension.hpp"
#include "store/database.hpp"

namespace rempart::store {

struct EventKey {
    std::string_view column;  // of signing_events: "name_key", "asn", "network", ...
    // What else an event must be to carry the key, as SQL on the alias `e`, or empty.
    std::string_view condition;
};

// None for a value outside the enum (read from a newer version's row): the caller says so.
std::optional<EventKey> event_key(defence::Dimension dimension);

// Binds `key_value` as the column holds it: the detector writes an AS as "as:64500", the
// events keep the number.
void bind_event_key(Statement& statement, int index, defence::Dimension dimension,
                    std::string_view key_value);

}  // namespace rempart::store
