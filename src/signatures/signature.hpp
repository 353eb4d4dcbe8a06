// A signature's life: pending until its mailbox confirms it, and only then counted.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace rempart::signatures {

// Only `confirmed` counts. The defence quarantines (never deletes); moderators invalidate
// or release; the signer may withdraw at any time.
enum class SignatureState { pending, confirmed, quarantined, invalidated, withdrawn };
std::string_view to_string(SignatureState state);
std::optional<SignatureState> parse_signature_state(std::string_view text);

// A signature as the store receives it, every field already checked and cleaned.
struct NewSignature {
    std::int64_t petition_id = 0;
    std::string name;             // as typed, cleaned
    std::string name_normalised;  // for comparison only
    std::string email;            // where the mail goes: local part as typed, ASCII domain
    std::string email_canonical;  // for duplicates only
    std::string email_domain;     // ASCII
    std::optional<std::string> postcode;
    std::optional<std::string> region;
    std::string comment;
    bool public_name = false;
    bool newsletter = false;
    bool updates = false;
    std::string consent_version;  // the words of both boxes as shown (render::consent_version)
    std::string language;  // "fr" or "en": the mail's language
    std::string terms_version;
    std::string privacy_version;
    std::string ip;
    std::int64_t now = 0;  // Unix seconds: creation and consent time
    // Quarantined from the start when its keys belong to an open incident.
    SignatureState state = SignatureState::pending;
};

}  // namespace rempart::signatures
