// The shield every request passes before its handler: traffic limits, then the
// under-attack gate, then load shedding. Thread-safe; the time comes from the caller.
#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string_view>

#include "http/route_class.hpp"
#include "shield/asn_table.hpp"
#include "shield/attack_mode.hpp"
#include "shield/clearance.hpp"
#include "shield/load_shedder.hpp"
#include "shield/network_book.hpp"
#include "shield/rate_limit.hpp"
#include "shield/traffic_limits.hpp"

namespace rempart::shield {

// Per minute, for every client. A network (IPv4 /24, IPv6 /64 or /48) or an AS may send the
// larger of its floor and its share of the site's usual total, so the limits follow the
// site's own traffic; eyeball ISPs have no AS limit.
struct FrontDoorSettings {
    // A household, or many behind a carrier's NAT: a cleared browser is counted apart.
    TrafficSettings pages;
    TrafficSettings api{60, 300, 0.05, 3000, 0.25};
    // Every POST to a signing form, valid or junk, before its body is looked at; well above
    // the signing limits in [shield], which count only what reaches the form.
    TrafficSettings sign{120, 600, 0.05, 6000, 0.25};
    AttackModeSettings attack;
    GateMode mode = GateMode::automatic;
    ShedSettings shed;
    RateLimit per_clearance{5.0, 300};  // one cleared browser: 300 at once, then 5 a second
    std::int64_t known_after = 600;     // seconds before a new network is known
    std::int64_t forget_after = 7 * 24 * 3600;
    std::size_t max_networks = 200000;
    std::size_t max_keys = 400000;  // per family of traffic limits
};

struct Visitor {
    std::string_view client_ip;
    std::string_view clearance;  // the cookie's value, empty when absent
    bool reads = true;           // GET or HEAD: only those are ever gated
};

// What the shield decided, one counter each in /metrics.
enum class Decision {
    pass,
    limited_ip,
    limited_network,
    limited_as,
    limited_clearance,
    gated,
    shed,
};
inline constexpr std::size_t decision_count = 7;
std::string_view to_string(Decision decision);

struct Admission {
    Decision decision = Decision::pass;
    std::chrono::seconds retry_after{0};
    bool passed() const { return decision == Decision::pass; }
};

struct GateStatus {
    bool on = false;
    GateMode mode = GateMode::automatic;
    std::string_view reason;  // "surge", "load", "admin", or empty
    double usual_rate = 0;    // requests a second, learnt from calm seconds
};

class FrontDoor {
  public:
    // `asns` may be null (no AS limit); `pressure` reads the server's load when asked.
    FrontDoor(FrontDoorSettings settings, const Clearance& clearance, const AsnTable* asns,
              std::function<Pressure()> pressure);

    Admission admit(const Visitor& visitor, const http::RouteClass& route, std::int64_t now_ms);

    // Once a second: feeds the automatic switch and lets the limits follow the usual rate.
    // Returns the new status when the gate went on or off with this second.
    std::optional<GateStatus> tick(std::int64_t now_ms);

    void set_mode(GateMode mode);
    GateStatus status() const;
    void count_clearance_issued() { ++clearances_issued_; }

    std::uint64_t decisions(Decision decision) const;
    std::uint64_t clearances_issued() const { return clearances_issued_; }
    std::uint64_t gate_switches() const { return gate_switches_; }
    // Keys held by the limits and the book of networks: the shield's memory.
    std::size_t tracked_keys() const;
    const Clearance& clearance() const { return clearance_; }
    Pressure pressure() const { return pressure_(); }

  private:
    Admission decide(Decision decision, std::chrono::seconds retry_after = {});

    FrontDoorSettings settings_;
    const Clearance& clearance_;
    const AsnTable* asns_;
    std::function<Pressure()> pressure_;
    TrafficLimits pages_;
    TrafficLimits api_;
    TrafficLimits sign_;
    TokenBuckets per_clearance_;
    NetworkBook networks_;
    mutable std::mutex mode_mutex_;
    AttackMode attack_;
    std::atomic<bool> gate_on_{false};
    // This second's traffic, for the next tick.
    std::atomic<std::uint64_t> second_requests_{0};
    std::atomic<std::uint64_t> second_unknown_{0};
    std::atomic<std::uint64_t> second_shed_{0};
    std::int64_t last_sweep_ = 0;
    std::array<std::atomic<std::uint64_t>, decision_count> decisions_{};
    std::atomic<std::uint64_t> clearances_issued_{0};
    std::atomic<std::uint64_t> gate_switches_{0};
};

}  // namespace rempart::shield
