// The shield every request passes before its handler.
#include "shield/front_door.hpp"

#include <boost/asio/ip/address.hpp>

#include "shield/network.hpp"

namespace rempart::shield {

using http::Priority;
using http::TrafficFamily;

namespace {

std::chrono::steady_clock::time_point steady_from_ms(std::int64_t now_ms) {
    return std::chrono::steady_clock::time_point(std::chrono::milliseconds(now_ms));
}

Decision limited_by(TrafficLimitKind kind) {
    switch (kind) {
        case TrafficLimitKind::address:
            return Decision::limited_ip;
        case TrafficLimitKind::network:
            return Decision::limited_network;
        default:
            return Decision::limited_as;
    }
}

}  // namespace

std::string_view to_string(Decision decision) {
    switch (decision) {
        case Decision::pass:
            return "pass";
        case Decision::limited_ip:
            return "limited_ip";
        case Decision::limited_network:
            return "limited_network";
        case Decision::limited_as:
            return "limited_as";
        case Decision::limited_clearance:
            return "limited_clearance";
        case Decision::gated:
            return "gated";
        case Decision::shed:
            return "shed";
    }
    return "pass";
}

FrontDoor::FrontDoor(FrontDoorSettings settings, const Clearance& clearance, const AsnTable* asns,
                     std::function<Pressure()> pressure)
    : settings_(std::move(settings)),
      clearance_(clearance),
      asns_(asns),
      pressure_(std::move(pressure)),
      pages_(settings_.pages, settings_.max_keys),
      api_(settings_.api, settings_.max_keys),
      sign_(settings_.sign, settings_.max_keys),
      per_clearance_(settings_.per_clearance),
      networks_(settings_.known_after, settings_.forget_after, settings_.max_networks),
      attack_(settings_.attack, settings_.mode) {
    gate_on_ = attack_.gate_on();
}

Admission FrontDoor::decide(Decision decision, std::chrono::seconds retry_after) {
    ++decisions_[static_cast<std::size_t>(decision)];
    if (decision == Decision::shed) ++second_shed_;
    return {decision, retry_after};
}

Admission FrontDoor::admit(const Visitor& visitor, const http::RouteClass& route,
                           std::int64_t now_ms) {
    const auto now = now_ms / 1000;
    if (route.family != TrafficFamily::none) {
        boost::system::error_code ec;
        const auto address = boost::asio::ip::make_address(visitor.client_ip, ec);
        std::uint32_t as = 0;
        if (!ec && asns_ != nullptr)
            if (const auto info = asns_->lookup(address)) as = info->number;
        // The server always knows its client's address; a test calling with text that is
        // not one is counted as the unspecified address rather than let through.
        const auto keys = traffic_keys(ec ? boost::asio::ip::address() : address, as);
        ++second_requests_;
        const bool gate_on = gate_on_.load(std::memory_order_relaxed);

        // The HMAC is checked only when a cookie came: most requests carry none.
        std::optional<ClearanceCheck> cleared;
        if (!visitor.clearance.empty())
            cleared = clearance_.check(visitor.clearance, wide_network(visitor.client_ip), now);
        const bool valid = cleared && cleared->verdict == ClearanceVerdict::valid;
        const bool known = networks_.visit(keys.wide, now, !gate_on) || valid;
        if (!known) ++second_unknown_;

        // A cleared browser proved its work: its clearance stands in for its address (many
        // people share one address behind a carrier's NAT), its network and AS still count.
        auto& limits = route.family == TrafficFamily::api    ? api_
                       : route.family == TrafficFamily::sign ? sign_
                                                             : pages_;
        // A post is counted by its address even from a cleared browser: the gate's cookie
        // vouches for reading, not for signing.
        const auto traffic =
            limits.check(keys, now_ms, !valid || route.family == TrafficFamily::sign);
        if (!traffic.allowed()) return decide(limited_by(traffic.refused_by), traffic.retry_after);
        if (valid) {
            const auto taken = per_clearance_.take("clearance:" + std::string(cleared->id),
                                                   steady_from_ms(now_ms));
            if (!taken.allowed) return decide(Decision::limited_clearance, taken.retry_after);
        }
        if (gate_on && route.gated && visitor.reads && !valid)
            return decide(Decision::gated, clearance_.wait());
    }
    if (route.priority == Priority::normal || route.priority == Priority::low) {
        if (should_shed(route.priority, pressure_(), settings_.shed))
            return decide(Decision::shed, settings_.shed.retry_after);
    }
    return decide(Decision::pass);
}

std::optional<GateStatus> FrontDoor::tick(std::int64_t now_ms) {
    const auto pressure = pressure_();
    TrafficSample sample;
    sample.requests = static_cast<double>(second_requests_.exchange(0));
    sample.unknown = static_cast<double>(second_unknown_.exchange(0));
    sample.pressure = second_shed_.exchange(0) > 0 ||
                      pressure.loop_lag >= settings_.shed.lag_normal ||
                      pressure.read_queue >= settings_.shed.queue_normal;
    std::lock_guard lock(mode_mutex_);
    const bool changed = attack_.tick(sample);
    gate_on_ = attack_.gate_on();
    const double usual_per_minute = attack_.usual_rate() * 60;
    pages_.set_usual_per_minute(usual_per_minute);
    api_.set_usual_per_minute(usual_per_minute);
    sign_.set_usual_per_minute(usual_per_minute);
    const auto now = now_ms / 1000;
    if (now - last_sweep_ >= 3600) {
        networks_.forget_stale(now);
        last_sweep_ = now;
    }
    if (!changed) return std::nullopt;
    ++gate_switches_;
    return GateStatus{attack_.gate_on(), attack_.mode(), attack_.reason(), attack_.usual_rate()};
}

void FrontDoor::set_mode(GateMode mode) {
    std::lock_guard lock(mode_mutex_);
    attack_.set_mode(mode);
    gate_on_ = attack_.gate_on();
}

GateStatus FrontDoor::status() const {
    std::lock_guard lock(mode_mutex_);
    return GateStatus{attack_.gate_on(), attack_.mode(), attack_.reason(), attack_.usual_rate()};
}

std::uint64_t FrontDoor::decisions(Decision decision) const {
    return decisions_[static_cast<std::size_t>(decision)].load();
}

std::size_t FrontDoor::tracked_keys() const {
    return pages_.tracked_keys() + api_.tracked_keys() + sign_.tracked_keys() +
           per_clearance_.tracked_keys() + networks_.size();
}

}  // namespace rempart::shield
