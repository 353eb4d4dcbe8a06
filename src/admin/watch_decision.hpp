// A moderator's word on a watch, and how a refused one is answered. Pure.
#pragma once

#include <optional>
#include <string_view>

#include "core/result.hpp"

namespace rempart::admin {

// Dismissed: a real crowd, nothing to do. Invalidated: the moderator set its signatures
// aside with the invalidation form, and says so here.
enum class WatchDecision { dismiss, invalidated };

// From the last segment of POST /admin/watches/{id}/{decision}.
std::optional<WatchDecision> parse_watch_decision(std::string_view word);
// As store::decide_watch and the watches table write it: "dismissed", "invalidated".
std::string_view watch_state(WatchDecision decision);
// The audit log's action: "watch_dismissed", "watch_invalidated".
std::string_view audit_action(WatchDecision decision);

// What the moderator is told when the store refused the decision.
struct WatchRefusal {
    unsigned status = 503;
    std::string_view title_key;
    std::string_view text_key;
};
// DefenceError::watch_not_found: 404; DefenceError::watch_decided: 409 (another moderator, or the
// defence by escalating it, was first); anything else is the store failing: 503.
WatchRefusal watch_refusal(const Error& error);

}  // namespace rempart::admin
