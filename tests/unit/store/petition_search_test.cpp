// Tests for store/petition_search: every word must be there, whatever its case or accents.
#include "store/petition_search.hpp"

#include <gtest/gtest.h>

#include "store/petition_repository.hpp"
#include "store_fixture.hpp"

namespace rempart::store {
namespace {

class PetitionSearch : public testing::TempStore {
  protected:
    void SetUp() override {
        TempStore::SetUp();
        if (HasFatalFailure()) return;
        add("velo", "Une rue sûre à VÉLO", "Pistes cyclables", "Devant l'école Jean-Jaurès.", 1);
        add("arbres", "Sauvons les arbres", "Le parc des Buttes", "Cent platanes centenaires.", 2);
        add("ecole", "Une école ouverte", "Cantine bio", "Pour l'école et le vélo aussi.", 3);
        EXPECT_TRUE(set_petition_state(*db_, "arbres", PetitionState::closed, 4).ok());
    }
    void add(std::string slug, std::string title, std::string summary, std::string body,
             std::int64_t at) {
        ASSERT_TRUE(insert_petition(*db_, {slug, title, summary, body, std::nullopt}, at).ok());
    }
    std::vector<std::string> slugs(std::vector<std::string> words, std::size_t limit = 50) {
        std::vector<std::string> out;
        for (const auto& p : search_petitions(*db_, words, limit)) out.push_back(p.slug);
        return out;
    }
};

TEST_F(PetitionSearch, AWordFindsTitleSummaryAndTextNewestFirst) {
    EXPECT_EQ(slugs({"velo"}), (std::vector<std::string>{"ecole", "velo"}));
    EXPECT_EQ(slugs({"cantine"}), (std::vector<std::string>{"ecole"}));
    EXPECT_EQ(slugs({"jaures"}), (std::vector<std::string>{"velo"}));
}

TEST_F(PetitionSearch, EveryWordMustBeThere) {
    EXPECT_EQ(slugs({"velo", "cantine"}), (std::vector<std::string>{"ecole"}));
    EXPECT_TRUE(slugs({"velo", "platanes"}).empty());
}

TEST_F(PetitionSearch, ClosedPetitionsAreFoundToo) {
    EXPECT_EQ(slugs({"platanes"}), (std::vector<std::string>{"arbres"}));
}

TEST_F(PetitionSearch, NoWordsFindNothingAndTheLimitHolds) {
    EXPECT_TRUE(slugs({}).empty());
    EXPECT_EQ(slugs({"e"}, 2).size(), 2u);
}

TEST_F(PetitionSearch, AWordIsDataNeverSql) {
    EXPECT_TRUE(slugs({"') OR 1=1 --"}).empty());
    EXPECT_TRUE(slugs({"%"}).empty());
}

TEST_F(PetitionSearch, SimilarPetitionsComeFromTitlesAndSummariesBestFirst) {
    const auto similar = [&](std::vector<std::string> words) {
        std::vector<std::string> out;
        for (const auto& p : similar_petitions(*db_, words, 5)) out.push_back(p.slug);
        return out;
    };
    EXPECT_EQ(similar({"rue", "sure", "velo"}), (std::vector<std::string>{"velo"}));
    EXPECT_EQ(similar({"cyclables"}), (std::vector<std::string>{"velo"}));  // the summary
    EXPECT_TRUE(similar({"jaures"}).empty());  // the text is not indexed: titles ask
    EXPECT_EQ(similar({"sauvons", "arb"}), (std::vector<std::string>{"arbres"}));  // half typed
    EXPECT_TRUE(similar({"le", "la"}).empty());  // too short to say anything
    EXPECT_TRUE(similar({}).empty());
    // Any word is enough; more words in common rank first.
    EXPECT_EQ(similar({"une", "ecole", "ouverte"}), (std::vector<std::string>{"ecole", "velo"}));
    // A correction is indexed at once; drafts and pending proposals are never suggested.
    ASSERT_TRUE(update_petition(*db_, 1, {"velo", "Une rue calme", "Pistes", "x", std::nullopt},
                                {std::nullopt, "cli"}, 5)
                    .ok());
    EXPECT_TRUE(similar({"sure"}).empty());
    EXPECT_EQ(similar({"calme"}), (std::vector<std::string>{"velo"}));
    ASSERT_TRUE(insert_petition(*db_, {"attente", "Une rue calme aussi", "", "x", std::nullopt}, 6,
                                PetitionState::pending)
                    .ok());
    EXPECT_EQ(similar({"calme"}), (std::vector<std::string>{"velo"}));
}

}  // namespace
}  // namespace rempart::store
