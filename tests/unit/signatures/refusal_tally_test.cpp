// Tests for the in-memory tally of refused signing attempts.
#include <gtest/gtest.h>

#include "signatures/refusal_tally.hpp"

namespace rempart::signatures {
namespace {

constexpr std::int64_t minute = 60'000;
constexpr std::int64_t tally_t0 = 1'800'000'000'000 - 1'800'000'000'000 % minute;

RefusedAttempt junk(std::int64_t at_ms, std::string_view network, std::string_view ip,
                    std::string_view verdict = "pow_missing") {
    RefusedAttempt a;
    a.at_ms = at_ms;
    a.petition_id = 1;
    a.network = network;
    a.asn = 64500;
    a.verdict = verdict;
    a.ip = ip;
    a.user_agent = "python-requests/2.31";
    return a;
}

TEST(RefusalTally, FiftyThousandJunkPostsBecomeAFewSummaries) {
    RefusalTally tally;
    // 1,000 addresses in 4 networks, 50 posts each, over two minutes.
    for (int i = 0; i < 50'000; ++i) {
        const auto host = i % 1000;
        const auto network = "net:203.0." + std::to_string(host % 4) + ".0/24";
        const auto ip = "203.0." + std::to_string(host % 4) + "." + std::to_string(host / 4);
        tally.count(junk(tally_t0 + i * 2, network, ip));
    }
    const auto summaries = tally.take();
    ASSERT_EQ(summaries.size(), 8u);  // 4 networks, 2 minutes
    std::int64_t attempts = 0;
    for (const auto& s : summaries) {
        attempts += s.attempts;
        EXPECT_EQ(s.verdict, "pow_missing");
        EXPECT_EQ(s.asn, 64500);
        EXPECT_FALSE(s.sample_ip.empty());
        EXPECT_LE(s.first_ms, s.last_ms);
        EXPECT_EQ(s.minute_ms % minute, 0);
    }
    EXPECT_EQ(attempts, 50'000);
    EXPECT_EQ(summaries.front().minute_ms, tally_t0);
    EXPECT_EQ(tally.pending(), 0u);  // taken: the next take starts empty
    EXPECT_TRUE(tally.take().empty());
}

TEST(RefusalTally, VerdictsAndPetitionsAreKeptApart) {
    RefusalTally tally;
    tally.count(junk(tally_t0, "net:192.0.2.0/24", "192.0.2.1", "pow_missing"));
    tally.count(junk(tally_t0 + 1, "net:192.0.2.0/24", "192.0.2.1", "rate_limited_ip"));
    auto other = junk(tally_t0 + 2, "net:192.0.2.0/24", "192.0.2.1");
    other.petition_id = 2;
    tally.count(other);
    EXPECT_EQ(tally.take().size(), 3u);
}

TEST(RefusalTally, PastItsBoundNewNetworksShareOneRow) {
    RefusalTally tally(10);
    // A botnet spread over 5,000 networks within one minute.
    for (int i = 0; i < 5000; ++i)
        tally.count(
            junk(tally_t0 + i,
                 "net:10." + std::to_string(i / 250) + "." + std::to_string(i % 250) + ".0/24",
                 "10.0.0.1"));
    const auto summaries = tally.take();
    ASSERT_EQ(summaries.size(), 11u);
    std::int64_t others = 0, attempts = 0;
    for (const auto& s : summaries) {
        attempts += s.attempts;
        if (s.network == "other") {
            others = s.attempts;
            EXPECT_TRUE(s.sample_ip.empty());
            EXPECT_FALSE(s.asn);
        }
    }
    EXPECT_EQ(others, 4990);
    EXPECT_EQ(attempts, 5000);
}

TEST(RefusalTally, AHugeUserAgentIsCut) {
    RefusalTally tally;
    const std::string agent(100'000, 'x');
    auto attempt = junk(tally_t0, "net:192.0.2.0/24", "192.0.2.1");
    attempt.user_agent = agent;
    tally.count(attempt);
    EXPECT_EQ(tally.take().front().sample_user_agent.size(), 256u);
}

}  // namespace
}  // namespace rempart::signatures
