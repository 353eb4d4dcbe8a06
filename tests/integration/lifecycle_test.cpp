// Start, stop and restart: in-flight requests finish, the store survives, newer stores are refused.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <fstream>
#include <thread>

#include "client/http_client.hpp"
#include "support/server_process.hpp"

namespace rempart::testing {
namespace {

using namespace std::chrono_literals;

TEST(Lifecycle, SigtermLetsTheRequestInFlightFinish) {
    ServerProcess server;
    server.start();
    RawConnection c(server.port());
    c.send("GET /healthz HTTP/1.1\r\nHost: x\r\n");  // half a request
    std::this_thread::sleep_for(200ms);
    server.signal_stop();
    std::this_thread::sleep_for(300ms);
    c.send("\r\n");
    const auto response = c.read_response(5s);
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 200u);
    EXPECT_EQ(response->header("connection"), "close");
    EXPECT_EQ(server.wait(10s), 0);
}

TEST(Lifecycle, IdleConnectionsDoNotHoldUpTheStop) {
    ServerProcess server;
    server.start();
    RawConnection idle(server.port());
    idle.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    ASSERT_TRUE(idle.read_response(5s));
    const auto started = std::chrono::steady_clock::now();
    EXPECT_EQ(server.stop(), 0);
    EXPECT_LT(std::chrono::steady_clock::now() - started, 5s);
    EXPECT_TRUE(idle.closed_by_peer(2s));
}

TEST(Lifecycle, AFirstStartMakesTheStoreAndItsDataSurviveARestart) {
    ServerProcess server("", DataFolder::empty);
    ASSERT_FALSE(std::filesystem::exists(server.dir() / "data" / "rempart.db"));
    const auto text = server.dir() / "t.md";
    std::ofstream(text) << "Texte.\n";
    std::string output;
    ASSERT_EQ(server.run_cli({"petition", "create", "--slug", "persiste", "--title", "Persiste",
                              "--text-file", text.string()},
                             &output),
              0);
    server.start();
    EXPECT_EQ(http_get(server.port(), "/petitions/persiste").status, 200u);
    EXPECT_EQ(server.stop(), 0);
    server.start();
    EXPECT_EQ(http_get(server.port(), "/petitions/persiste").status, 200u);
}

TEST(Lifecycle, AStoreFromANewerVersionIsRefused) {
    ServerProcess server;
    std::string output;
    ASSERT_EQ(server.run_cli({"petition", "list"}, &output), 0);  // creates the store
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open((server.dir() / "data" / "rempart.db").c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, "PRAGMA user_version = 9999", nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
    EXPECT_NE(server.run_cli({"petition", "list"}, &output), 0);
    EXPECT_NE(output.find("newer"), std::string::npos) << output;
}

TEST(Lifecycle, ForwardedForIsHonouredOnlyFromTrustedProxies) {
    {
        ServerProcess server("[server]\ntrusted_proxies = [\"127.0.0.1/32\"]\n");
        server.start();
        http_get(server.port(), "/healthz", {{"X-Forwarded-For", "198.51.100.23"}});
        server.stop();
        EXPECT_NE(server.log_text().find("ip=198.51.100.23"), std::string::npos);
    }
    {
        ServerProcess server;
        server.start();
        http_get(server.port(), "/healthz", {{"X-Forwarded-For", "198.51.100.23"}});
        server.stop();
        const auto log = server.log_text();
        EXPECT_EQ(log.find("ip=198.51.100.23"), std::string::npos);
        EXPECT_NE(log.find("ip=127.0.0.1"), std::string::npos);
    }
}

TEST(Lifecycle, OneLogLinePerRequestWithItsId) {
    ServerProcess server;
    server.start();
    const auto response = http_get(server.port(), "/healthz");
    const auto id = response.header("x-request-id");
    ASSERT_FALSE(id.empty());
    server.stop();
    EXPECT_NE(server.log_text().find("HTTP_REQUEST id=" + id), std::string::npos);
}

TEST(Lifecycle, APortInUseIsAClearError) {
    ServerProcess first;
    first.start();
    ServerProcess second("[server]\nlisten = \"127.0.0.1:" + std::to_string(first.port()) + "\"\n");
    std::string output;
    EXPECT_NE(second.run_cli({"serve"}, &output), 0);
    EXPECT_NE(output.find("cannot listen"), std::string::npos) << output;
}

}  // namespace
}  // namespace rempart::testing
