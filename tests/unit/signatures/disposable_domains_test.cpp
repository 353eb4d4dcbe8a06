// Tests for the disposable domain lists: exact, wildcard, the site's additions and exceptions.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <sstream>

#include "signatures/disposable_domains.hpp"

namespace rempart::signatures {
namespace {

DisposableDomains lists(std::vector<std::string> block = {}, std::vector<std::string> allow = {}) {
    auto loaded = DisposableDomains::load(R"(["mailinator.com", "yopmail.com"])",
                                          R"(["33mail.com"])", block, allow);
    EXPECT_TRUE(loaded.ok());
    return std::move(*loaded);
}

TEST(DisposableDomains, ExactEntriesMatchThemselvesOnly) {
    const auto domains = lists();
    EXPECT_TRUE(domains.is_disposable("mailinator.com"));
    EXPECT_TRUE(domains.is_disposable("MAILINATOR.COM."));
    EXPECT_FALSE(domains.is_disposable("notmailinator.com"));
    EXPECT_FALSE(domains.is_disposable("gmail.com"));
}

TEST(DisposableDomains, WildcardEntriesCoverEverySubdomain) {
    const auto domains = lists();
    EXPECT_TRUE(domains.is_disposable("33mail.com"));
    EXPECT_TRUE(domains.is_disposable("someone.33mail.com"));
    EXPECT_TRUE(domains.is_disposable("a.b.33mail.com"));
    EXPECT_FALSE(domains.is_disposable("x33mail.com"));
}

TEST(DisposableDomains, TheSiteMayBlockMoreAndAllowSome) {
    const auto domains = lists({"spam.example"}, {"yopmail.com", "ok.33mail.com"});
    EXPECT_TRUE(domains.is_disposable("spam.example"));
    EXPECT_TRUE(domains.is_disposable("sub.spam.example"));
    EXPECT_FALSE(domains.is_disposable("yopmail.com"));
    EXPECT_FALSE(domains.is_disposable("ok.33mail.com"));
    EXPECT_TRUE(domains.is_disposable("other.33mail.com"));
}

TEST(DisposableDomains, AMalformedListIsRefused) {
    EXPECT_EQ(DisposableDomains::load("{}", "[]", {}, {}).error().code, "disposable.bad_list");
    EXPECT_EQ(DisposableDomains::load("[1]", "[]", {}, {}).error().code, "disposable.bad_list");
    EXPECT_EQ(DisposableDomains::load("[]", "[", {}, {}).error().code, "disposable.bad_list");
}

std::string read(const std::string& path) {
    std::ifstream in(path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

TEST(DisposableDomains, TheNpmListsLoad) {
    const std::string dir = REMPART_SOURCE_DIR "/node_modules/disposable-email-domains/";
    const auto started = std::chrono::steady_clock::now();
    const auto loaded =
        DisposableDomains::load(read(dir + "index.json"), read(dir + "wildcard.json"), {}, {});
    const auto took = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() -
                                                                started);
    ASSERT_TRUE(loaded.ok()) << loaded.error().detail;
    std::cout << "loaded " << loaded->size() << " domains in " << took.count() << " ms\n";
    EXPECT_GT(loaded->size(), 10000u);
    EXPECT_TRUE(loaded->is_disposable("mailinator.com"));
    EXPECT_TRUE(loaded->is_disposable("yopmail.com"));
    EXPECT_FALSE(loaded->is_disposable("gmail.com"));
    EXPECT_FALSE(loaded->is_disposable("orange.fr"));
    EXPECT_FALSE(loaded->is_disposable("laposte.net"));
}

}  // namespace
}  // namespace rempart::signatures
