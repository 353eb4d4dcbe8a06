// What a press on a confirmation mail's button comes to, from what the store found and
// did: pure, so the status, the event, the counter and the log line follow from one value.
#pragma once

#include <string_view>

#include "signatures/signature.hpp"

namespace rempart::signatures {

enum class LinkAction { confirm, withdraw };

// What the store said of the link, in its own words.
enum class LinkChange {
    link_invalid,  // no such link, or expired before confirmation
    set_aside,     // withdrawn or invalidated before: nothing to confirm or withdraw
    unchanged,     // already in the state asked for: a second click
    changed,       // this press confirmed or withdrew it
};

enum class LinkOutcome {
    link_invalid,             // 404, the "link not valid" page
    set_aside,                // 409, "this signature was withdrawn"
    unchanged,                // the usual redirect, nothing written nor logged again
    confirmed,                // counts from now on
    confirmed_in_quarantine,  // confirmed from where an incident holds: does not count
    withdrawn,
};
std::string_view to_string(LinkOutcome outcome);

// `state_after`: the signature's state once the store was done (for a change).
LinkOutcome decide_link(LinkAction action, LinkChange change, SignatureState state_after);

// Whether the outcome leaves an event for the defence engine (and a log line).
bool leaves_event(LinkOutcome outcome);

}  // namespace rempart::signatures
