// Tests for core/random: tokens are URL-safe and unpredictable, request ids short and unique.
#include "core/random.hpp"

#include <gtest/gtest.h>

#include <cctype>
#include <set>
#include <thread>
#include <vector>

namespace rempart {
namespace {

bool is_url_safe(const std::string& text) {
    for (const char c : text)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') return false;
    return true;
}

TEST(RandomToken, IsUrlSafeBase64WithoutPadding) {
    EXPECT_EQ(random_token(32).size(), 43u);  // 256 bits: ceil(32 * 4 / 3)
    EXPECT_EQ(random_token(16).size(), 22u);
    EXPECT_EQ(random_token(3).size(), 4u);
    EXPECT_EQ(random_token(0), "");
    for (int i = 0; i < 200; ++i) {
        const auto token = random_token(32);
        EXPECT_TRUE(is_url_safe(token)) << token;
        EXPECT_EQ(token.find('='), std::string::npos) << token;
    }
}

TEST(RandomToken, NeverRepeats) {
    std::set<std::string> seen;
    for (int i = 0; i < 10000; ++i) EXPECT_TRUE(seen.insert(random_token(16)).second);
}

TEST(RandomToken, NeverRepeatsAcrossThreadsNorAcrossRefillsOfTheirPools) {
    // Each thread draws from its own pool of kernel bytes, refilled every 4 KiB: 5,000
    // tokens of 32 bytes refill it about forty times in each thread.
    constexpr int threads = 4;
    std::vector<std::vector<std::string>> tokens(threads);
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t)
        workers.emplace_back([&tokens, t] {
            for (int i = 0; i < 5000; ++i) tokens[t].push_back(random_token(32));
        });
    for (auto& worker : workers) worker.join();
    std::set<std::string> seen;
    for (const auto& list : tokens)
        for (const auto& token : list) EXPECT_TRUE(seen.insert(token).second) << token;
    EXPECT_EQ(seen.size(), 20000u);
}

TEST(RandomToken, ALargeTokenComesStraightFromTheKernelAndStillNeverRepeats) {
    const auto a = random_token(3000);
    const auto b = random_token(3000);
    EXPECT_EQ(a.size(), 4000u);
    EXPECT_NE(a, b);
    EXPECT_NE(a.substr(0, 43), b.substr(0, 43));
}

TEST(RequestId, IsTwelveLowercaseCharacters) {
    for (int i = 0; i < 1000; ++i) {
        const auto id = request_id();
        ASSERT_EQ(id.size(), 12u);
        for (const char c : id) EXPECT_TRUE((c >= 'a' && c <= 'z') || (c >= '2' && c <= '9')) << id;
    }
}

TEST(RequestId, IsUniqueAcrossThreads) {
    constexpr int threads = 8;
    constexpr int per_thread = 20000;
    std::vector<std::vector<std::string>> ids(threads);
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t)
        workers.emplace_back([&ids, t] {
            for (int i = 0; i < per_thread; ++i) ids[t].push_back(request_id());
        });
    for (auto& worker : workers) worker.join();
    std::set<std::string> seen;
    for (const auto& list : ids)
        for (const auto& id : list) EXPECT_TRUE(seen.insert(id).second) << id;
    EXPECT_EQ(seen.size(), static_cast<std::size_t>(threads * per_thread));
}

TEST(RequestId, ConsecutiveIdsDoNotLookAlike) {
    // Ids are grepped in logs: two neighbours should differ in most characters, not one.
    const auto a = request_id();
    const auto b = request_id();
    int same = 0;
    for (std::size_t i = 0; i < a.size(); ++i) same += a[i] == b[i];
    EXPECT_LT(same, 8) << a << " " << b;
}

}  // namespace
}  // namespace rempart
