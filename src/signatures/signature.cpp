// Signature states as the store and the metrics write them.
#include "signatures/signature.hpp"

#include <array>
#include <utility>

namespace rempart::signatures {
namespace {

constexpr std::array<std::pair<SignatureState, std::string_view>, 5> state_names{{
    {SignatureState::pending, "pending"},
    {SignatureState::confirmed, "confirmed"},
    {SignatureState::quarantined, "quarantined"},
    {SignatureState::invalidated, "invalidated"},
    {SignatureState::withdrawn, "withdrawn"},
}};

}  // namespace

std::string_view to_string(SignatureState state) {
    for (const auto& [value, name] : state_names)
        if (value == state) return name;
    return "pending";
}

std::optional<SignatureState> parse_signature_state(std::string_view text) {
    for (const auto& [value, name] : state_names)
        if (name == text) return value;
    return std::nullopt;
}

}  // namespace rempart::signatures
