// Tests for api/petitions_json: the field names and values outside tools rely on.
#include "api/petitions_json.hpp"

#include <gtest/gtest.h>
#include <boost/json/parse.hpp>

namespace rempart::api {
namespace {

Petition sample() {
    Petition p;
    p.id = 3;
    p.slug = "velo";
    p.title = "Des pistes \"cyclables\" <sûres>";
    p.summary = "Résumé";
    p.goal = 1000;
    p.created_at = 1764000000;  // 2025-11-24T16:00:00Z
    return p;
}

TEST(PetitionJson, HasTheContractFields) {
    const auto json = boost::json::parse(petition_json(sample(), "https://p.example.org"));
    const auto& o = json.as_object();
    EXPECT_EQ(o.at("slug").as_string(), "velo");
    EXPECT_EQ(o.at("title").as_string(), "Des pistes \"cyclables\" <sûres>");
    EXPECT_EQ(o.at("state").as_string(), "published");
    EXPECT_EQ(o.at("signature_count").as_int64(), 0);
    EXPECT_EQ(o.at("goal").as_int64(), 1000);
    EXPECT_EQ(o.at("created_at").as_string(), "2025-11-24T16:00:00Z");
    EXPECT_EQ(o.at("url").as_string(), "https://p.example.org/petitions/velo");
    EXPECT_TRUE(o.at("signatures_by_region").is_object());
}

TEST(PetitionJson, GoalIsNullWhenNone) {
    auto p = sample();
    p.goal.reset();
    const auto json = boost::json::parse(petition_json(p, ""));
    EXPECT_TRUE(json.as_object().at("goal").is_null());
}

TEST(PetitionJson, ListHoldsEveryPetition) {
    CatalogSnapshot snapshot;
    snapshot.petitions = {sample(), sample()};
    snapshot.petitions[1].slug = "autre";
    snapshot.petitions[1].state = PetitionState::closed;
    const auto json = boost::json::parse(petition_list_json(snapshot, ""));
    const auto& list = json.as_object().at("petitions").as_array();
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[1].as_object().at("state").as_string(), "closed");
}

TEST(PetitionJson, ErrorsNameACodeAndAMessage) {
    const auto json = boost::json::parse(error_json("not_found", "no such petition"));
    EXPECT_EQ(json.as_object().at("error").as_string(), "not_found");
    EXPECT_EQ(json.as_object().at("message").as_string(), "no such petition");
}

}  // namespace
}  // namespace rempart::api
