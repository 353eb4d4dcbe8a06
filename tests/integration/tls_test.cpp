// Rempart serving HTTPS itself: a real certificate from openssl, a real client (curl).
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <fstream>

#include "client/http_client.hpp"
#include "support/server_process.hpp"

namespace rempart::testing {
namespace {

// Runs a shell command (fixed text built by the test) and returns what it printed.
std::string run(const std::string& command) {
    std::string output;
    FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
    if (!pipe) return output;
    std::array<char, 4096> chunk;
    while (std::fgets(chunk.data(), chunk.size(), pipe)) output += chunk.data();
    ::pclose(pipe);
    return output;
}

class Tls : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        char pattern[] = "/tmp/rempart-tls.XXXXXX";
        dir_ = new std::filesystem::path(::mkdtemp(pattern));
        run("openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 "
            "-addext subjectAltName=IP:127.0.0.1 -keyout " +
            (*dir_ / "key.pem").string() + " -out " + (*dir_ / "cert.pem").string());
    }
    static void TearDownTestSuite() {
        std::filesystem::remove_all(*dir_);
        delete dir_;
    }
    static std::string tls_config() {
        return "[server]\ntls_cert = \"" + (*dir_ / "cert.pem").string() + "\"\ntls_key = \"" +
               (*dir_ / "key.pem").string() + "\"\n";
    }
    static std::filesystem::path* dir_;
};
std::filesystem::path* Tls::dir_ = nullptr;

TEST_F(Tls, ServesHttpsWithHsts) {
    ASSERT_TRUE(std::filesystem::exists(*dir_ / "cert.pem")) << "openssl made no certificate";
    ServerProcess server(tls_config());
    server.start_without_health_check();
    const auto url = "https://127.0.0.1:" + std::to_string(server.port());
    std::string answer;
    for (int i = 0; i < 100 && answer.find("ok") == std::string::npos; ++i)
        answer = run("curl -s --max-time 5 --cacert " + (*dir_ / "cert.pem").string() + " -D - " +
                     url + "/healthz");
    EXPECT_NE(answer.find("HTTP/1.1 200"), std::string::npos) << answer;
    EXPECT_NE(answer.find("Strict-Transport-Security: max-age="), std::string::npos) << answer;
    EXPECT_NE(answer.find("Content-Security-Policy:"), std::string::npos) << answer;
    const auto page = run("curl -s --max-time 5 --cacert " + (*dir_ / "cert.pem").string() + " " +
                          url + "/api/petitions");
    EXPECT_NE(page.find("\"petitions\""), std::string::npos) << page;
}

TEST_F(Tls, PlainHttpToTheTlsPortGetsNoPage) {
    ServerProcess server(tls_config());
    server.start_without_health_check();
    RawConnection c(server.port());
    c.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    EXPECT_FALSE(c.read_response(std::chrono::seconds(3)).has_value());
}

TEST_F(Tls, AMissingCertificateStopsTheStart) {
    ServerProcess server(
        "[server]\ntls_cert = \"/nonexistent/cert.pem\"\n"
        "tls_key = \"/nonexistent/key.pem\"\n");
    std::string output;
    EXPECT_NE(server.run_cli({"serve"}, &output), 0);
    EXPECT_NE(output.find("/nonexistent/cert.pem"), std::string::npos) << output;
}

TEST_F(Tls, CertificateWithoutKeyIsAConfigError) {
    ServerProcess server("[server]\ntls_cert = \"cert.pem\"\n");
    std::string output;
    EXPECT_NE(server.run_cli({"serve"}, &output), 0);
    EXPECT_NE(output.find("tls_key"), std::string::npos) << output;
}

}  // namespace
}  // namespace rempart::testing
