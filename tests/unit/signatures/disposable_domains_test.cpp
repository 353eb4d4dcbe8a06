// Tests for the disposable domain lists: exact, wildcard, the site's additions and exceptions.
#include "signatures/disposable_domains.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>

#include "signatures/errors.hpp"

namespace rempart::signatures {
namespace {

DisposableDomains lists(std::vector<std::string> block = {}, std::vector<std::string> allow = {}) {
    auto loaded = DisposableDomains::load(R"(["mailinator.com", "yopmail.com", "Trash.Example.",
                                              "sub.gmail-like.example", "instágram.com"])",
                                          R"(["33mail.com"])", block, allow);
    EXPECT_TRUE(loaded.ok()) << loaded.error().detail;
    return std::move(*loaded);
}

TEST(DomainList, FindsEveryEntryWhateverTheOrderTheyCameInAndSurvivesAMove) {
    DomainList list;
    for (const char* domain : {"a.fr", "c.fr", "b.fr", "c.fr", "E.FR", "d.fr", "aa.fr", "z.fr"})
        list.add(domain);
    list.seal();
    EXPECT_EQ(list.size(), 7u);  // c.fr once
    // Its few bytes live inside the string itself: a move must not leave views behind.
    const DomainList moved = std::move(list);
    for (const char* domain : {"a.fr", "aa.fr", "b.fr", "c.fr", "d.fr", "e.fr", "z.fr"})
        EXPECT_TRUE(moved.contains(domain)) << domain;
    for (const char* domain : {"", "a", "ab.fr", "e.fr.", "E.FR", "zz.fr", "0.fr"})
        EXPECT_FALSE(moved.contains(domain)) << domain;
    DomainList empty;
    empty.seal();
    EXPECT_FALSE(empty.contains("a.fr"));
}

TEST(DisposableDomains, ExactEntriesMatchThemselvesOnly) {
    const auto domains = lists();
    EXPECT_TRUE(domains.is_disposable("mailinator.com"));
    EXPECT_TRUE(domains.is_disposable("MAILINATOR.COM."));
    EXPECT_TRUE(domains.is_disposable("trash.example"));  // the list's case and dot too
    EXPECT_FALSE(domains.is_disposable("notmailinator.com"));
    EXPECT_FALSE(domains.is_disposable("x.mailinator.com"));
    EXPECT_FALSE(domains.is_disposable("gmail-like.example"));  // a parent of an entry
    EXPECT_FALSE(domains.is_disposable("gmail.com"));
    EXPECT_FALSE(domains.is_disposable(""));
    EXPECT_FALSE(domains.is_disposable("com"));
}

TEST(DisposableDomains, WildcardEntriesCoverEverySubdomain) {
    const auto domains = lists();
    EXPECT_TRUE(domains.is_disposable("33mail.com"));
    EXPECT_TRUE(domains.is_disposable("someone.33mail.com"));
    EXPECT_TRUE(domains.is_disposable("A.B.33MAIL.COM"));
    EXPECT_FALSE(domains.is_disposable("x33mail.com"));
    EXPECT_FALSE(domains.is_disposable("33mail.com.example"));
}

TEST(DisposableDomains, UnicodeEntriesMatchTheirAsciiForm) {
    const auto domains = lists();
    EXPECT_TRUE(domains.is_disposable("xn--instgram-cza.com"));
    EXPECT_FALSE(domains.is_disposable("instagram.com"));
}

TEST(DisposableDomains, TheSiteMayBlockMoreWithSubdomains) {
    const auto domains = lists({"spam.example", "SPÄM.example."});
    EXPECT_TRUE(domains.is_disposable("spam.example"));
    EXPECT_TRUE(domains.is_disposable("sub.spam.example"));
    EXPECT_TRUE(domains.is_disposable("xn--spm-rla.example"));
    EXPECT_TRUE(domains.is_disposable("deep.xn--spm-rla.example"));
    EXPECT_FALSE(domains.is_disposable("example"));
}

TEST(DisposableDomains, WhatTheSiteAllowsWinsOverEveryList) {
    const auto domains =
        lists({"blocked.example"}, {"yopmail.com", "ok.33mail.com", "fine.blocked.example"});
    EXPECT_FALSE(domains.is_disposable("yopmail.com"));
    EXPECT_FALSE(domains.is_disposable("ok.33mail.com"));
    EXPECT_FALSE(domains.is_disposable("team.ok.33mail.com"));  // allowed with its subdomains
    EXPECT_TRUE(domains.is_disposable("other.33mail.com"));
    EXPECT_TRUE(domains.is_disposable("33mail.com"));
    EXPECT_FALSE(domains.is_disposable("fine.blocked.example"));
    EXPECT_TRUE(domains.is_disposable("blocked.example"));

    const auto whole = lists({}, {"33mail.com"});
    EXPECT_FALSE(whole.is_disposable("33mail.com"));
    EXPECT_FALSE(whole.is_disposable("someone.33mail.com"));
}

TEST(DisposableDomains, AMalformedListIsRefused) {
    for (const auto& [index, wildcard] : std::vector<std::pair<const char*, const char*>>{
             {"{}", "[]"},
             {"[1]", "[]"},
             {"[]", "["},
             {"", "[]"},
             {"[\"a.com\",]", "[]"},
             {"[\"a.com\", null]", "[]"},
             {"[\"\"]", "[]"},
             {"[\"a.com\"] trailing", "[]"},
             {"[]", "\"33mail.com\""},
         }) {
        const auto loaded = DisposableDomains::load(index, wildcard, {}, {});
        ASSERT_FALSE(loaded.ok()) << index << " " << wildcard;
        EXPECT_EQ(loaded.error().code, SignatureError::disposable_bad_list);
    }
}

TEST(DisposableDomains, ASiteEntryThatIsNotADomainStopsStartUp) {
    for (const auto& typed : {"", "spam example", "exa\u2665mple.fr", "-x.example"}) {
        const auto blocked = DisposableDomains::load("[]", "[]", {typed}, {});
        ASSERT_FALSE(blocked.ok()) << typed;
        EXPECT_EQ(blocked.error().code, SignatureError::disposable_bad_list);
        EXPECT_NE(blocked.error().detail.find("disposable_block"), std::string::npos);
        const auto allowed = DisposableDomains::load("[]", "[]", {}, {typed});
        ASSERT_FALSE(allowed.ok()) << typed;
        EXPECT_NE(allowed.error().detail.find("disposable_allow"), std::string::npos);
    }
}

TEST(DisposableDomains, ListsWrittenAsLinesReadBackTheSameAndStillTakeTheSitesEntries) {
    const auto [exact, wildcard] = lists().lines();
    EXPECT_EQ(exact,
              "mailinator.com\nsub.gmail-like.example\ntrash.example\nxn--instgram-cza.com\n"
              "yopmail.com\n");
    EXPECT_EQ(wildcard, "33mail.com\n");
    const auto read =
        DisposableDomains::load_lines(exact, wildcard, {"block.example"}, {"ok.33mail.com"});
    ASSERT_TRUE(read.ok()) << read.error().detail;
    EXPECT_EQ(read->size(), 7u);
    for (const char* listed : {"mailinator.com", "trash.example", "xn--instgram-cza.com",
                               "a.33mail.com", "x.block.example"})
        EXPECT_TRUE(read->is_disposable(listed)) << listed;
    for (const char* real : {"gmail.com", "ok.33mail.com", "a.ok.33mail.com", "example"})
        EXPECT_FALSE(read->is_disposable(real)) << real;
    // Out of order, the lines are still found; a line not in A-labels is refused.
    const auto unordered = DisposableDomains::load_lines("b.fr\na.fr\n\n", "", {}, {});
    ASSERT_TRUE(unordered.ok()) << unordered.error().detail;
    EXPECT_TRUE(unordered->is_disposable("a.fr"));
    const auto unicode = DisposableDomains::load_lines("a.fr\ninstágram.com\n", "", {}, {});
    ASSERT_FALSE(unicode.ok());
    EXPECT_EQ(unicode.error().code, SignatureError::disposable_bad_list);
    EXPECT_NE(unicode.error().detail.find("'instágram.com' is not in A-labels"), std::string::npos)
        << unicode.error().detail;
    const auto bad_site = DisposableDomains::load_lines("a.fr\n", "", {"not a domain"}, {});
    EXPECT_FALSE(bad_site.ok());
}

std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

TEST(DisposableDomains, TheNpmListsLoad) {
    const std::string dir = REMPART_SOURCE_DIR "/node_modules/disposable-email-domains/";
    const auto index = read(dir + "index.json");
    const auto wildcard = read(dir + "wildcard.json");
    ASSERT_GT(index.size(), 1'000'000u);
    const auto started = std::chrono::steady_clock::now();
    const auto loaded = DisposableDomains::load(index, wildcard, {}, {});
    const auto took =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started);
    ASSERT_TRUE(loaded.ok()) << loaded.error().detail;
    std::cout << "loaded " << loaded->size() << " disposable domains in " << took.count()
              << " ms\n";
    EXPECT_GT(loaded->size(), 100'000u);
    EXPECT_TRUE(loaded->is_disposable("mailinator.com"));
    EXPECT_TRUE(loaded->is_disposable("yopmail.com"));
    EXPECT_TRUE(loaded->is_disposable("anything.33mail.com"));
    EXPECT_TRUE(loaded->is_disposable("xn--instgram-cza.com"));  // instágram.com in the list
    for (const char* real : {"gmail.com", "orange.fr", "laposte.net", "free.fr", "outlook.com",
                             "proton.me", "wanadoo.fr", "sfr.fr"})
        EXPECT_FALSE(loaded->is_disposable(real)) << real;
}

}  // namespace
}  // namespace rempart::signatures
