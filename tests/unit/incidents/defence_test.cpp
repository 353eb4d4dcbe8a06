// Tests for the defence acting by itself: what starts quarantined, what the petition asks.
#include <gtest/gtest.h>

#include <unistd.h>

#include "incidents/defence.hpp"
#include "store/petition_repository.hpp"

namespace rempart::incidents {
namespace {

class DefenceTest : public ::testing::Test {
  protected:
    void SetUp() override {
        char pattern[] = "/tmp/rempart-defence-test.XXXXXX";
        dir_ = ::mkdtemp(pattern);
        StorageConfig config;
        config.data_dir = dir_;
        auto opened = store::open_store(config, 1);
        ASSERT_TRUE(opened.ok());
        store_ = std::move(*opened);
        petition_ = store_->writer()
                        .write_now<Petition>([](store::Database& db) {
                            return store::insert_petition(db, {"p", "T", "", "x", {}, false}, 1);
                        })
                        ->id;
    }
    void TearDown() override {
        store_->close();
        std::filesystem::remove_all(dir_);
    }
    signatures::SigningEvent event(std::string name, std::int64_t at_ms) const {
        signatures::SigningEvent e;
        e.at_ms = at_ms;
        e.petition_id = petition_;
        e.name_key = std::move(name);
        e.network = "net:192.0.2.0/24";
        return e;
    }
    std::filesystem::path dir_;
    std::unique_ptr<store::Store> store_;
    std::int64_t petition_ = 0;
};

TEST_F(DefenceTest, AClustersKeysStartQuarantinedUntilTheHoldEnds) {
    shield::Difficulty difficulty(10000);
    DefenceOptions options;
    options.hold = std::chrono::seconds(600);
    Defence defence(*store_, difficulty, options);
    const std::int64_t t = 1'800'000'000'000;
    int quarantined = 0;
    for (int i = 0; i < 30; ++i) quarantined += defence.observe(event("jeff", t + i * 100), "p");
    EXPECT_EQ(quarantined, 11);  // from the 20th, which opened the incident
    EXPECT_FALSE(defence.observe(event("marie", t + 3000), "p"));
    EXPECT_TRUE(defence.observe(event("jeff", t + 10'000), "p"));
    EXPECT_EQ(defence.stats().incidents_opened.load(), 1u);
    // The petition's proof of work is harder for as long as the hold.
    EXPECT_EQ(difficulty.required({"petition:p"}, t / 1000 + 60), options.raised_difficulty);
    EXPECT_EQ(difficulty.required({"petition:p"}, t / 1000 + 700), 10000u);
    // After the hold, the same name is an ordinary attempt again.
    EXPECT_FALSE(defence.observe(event("jeff", t + 700'000), "p"));
}

}  // namespace
}  // namespace rempart::incidents
