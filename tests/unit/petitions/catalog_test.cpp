// Tests for petitions/catalog: snapshots replaced whole, and only on a visible change.
#include "petitions/catalog.hpp"

#include <gtest/gtest.h>

namespace rempart {
namespace {

Petition petition(std::int64_t id, std::string slug, PetitionState state) {
    Petition p;
    p.id = id;
    p.slug = std::move(slug);
    p.title = "Title " + p.slug;
    p.state = state;
    return p;
}

TEST(Catalog, FindsPetitionsBySlug) {
    Catalog catalog;
    catalog.replace(
        {petition(2, "b", PetitionState::published), petition(1, "a", PetitionState::closed)});
    const auto snapshot = catalog.current();
    ASSERT_NE(snapshot->find("a"), nullptr);
    EXPECT_EQ(snapshot->find("a")->id, 1);
    EXPECT_EQ(snapshot->find("zzz"), nullptr);
}

TEST(Catalog, OpenPetitionsLeaveClosedOnesOut) {
    Catalog catalog;
    catalog.replace(
        {petition(2, "b", PetitionState::published), petition(1, "a", PetitionState::closed)});
    const auto open = catalog.current()->open_petitions();
    ASSERT_EQ(open.size(), 1u);
    EXPECT_EQ(open[0]->slug, "b");
}

TEST(Catalog, ReplacingWithTheSameContentKeepsTheGeneration) {
    Catalog catalog;
    EXPECT_TRUE(catalog.replace({petition(1, "a", PetitionState::published)}));
    const auto generation = catalog.current()->generation;
    EXPECT_FALSE(catalog.replace({petition(1, "a", PetitionState::published)}));
    EXPECT_EQ(catalog.current()->generation, generation);
    auto changed = petition(1, "a", PetitionState::published);
    changed.signature_count = 1;
    EXPECT_TRUE(catalog.replace({changed}));
    EXPECT_EQ(catalog.current()->generation, generation + 1);
}

TEST(Catalog, ARefusedPetitionsReasonRewordedIsAChange) {
    Catalog catalog;
    auto refused = petition(1, "a", PetitionState::rejected);
    refused.public_reason = "Une rue.";
    EXPECT_TRUE(catalog.replace({refused}));
    refused.public_reason = "Une seule rue.";
    EXPECT_TRUE(catalog.replace({refused}));
    EXPECT_EQ(catalog.current()->find("a")->public_reason, "Une seule rue.");
}

TEST(Catalog, AnOldSnapshotStaysValidAfterReplacement) {
    Catalog catalog;
    catalog.replace({petition(1, "a", PetitionState::published)});
    const auto old = catalog.current();
    catalog.replace({});
    ASSERT_NE(old->find("a"), nullptr);
    EXPECT_EQ(catalog.current()->find("a"), nullptr);
}

TEST(Catalog, APetitionsRevisionMovesOnlyWhenItChanges) {
    Catalog catalog;
    catalog.replace(
        {petition(2, "b", PetitionState::published), petition(1, "a", PetitionState::published)});
    const auto first = catalog.current();
    const auto a = first->revision_of(*first->find("a"));
    const auto b = first->revision_of(*first->find("b"));
    EXPECT_NE(a, b);
    // "a" is signed: its page must change, "b"'s must not.
    auto signed_a = petition(1, "a", PetitionState::published);
    signed_a.signature_count = 1;
    catalog.replace({petition(2, "b", PetitionState::published), signed_a});
    const auto second = catalog.current();
    EXPECT_GT(second->revision_of(*second->find("a")), a);
    EXPECT_EQ(second->revision_of(*second->find("b")), b);
    // A new petition gets a revision no page has used.
    catalog.replace({petition(3, "c", PetitionState::published),
                     petition(2, "b", PetitionState::published), signed_a});
    const auto third = catalog.current();
    EXPECT_GT(third->revision_of(*third->find("c")), second->revision_of(*second->find("a")));
}

}  // namespace
}  // namespace rempart
