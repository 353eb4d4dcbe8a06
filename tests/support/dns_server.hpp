// Real DNS servers for tests: dnsmasq with fixture domains, and one that never answers.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <string>

namespace rempart::testing {

// dnsmasq on 127.0.0.1 and a free port, authoritative for *.test:
//   has-mx.test      MX mx.has-mx.test          a-only.test    A, no MX
//   v6-only.test     AAAA, no MX                null-mx.test   MX "." (RFC 7505)
//   no-records.test  exists, no MX, A or AAAA   anything else .test: NXDOMAIN
// Names outside .test are refused (no upstream), which a checker reads as "unknown".
class DnsServer {
  public:
    DnsServer();  // starts it; `port()` is 0 when it could not
    ~DnsServer();
    DnsServer(const DnsServer&) = delete;
    DnsServer& operator=(const DnsServer&) = delete;
    std::uint16_t port() const { return port_; }
    std::string address() const { return "127.0.0.1:" + std::to_string(port_); }

  private:
    pid_t pid_ = -1;
    std::uint16_t port_ = 0;
};

// A UDP socket on 127.0.0.1 that reads queries and never answers: a resolver that is down.
class SilentDnsServer {
  public:
    SilentDnsServer();
    ~SilentDnsServer();
    SilentDnsServer(const SilentDnsServer&) = delete;
    SilentDnsServer& operator=(const SilentDnsServer&) = delete;
    std::string address() const { return "127.0.0.1:" + std::to_string(port_); }

  private:
    int fd_ = -1;
    std::uint16_t port_ = 0;
};

}  // namespace rempart::testing
