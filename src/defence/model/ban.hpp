// A network or an AS refused for a while: what the defence chose to ban, as the store keeps
// it, as the shield restores it and as the pages and the evidence show it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "defence/model/dimension.hpp"

namespace rempart::defence {

enum class BanKind { network, as };
std::string_view to_string(BanKind kind);  // "network", "as"
std::optional<BanKind> parse_ban_kind(std::string_view text);
// The key the banned source's attempts carried: what else it sent is found by it.
Dimension dimension_of(BanKind kind);

struct Ban {
    std::int64_t id = 0;
    std::optional<std::int64_t> incident_id;  // none: banned by a moderator
    BanKind kind = BanKind::network;
    std::string value;  // "net:203.0.113.0/24", "as:64500"
    std::int64_t from_ms = 0;
    std::int64_t until_ms = 0;
    std::optional<std::int64_t> lifted_ms;  // lifted early by a moderator
    std::string reason;
};

}  // namespace rempart::defence
