// The kinds of source a ban refuses, named as the store keeps them.
#include "defence/model/ban.hpp"

namespace rempart::defence {

std::string_view to_string(BanKind kind) {
    return kind == BanKind::as ? "as" : "network";
}

std::optional<BanKind> parse_ban_kind(std::string_view text) {
    if (text == "network") return BanKind::network;
    if (text == "as") return BanKind::as;
    return std::nullopt;
}

Dimension dimension_of(BanKind kind) {
    return kind == BanKind::as ? Dimension::as : Dimension::network;
}

}  // namespace rempart::defence
