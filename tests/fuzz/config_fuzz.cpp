// Fuzzes the TOML configuration loader: any file gives a Config or an error naming where.
#include <string>

#include "core/config.hpp"
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
    FUZZ_CHECK(config->shedding.lag_low <= config->shedding.lag_normal);
    FUZZ_CHECK(config->shedding.queue_low <= config->shedding.queue_normal);
    FUZZ_CHECK(config->admin.session_idle <= config->admin.session_lifetime);
    FUZZ_CHECK(config->shield.pow_max_number >= 1 && config->shield.pow_max_number <= 100'000'000);
    FUZZ_CHECK(config->gate.pow_max_number >= 1 && config->gate.pow_max_number <= 100'000'000);
    FUZZ_CHECK(config->site.default_language == "fr" || config->site.default_language == "en");
    // [detect]: within the bounds the defence was written for (NaN fails these checks too).
    const auto& detect = config->detect;
    for (const auto* rule :
         {&detect.name, &detect.comment, &detect.email_domain, &detect.network, &detect.as,
          &detect.user_agent, &detect.confirm_network, &detect.automation}) {
        FUZZ_CHECK(!rule->min_count || *rule->min_count >= 1);
        FUZZ_CHECK(!rule->min_share || (*rule->min_share > 0 && *rule->min_share <= 2));
        FUZZ_CHECK(!rule->over_baseline || *rule->over_baseline >= 0);
    }
    for (const auto& share :
         {detect.automation_share, detect.ban_network_min_share, detect.ban_as_min_share})
        FUZZ_CHECK(!share || (*share > 0 && *share <= 1));
    FUZZ_CHECK(!detect.window || detect.window->count() >= 1);
    return 0;
}
