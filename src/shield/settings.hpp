// The shield's settings: [shield] (the AS table, disposable domains, the proof of work,
// signing limits), and [traffic], [gate] and [shedding] for the front door and its gate.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "shield/front_door.hpp"
#include "shield/signing_limits.hpp"

namespace rempart::config {
class File;
}

namespace rempart::shield {

struct ShieldSettings {
    std::filesystem::path asn_table;  // empty: the table shipped by npm
    // Files in the same format read on top of it (a site's own networks, a test's): where
    // their ranges overlap the table's, theirs win.
    std::vector<std::string> asn_table_extra;
    // Added to, or taken out of, the npm list of disposable e-mail domains.
    std::vector<std::string> disposable_block;
    std::vector<std::string> disposable_allow;
    // Proof of work: the browser tries on average half of this many hashes (about half a
    // second on a desktop, one or two on a phone); the server checks one.
    std::uint64_t pow_max_number = 10000;
    std::chrono::seconds pow_expiry{600};  // time to fill in the form after the challenge
    // Confirmation mails one mailbox gets a day (UTC), +tags and case folded, across every
    // petition; past this the signer sees the usual page and no mail is sent.
    std::size_t mails_per_mailbox_per_day = 5;
    SigningRateSettings sign_limits;
};

// The under-attack gate's own page: a proof of work (or a short wait without JavaScript),
// and the clearance cookie a visitor earns. When it stands is the front door's (mode,
// surge_*, load_s, calm_s, known_after_s in the same [gate] section).
struct GateSettings {
    std::uint64_t pow_max_number = 50000;  // ~16 bits: a second on a phone
    std::chrono::seconds wait{5};          // the way through without JavaScript
    std::chrono::seconds clearance_lifetime{4 * 3600};
};

ShieldSettings read_shield_settings(config::File& file);
// [traffic], and [gate] and [shedding] but for the gate page's own keys. The eyeball
// networks the traffic limits leave alone are the detector's: the caller sets them.
FrontDoorSettings read_front_door_settings(config::File& file);
GateSettings read_gate_settings(config::File& file);

}  // namespace rempart::shield
