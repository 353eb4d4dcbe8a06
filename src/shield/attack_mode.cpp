// The under-attack gate's automatic switch: on with a wave, off when it has passed.
#include "shield/attack_mode.hpp"

#include <algorithm>
#include <cmath>

namespace rempart::shield {

std::string_view to_string(GateMode mode) {
    switch (mode) {
        case GateMode::automatic:
            return "auto";
        case GateMode::on:
            return "on";
        case GateMode::off:
            return "off";
    }
    return "auto";
}

std::optional<GateMode> parse_gate_mode(std::string_view text) {
    if (text == "auto") return GateMode::automatic;
    if (text == "on") return GateMode::on;
    if (text == "off") return GateMode::off;
    return std::nullopt;
}

AttackMode::AttackMode(AttackModeSettings settings, GateMode mode)
    : settings_(settings), mode_(mode) {}

bool AttackMode::gate_on() const {
    return mode_ == GateMode::on || (mode_ == GateMode::automatic && on_);
}

std::string_view AttackMode::reason() const {
    if (mode_ == GateMode::on) return "admin";
    if (mode_ == GateMode::off) return {};
    return reason_;
}

bool AttackMode::tick(const TrafficSample& sample) {
    const bool was_on = gate_on();
    const double surge_rate = std::max(settings_.min_rate, settings_.surge_factor * usual_);
    const bool surge = sample.requests >= surge_rate &&
                       sample.unknown >= settings_.unknown_share * sample.requests;
    surge_run_ = surge ? surge_run_ + 1 : 0;
    pressure_run_ = sample.pressure ? pressure_run_ + 1 : 0;

    if (!on_) {
        // Learn the usual rate only from calm seconds, and let no single second pull it up
        // more than twice: a wave never vouches for itself.
        const double weight =
            1.0 - std::exp2(-1.0 / static_cast<double>(settings_.baseline_half_life.count()));
        const double counted =
            std::min(sample.requests, std::max(2 * usual_, settings_.min_rate / 10));
        usual_ += weight * (counted - usual_);
        if (surge_run_ >= settings_.surge_seconds) {
            on_ = true;
            reason_ = "surge";
        } else if (pressure_run_ >= settings_.pressure_seconds) {
            on_ = true;
            reason_ = "load";
        }
        if (on_) calm_run_ = 0;
    } else {
        // Gated requests still count: bots turned away keep coming until the wave ends.
        const double calm_rate = std::max(settings_.min_rate / 2, 3 * usual_);
        const bool calm = sample.requests < calm_rate && !sample.pressure;
        calm_run_ = calm ? calm_run_ + 1 : 0;
        if (calm_run_ >= settings_.calm_seconds) {
            on_ = false;
            reason_ = {};
            surge_run_ = pressure_run_ = 0;
        }
    }
    return gate_on() != was_on;
}

}  // namespace rempart::shield
