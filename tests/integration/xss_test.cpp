// A petition full of XSS payloads, created on the command line and read in the browser's place.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>

#include "client/http_client.hpp"
#include "support/server_process.hpp"
#include "unit/render/html_scan.hpp"

namespace rempart::testing {
namespace {

TEST(Xss, APetitionFullOfPayloadsIsServedInert) {
    ServerProcess server;
    const std::string payloads =
        "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n"
        "[clic](javascript:alert(1))\n\n<svg onload=alert(1)>\n\n"
        "<a href=\"&#106;avascript:alert(1)\">x</a>\n\n<iframe src=//evil.example></iframe>\n";
    const auto text = server.dir() / "xss.md";
    std::ofstream(text) << payloads;
    std::string output;
    ASSERT_EQ(server.run_cli({"petition", "create", "--slug", "xss", "--title",
                              "<script>alert('titre')</script>", "--summary",
                              "\"><img src=x onerror=alert(1)>", "--text-file", text.string()},
                             &output),
              0)
        << output;
    server.start();
    for (const char* target : {"/", "/petitions/xss"}) {
        const auto page = http_get(server.port(), target);
        ASSERT_EQ(page.status, 200u) << target;
        // Only our own module scripts, from our static files.
        EXPECT_FALSE(std::regex_search(
            page.body,
            std::regex("<\\s*script(?! type=\"module\" src=\"/static/[a-z0-9.-]+\"></script>)",
                       std::regex::icase)))
            << target;
        // No handler attribute, no foreign load, no markup of the payloads' own: read tag by
        // tag, since an escaped payload may sit inside an attribute's value (og:title).
        const auto dangers = render::testing::dangers_in(page.body);
        EXPECT_TRUE(dangers.empty()) << target << ": " << dangers.front();
        EXPECT_FALSE(
            std::regex_search(page.body, std::regex("<\\s*(img|svg|iframe)", std::regex::icase)))
            << target;
        EXPECT_EQ(page.body.find("href=\"javascript"), std::string::npos) << target;
        EXPECT_NE(page.body.find("&lt;script&gt;alert(&apos;titre&apos;)&lt;/script&gt;"),
                  std::string::npos)
            << target;
    }
    // The API gives the text as typed: escaping is the reader's job in its own format.
    const auto api = http_get(server.port(), "/api/petitions/xss");
    EXPECT_NE(api.body.find("<script>alert('titre')</script>"), std::string::npos);
    EXPECT_EQ(api.header("content-type"), "application/json");
    EXPECT_EQ(api.header("x-content-type-options"), "nosniff");
}

}  // namespace
}  // namespace rempart::testing
