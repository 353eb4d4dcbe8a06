// tools/attack-sim/visitor_plan and botnet_report: the legitimate visitor stays far under
// every signing limit with forms the server accepts, and answers are told apart as the
// bench counts them.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "attack-sim/address_space.hpp"
#include "attack-sim/botnet_report.hpp"
#include "attack-sim/visitor_plan.hpp"
#include "signatures/signing_form.hpp"

namespace rempart::attack {
namespace {

TEST(VisitorPlan, EveryPersonHasAMailboxOfTheirOwnAndAFormTheServerAccepts) {
    std::set<std::string> mailboxes;
    for (std::uint64_t n = 0; n < 5000; ++n) {
        const auto person = visitor_person(n, 1);
        EXPECT_TRUE(mailboxes.insert(person.email).second) << person.email;
        EXPECT_EQ(person.email.find("gmail"), std::string::npos);
        std::vector<std::pair<std::string, std::string>> fields{
            {"name", person.name},       {"email", person.email}, {"postcode", person.postcode},
            {"comment", person.comment}, {"accept_terms", "1"},   {"altcha", "solved"}};
        const auto checked =
            signatures::check_signing_form(signatures::read_signing_form(fields), false);
        ASSERT_TRUE(checked.errors.empty()) << checked.errors.front().field << " " << person.email;
    }
    EXPECT_EQ(visitor_person(42, 1).email, visitor_person(42, 1).email);
}

TEST(VisitorPlan, AtASignatureASecondEveryNetworkAndAddressStaysFarUnderItsLimit) {
    // A minute at one person a second: each /24 signs 15 times (its limit is 60), and no
    // address twice in 17 minutes (its limit is 10 a minute).
    std::map<std::string, int> per_network;
    std::map<std::string, std::uint64_t> last_seen;
    for (std::uint64_t n = 0; n < 60 * 17; ++n) {
        const auto person = visitor_person(n, 1);
        const auto as = asn_of(person.ip);
        EXPECT_TRUE(as == 3215 || as == 12322) << person.ip;  // Orange or Free
        if (n < 60) ++per_network[network_24(person.ip)];
        const auto seen = last_seen.find(person.ip);
        if (seen != last_seen.end()) {
            EXPECT_GE(n - seen->second, 1016u) << person.ip;
        }
        last_seen[person.ip] = n;
    }
    EXPECT_EQ(per_network.size(), visitor_networks().size());
    for (const auto& [network, count] : per_network) EXPECT_EQ(count, 15) << network;
}

TEST(BotnetReport, AnswersAreServedRefusedGatedOrOther) {
    EXPECT_EQ(classify(200, false, false), AnswerKind::served);
    EXPECT_EQ(classify(304, false, false), AnswerKind::served);
    EXPECT_EQ(classify(429, false, false), AnswerKind::refused);
    EXPECT_EQ(classify(403, false, false), AnswerKind::refused);
    EXPECT_EQ(classify(503, false, false), AnswerKind::refused);  // shed
    EXPECT_EQ(classify(503, true, false), AnswerKind::gated);
    EXPECT_EQ(classify(404, false, false), AnswerKind::other);  // /search not there yet
    EXPECT_EQ(classify(0, false, true), AnswerKind::timeout);
    EXPECT_EQ(classify(0, false, false), AnswerKind::error);
}

}  // namespace
}  // namespace rempart::attack
