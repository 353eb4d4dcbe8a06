// The proof-of-work challenge endpoint, solved and checked by npm altcha-lib as the widget would.
#include <gtest/gtest.h>
#include <boost/json/parse.hpp>

#include <array>
#include <cstdio>
#include <fstream>

#include "client/http_client.hpp"
#include "support/server_process.hpp"

namespace rempart::testing {
namespace {

std::string altcha_lib(const std::string& arguments) {
    const std::string command =
        "node " REMPART_SOURCE_DIR "/tests/interop/altcha-v1.mjs " + arguments + " 2>&1";
    std::string output;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) return output;
    std::array<char, 4096> chunk;
    while (std::fgets(chunk.data(), chunk.size(), pipe)) output += chunk.data();
    ::pclose(pipe);
    while (!output.empty() && output.back() == '\n') output.pop_back();
    return output;
}

TEST(AltchaChallenge, AltchaLibSolvesItAndAcceptsItWithTheServersSecret) {
    ServerProcess server("[shield]\npow_max_number = 5000\n");
    server.start();
    const auto response = http_get(server.port(), "/altcha/challenge");
    ASSERT_EQ(response.status, 200u);
    EXPECT_EQ(response.header("content-type"), "application/json");
    EXPECT_EQ(response.header("cache-control"), "no-store");
    const auto json = boost::json::parse(response.body).as_object();
    EXPECT_EQ(json.at("algorithm").as_string(), "SHA-256");
    EXPECT_EQ(json.at("maxnumber").to_number<std::int64_t>(), 5000);
    EXPECT_NE(std::string(json.at("salt").as_string()).find("?expires="), std::string::npos);

    const auto solved = altcha_lib("solve '" + response.body + "'");
    ASSERT_FALSE(solved.empty());
    std::ifstream secret_file(server.dir() / "data" / "secret.key");
    std::string secret;
    std::getline(secret_file, secret);
    ASSERT_EQ(secret.size(), 64u);
    EXPECT_EQ(altcha_lib("verify " + secret + " " + solved), "true");
}

TEST(AltchaChallenge, EachRequestGetsItsOwnChallenge) {
    ServerProcess server;
    server.start();
    const auto first = http_get(server.port(), "/altcha/challenge").body;
    const auto second = http_get(server.port(), "/altcha/challenge").body;
    EXPECT_NE(first, second);
}

TEST(AltchaChallenge, TheSecretSurvivesARestart) {
    ServerProcess server;
    server.start();
    std::ifstream before_file(server.dir() / "data" / "secret.key");
    std::string before;
    std::getline(before_file, before);
    server.stop();
    server.start();
    std::ifstream after_file(server.dir() / "data" / "secret.key");
    std::string after;
    std::getline(after_file, after);
    EXPECT_EQ(before, after);
}

}  // namespace
}  // namespace rempart::testing
