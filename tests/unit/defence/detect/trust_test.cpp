// Tests for the values organisers trust: how they are written, checked and matched.
#include <gtest/gtest.h>

#include "defence/detect/trust.hpp"
#include "defence/model/errors.hpp"

namespace rempart::defence::detect {
namespace {

TEST(Trust, DomainsAreKeptInLowerCaseWithoutTheirFinalDot) {
    EXPECT_EQ(*normalise_trusted(TrustKind::email_domain, "Amis-du-Bocage.FR."),
              "amis-du-bocage.fr");
    EXPECT_EQ(*normalise_trusted(TrustKind::email_domain, "@asso.example"), "asso.example");
    for (const auto* bad : {"", "localhost", "a..b.fr", ".asso.fr", "asso fr.fr", "é.fr"}) {
        const auto checked = normalise_trusted(TrustKind::email_domain, bad);
        ASSERT_FALSE(checked) << bad;
        EXPECT_EQ(checked.error().code, defence::DefenceError::trust_bad_domain);
    }
}

TEST(Trust, NetworksAreCheckedAndNeverAWholeProvider) {
    EXPECT_EQ(*normalise_trusted(TrustKind::network, "193.48.0.0/16"), "193.48.0.0/16");
    EXPECT_EQ(*normalise_trusted(TrustKind::network, "192.0.2.7"), "192.0.2.7/32");
    EXPECT_EQ(normalise_trusted(TrustKind::network, "not a network").error().code,
              defence::DefenceError::trust_bad_network);
    EXPECT_EQ(normalise_trusted(TrustKind::network, "90.0.0.0/8").error().code,
              defence::DefenceError::trust_too_wide);
    EXPECT_EQ(normalise_trusted(TrustKind::network, "2a01::/16").error().code,
              defence::DefenceError::trust_too_wide);
    EXPECT_TRUE(normalise_trusted(TrustKind::network, "2001:660:3000::/40"));
}

TEST(Trust, APetitionsValuesAndTheSitesApplyAndNoOthers) {
    const TrustList trust({{7, TrustKind::email_domain, "univ-exemple.fr"},
                           {std::nullopt, TrustKind::email_domain, "asso.example"},
                           {7, TrustKind::network, "193.48.0.0/16"},
                           {std::nullopt, TrustKind::network, "2001:db8::/32"}});
    EXPECT_TRUE(trust.trusts_domain(7, "univ-exemple.fr"));
    EXPECT_TRUE(trust.trusts_domain(7, "etu.univ-exemple.fr"));  // its subdomains
    EXPECT_FALSE(trust.trusts_domain(7, "fakeuniv-exemple.fr"));
    EXPECT_FALSE(trust.trusts_domain(8, "univ-exemple.fr"));
    EXPECT_TRUE(trust.trusts_domain(8, "asso.example"));
    EXPECT_TRUE(trust.trusts_address(7, "193.48.10.5"));
    EXPECT_FALSE(trust.trusts_address(8, "193.48.10.5"));
    EXPECT_TRUE(trust.trusts_address(8, "2001:db8:5::1"));
    EXPECT_FALSE(trust.trusts_address(7, "not an address"));
    EXPECT_FALSE(TrustList().trusts_domain(7, "asso.example"));
}

TEST(Trust, KindsReadBackFromTheirNames) {
    EXPECT_EQ(parse_trust_kind(to_string(TrustKind::network)), TrustKind::network);
    EXPECT_EQ(parse_trust_kind("email_domain"), TrustKind::email_domain);
    EXPECT_FALSE(parse_trust_kind("name"));
}

}  // namespace
}  // namespace rempart::defence::detect
