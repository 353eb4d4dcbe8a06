// The JSON API as outside tools read it.
#include <gtest/gtest.h>
#include <boost/json/parse.hpp>

#include <fstream>

#include "client/http_client.hpp"
#include "support/server_process.hpp"

namespace rempart::testing {
namespace {

TEST(Api, ListsPetitionsWithTheContractFields) {
    ServerProcess server;
    const auto text = server.dir() / "t.md";
    std::ofstream(text) << "Texte.\n";
    std::string output;
    ASSERT_EQ(server.run_cli({"petition", "create", "--slug", "cantine-bio", "--title",
                              "Une cantine bio", "--goal", "300", "--text-file", text.string()},
                             &output),
              0)
        << output;
    server.start();

    const auto list = http_get(server.port(), "/api/petitions");
    ASSERT_EQ(list.status, 200u);
    EXPECT_EQ(list.header("content-type"), "application/json");
    EXPECT_TRUE(list.header("access-control-allow-origin").empty());
    const auto json = boost::json::parse(list.body);
    const auto& petitions = json.as_object().at("petitions").as_array();
    ASSERT_EQ(petitions.size(), 1u);
    const auto& p = petitions[0].as_object();
    EXPECT_EQ(p.at("slug").as_string(), "cantine-bio");
    EXPECT_EQ(p.at("title").as_string(), "Une cantine bio");
    EXPECT_EQ(p.at("state").as_string(), "published");
    EXPECT_EQ(p.at("signature_count").as_int64(), 0);
    EXPECT_EQ(p.at("goal").as_int64(), 300);
    EXPECT_TRUE(p.at("created_at").is_string());
    EXPECT_TRUE(p.at("signatures_by_region").is_object());

    const auto one = http_get(server.port(), "/api/petitions/cantine-bio");
    ASSERT_EQ(one.status, 200u);
    EXPECT_EQ(boost::json::parse(one.body).as_object().at("slug").as_string(), "cantine-bio");
}

TEST(Api, HealthAndMetrics) {
    ServerProcess server;
    server.start();
    const auto health = http_get(server.port(), "/healthz");
    EXPECT_EQ(health.status, 200u);
    EXPECT_EQ(health.body, "ok\n");
    http_get(server.port(), "/");
    const auto metrics = http_get(server.port(), "/metrics");
    EXPECT_EQ(metrics.status, 200u);
    EXPECT_NE(metrics.header("content-type").find("text/plain"), std::string::npos);
    EXPECT_NE(metrics.body.find("rempart_http_requests_total{route=\"home\",status=\"200\"} 1"),
              std::string::npos);
    EXPECT_NE(metrics.body.find("rempart_http_request_duration_seconds_bucket"), std::string::npos);
    EXPECT_NE(metrics.body.find("rempart_open_connections"), std::string::npos);
    EXPECT_NE(metrics.body.find("rempart_limits_hit_total"), std::string::npos);
}

}  // namespace
}  // namespace rempart::testing
