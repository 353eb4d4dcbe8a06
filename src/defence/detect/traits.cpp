// Signs that an attempt was made by a script rather than a person's browser.
#include "defence/detect/traits.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "core/text.hpp"

namespace rempart::defence::detect {
namespace {

// Tokens of HTTP libraries, command-line tools and browser automation, in lower case.
// Browsers never send them; scripts send them unless their author changed the default.
constexpr std::array<std::string_view, 22> robot_tokens{
    "curl/",    "wget/",      "python",         "go-http-client", "java/",     "okhttp",
    "libwww",   "httpclient", "headlesschrome", "phantomjs",      "puppeteer", "playwright",
    "selenium", "node-fetch", "axios/",         "scrapy",         "aiohttp",   "httpx",
    "guzzle",   "postman",    "insomnia",       "undici"};

bool contains(const std::vector<std::uint32_t>& list, std::int64_t number) {
    return std::find(list.begin(), list.end(), static_cast<std::uint32_t>(number)) != list.end();
}

}  // namespace

std::string_view trait_name(Trait trait) {
    switch (trait) {
        case hosting:
            return "hosting";
        case unlisted:
            return "unlisted";
        case robot:
            return "robot";
        case instant_proof:
            return "instant";
        case timed_proof:  // a marker beside the signs, never one itself
            return "timed";
    }
    return "";
}

bool robot_agent(std::string_view user_agent) {
    // Browsers start with "Mozilla/5.0 (": a bare token is a tool.
    if (user_agent.size() < 10) return true;
    const auto lower = to_lower_ascii(user_agent.substr(0, 512));
    if (!lower.starts_with("mozilla/")) return true;
    return std::any_of(robot_tokens.begin(), robot_tokens.end(), [&](std::string_view token) {
        return lower.find(token) != std::string::npos;
    });
}

Traits traits_of(const signatures::SigningEvent& event, const TraitRules& rules) {
    using Kind = signatures::SigningEvent::Kind;
    if (event.kind == Kind::withdrawal) return 0;
    Traits traits = 0;
    if (event.asn && contains(rules.hosting_networks, *event.asn)) traits |= hosting;
    if (!event.asn && event.as_looked_up) traits |= unlisted;
    if (robot_agent(event.user_agent)) traits |= robot;
    if (event.kind == Kind::confirmation) {
        if (event.seconds_after_signing &&
            *event.seconds_after_signing < rules.instant_confirmation_s)
            traits |= instant_proof;
        return traits;
    }
    if (event.pow_number && *event.pow_number >= rules.min_timed_number) {
        traits |= timed_proof;
        const auto took = std::max<std::int64_t>(1, event.pow_took_ms.value_or(0));
        if (took < rules.min_browser_took_ms ||
            static_cast<double>(*event.pow_number) / static_cast<double>(took) >
                rules.browser_hashes_per_ms)
            traits |= instant_proof;
    }
    return traits;
}

std::string automation_key(Traits traits) {
    for (const auto trait : {hosting, unlisted, robot, instant_proof})
        if (traits & trait) return std::string(trait_name(trait));
    return {};
}

}  // namespace rempart::defence::detect
