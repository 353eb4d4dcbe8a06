// Reads [shield], [traffic], [gate] and [shedding].
#include "shield/settings.hpp"

#include <string_view>

#include "core/config.hpp"

namespace rempart::shield {
namespace {

void read_rate(config::Section& section, std::string_view key, RateSetting& rate) {
    section.rate(key, rate.per_minute, rate.burst);
}

// A whole number in the file, a double in the limits.
void read_count(config::Section& section, std::string_view key, std::int64_t min, std::int64_t max,
                double& out) {
    std::int64_t value = 0;
    if (section.integer(key, min, max, value)) out = static_cast<double>(value);
}

// A percentage in the file, a share in the limits.
void read_percent(config::Section& section, std::string_view key, double& out) {
    std::int64_t percent = 0;
    if (section.integer(key, 0, 100, percent)) out = static_cast<double>(percent) / 100.0;
}

void read_traffic(config::Section& traffic, std::string_view family, TrafficSettings& out) {
    const std::string prefix(family);
    read_count(traffic, prefix + "_per_ip", 1, 1'000'000'000, out.per_ip);
    read_count(traffic, prefix + "_per_network", 1, 1'000'000'000, out.network_floor);
    read_count(traffic, prefix + "_per_as", 1, 1'000'000'000, out.as_floor);
}

}  // namespace

ShieldSettings read_shield_settings(config::File& file) {
    ShieldSettings settings;
    auto shield = file.section("shield");
    shield.texts("disposable_block", settings.disposable_block);
    shield.texts("disposable_allow", settings.disposable_allow);
    shield.path("asn_table", settings.asn_table);
    shield.texts("asn_table_extra", settings.asn_table_extra);
    shield.integer("pow_max_number", 1, 100'000'000, settings.pow_max_number);
    shield.duration("pow_expiry_s", 30, 86400, settings.pow_expiry);
    shield.integer("mails_per_mailbox_per_day", 1, 1000, settings.mails_per_mailbox_per_day);
    auto& sign = settings.sign_limits;
    read_rate(shield, "sign_per_ip", sign.per_ip);
    read_rate(shield, "sign_per_network", sign.per_network);
    read_rate(shield, "sign_per_wide_network", sign.per_wide_network);
    read_rate(shield, "sign_per_as", sign.per_as);
    read_rate(shield, "sign_per_domain", sign.per_domain);
    read_rate(shield, "sign_per_petition", sign.per_petition);
    return settings;
}

FrontDoorSettings read_front_door_settings(config::File& file) {
    FrontDoorSettings settings;
    auto traffic = file.section("traffic");
    read_traffic(traffic, "page", settings.pages);
    read_traffic(traffic, "api", settings.api);
    read_traffic(traffic, "sign_posts", settings.sign);
    // Shares of the site's usual total, the same for every family.
    double network_share = settings.pages.network_share;
    double as_share = settings.pages.as_share;
    read_percent(traffic, "network_share_percent", network_share);
    read_percent(traffic, "as_share_percent", as_share);
    for (auto* family : {&settings.pages, &settings.api, &settings.sign}) {
        family->network_share = network_share;
        family->as_share = as_share;
    }
    // One browser that passed the gate; written per minute, counted per second.
    RateSetting clearance{settings.per_clearance.per_second * 60.0, settings.per_clearance.burst};
    if (traffic.rate("per_clearance", clearance.per_minute, clearance.burst))
        settings.per_clearance = {clearance.per_minute / 60.0, clearance.burst};

    auto gate = file.section("gate");
    std::string mode(to_string(settings.mode));
    if (gate.choice("mode", {"auto", "on", "off"}, mode))
        settings.mode = parse_gate_mode(mode).value_or(GateMode::automatic);
    auto& attack = settings.attack;
    read_count(gate, "surge_min_rate", 1, 10'000'000, attack.min_rate);  // requests a second
    read_count(gate, "surge_factor", 2, 10'000, attack.surge_factor);    // times the usual
    read_percent(gate, "unknown_share_percent", attack.unknown_share);
    gate.integer("surge_s", 1, 3600, attack.surge_seconds);
    gate.integer("load_s", 1, 3600, attack.pressure_seconds);
    gate.integer("known_after_s", 0, 30 * 86400, settings.known_after);
    gate.integer("calm_s", 1, 86400, attack.calm_seconds);

    // Past the first bounds low-priority routes (search, uncached listings) get 503, past
    // the second normal ones (the API) too; pages from memory, signing and confirming never.
    auto shedding = file.section("shedding");
    auto& shed = settings.shed;
    shedding.duration("lag_low_ms", 1, 60'000, shed.lag_low);
    shedding.duration("lag_normal_ms", 1, 60'000, shed.lag_normal);
    shedding.integer("queue_low", 1, 1'000'000, shed.queue_low);
    shedding.integer("queue_normal", 1, 1'000'000, shed.queue_normal);
    shedding.duration("retry_after_s", 1, 3600, shed.retry_after);
    if (shed.lag_low > shed.lag_normal || shed.queue_low > shed.queue_normal)
        shedding.refuse(
            "the low bounds must not pass the normal ones: low-priority routes are refused "
            "first");
    return settings;
}

GateSettings read_gate_settings(config::File& file) {
    GateSettings settings;
    auto gate = file.section("gate");
    gate.integer("pow_max_number", 1, 100'000'000, settings.pow_max_number);
    gate.duration("wait_s", 0, 60, settings.wait);
    gate.duration("clearance_lifetime_s", 60, 30 * 86400, settings.clearance_lifetime);
    return settings;
}

}  // namespace rempart::shield
