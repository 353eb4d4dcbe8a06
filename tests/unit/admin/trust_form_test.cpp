// Tests for the form to trust a mail domain or a network: each field read and normalised,
// each bad one named with the words a person can act on.
#include "admin/trust_form.hpp"

#include <gtest/gtest.h>

namespace rempart::admin {
namespace {

class TrustForm : public ::testing::Test {
  protected:
    TrustForm() {
        Petition petition;
        petition.id = 7;
        petition.slug = "bocage";
        petitions_.petitions.push_back(petition);
        petitions_.index_by_slug["bocage"] = 0;
    }
    TrustCheck check(std::string kind, std::string value, std::string scope = "site",
                     std::string note = "") {
        return check_trust({std::move(kind), std::move(value), std::move(scope), std::move(note)},
                           petitions_);
    }
    static std::vector<std::pair<std::string, std::string>> errors(const TrustCheck& checked) {
        return checked.errors;
    }
    CatalogSnapshot petitions_;
};

using Errors = std::vector<std::pair<std::string, std::string>>;

TEST_F(TrustForm, ADomainOrANetworkIsKeptAsTheDefenceComparesIt) {
    const auto domain = check("email_domain", "Amis-du-Bocage.FR.", "site", "notre domaine");
    ASSERT_TRUE(domain.errors.empty());
    EXPECT_EQ(domain.value.kind, defence::TrustKind::email_domain);
    EXPECT_EQ(domain.value.value, "amis-du-bocage.fr");
    EXPECT_FALSE(domain.value.petition_id.has_value());
    EXPECT_EQ(domain.note, "notre domaine");

    const auto network = check("network", "193.48.0.0/16", "bocage");
    ASSERT_TRUE(network.errors.empty());
    EXPECT_EQ(network.value.kind, defence::TrustKind::network);
    EXPECT_EQ(network.value.value, "193.48.0.0/16");
    EXPECT_EQ(network.value.petition_id, 7);
    EXPECT_EQ(check("network", "2001:db8::/48").value.value, "2001:db8::/48");
}

TEST_F(TrustForm, TheFieldsAreReadTrimmed) {
    const auto input = read_trust({{"kind", " network "},
                                   {"value", " 193.48.0.0/16\t"},
                                   {"scope", "bocage "},
                                   {"note", "campus"},
                                   {"csrf", "x"}});
    EXPECT_EQ(input.kind, "network");
    EXPECT_EQ(input.value, "193.48.0.0/16");
    EXPECT_EQ(input.scope, "bocage");
    EXPECT_EQ(input.note, "campus");
}

TEST_F(TrustForm, ABadValueIsNamedWithTheDefencesOwnReason) {
    EXPECT_EQ(errors(check("email_domain", "pas un domaine")),
              (Errors{{"value", "trust.bad_domain"}}));
    EXPECT_EQ(errors(check("email_domain", "")), (Errors{{"value", "trust.bad_domain"}}));
    EXPECT_EQ(errors(check("network", "193.48.0.0/33")), (Errors{{"value", "trust.bad_network"}}));
    // A /8 would vouch for a whole provider's customers; a /16 is the widest kept.
    EXPECT_EQ(errors(check("network", "10.0.0.0/8")), (Errors{{"value", "trust.too_wide"}}));
    EXPECT_EQ(errors(check("network", "10.0.0.0/15")), (Errors{{"value", "trust.too_wide"}}));
    EXPECT_TRUE(check("network", "10.0.0.0/16").errors.empty());
    EXPECT_EQ(errors(check("network", "2001:db8::/31")), (Errors{{"value", "trust.too_wide"}}));
}

TEST_F(TrustForm, AnUnknownKindOrPetitionIsNamed) {
    EXPECT_EQ(errors(check("name", "Marie")), (Errors{{"kind", "admin.trust_kind_unknown"}}));
    EXPECT_EQ(errors(check("email_domain", "campus.example", "nope")),
              (Errors{{"scope", "admin.trust_scope_unknown"}}));
    EXPECT_EQ(errors(check("email_domain", "campus.example", "")),
              (Errors{{"scope", "admin.trust_scope_unknown"}}));
}

TEST_F(TrustForm, TheNoteIsKeptUpToItsLimit) {
    const std::string longest(trust_note_chars, 'e');
    EXPECT_EQ(check("email_domain", "campus.example", "site", longest).note, longest);
    EXPECT_EQ(errors(check("email_domain", "campus.example", "site", longest + "e")),
              (Errors{{"note", "admin.trust_note_too_long"}}));
    EXPECT_EQ(errors(check("email_domain", "campus.example", "site", "\xFF")),
              (Errors{{"note", "admin.unreadable"}}));
}

}  // namespace
}  // namespace rempart::admin
