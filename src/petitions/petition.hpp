// A petition as the users know it: what it asks, where it stands, how many have signed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.hpp"

namespace rempart {

// Only `published` petitions collect signatures; `closed` ones stay readable.
// Moderation (a later step) adds the states before publication.
enum class PetitionState { published, closed };

std::string_view to_string(PetitionState state);
std::optional<PetitionState> parse_petition_state(std::string_view text);

struct Petition {
    std::int64_t id = 0;
    std::string slug;           // lowercase letters, digits and dashes; the URL's last part
    std::string title;          // plain text as typed
    std::string summary;        // plain text, may be empty
    std::string body_markdown;  // Markdown, rendered in safe mode
    std::optional<std::int64_t> goal;
    PetitionState state = PetitionState::published;
    std::int64_t created_at = 0;       // Unix seconds, UTC
    std::int64_t signature_count = 0;  // confirmed and counted signatures only
    bool postcode_required = false;    // signers must give a postcode
    // Confirmed signatures by département ("75", "2A", "971"), sorted by code.
    std::vector<std::pair<std::string, std::int64_t>> signatures_by_region;
};

// What a person gives to create a petition, before it is checked.
struct PetitionDraft {
    std::string slug;
    std::string title;
    std::string summary;
    std::string body_markdown;
    std::optional<std::int64_t> goal;
    bool postcode_required = false;
};

}  // namespace rempart
