// Tests for the grouping of an incident's sources by address, prefix and AS.
#include <gtest/gtest.h>

#include "defence/evidence/sources.hpp"

namespace rempart::defence::evidence {
namespace {

SourceCount source(std::string ip, std::optional<std::int64_t> asn, std::string verdict,
                   std::int64_t events, std::int64_t first, std::int64_t last) {
    return {std::move(ip), "", asn, std::move(verdict), events, first, last};
}

TEST(PrefixOf, IsTheSlash24OrTheSlash64) {
    EXPECT_EQ(prefix_of("203.0.113.45", ""), "203.0.113.0/24");
    EXPECT_EQ(prefix_of("2001:db8:1:2:aaaa::1", ""), "2001:db8:1:2::/64");
    EXPECT_EQ(prefix_of("::ffff:192.0.2.9", ""), "192.0.2.0/24");
    EXPECT_EQ(prefix_of("not-an-ip", "net:not-an-ip"), "not-an-ip");
}

TEST(GroupSources, GroupsBySlash24AndSlash64AndAs) {
    const std::map<std::int64_t, std::string> names = {{64500, "Loopback Télécom, SA"},
                                                       {64510, "Les \"Réseaux\" d'Élise, SARL"}};
    const auto sources = group_sources(
        {
            source("203.0.113.1", 64500, "accepted", 10, 1000, 5000),
            source("203.0.113.1", 64500, "quarantined", 5, 6000, 9000),
            source("203.0.113.200", 64500, "accepted", 3, 500, 700),
            source("203.0.114.7", 64500, "accepted", 1, 800, 800),
            source("2001:db8:1:2::1", 64510, "accepted", 4, 100, 200),
            source("2001:db8:1:2::ff", 64510, "rate_limited", 2, 300, 400),
            source("2001:db8:1:3::1", 64510, "accepted", 1, 50, 50),
            source("198.51.100.1", std::nullopt, "accepted", 1, 10, 10),
        },
        names);

    ASSERT_EQ(sources.networks.size(), 5u);
    const auto& top = sources.networks[0];
    EXPECT_EQ(top.prefix, "203.0.113.0/24");
    EXPECT_EQ(top.total, 18);
    EXPECT_EQ(top.distinct_ips, 2);
    EXPECT_EQ(top.by_verdict.at("accepted"), 13);
    EXPECT_EQ(top.by_verdict.at("quarantined"), 5);
    EXPECT_EQ(top.first_ms, 500);
    EXPECT_EQ(top.last_ms, 9000);
    EXPECT_EQ(top.organisations, std::vector<std::string>{"Loopback Télécom, SA"});
    const auto& v6 = sources.networks[1];
    EXPECT_EQ(v6.prefix, "2001:db8:1:2::/64");
    EXPECT_EQ(v6.total, 6);
    EXPECT_EQ(v6.distinct_ips, 2);

    ASSERT_EQ(sources.ases.size(), 3u);
    EXPECT_EQ(sources.ases[0].asn, 64500);
    EXPECT_EQ(sources.ases[0].total, 19);
    EXPECT_EQ(sources.ases[0].distinct_prefixes, 2);
    EXPECT_EQ(sources.ases[0].distinct_ips, 3);
    EXPECT_EQ(sources.ases[1].asn, 64510);
    EXPECT_EQ(sources.ases[1].organisation, "Les \"Réseaux\" d'Élise, SARL");
    EXPECT_EQ(sources.ases[1].distinct_prefixes, 2);
    EXPECT_FALSE(sources.ases[2].asn.has_value());  // unknown to the table
    EXPECT_EQ(sources.ases[2].organisation, "");

    ASSERT_EQ(sources.addresses.size(), 7u);
    EXPECT_EQ(sources.addresses[0].ip, "203.0.113.1");
    EXPECT_EQ(sources.addresses[0].total, 15);
    EXPECT_EQ(sources.addresses[0].prefix, "203.0.113.0/24");
}

TEST(GroupSources, TiesAreOrderedTheSameWhateverTheInputOrder) {
    std::vector<SourceCount> input = {source("192.0.2.1", 1, "a", 1, 1, 1),
                                      source("192.0.3.1", 2, "a", 1, 1, 1),
                                      source("192.0.4.1", 3, "a", 1, 1, 1)};
    const auto forward = group_sources(input, {});
    std::reverse(input.begin(), input.end());
    const auto backward = group_sources(input, {});
    ASSERT_EQ(forward.networks.size(), backward.networks.size());
    for (std::size_t i = 0; i < forward.networks.size(); ++i)
        EXPECT_EQ(forward.networks[i].prefix, backward.networks[i].prefix);
    EXPECT_EQ(forward.ases[0].asn, 1);
}

}  // namespace
}  // namespace rempart::defence::evidence
