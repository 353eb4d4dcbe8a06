// Public pages as a visitor sees them: petitions created on the command line, in both languages.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <thread>

#include "client/http_client.hpp"
#include "support/server_process.hpp"

namespace rempart::testing {
namespace {

using namespace std::chrono_literals;

std::filesystem::path write_file(const std::filesystem::path& dir, const std::string& name,
                                 const std::string& text) {
    const auto path = dir / name;
    std::ofstream(path) << text;
    return path;
}

class Pages : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        server_ = new ServerProcess(
            "[site]\nname = \"Association Vélo Cité\"\ncontroller = \"Association Vélo Cité\"\n"
            "contact_email = \"rgpd@velo-cite.example\"\n");
        const auto text = write_file(server_->dir(), "velo.md",
                                     "Nous voulons des **pistes cyclables**.\n\n## Pourquoi\n\n"
                                     "[Le plan](https://example.org/plan)\n");
        std::string output;
        ASSERT_EQ(server_->run_cli(
                      {"petition", "create", "--slug", "pistes-cyclables", "--title",
                       "Des pistes cyclables sûres", "--summary", "Pour aller à l'école à vélo",
                       "--goal", "1500", "--text-file", text.string()},
                      &output),
                  0)
            << output;
        server_->start();
    }
    static void TearDownTestSuite() {
        delete server_;
        server_ = nullptr;
    }
    static ServerProcess* server_;
};
ServerProcess* Pages::server_ = nullptr;

TEST_F(Pages, HomeListsOpenPetitionsWithCountAndGoal) {
    const auto response = http_get(server_->port(), "/");
    ASSERT_EQ(response.status, 200u);
    EXPECT_NE(response.body.find("Des pistes cyclables sûres"), std::string::npos);
    EXPECT_NE(response.body.find("href=\"/petitions/pistes-cyclables\""), std::string::npos);
    EXPECT_NE(response.body.find("<progress"), std::string::npos);
    EXPECT_NE(response.body.find("1\u202f500"), std::string::npos);  // the goal, French style
    EXPECT_NE(response.body.find("Association Vélo Cité"), std::string::npos);
}

TEST_F(Pages, PetitionPageRendersMarkdown) {
    const auto response = http_get(server_->port(), "/petitions/pistes-cyclables");
    ASSERT_EQ(response.status, 200u);
    EXPECT_NE(response.body.find("<h1 lang=\"fr\">Des pistes cyclables sûres</h1>"), std::string::npos);
    EXPECT_NE(response.body.find("<strong>pistes cyclables</strong>"), std::string::npos);
    EXPECT_NE(response.body.find("Pour aller à l&apos;école à vélo"), std::string::npos);
    EXPECT_EQ(response.body.find("<h1>Pourquoi"), std::string::npos);  // headings shifted
}

TEST_F(Pages, UnknownPetitionIs404) {
    EXPECT_EQ(http_get(server_->port(), "/petitions/inconnue").status, 404u);
}

TEST_F(Pages, LanguageFollowsAcceptLanguageThenTheCookie) {
    const auto english = http_get(server_->port(), "/", {{"Accept-Language", "en-US,en;q=0.8"}});
    EXPECT_NE(english.body.find("<html lang=\"en\""), std::string::npos);
    const auto cookie =
        http_get(server_->port(), "/", {{"Accept-Language", "en-US"}, {"Cookie", "lang=fr"}});
    EXPECT_NE(cookie.body.find("<html lang=\"fr\""), std::string::npos);
}

TEST_F(Pages, LanguageSwitchWorksWithoutJavascript) {
    const auto response =
        http_get(server_->port(), "/lang/en?next=%2Fpetitions%2Fpistes-cyclables");
    EXPECT_EQ(response.status, 303u);
    EXPECT_EQ(response.header("location"), "/petitions/pistes-cyclables");
    EXPECT_NE(response.header("set-cookie").find("lang=en"), std::string::npos);
}

TEST_F(Pages, LanguageSwitchNeverRedirectsElsewhere) {
    for (const char* next :
         {"https%3A%2F%2Fevil.example%2F", "%2F%2Fevil.example", "%2F%5Cevil.example"}) {
        const auto response = http_get(server_->port(), std::string("/lang/en?next=") + next);
        EXPECT_EQ(response.status, 303u);
        EXPECT_EQ(response.header("location"), "/") << next;
    }
    EXPECT_EQ(http_get(server_->port(), "/lang/de").status, 404u);
}

TEST_F(Pages, PrivacyAndTermsNameTheController) {
    for (const char* target : {"/privacy", "/terms"}) {
        const auto response = http_get(server_->port(), target);
        ASSERT_EQ(response.status, 200u) << target;
        EXPECT_NE(response.body.find("Association Vélo Cité"), std::string::npos) << target;
    }
    const auto privacy = http_get(server_->port(), "/privacy");
    EXPECT_NE(privacy.body.find("rgpd@velo-cite.example"), std::string::npos);
}

TEST_F(Pages, PagesCarryNoInlineScriptOrStyle) {
    for (const char* target :
         {"/", "/petitions/pistes-cyclables", "/privacy", "/terms", "/nowhere"}) {
        const auto body = http_get(server_->port(), target).body;
        EXPECT_EQ(body.find("<script>"), std::string::npos) << target;
        EXPECT_EQ(body.find("style=\""), std::string::npos) << target;
        EXPECT_EQ(body.find("<style"), std::string::npos) << target;
        // Nothing loaded from another origin (links to one, to share a petition, are fine).
        for (const auto* load : {"src=\"http", "src=\"//", "stylesheet\" href=\"http"})
            EXPECT_EQ(body.find(load), std::string::npos) << target;
    }
}

TEST_F(Pages, CachedPagesRevalidateWithETagAndCompress) {
    const auto first = http_get(server_->port(), "/");
    const auto etag = first.header("etag");
    EXPECT_EQ(first.header("vary"), "Accept-Encoding, Accept-Language, Cookie");
    ASSERT_FALSE(etag.empty());
    const auto again = http_get(server_->port(), "/", {{"If-None-Match", etag}});
    EXPECT_EQ(again.status, 304u);
    EXPECT_TRUE(again.body.empty());
    const auto gzipped = http_get(server_->port(), "/", {{"Accept-Encoding", "gzip"}});
    EXPECT_EQ(gzipped.header("content-encoding"), "gzip");
    EXPECT_LT(gzipped.body.size(), first.body.size());
}

TEST_F(Pages, StaticAssetsHaveHashedNamesAndLongLifetimes) {
    const auto home = http_get(server_->port(), "/").body;
    std::smatch match;
    ASSERT_TRUE(std::regex_search(home, match, std::regex("href=\"(/static/pico[^\"]+\\.css)\"")));
    const auto css = http_get(server_->port(), match[1].str());
    EXPECT_EQ(css.status, 200u);
    EXPECT_NE(css.header("content-type").find("text/css"), std::string::npos);
    EXPECT_NE(css.header("cache-control").find("immutable"), std::string::npos);
    EXPECT_FALSE(css.header("etag").empty());
    EXPECT_EQ(css.header("vary"), "Accept-Encoding");  // the same file for every language
    const auto revalidated =
        http_get(server_->port(), match[1].str(), {{"If-None-Match", css.header("etag")}});
    EXPECT_EQ(revalidated.status, 304u);
    const auto gzipped =
        http_get(server_->port(), match[1].str(), {{"Accept-Encoding", "gzip, br"}});
    EXPECT_EQ(gzipped.header("content-encoding"), "gzip");
}

TEST_F(Pages, APetitionCreatedWhileRunningAppearsWithinSeconds) {
    const auto text = write_file(server_->dir(), "arbres.md", "Plantons des arbres.\n");
    std::string output;
    ASSERT_EQ(server_->run_cli({"petition", "create", "--slug", "arbres", "--title",
                                "Des arbres dans la cour", "--text-file", text.string()},
                               &output),
              0)
        << output;
    bool seen = false;
    for (int i = 0; i < 50 && !seen; ++i) {
        seen = http_get(server_->port(), "/").body.find("Des arbres dans la cour") !=
               std::string::npos;
        if (!seen) std::this_thread::sleep_for(100ms);
    }
    EXPECT_TRUE(seen);
    EXPECT_EQ(http_get(server_->port(), "/petitions/arbres").status, 200u);
}

}  // namespace
}  // namespace rempart::testing
