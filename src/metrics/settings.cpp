// Reads [metrics].
#include "metrics/settings.hpp"

#include <algorithm>
#include <string_view>

#include "core/config.hpp"

namespace rempart::metrics {
namespace {

// RFC 6750's b64token: what a client can send after "Bearer " unquoted.
bool is_b64token(std::string_view token) {
    auto end = token.find_last_not_of('=');
    end = end == std::string_view::npos ? 0 : end + 1;
    return end > 0 && std::all_of(token.begin(), token.begin() + end, [](char c) {
               return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      std::string_view("-._~+/").find(c) != std::string_view::npos;
           });
}

// A secret sent as "Authorization: Bearer ...": RFC 6750's characters, at least
// min_bearer_token_chars of them, or empty for none. Errors never repeat the value: it is a
// secret.
void read_bearer_token(config::Section& section, std::string& out) {
    const std::string expected = "a string of at least " + std::to_string(min_bearer_token_chars) +
                                 " letters, digits or - . _ ~ + / (such as the output of "
                                 "\"openssl rand -hex 32\")";
    std::string token;
    if (!section.text("bearer_token", token, expected, nullptr)) return;
    if (token.empty()) {  // written out as the default: no token asked for
        out.clear();
        return;
    }
    const bool valid = is_b64token(token);
    if (!valid || token.size() < min_bearer_token_chars) {
        section.refuse("bearer_token", "expected " + expected + ", got " +
                                           (valid ? std::to_string(token.size()) + " characters"
                                                  : std::string("other characters")));
        return;
    }
    out = token;
}

}  // namespace

MetricsSettings read_metrics_settings(config::File& file) {
    MetricsSettings settings;
    auto metrics = file.section("metrics");
    metrics.networks("allow", settings.allow);
    read_bearer_token(metrics, settings.bearer_token);
    return settings;
}

}  // namespace rempart::metrics
