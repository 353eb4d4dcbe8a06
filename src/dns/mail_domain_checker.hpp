// Whether a mail domain can receive mail (MX, or an address as RFC 5321 allows), asked
// with c-ares on a thread of its own, answers cached.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "core/result.hpp"

namespace rempart::dns {

enum class MailDomainStatus {
    accepts_mail,  // an MX, or no MX but an address
    no_mail,       // NXDOMAIN, a null MX (RFC 7505), or nothing at all
    unknown,       // no answer in time, or the server failed: the caller decides
};

struct MailDomainAnswer {
    MailDomainStatus status = MailDomainStatus::unknown;
    std::string detail;  // "MX mx.example.org", "NXDOMAIN", "null MX", "timeout", ...
    bool from_cache = false;
};

class MailDomainChecker {
  public:
    struct Options {
        std::vector<std::string> servers;  // "127.0.0.1:5353", "[::1]:53"; empty: the system's
        std::chrono::milliseconds timeout{2000};  // per try
        int tries = 2;
        std::chrono::seconds accepts_ttl{3600};
        std::chrono::seconds no_mail_ttl{600};
        std::chrono::seconds unknown_ttl{30};
        std::size_t max_cached = 100000;
    };

    // Error DnsError::init naming the problem (a server that is not host:port, c-ares failing).
    static Result<std::unique_ptr<MailDomainChecker>> start(Options options);
    ~MailDomainChecker();
    MailDomainChecker(const MailDomainChecker&) = delete;
    MailDomainChecker& operator=(const MailDomainChecker&) = delete;

    // Never blocks. `done` runs exactly once, on the checker's thread (post it to your own).
    // `domain`: A-labels, lowercase, no trailing dot. Checks of one domain at the same time
    // share one query.
    void check(std::string domain, std::function<void(MailDomainAnswer)> done);

    std::uint64_t queries_sent() const;
    std::uint64_t cache_hits() const;

    struct State;  // defined in the source: c-ares stays out of this header

  private:
    explicit MailDomainChecker(std::unique_ptr<State> state);
    void run();
    std::unique_ptr<State> state_;
    std::thread thread_;
};

}  // namespace rempart::dns
