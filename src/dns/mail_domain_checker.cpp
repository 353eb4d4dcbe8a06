// Whether a mail domain can receive mail (MX, or an address as RFC 5321 allows), asked
// with c-ares on a thread of its own, answers cached.
#include "dns/mail_domain_checker.hpp"

#include <ares.h>
#include <arpa/nameser.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <boost/asio/ip/address.hpp>

#include <atomic>
#include <charconv>
#include <deque>
#include <mutex>
#include <unordered_map>

#include "core/thread_name.hpp"
#include "dns/errors.hpp"

namespace rempart::dns {
namespace {

using Clock = std::chrono::steady_clock;

// "192.0.2.1:53", "[2001:db8::1]:53" or a bare address (port 53): c-ares takes more (and
// ignores what it cannot read), so a typo is caught here rather than found as silence.
bool valid_server(std::string_view server) {
    std::string_view host = server;
    std::string_view port;
    if (server.starts_with('[')) {
        const auto close = server.find(']');
        if (close == std::string_view::npos) return false;
        host = server.substr(1, close - 1);
        const auto rest = server.substr(close + 1);
        if (!rest.empty()) {
            if (!rest.starts_with(':')) return false;
            port = rest.substr(1);
        }
    } else if (const auto colon = server.find(':'); colon != std::string_view::npos) {
        if (server.find(':', colon + 1) != std::string_view::npos) {
            host = server;  // a bare IPv6 address
        } else {
            host = server.substr(0, colon);
            port = server.substr(colon + 1);
            if (port.empty()) return false;
        }
    }
    boost::system::error_code ec;
    boost::asio::ip::make_address(host, ec);
    if (ec) return false;
    if (port.empty()) return true;
    unsigned value = 0;
    const auto [end, err] = std::from_chars(port.data(), port.data() + port.size(), value);
    return err == std::errc() && end == port.data() + port.size() && value >= 1 && value <= 65535;
}

std::string to_csv(const std::vector<std::string>& servers) {
    std::string csv;
    for (const auto& server : servers) csv += (csv.empty() ? "" : ",") + server;
    return csv;
}

}  // namespace

struct MailDomainChecker::State {
    Options options;
    ares_channel channel = nullptr;
    int wake_fd = -1;

    std::mutex mutex;  // guards `queue` and `stopping`
    std::deque<std::pair<std::string, std::function<void(MailDomainAnswer)>>> queue;
    bool stopping = false;

    // Owned by the checker's thread alone.
    struct Pending {
        std::vector<std::function<void(MailDomainAnswer)>> waiting;
        Clock::time_point deadline;
        std::uint64_t generation = 0;  // which query answers it
    };
    std::uint64_t next_generation = 0;
    std::unordered_map<std::string, Pending> pending;
    struct Cached {
        MailDomainAnswer answer;
        Clock::time_point expires;
    };
    std::unordered_map<std::string, Cached> cache;
    std::atomic<std::uint64_t> queries{0};
    std::atomic<std::uint64_t> hits{0};

    // A query's answer: cached, and handed to the check it was asked for. A query that
    // outlived its check (answered "timeout" meanwhile) fills the cache only, even if a new
    // check of the same domain is waiting on a query of its own.
    void answer(const std::string& domain, std::uint64_t generation, MailDomainAnswer answer) {
        const auto ttl = answer.status == MailDomainStatus::accepts_mail ? options.accepts_ttl
                         : answer.status == MailDomainStatus::no_mail    ? options.no_mail_ttl
                                                                         : options.unknown_ttl;
        if (options.max_cached == 0) {
            // No cache: hand the answer over only.
        } else if (cache.size() >= options.max_cached) {
            const auto now = Clock::now();
            std::erase_if(cache, [now](const auto& entry) { return entry.second.expires <= now; });
            // Still full: forget a tenth, in no particular order; they are only a cache, and
            // a forgotten domain costs one more query.
            for (std::size_t n = options.max_cached / 10 + 1; n > 0 && !cache.empty(); --n)
                cache.erase(cache.begin());
        }
        if (options.max_cached > 0) cache[domain] = Cached{answer, Clock::now() + ttl};
        const auto it = pending.find(domain);
        if (it == pending.end() || it->second.generation != generation) return;
        auto waiting = std::move(it->second.waiting);
        pending.erase(it);
        for (auto& done : waiting) done(answer);
    }
};

namespace {

struct Query {
    MailDomainChecker::State* state;
    std::string domain;
    int step;  // 0 MX, 1 A, 2 AAAA
    std::uint64_t generation;
};

void ask(MailDomainChecker::State* state, std::string domain, int step, std::uint64_t generation);

MailDomainAnswer failure(int status) {
    if (status == ARES_ENOTFOUND) return {MailDomainStatus::no_mail, "NXDOMAIN"};
    if (status == ARES_ETIMEOUT) return {MailDomainStatus::unknown, "timeout"};
    if (status == ARES_EDESTRUCTION) return {MailDomainStatus::unknown, "shutting down"};
    return {MailDomainStatus::unknown, ares_strerror(status)};
}

void answered(void* arg, int status, int, unsigned char* buffer, int length) {
    std::unique_ptr<Query> query(static_cast<Query*>(arg));
    auto* state = query->state;
    if (status == ARES_EDESTRUCTION) return;  // the checker is going away; it answers itself
    const bool no_data = status == ARES_ENODATA || (status == ARES_SUCCESS && length == 0);
    if (status != ARES_SUCCESS && !no_data) {
        state->answer(query->domain, query->generation, failure(status));
        return;
    }
    if (query->step == 0 && status == ARES_SUCCESS) {
        ares_mx_reply* mx = nullptr;
        const int parsed = ares_parse_mx_reply(buffer, length, &mx);
        if (parsed == ARES_SUCCESS && mx != nullptr) {
            // RFC 7505: a single MX of "." says the domain takes no mail.
            const auto is_root = [](const ares_mx_reply* r) {
                return r->host == nullptr || r->host[0] == '\0' || std::string_view(r->host) == ".";
            };
            const bool null_mx = mx->next == nullptr && is_root(mx);
            // The detail names the preferred real host, for the log.
            const ares_mx_reply* best = nullptr;
            for (const auto* r = mx; r; r = r->next)
                if (!is_root(r) && (!best || r->priority < best->priority)) best = r;
            MailDomainAnswer answer{
                null_mx || !best ? MailDomainStatus::no_mail : MailDomainStatus::accepts_mail,
                null_mx || !best ? "null MX" : std::string("MX ") + best->host};
            ares_free_data(mx);
            state->answer(query->domain, query->generation, answer);
            return;
        }
        if (mx) ares_free_data(mx);
        if (parsed != ARES_ENODATA) {
            state->answer(query->domain, query->generation, failure(parsed));
            return;
        }
    }
    if (query->step > 0 && status == ARES_SUCCESS) {
        // An address record answers for an implicit MX (RFC 5321 section 5.1).
        const bool v4 = query->step == 1;
        int count = 0;
        if (v4) {
            ares_addrttl addresses[4];
            count = 4;
            if (ares_parse_a_reply(buffer, length, nullptr, addresses, &count) != ARES_SUCCESS)
                count = 0;
        } else {
            ares_addr6ttl addresses[4];
            count = 4;
            if (ares_parse_aaaa_reply(buffer, length, nullptr, addresses, &count) != ARES_SUCCESS)
                count = 0;
        }
        if (count > 0) {
            state->answer(query->domain, query->generation,
                          {MailDomainStatus::accepts_mail, v4 ? "A, no MX" : "AAAA, no MX"});
            return;
        }
    }
    if (query->step < 2) {
        ask(state, query->domain, query->step + 1, query->generation);
        return;
    }
    state->answer(query->domain, query->generation,
                  {MailDomainStatus::no_mail, "no MX and no address"});
}

void ask(MailDomainChecker::State* state, std::string domain, int step, std::uint64_t generation) {
    static constexpr int types[] = {ns_t_mx, ns_t_a, ns_t_aaaa};
    ++state->queries;
    auto* query = new Query{state, std::move(domain), step, generation};
    ares_query(state->channel, query->domain.c_str(), ns_c_in, types[step], answered, query);
}

}  // namespace

Result<std::unique_ptr<MailDomainChecker>> MailDomainChecker::start(Options options) {
    static std::once_flag once;
    static int library = ARES_SUCCESS;
    std::call_once(once, [] { library = ares_library_init(ARES_LIB_INIT_ALL); });
    if (library != ARES_SUCCESS)
        return make_error(DnsError::init, std::string("c-ares: ") + ares_strerror(library));

    for (const auto& server : options.servers)
        if (!valid_server(server))
            return make_error(DnsError::init, "[dns] servers: \"" + server +
                                                  "\" is not an address with an optional port, "
                                                  "such as \"127.0.0.1:53\" or \"[::1]:53\"");
    if (options.timeout.count() < 1 || options.tries < 1)
        return make_error(DnsError::init, "the DNS timeout and tries must be at least 1");
    auto state = std::make_unique<State>();
    state->options = options;
    ares_options ares{};
    ares.timeout = static_cast<int>(options.timeout.count());
    ares.tries = options.tries;
    int mask = ARES_OPT_TIMEOUTMS | ARES_OPT_TRIES;
    // Lookups name the domain as given: no search suffixes from resolv.conf.
    ares.ndots = 0;
    mask |= ARES_OPT_NDOTS;
    if (const int code = ares_init_options(&state->channel, &ares, mask); code != ARES_SUCCESS)
        return make_error(DnsError::init, std::string("c-ares: ") + ares_strerror(code));
    if (!options.servers.empty()) {
        const auto csv = to_csv(options.servers);
        if (const int code = ares_set_servers_ports_csv(state->channel, csv.c_str());
            code != ARES_SUCCESS) {
            ares_destroy(state->channel);
            return make_error(DnsError::init, "[dns] servers: cannot use \"" + csv + "\" (" +
                                                  ares_strerror(code) + ")");
        }
    }
    state->wake_fd = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (state->wake_fd < 0) {
        ares_destroy(state->channel);
        return make_error(DnsError::init, "eventfd failed");
    }
    std::unique_ptr<MailDomainChecker> checker(new MailDomainChecker(std::move(state)));
    checker->thread_ = std::thread([raw = checker.get()] {
        name_this_thread("rempart-dns");
        raw->run();
    });
    return checker;
}

MailDomainChecker::MailDomainChecker(std::unique_ptr<State> state) : state_(std::move(state)) {}

MailDomainChecker::~MailDomainChecker() {
    {
        std::lock_guard lock(state_->mutex);
        state_->stopping = true;
    }
    const std::uint64_t one = 1;
    [[maybe_unused]] auto n = ::write(state_->wake_fd, &one, sizeof one);
    if (thread_.joinable()) thread_.join();
    ares_destroy(state_->channel);
    ::close(state_->wake_fd);
}

void MailDomainChecker::check(std::string domain, std::function<void(MailDomainAnswer)> done) {
    bool stopping = false;
    {
        std::lock_guard lock(state_->mutex);
        stopping = state_->stopping;
        if (!stopping) state_->queue.emplace_back(std::move(domain), std::move(done));
    }
    // Outside the lock: a `done` that checks again must not wait on it.
    if (stopping) {
        done({MailDomainStatus::unknown, "shutting down"});
        return;
    }
    const std::uint64_t one = 1;
    [[maybe_unused]] auto n = ::write(state_->wake_fd, &one, sizeof one);
}

std::uint64_t MailDomainChecker::queries_sent() const {
    return state_->queries.load();
}

std::uint64_t MailDomainChecker::cache_hits() const {
    return state_->hits.load();
}

void MailDomainChecker::run() {
    auto& s = *state_;
    // The whole check, all tries and the fallbacks to A and AAAA, ends by this deadline.
    const auto overall = s.options.timeout * (s.options.tries * 3 + 1);
    for (;;) {
        std::deque<std::pair<std::string, std::function<void(MailDomainAnswer)>>> incoming;
        bool stopping = false;
        {
            std::lock_guard lock(s.mutex);
            incoming.swap(s.queue);
            stopping = s.stopping;
        }
        const auto now = Clock::now();
        for (auto& [domain, done] : incoming) {
            if (stopping) {
                done({MailDomainStatus::unknown, "shutting down"});
                continue;
            }
            if (auto hit = s.cache.find(domain);
                hit != s.cache.end() && hit->second.expires > now) {
                ++s.hits;
                auto answer = hit->second.answer;
                answer.from_cache = true;
                done(answer);
                continue;
            }
            auto [it, fresh] = s.pending.try_emplace(domain);
            it->second.waiting.push_back(std::move(done));
            if (fresh) {
                it->second.deadline = now + overall;
                it->second.generation = ++s.next_generation;
                ask(&s, domain, 0, it->second.generation);
            }
        }
        if (stopping) {
            for (auto& [domain, pending] : s.pending)
                for (auto& done : pending.waiting)
                    done({MailDomainStatus::unknown, "shutting down"});
            s.pending.clear();
            return;
        }
        // Checks past their deadline are answered now; a late reply still fills the cache.
        for (auto it = s.pending.begin(); it != s.pending.end();) {
            if (it->second.deadline > now) {
                ++it;
                continue;
            }
            auto waiting = std::move(it->second.waiting);
            it = s.pending.erase(it);
            for (auto& done : waiting) done({MailDomainStatus::unknown, "timeout"});
        }

        std::vector<pollfd> fds{{s.wake_fd, POLLIN, 0}};
        ares_socket_t sockets[ARES_GETSOCK_MAXNUM];
        const int bits = ares_getsock(s.channel, sockets, ARES_GETSOCK_MAXNUM);
        for (int i = 0; i < ARES_GETSOCK_MAXNUM; ++i) {
            short events = 0;
            if (ARES_GETSOCK_READABLE(bits, i)) events |= POLLIN;
            if (ARES_GETSOCK_WRITABLE(bits, i)) events |= POLLOUT;
            if (events) fds.push_back({sockets[i], events, 0});
        }
        timeval max_wait{0, 100 * 1000};
        timeval wait{};
        const auto* chosen = ares_timeout(s.channel, &max_wait, &wait);
        const int timeout_ms = static_cast<int>(chosen->tv_sec * 1000 + chosen->tv_usec / 1000) + 1;
        ::poll(fds.data(), fds.size(), timeout_ms);
        if (fds[0].revents & POLLIN) {
            std::uint64_t count = 0;
            [[maybe_unused]] auto n = ::read(s.wake_fd, &count, sizeof count);
        }
        bool any = false;
        for (std::size_t i = 1; i < fds.size(); ++i) {
            if (!fds[i].revents) continue;
            any = true;
            const auto read_fd =
                fds[i].revents & (POLLIN | POLLERR | POLLHUP) ? fds[i].fd : ARES_SOCKET_BAD;
            const auto write_fd = fds[i].revents & POLLOUT ? fds[i].fd : ARES_SOCKET_BAD;
            ares_process_fd(s.channel, read_fd, write_fd);
        }
        if (!any) ares_process_fd(s.channel, ARES_SOCKET_BAD, ARES_SOCKET_BAD);  // timeouts
    }
}

}  // namespace rempart::dns
