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

TEST(Catalog, AnOldSnapshotStaysValidAfterReplacement) {
    Catalog catalog;
    catalog.replace({petition(1, "a", PetitionState::published)});
    const auto old = catalog.current();
    catalog.replace({});
    ASSERT_NE(old->find("a"), nullptr);
    EXPECT_EQ(catalog.current()->find("a"), nullptr);
}

}  // namespace
}  // namespace rempart
