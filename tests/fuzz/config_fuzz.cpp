// Fuzzes the TOML configuration loader: any file gives a Config or an error naming where.
#include <string>

#include "app/settings.hpp"
#include "core/errors.hpp"
#include "fuzz_check.hpp"

using namespace rempart;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto config = parse_config(fuzz::as_text(data, size), "fuzz.toml");
    if (!config) {
        const auto& code = config.error().code;
        FUZZ_CHECK(code == ConfigError::syntax || code == ConfigError::unknown_key ||
                   code == ConfigError::bad_value || code == ConfigError::bad_type);
        // Every message says which file, so an operator knows where to look.
        FUZZ_CHECK(config.error().detail.starts_with("fuzz.toml"));
        return 0;
    }
    // What the loader promises the rest of the server.
    FUZZ_CHECK(config->server.tls_cert.empty() == config->server.tls_key.empty());
    FUZZ_CHECK(config->front_door.shed.lag_low <= config->front_door.shed.lag_normal);
    FUZZ_CHECK(config->front_door.shed.queue_low <= config->front_door.shed.queue_normal);
    FUZZ_CHECK(config->admin.session_idle <= config->admin.session_lifetime);
    FUZZ_CHECK(config->admin.login_backoff_first <= config->admin.login_backoff_max);
    FUZZ_CHECK(config->shield.pow_max_number >= 1 && config->shield.pow_max_number <= 100'000'000);
    FUZZ_CHECK(config->gate.pow_max_number >= 1 && config->gate.pow_max_number <= 100'000'000);
    FUZZ_CHECK(config->site.default_language == "fr" || config->site.default_language == "en");
    // [detect]: within the bounds the defence was written for (NaN fails these checks too).
    const auto& defence = config->defence;
    for (const auto& rule : defence.detector.rules) {
        FUZZ_CHECK(rule.min_count >= 1);
        FUZZ_CHECK(rule.min_share > 0 && rule.min_share <= 2);
        FUZZ_CHECK(rule.over_baseline >= 0);
    }
    for (const auto share : {defence.detector.judge.automated_share, defence.bans.network_min_share,
                             defence.bans.as_min_share})
        FUZZ_CHECK(share > 0 && share <= 1);
    FUZZ_CHECK(defence.detector.window.count() >= 1);
    return 0;
}
