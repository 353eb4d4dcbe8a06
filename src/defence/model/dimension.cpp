// The keys a signing attempt is counted under, named for the store and the messages.
#include "defence/model/dimension.hpp"

#include <array>

namespace rempart::defence {
namespace {

constexpr std::array<std::string_view, dimension_count> names{
    "name", "comment",    "email_domain",    "network",
    "as",   "user_agent", "confirm_network", "automation"};

}  // namespace

std::string_view to_string(Dimension dimension) {
    const auto index = static_cast<std::size_t>(dimension);
    return index < names.size() ? names[index] : std::string_view();
}

std::optional<Dimension> parse_dimension(std::string_view text) {
    for (std::size_t d = 0; d < dimension_count; ++d)
        if (names[d] == text) return static_cast<Dimension>(d);
    return std::nullopt;
}

bool is_hashed(Dimension dimension) {
    return dimension == Dimension::name || dimension == Dimension::comment;
}

}  // namespace rempart::defence
