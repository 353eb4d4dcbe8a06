// When the under-attack gate stands: switched on by itself when requests jump far above the
// site's usual rate and come mostly from clients it does not know, or when the server stays
// overloaded; off again once the wave has passed. An admin may force it either way. Pure:
// fed one sample a second.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string_view>

namespace rempart::shield {

// The admin's choice: the automatic switch, or the gate forced on or off.
enum class GateMode { automatic, on, off };
std::string_view to_string(GateMode mode);
std::optional<GateMode> parse_gate_mode(std::string_view text);

struct AttackModeSettings {
    double min_rate = 200;       // requests a second below which nothing is a wave
    double surge_factor = 10;    // times the usual rate
    double unknown_share = 0.5;  // of the surge from clients not known before it
    int surge_seconds = 5;       // that long above, to switch on
    int pressure_seconds = 3;    // that long overloaded, to switch on
    int calm_seconds = 120;      // that long back near the usual rate, to switch off
    std::chrono::seconds baseline_half_life{1800};
};

// One second of traffic as the front door saw it, gated requests included.
struct TrafficSample {
    double requests = 0;
    double unknown = 0;     // from clients without clearance on a network not seen before
    bool pressure = false;  // the shedder refused work in that second
};

class AttackMode {
  public:
    explicit AttackMode(AttackModeSettings settings, GateMode mode = GateMode::automatic);

    // Returns true when the state changed with this second.
    bool tick(const TrafficSample& sample);
    void set_mode(GateMode mode) { mode_ = mode; }

    bool gate_on() const;
    GateMode mode() const { return mode_; }
    // Why the gate stands: "admin" when forced on, "surge" or "load" when the automatic
    // switch is on, empty when it does not stand.
    std::string_view reason() const;
    // The usual requests a second, learnt from seconds while the switch was off.
    double usual_rate() const { return usual_; }

  private:
    AttackModeSettings settings_;
    GateMode mode_;
    bool on_ = false;
    std::string_view reason_;
    double usual_ = 0;
    int surge_run_ = 0;
    int pressure_run_ = 0;
    int calm_run_ = 0;
};

}  // namespace rempart::shield
