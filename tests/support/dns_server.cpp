// Real DNS servers for tests: dnsmasq with fixture domains, and one that never answers.
#include "support/dns_server.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <thread>
#include <vector>

#include "support/server_process.hpp"

namespace rempart::testing {
namespace {

// True once `port` answers a query for has-mx.test (bounded wait).
bool answers(std::uint16_t port) {
    const unsigned char query[] = {0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0,
                                   6,    'h',  'a',  's',  '-', 'm', 'x', 4, 't', 'e', 's', 't', 0,
                                   0,    15,   0,    1};
    const int fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return false;
    timeval wait{0, 200 * 1000};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, sizeof wait);
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_port = htons(port);
    to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::sendto(fd, query, sizeof query, 0, reinterpret_cast<sockaddr*>(&to), sizeof to);
    unsigned char reply[512];
    const auto n = ::recv(fd, reply, sizeof reply, 0);
    ::close(fd);
    return n > 12 && reply[0] == 0x12 && reply[1] == 0x34;
}

}  // namespace

DnsServer::DnsServer() {
    for (int attempt = 0; attempt < 5 && port_ == 0; ++attempt) {
        const auto port = free_loopback_port();
        std::vector<std::string> args{
            "/usr/sbin/dnsmasq", "--keep-in-foreground", "--port=" + std::to_string(port),
            "--listen-address=127.0.0.1", "--bind-interfaces", "--no-resolv", "--no-hosts",
            "--no-poll", "--conf-file=/dev/null", "--log-facility=/dev/null",
            "--pid-file", "--user=root", "--group=root", "--local=/test/",
            "--mx-host=has-mx.test,mx.has-mx.test,10", "--host-record=mx.has-mx.test,127.0.0.1",
            "--host-record=a-only.test,192.0.2.10", "--host-record=v6-only.test,2001:db8::10",
            "--mx-host=null-mx.test,.,0", "--txt-record=no-records.test,exists"};
        std::vector<char*> argv;
        for (auto& arg : args) argv.push_back(arg.data());
        argv.push_back(nullptr);
        const pid_t parent = ::getpid();
        const pid_t pid = ::fork();
        if (pid == 0) {
            ::prctl(PR_SET_PDEATHSIG, SIGKILL);  // never outlive a killed test
            if (::getppid() != parent) ::_exit(127);
            ::execv(argv[0], argv.data());
            ::_exit(127);
        }
        if (pid < 0) continue;
        for (int i = 0; i < 50; ++i) {
            if (answers(port)) {
                pid_ = pid;
                port_ = port;
                break;
            }
            int status = 0;
            if (::waitpid(pid, &status, WNOHANG) == pid) break;  // exited: port taken
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        if (port_ == 0) {
            ::kill(pid, SIGKILL);
            ::waitpid(pid, nullptr, 0);
        }
    }
}

DnsServer::~DnsServer() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGTERM);
    ::waitpid(pid_, nullptr, 0);
}

SilentDnsServer::SilentDnsServer() {
    fd_ = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    if (fd_ >= 0 && ::bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
        ::getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &length) == 0)
        port_ = ntohs(address.sin_port);
}

SilentDnsServer::~SilentDnsServer() {
    if (fd_ >= 0) ::close(fd_);
}

}  // namespace rempart::testing
