// A moderator's word on a watch, and how a refused one is answered.
#include "admin/watch_decision.hpp"

#include "defence/model/errors.hpp"

namespace rempart::admin {

std::optional<WatchDecision> parse_watch_decision(std::string_view word) {
    if (word == "dismiss") return WatchDecision::dismiss;
    if (word == "invalidated") return WatchDecision::invalidated;
    return std::nullopt;
}

std::string_view watch_state(WatchDecision decision) {
    return decision == WatchDecision::dismiss ? "dismissed" : "invalidated";
}

std::string_view audit_action(WatchDecision decision) {
    return decision == WatchDecision::dismiss ? "watch_dismissed" : "watch_invalidated";
}

WatchRefusal watch_refusal(const Error& error) {
    if (error.code == defence::DefenceError::watch_not_found)
        return {404, "admin.watch_missing_title", "admin.watch_missing"};
    if (error.code == defence::DefenceError::watch_decided)
        return {409, "admin.watch_decided_title", "admin.watch_decided"};
    return {503, "admin.busy_title", "admin.store_busy"};
}

}  // namespace rempart::admin
