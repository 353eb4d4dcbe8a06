// The queue's standings, who may act on a proposal, and the lag figures.
#include "petitions/moderation.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "core/clock.hpp"

namespace rempart {

std::string_view to_string(QueueStanding standing) {
    switch (standing) {
        case QueueStanding::on_time:
            return "on_time";
        case QueueStanding::nearly_overdue:
            return "nearly_overdue";
        case QueueStanding::overdue:
            return "overdue";
    }
    return "on_time";
}

QueueStanding standing_of(std::int64_t waited, const ModerationRules& rules) {
    constexpr std::int64_t day = 86400;
    if (waited >= rules.overdue_after_days * day) return QueueStanding::overdue;
    if (waited >= rules.nearly_overdue_after_days * day) return QueueStanding::nearly_overdue;
    return QueueStanding::on_time;
}

std::string_view to_string(SubmissionStage stage) {
    switch (stage) {
        case SubmissionStage::unconfirmed:
            return "unconfirmed";
        case SubmissionStage::gathering:
            return "gathering";
        case SubmissionStage::waiting:
            return "waiting";
        case SubmissionStage::returned:
            return "returned";
        case SubmissionStage::published:
            return "published";
        case SubmissionStage::rejected:
            return "rejected";
        case SubmissionStage::removed:
            return "removed";
    }
    return "unconfirmed";
}

namespace {

constexpr std::array<std::pair<ModerationStep, std::string_view>, 5> step_names{{
    {ModerationStep::hold, "hold"},
    {ModerationStep::approve, "approve"},
    {ModerationStep::reject, "reject"},
    {ModerationStep::send_back, "return"},
    {ModerationStep::flag, "flag"},
}};

}  // namespace

std::string_view to_string(ModerationStep step) {
    for (const auto& [known, name] : step_names)
        if (known == step) return name;
    return "hold";
}

std::optional<ModerationStep> parse_moderation_step(std::string_view text) {
    for (const auto& [step, name] : step_names)
        if (name == text) return step;
    return std::nullopt;
}

Result<void> may_moderate(SubmissionStage stage, std::optional<Hold> hold, std::int64_t user_id,
                          std::int64_t now) {
    if (stage != SubmissionStage::waiting)
        return make_error(ModerationError::not_waiting,
                          "the proposal is " + std::string(to_string(stage)) + ", not waiting");
    if (hold && hold->user_id != user_id && hold->until > now)
        return make_error(ModerationError::held_by_other, "another moderator holds it for " +
                                                              std::to_string(hold->until - now) +
                                                              " more seconds");
    return {};
}

std::int64_t moderation_lag(std::int64_t waited_before, std::int64_t waiting_since,
                            std::int64_t now) {
    return waited_before + std::max<std::int64_t>(0, now - waiting_since);
}

std::string utc_day(std::int64_t now) {
    return utc_text(now, "%Y-%m-%d");
}

bool digest_due(std::int64_t now, std::string_view last_day, std::int64_t hour) {
    if (hour < 0) return false;
    const auto hour_now = (now % 86400) / 3600;
    return hour_now >= hour && utc_day(now) != last_day;
}

LagFigures lag_figures(std::vector<std::int64_t> lags) {
    LagFigures figures;
    figures.decisions = lags.size();
    if (lags.empty()) return figures;
    std::sort(lags.begin(), lags.end());
    // Nearest rank: the value at or above which the slowest half (tenth) of decisions lie.
    const auto rank = [&](std::size_t percent) {
        const auto at = (percent * lags.size() + 99) / 100;
        return lags[std::max<std::size_t>(at, 1) - 1];
    };
    figures.median = rank(50);
    figures.slowest_tenth = rank(90);
    return figures;
}

}  // namespace rempart
