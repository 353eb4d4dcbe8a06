// Runs the real `rempart` binary for a test: a fresh data folder, a free loopback port.
#include "support/server_process.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "client/http_client.hpp"
#include "support/child_process.hpp"

namespace rempart::testing {
namespace {

using namespace std::chrono_literals;

std::string trim(std::string text) {
    const auto first = text.find_first_not_of(" \t");
    const auto last = text.find_last_not_of(" \t\r");
    return first == std::string::npos ? std::string() : text.substr(first, last - first + 1);
}

// Merges `extra` over `base` section by section, so a test may add keys to [server]
// without writing the section twice (which TOML forbids).
std::string merge_toml(const std::vector<std::pair<std::string, std::vector<std::string>>>& base,
                       const std::string& extra) {
    std::vector<std::string> order;
    std::map<std::string, std::vector<std::string>> extra_lines;
    std::string section;
    std::istringstream in(extra);
    for (std::string line; std::getline(in, line);) {
        const auto t = trim(line);
        if (t.starts_with("[") && t.ends_with("]")) {
            section = t.substr(1, t.size() - 2);
            if (!extra_lines.contains(section)) order.push_back(section);
            extra_lines[section];
            continue;
        }
        if (!t.empty()) extra_lines[section].push_back(line);
    }
    const auto key_of = [](const std::string& line) {
        return trim(line.substr(0, line.find('=')));
    };
    std::string out;
    for (const auto& line : extra_lines[""]) out += line + "\n";
    for (const auto& [name, keys] : base) {
        out += "[" + name + "]\n";
        const auto& mine = extra_lines[name];
        for (const auto& line : keys) {
            bool overridden = false;
            for (const auto& m : mine) overridden |= key_of(m) == key_of(line);
            if (!overridden) out += line + "\n";
        }
        for (const auto& line : mine) out += line + "\n";
    }
    for (const auto& name : order) {
        bool in_base = false;
        for (const auto& [b, _] : base) in_base |= b == name;
        if (in_base || name.empty()) continue;
        out += "[" + name + "]\n";
        for (const auto& line : extra_lines[name]) out += line + "\n";
    }
    return out;
}

// True when GET /healthz answers 200 and the server has closed that connection, and then
// some: the server forgets a connection just after closing it, and a test counting
// connections (the caps) must not find the check's still counted.
bool answers_health_check(std::uint16_t port) {
    RawConnection check(port);
    if (!check.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", 1s))
        return false;
    const auto response = check.read_response(2s);
    if (!response || response->status != 200) return false;
    check.closed_by_peer(1s);
    std::this_thread::sleep_for(50ms);
    return true;
}

}  // namespace

std::uint16_t free_loopback_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
    socklen_t length = sizeof address;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
    ::close(fd);
    return ntohs(address.sin_port);
}

ServerProcess::ServerProcess(std::string extra_config, DataFolder data) {
    char pattern[] = "/tmp/rempart-test.XXXXXX";
    if (::mkdtemp(pattern) == nullptr)
        throw std::runtime_error(std::string("mkdtemp: ") + std::strerror(errno));
    dir_ = pattern;
    port_ = free_loopback_port();
    const auto url = "http://127.0.0.1:" + std::to_string(port_);
    config_file_ = dir_ / "rempart.toml";
    std::ofstream(config_file_) << merge_toml(
        {{"server",
          {"listen = \"127.0.0.1:" + std::to_string(port_) + "\"", "base_url = \"" + url + "\""}},
         {"storage", {"data_dir = \"" + (dir_ / "data").string() + "\"", "group_commit_ms = 1"}},
         {"log", {"file = \"" + (dir_ / "rempart.log").string() + "\""}},
         // A small AS table starts in no time (the npm one has half a million ranges), and
         // the DNS check is asked for by the tests that bring their own DNS server.
         {"shield", {"asn_table = \"" REMPART_SOURCE_DIR "/tests/fixtures/asn.csv\""}},
         {"dns", {"check_mx = false"}},
         // What a password hash costs is not what these tests check (the login's own tests set
         // the site's cost back where they measure it): the cheapest hash takes 3 ms, not 170.
         {"admin", {"password_memory_mib = 8", "password_passes = 1"}}},
        extra_config);
    if (data == DataFolder::migrated_store) {
        std::filesystem::create_directory(dir_ / "data");
        std::filesystem::permissions(dir_ / "data", std::filesystem::perms::owner_all);
        std::filesystem::copy_file(REMPART_STORE_TEMPLATE, dir_ / "data" / "rempart.db");
    }
}

ServerProcess::~ServerProcess() {
    if (pid_ > 0) stop();
    // A failed test is easier to read with what the server said about it.
    if (::testing::Test::HasFailure()) {
        std::string log = log_text() + read_file(dir_ / "serve.out");
        if (log.size() > 4000) log = "...\n" + log.substr(log.size() - 4000);
        std::cerr << "--- end of the server's log (" << dir_.string() << ") ---\n" << log;
    }
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
}

void ServerProcess::start() {
    ASSERT_EQ(pid_, -1) << "already started";
    pid_ = spawn_child({REMPART_BINARY, "serve", "--config", config_file_.string()},
                       dir_ / "serve.out");
    if (pid_ < 0) {
        pid_ = -1;
        FAIL() << "fork: " << std::strerror(errno);
    }
    const auto deadline = std::chrono::steady_clock::now() + 20s;
    while (std::chrono::steady_clock::now() < deadline) {
        if (answers_health_check(port_)) return;
        if (wait_child(pid_, 0ms) != -2) {
            pid_ = -1;
            FAIL() << "rempart serve exited at start:\n" << read_file(dir_ / "serve.out");
        }
        std::this_thread::sleep_for(50ms);
    }
    FAIL() << "rempart serve did not answer within 20 s:\n" << read_file(dir_ / "serve.out");
}

void ServerProcess::start_without_health_check() {
    ASSERT_EQ(pid_, -1) << "already started";
    pid_ = spawn_child({REMPART_BINARY, "serve", "--config", config_file_.string()},
                       dir_ / "serve.out");
    if (pid_ < 0) {
        pid_ = -1;
        FAIL() << "fork: " << std::strerror(errno);
    }
    const auto deadline = std::chrono::steady_clock::now() + 20s;
    while (std::chrono::steady_clock::now() < deadline) {
        if (log_text().find("SERVER_STARTED") != std::string::npos) return;
        if (wait_child(pid_, 0ms) != -2) {
            pid_ = -1;
            FAIL() << "rempart serve exited at start:\n" << read_file(dir_ / "serve.out");
        }
        std::this_thread::sleep_for(50ms);
    }
    FAIL() << "rempart serve did not start within 20 s:\n" << read_file(dir_ / "serve.out");
}

void ServerProcess::signal_stop() {
    if (pid_ > 0) ::kill(pid_, SIGTERM);
}

void ServerProcess::kill() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGKILL);
    wait_child(pid_, 5s);
    pid_ = -1;
}

int ServerProcess::wait(std::chrono::milliseconds timeout) {
    if (pid_ <= 0) return -1;
    int code = wait_child(pid_, timeout);
    if (code == -2) {
        ::kill(pid_, SIGKILL);
        wait_child(pid_, 5s);
        code = -1;
    }
    pid_ = -1;
    return code;
}

int ServerProcess::stop() {
    signal_stop();
    return wait(20s);
}

int ServerProcess::run_cli(const std::vector<std::string>& args, std::string* output,
                           bool with_config) {
    std::vector<std::string> argv = {REMPART_BINARY};
    argv.insert(argv.end(), args.begin(), args.end());
    if (with_config) {
        argv.push_back("--config");
        argv.push_back(config_file_.string());
    }
    const auto out_file = dir_ / "cli.out";
    std::filesystem::remove(out_file);
    const pid_t pid = spawn_child(argv, out_file);
    int code = wait_child(pid, 60s);
    if (code == -2) {
        ::kill(pid, SIGKILL);
        wait_child(pid, 5s);
        code = -1;
    }
    if (output) *output = read_file(out_file);
    return code;
}

std::string ServerProcess::log_text() const {
    return read_file(dir_ / "rempart.log");
}

bool ServerProcess::log_contains(std::string_view text, std::chrono::milliseconds timeout) const {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        if (log_text().find(text) != std::string::npos) return true;
        if (std::chrono::steady_clock::now() >= deadline) return false;
        std::this_thread::sleep_for(50ms);
    }
}

void ServerProcess::create_petition(const std::string& slug, const std::string& title) {
    const auto text = dir_ / (slug + ".md");
    std::ofstream(text) << "Le texte de la pétition " << title << ".\n";
    std::string output;
    ASSERT_EQ(run_cli({"petition", "create", "--slug", slug, "--title", title, "--text-file",
                       text.string()},
                      &output),
              0)
        << output;
}

}  // namespace rempart::testing
