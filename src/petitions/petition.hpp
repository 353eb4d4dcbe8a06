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

// A petition's life: a `draft` is seen only in the back office and through its private
// preview link; only `published` petitions collect signatures; `closed` ones stay readable;
// `archived` ones too, at their address, but leave the lists. A petition proposed on the web
// is `pending` until a moderator publishes or rejects it; a published one taken down is
// `removed`. A `rejected` or `removed` petition shows at its address only its state and
// public reason, never its text.
enum class PetitionState { draft, pending, published, closed, archived, rejected, removed };

std::string_view to_string(PetitionState state);
std::optional<PetitionState> parse_petition_state(std::string_view text);

// A signer who chose to show their name, as the petition's page shows them: "Camille M."
struct PublicSigner {
    std::string name;     // first name and the initial of the last (public_short_name)
    std::string region;   // the département's code, or empty
    std::int64_t at = 0;  // confirmed at, Unix seconds
    friend bool operator==(const PublicSigner&, const PublicSigner&) = default;
};

// News the petition's page shows, newest first: an update, the target's answer, a victory.
struct PublicNews {
    std::int64_t number = 0;  // its anchor on the page: #news-<number>
    std::string kind;         // "update", "answer", "victory"
    std::string subject;
    std::string body_markdown;
    std::int64_t published_at = 0;  // Unix seconds
    friend bool operator==(const PublicNews&, const PublicNews&) = default;
};

// "Camille Martin" → "Camille M.", "Jean-Pierre de la Tour" → "Jean-Pierre T.", "Camille" →
// "Camille": a name shown to everyone says no more than a first name and an initial.
std::string public_short_name(std::string_view name);

struct Petition {
    std::int64_t id = 0;
    std::string slug;           // lowercase letters, digits and dashes; the URL's last part
    std::string title;          // plain text as typed
    std::string summary;        // plain text, may be empty
    std::string body_markdown;  // Markdown, rendered in safe mode
    std::optional<std::int64_t> goal;
    PetitionState state = PetitionState::published;
    std::int64_t created_at = 0;          // Unix seconds, UTC
    std::int64_t signature_count = 0;     // confirmed and counted signatures only
    bool postcode_required = false;       // signers must give a postcode
    std::string target_name;              // to whom the petition is addressed; may be empty
    std::string target_function;          // "Maire de Lyon"
    std::string target_email;             // never shown; for the target's answer
    std::optional<std::int64_t> ends_at;  // Unix seconds: the end of the end date, UTC
    std::string language = "fr";          // the petition's own language
    std::int64_t edited_at = 0;           // the last correction after publication; 0: none
    std::optional<std::int64_t> won_at;   // the organiser marked it won
    // Rejected or removed: the reason's own public words, or the code of a reason the site's
    // words say (locales/, "moderation.reason_<code>"); both empty for a hidden reason.
    std::string public_reason;
    std::string public_reason_code;
    // Confirmed signatures by département ("75", "2A", "971"), sorted by code.
    std::vector<std::pair<std::string, std::int64_t>> signatures_by_region;
    // The last few confirmed signers who chose to show their name, newest first.
    std::vector<PublicSigner> latest_signers;
    // Published news, newest first (lists of the public pages only).
    std::vector<PublicNews> news;
};

// Rejected or removed: its address shows only its state and public reason.
bool is_refused(const Petition& petition);

// Whether anything answers at its public address: not while a draft or a pending proposal.
bool has_public_address(const Petition& petition);

// True while the petition takes signatures: published, and its end not passed.
bool collects_signatures(const Petition& petition, std::int64_t now);

// What a person gives to create or edit a petition, before it is checked.
struct PetitionDraft {
    std::string slug;
    std::string title;
    std::string summary;
    std::string body_markdown;
    std::optional<std::int64_t> goal;
    bool postcode_required = false;
    std::string target_name;
    std::string target_function;
    std::string target_email;
    std::optional<std::int64_t> ends_at;
    std::string language = "fr";
};

}  // namespace rempart
