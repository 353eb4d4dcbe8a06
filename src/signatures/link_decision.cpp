// What a press on a confirmation mail's button comes to: pure.
#include "signatures/link_decision.hpp"

namespace rempart::signatures {

std::string_view to_string(LinkOutcome outcome) {
    switch (outcome) {
        case LinkOutcome::link_invalid:
            return "link_invalid";
        case LinkOutcome::set_aside:
            return "set_aside";
        case LinkOutcome::unchanged:
            return "unchanged";
        case LinkOutcome::confirmed:
            return "confirmed";
        case LinkOutcome::confirmed_in_quarantine:
            return "confirmed_in_quarantine";
        case LinkOutcome::withdrawn:
            return "withdrawn";
    }
    return "unchanged";
}

LinkOutcome decide_link(LinkAction action, LinkChange change, SignatureState state_after) {
    switch (change) {
        case LinkChange::link_invalid:
            return LinkOutcome::link_invalid;
        case LinkChange::set_aside:
            return LinkOutcome::set_aside;
        // A second click answers as the first did, and writes nothing: mail scanners and
        // impatient people press twice.
        case LinkChange::unchanged:
            return LinkOutcome::unchanged;
        case LinkChange::changed:
            break;
    }
    if (action == LinkAction::withdraw) return LinkOutcome::withdrawn;
    return state_after == SignatureState::quarantined ? LinkOutcome::confirmed_in_quarantine
                                                      : LinkOutcome::confirmed;
}

bool leaves_event(LinkOutcome outcome) {
    return outcome == LinkOutcome::confirmed || outcome == LinkOutcome::confirmed_in_quarantine ||
           outcome == LinkOutcome::withdrawn;
}

}  // namespace rempart::signatures
