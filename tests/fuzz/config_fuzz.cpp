// Fuzzes the TOML configuration loader: any file gives a Config or an error naming where.
#include <string>

#include "core/config.hpp"
#include "fuzz_check.hpp"

using namespace rempart;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto config = parse_config(fuzz::as_text(data, size), "fuzz.toml");
    if (!config) {
        const auto& code = config.error().code;
        FUZZ_CHECK(code == "config.syntax" || code == "config.unknown_key" ||
                   code == "config.bad_value" || code == "config.bad_type");
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
    return 0;
}
