// Tests for dns/settings: [dns], the MX check and its resolvers.
#include "dns/settings.hpp"

#include <gtest/gtest.h>

#include <utility>

#include "core/config.hpp"

namespace rempart::dns {
namespace {

Result<DnsSettings> parse(std::string_view toml) {
    return config::parse(toml, "rempart.toml", read_dns_settings);
}

TEST(DnsSettings, ReadsEveryKey) {
    const auto dns =
        parse("[dns]\nservers = [\"127.0.0.1:5353\"]\ncheck_mx = false\ntimeout_ms = 300\n");
    ASSERT_TRUE(dns.ok()) << dns.error().detail;
    EXPECT_FALSE(dns->check_mx);
    EXPECT_EQ(dns->checker.servers, std::vector<std::string>{"127.0.0.1:5353"});
    EXPECT_EQ(dns->checker.timeout, std::chrono::milliseconds(300));
}

TEST(DnsSettings, EachBadValueNamesItsKey) {
    const std::pair<const char*, const char*> cases[] = {
        {"[dns]\nservers = [\"127.0.0.1\"]", "[dns] servers: expected"},
        {"[dns]\nservers = [\"localhost\"]", "[dns] servers: expected"},
        {"[dns]\ncheck_mx = 1", "[dns] check_mx: expected true or false"},
        {"[dns]\ncheck_mx = \"yes\"", "[dns] check_mx: expected true or false"},
        {"[dns]\ntimeout_ms = 49", "[dns] timeout_ms: expected"},
    };
    for (const auto& [toml, expected] : cases) {
        const auto dns = parse(toml);
        ASSERT_FALSE(dns.ok()) << toml;
        EXPECT_EQ(dns.error().code, ConfigError::bad_value) << toml;
        EXPECT_NE(dns.error().detail.find(expected), std::string::npos)
            << toml << "\n  gave: " << dns.error().detail;
    }
}

}  // namespace
}  // namespace rempart::dns
