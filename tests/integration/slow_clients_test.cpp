// Slow and greedy clients against the real server, attacked by slowhttptest (Debian's):
// slow headers, slow bodies and slow reads are cut by the core's timeouts, one address's
// many connections by its cap, and another client is served all along.
#include <gtest/gtest.h>

#include <atomic>
#include <regex>
#include <thread>

#include "client/http_client.hpp"
#include "support/child_process.hpp"
#include "support/metrics_reader.hpp"
#include "support/server_process.hpp"

namespace rempart::testing {
namespace {

using namespace std::chrono_literals;

// The attacker connects from 127.0.0.1; the visitor from 127.0.0.2, another address of
// this host, so the per-address cap the attacker fills is not the visitor's.
constexpr const char* visitor_address = "127.0.0.2";

// A visitor reading pages every 200 ms while the attack runs.
class Visitor {
  public:
    explicit Visitor(std::uint16_t port) {
        thread_ = std::thread([this, port] {
            const auto end = std::chrono::steady_clock::now() + 60s;
            while (!stop_ && std::chrono::steady_clock::now() < end) {
                for (const auto* target : {"/healthz", "/petitions/velo"}) {
                    const auto status =
                        http_request(port, "GET", target, "", {}, visitor_address).status;
                    ++(status == 200 ? served_ : failed_);
                }
                std::this_thread::sleep_for(200ms);
            }
        });
    }
    ~Visitor() { stop(); }
    void stop() {
        stop_ = true;
        if (thread_.joinable()) thread_.join();
    }
    int served() const { return served_; }
    int failed() const { return failed_; }

  private:
    std::atomic<bool> stop_{false};
    std::atomic<int> served_{0}, failed_{0};
    std::thread thread_;
};

class SlowClients : public ::testing::Test {
  protected:
    void SetUp() override {
        server_.create_petition("velo", "Vélo");
        server_.start();
    }
    // slowhttptest with `args`, for `seconds`; its output without colours.
    std::string attack(std::vector<std::string> args, int seconds) {
        args.insert(args.begin(), "slowhttptest");
        args.insert(args.end(), {"-l", std::to_string(seconds), "-p", "3"});
        const auto output = server_.dir() / "slowhttptest.out";
        const auto code = run_child(args, output, std::chrono::seconds(seconds + 30));
        EXPECT_EQ(code, 0) << read_file(output);
        return std::regex_replace(read_file(output), std::regex("\x1b\\[[0-9;]*m"), "");
    }
    std::string url(const std::string& path) const {
        return "http://127.0.0.1:" + std::to_string(server_.port()) + path;
    }
    double limit_hits(const std::string& kind) const {
        return metric_value(server_.port(), "rempart_limits_hit_total{kind=\"" + kind + "\"}");
    }
    // Open connections fall back to the few a test holds once the attack is cut.
    bool connections_drop(std::chrono::seconds timeout) const {
        const auto end = std::chrono::steady_clock::now() + timeout;
        while (std::chrono::steady_clock::now() < end) {
            if (metric_value(server_.port(), "rempart_open_connections") <= 2) return true;
            std::this_thread::sleep_for(200ms);
        }
        return false;
    }

    // Short timeouts keep the test short; the defaults are the same mechanism, longer.
    ServerProcess server_{
        "[limits]\nheader_timeout_s = 2\nbody_timeout_s = 3\nidle_timeout_s = 4\n"
        "write_timeout_s = 3\nmax_connections_per_ip = 64\n"};
};

TEST_F(SlowClients, SlowHeadersAreCutAndOneAddressCannotTakeEveryConnection) {
    Visitor visitor(server_.port());
    const auto report = attack({"-H", "-c", "400", "-r", "200", "-i", "1", "-u", url("/")}, 8);
    visitor.stop();
    EXPECT_NE(report.find("service available:   YES"), std::string::npos) << report;
    EXPECT_GE(limit_hits("header_timeout"), 1);
    EXPECT_GE(limit_hits("connections_per_ip"), 1);
    EXPECT_GT(visitor.served(), 10);
    EXPECT_EQ(visitor.failed(), 0);
    EXPECT_TRUE(connections_drop(10s));
}

TEST_F(SlowClients, SlowBodiesAreCutAtTheBodyTimeout) {
    Visitor visitor(server_.port());
    const auto report = attack(
        {"-B", "-c", "60", "-r", "60", "-i", "1", "-s", "8192", "-u", url("/petitions/velo/sign")},
        8);
    visitor.stop();
    EXPECT_GE(limit_hits("body_timeout"), 1) << report;
    EXPECT_GT(visitor.served(), 10);
    EXPECT_EQ(visitor.failed(), 0);
    EXPECT_TRUE(connections_drop(10s));
}

TEST_F(SlowClients, SlowReadersAreCutAtTheWriteTimeout) {
    // The largest file we serve, asked ten times on each connection and read a few bytes a
    // second: more than the kernel's send buffer, so our write stalls and is cut.
    const auto home = http_get(server_.port(), "/").body;
    std::smatch css;
    ASSERT_TRUE(std::regex_search(home, css, std::regex("href=\"(/static/pico[^\"]+)\"")));
    Visitor visitor(server_.port());
    const auto report = attack({"-X", "-c", "40", "-r", "40", "-k", "10", "-n", "1", "-w", "1",
                                "-y", "16", "-z", "16", "-u", url(css[1].str())},
                               8);
    visitor.stop();
    EXPECT_GE(limit_hits("write_timeout"), 1) << report;
    EXPECT_GT(visitor.served(), 10);
    EXPECT_EQ(visitor.failed(), 0);
}

}  // namespace
}  // namespace rempart::testing
