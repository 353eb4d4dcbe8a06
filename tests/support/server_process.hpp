// Runs the real `rempart` binary for a test: a fresh data folder, a free loopback port.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace rempart::testing {

// What the data folder holds before the first command. A copy of a store the build migrated
// (tests/store-template) spares each test its 19 migrations, committed one by one: 0.1 s
// of a normal server's start, 0.3 s of a sanitizer one's. An empty folder is for the tests
// of a first start and of a restore, which needs one.
enum class DataFolder { migrated_store, empty };

class ServerProcess {
  public:
    // `extra_config` is TOML merged over the test's base: [server] listen and base_url on a
    // free port, [storage] data_dir and [log] file in the temporary folder, the fixture AS
    // table (tests/fixtures/asn.csv), no DNS check and the cheapest password hash. A key
    // given in `extra_config` wins over the base's.
    explicit ServerProcess(std::string extra_config = "",
                           DataFolder data = DataFolder::migrated_store);
    ~ServerProcess();
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    // Starts `rempart serve` and waits (20 s at most) until /healthz answers; fails the test
    // otherwise.
    void start();
    // For a server whose health check this client cannot make (HTTPS): waits for its
    // SERVER_STARTED log line instead.
    void start_without_health_check();
    // SIGTERM, then waits (20 s at most) for the exit; returns the exit code, or -1 when
    // the server died of a signal or had to be killed.
    int stop();
    // SIGTERM only, for tests that act while the server is stopping.
    void signal_stop();
    // SIGKILL at once, as a power cut would end it, and waits for the end.
    void kill();
    // Waits for the exit; past `timeout` kills it (SIGKILL) and returns -1. Only the child
    // this object started is ever signalled.
    int wait(std::chrono::milliseconds timeout);

    // Runs `rempart ARGS --config FILE` (without --config when `with_config` is false) to
    // completion, 60 s at most; `output` receives stdout and stderr.
    int run_cli(const std::vector<std::string>& args, std::string* output, bool with_config = true);

    // `rempart petition create` with a short Markdown text; fails the test when it fails.
    void create_petition(const std::string& slug, const std::string& title);

    std::uint16_t port() const { return port_; }
    const std::filesystem::path& dir() const { return dir_; }
    const std::filesystem::path& config_file() const { return config_file_; }
    // The log file as written so far. Lines reach it within a second (warnings at once):
    // to wait for one, use log_contains.
    std::string log_text() const;
    // True once the log holds `text`, polling up to `timeout`.
    bool log_contains(std::string_view text,
                      std::chrono::milliseconds timeout = std::chrono::milliseconds(3000)) const;

  private:
    std::filesystem::path dir_;
    std::filesystem::path config_file_;
    std::uint16_t port_ = 0;
    pid_t pid_ = -1;
};

std::uint16_t free_loopback_port();

}  // namespace rempart::testing
