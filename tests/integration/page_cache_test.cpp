// Pages from memory against the real server: a flood of reads renders nothing new, a
// confirmed signature shows in the count within seconds, revalidation follows the page.
#include <gtest/gtest.h>

#include <regex>
#include <thread>

#include "client/http_client.hpp"
#include "client/signing_client.hpp"
#include "support/metrics_reader.hpp"
#include "support/server_process.hpp"

namespace rempart::testing {
namespace {

using namespace std::chrono_literals;

double renders(std::uint16_t port) {
    return metric_value(port, "rempart_page_cache_total{result=\"render\"}");
}

TEST(PageCache, AFloodOfReadsIsServedFromMemoryAndTheCountCatchesUpWithinSeconds) {
    ServerProcess server("[traffic]\npage_per_ip = 100000\n");
    server.create_petition("velo", "Vélo");
    server.create_petition("arbres", "Arbres");
    server.start();
    const auto port = server.port();
    const auto first = http_get(port, "/petitions/velo", {{"Accept-Language", "en"}});
    ASSERT_EQ(first.status, 200u);
    EXPECT_NE(first.body.find("0 signatures"), std::string::npos);

    // Five hundred reads in two languages, plain and compressed: nothing renders again.
    ASSERT_EQ(http_get(port, "/petitions/arbres").status, 200u);
    const auto before = renders(port);
    for (int i = 0; i < 500; ++i) {
        Headers headers{{"Accept-Language", i % 2 ? "en" : "fr"}};
        if (i % 3 == 0) headers.emplace_back("Accept-Encoding", "gzip");
        ASSERT_EQ(http_get(port, "/petitions/velo", headers).status, 200u);
    }
    EXPECT_LE(renders(port) - before, 1);  // the French page, once
    EXPECT_GE(metric_value(port, "rempart_page_cache_total{result=\"hit\"}"), 499);

    // A confirmed signature: the cached page shows it within a few seconds.
    ASSERT_EQ(post_form(port, "/petitions/velo/sign",
                        signing_fields(port, "Marie Curie", "marie@example.org"))
                  .status,
              303u);
    const auto mails = wait_for_mails(server.dir() / "data" / "mail", 1);
    ASSERT_EQ(mails.size(), 1u);
    ASSERT_EQ(
        post_form(port, "/s/" + link_token(confirmation_link(mails[0])) + "/confirm", {}).status,
        303u);
    HttpResponse now;
    for (int i = 0; i < 50; ++i) {
        now = http_get(port, "/petitions/velo", {{"Accept-Language", "en"}});
        if (now.body.find("1 signature") != std::string::npos) break;
        std::this_thread::sleep_for(100ms);
    }
    EXPECT_NE(now.body.find("1 signature"), std::string::npos);
    EXPECT_NE(now.header("etag"), first.header("etag"));
    // The other petition's page was not touched by this signature: served as it was.
    const auto settled = renders(port);
    EXPECT_EQ(http_get(port, "/petitions/arbres").status, 200u);
    EXPECT_EQ(renders(port), settled);
    // A browser holding the old page gets the new one; holding the new one, a 304.
    EXPECT_EQ(http_get(port, "/petitions/velo",
                       {{"Accept-Language", "en"}, {"If-None-Match", first.header("etag")}})
                  .status,
              200u);
    EXPECT_EQ(http_get(port, "/petitions/velo",
                       {{"Accept-Language", "en"}, {"If-None-Match", now.header("etag")}})
                  .status,
              304u);
}

}  // namespace
}  // namespace rempart::testing
