// Sends the botnet's flood: the addresses split by /24 into one shard a thread, each shard
// with its own io_context, clock, rotation and connections, so the threads share nothing
// but the proof-of-work solver.
#include "botnet.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <array>
#include <exception>
#include <iostream>
#include <memory>
#include <set>
#include <thread>
#include <unordered_map>

#include "address_rotation.hpp"
#include "address_space.hpp"
#include "core/clock.hpp"
#include "core/text.hpp"
#include "flood_connection.hpp"
#include "pacing.hpp"
#include "proof_of_work.hpp"
#include "slot_queue.hpp"
#include "word_lists.hpp"

namespace rempart::attack {
namespace {

namespace asio = boost::asio;
using Clock = std::chrono::steady_clock;

constexpr std::array<std::pair<Via, std::string_view>, 2> vias{{
    {Via::forwarded, "xff"},
    {Via::bound, "bind"},
}};

// A /24's clearance, solved by one of its bots and sent by all of them.
struct NetworkClearance {
    bool solving = false;
    std::string cookie;
    double next_try_s = 0;
};

asio::awaitable<std::optional<std::string>> solve_payload(std::string challenge) {
    auto solution = solve_challenge(challenge);
    if (!solution) co_return std::nullopt;
    co_return std::move(solution->payload);
}

class Shard {
  public:
    Shard(const BotnetPlan& plan, const BotnetRunOptions& options,
          std::vector<std::uint32_t> addresses, double rate, unsigned connections,
          std::uint64_t seed, asio::thread_pool& solver)
        : plan_(plan),
          options_(options),
          addresses_(std::move(addresses)),
          connections_(std::max(1u, connections)),
          pacing_(rate, plan.options.duration_s),
          rotation_(addresses_.size(), plan.min_gap_s),
          random_(seed),
          queue_(std::max<std::size_t>(64, 4 * connections_)),
          solver_(solver),
          sent_by_address_(addresses_.size(), 0) {
        ips_.reserve(addresses_.size());
        for (const auto address : addresses_) ips_.push_back(ipv4_text(address));
        const auto agents = browser_user_agents();
        for (std::size_t i = 0; i < addresses_.size(); ++i)
            agents_.push_back(&agents[(addresses_[i] * 2654435761u) % agents.size()]);
        if (options_.via == Via::bound) {
            own_.resize(addresses_.size());
            busy_.resize(addresses_.size(), 0);
        }
    }

    void run() {
        start_ = Clock::now();
        const auto on_end = [this](std::exception_ptr e) {
            if (e && !failure_) failure_ = e;
        };
        asio::co_spawn(io_, pace(), on_end);
        for (unsigned i = 0; i < connections_; ++i)
            asio::co_spawn(io_, options_.via == Via::bound ? work_bound() : work_forwarded(),
                           on_end);
        io_.run();
        for (const auto& connection : own_)
            if (connection) counts.connections_opened += connection->opened();
        for (std::size_t i = 0; i < sent_by_address_.size(); ++i)
            counts.busiest_address =
                std::max<std::uint64_t>(counts.busiest_address, sent_by_address_[i]);
        if (failure_) std::rethrow_exception(failure_);
    }

    BotnetCounts counts;
    double elapsed_s = 0;

  private:
    double now_s() const { return std::chrono::duration<double>(Clock::now() - start_).count(); }
    bool stopped() const { return options_.stop && options_.stop->load(); }

    // Whatever ends the pacing, the queue is finished, so the connections waiting on it
    // end too and io_context::run returns.
    struct FinishQueue {
        Shard& shard;
        ~FinishQueue() { shard.counts.unsent += shard.queue_.finish(); }
    };

    asio::awaitable<void> pace() {
        const FinishQueue finish_queue{*this};
        asio::steady_timer timer(io_);
        std::uint64_t next = 0;
        while (next < pacing_.total() && !stopped()) {
            const double elapsed = now_s();
            const auto due = pacing_.due_by(elapsed);
            for (; next < due; ++next) {
                ++counts.due;
                const auto address = rotation_.next(elapsed);
                if (!address) {
                    ++counts.held_back;
                    continue;
                }
                Slot slot{*address, choose_page(plan_.options.pages, options_.petition, random_),
                          start_ + std::chrono::duration_cast<Clock::duration>(
                                       std::chrono::duration<double>(pacing_.due_at(next)))};
                if (!queue_.push(std::move(slot))) ++counts.saturated;
            }
            timer.expires_after(std::chrono::duration_cast<Clock::duration>(
                std::chrono::duration<double>(next_wake_s(pacing_, next, now_s()))));
            co_await timer.async_wait(asio::as_tuple(asio::use_awaitable));
        }
        elapsed_s = now_s();
        // What is queued still goes, for as long as one answer may take.
        const auto drain_until = Clock::now() + options_.timeout;
        while (!queue_.empty() && Clock::now() < drain_until && !stopped()) {
            timer.expires_after(std::chrono::milliseconds(5));
            co_await timer.async_wait(asio::as_tuple(asio::use_awaitable));
        }
    }

    asio::awaitable<void> work_forwarded() {
        FloodConnection connection(io_.get_executor(), options_.port);
        for (;;) {
            auto slot = co_await queue_.pop();
            if (!slot) break;
            co_await send(connection, *slot);
        }
        counts.connections_opened += connection.opened();
    }

    asio::awaitable<void> work_bound() {
        for (;;) {
            auto slot = co_await queue_.pop();
            if (!slot) break;
            const auto i = slot->address;
            if (busy_[i]) {
                // Its own connection still waits for an answer: a second one, for this once.
                FloodConnection extra(io_.get_executor(), options_.port, addresses_[i]);
                co_await send(extra, *slot);
                counts.connections_opened += extra.opened();
                continue;
            }
            if (!own_[i])
                own_[i] = std::make_unique<FloodConnection>(io_.get_executor(), options_.port,
                                                            addresses_[i]);
            auto& connection = *own_[i];
            busy_[i] = 1;
            const bool was_open = connection.is_open();
            co_await send(connection, *slot);
            busy_[i] = 0;
            open_ += connection.is_open() ? (was_open ? 0 : 1) : (was_open ? -1 : 0);
            if (connection.is_open() && open_ > static_cast<std::int64_t>(options_.max_open)) {
                connection.close();
                --open_;
            }
        }
    }

    std::string request(std::string_view method, std::string_view target, std::size_t address,
                        std::string_view cookie, std::string_view body = {}) const {
        std::string text;
        text.reserve(320 + body.size());
        text.append(method).append(" ").append(target).append(" HTTP/1.1\r\nHost: 127.0.0.1:");
        text.append(std::to_string(options_.port)).append("\r\n");
        if (options_.via == Via::forwarded)
            text.append("X-Forwarded-For: ").append(ips_[address]).append("\r\n");
        text.append("User-Agent: ").append(*agents_[address]).append("\r\n");
        text.append(target.starts_with("/api/") ? "Accept: application/json\r\n"
                                                : "Accept: text/html,*/*;q=0.8\r\n");
        text.append("Accept-Language: fr-FR,fr;q=0.9\r\n");
        if (!cookie.empty())
            text.append("Cookie: rempart_clearance=").append(cookie).append("\r\n");
        if (method == "POST") {
            text.append("Origin: http://127.0.0.1:").append(std::to_string(options_.port));
            text.append("\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ");
            text.append(std::to_string(body.size())).append("\r\n");
        }
        text.append("\r\n").append(body);
        return text;
    }

    std::uint32_t network_of(std::size_t address) const {
        return addresses_[address] & 0xffffff00u;
    }

    asio::awaitable<void> send(FloodConnection& connection, const Slot& slot) {
        std::string cookie;
        if (options_.solve_gate) {
            const auto found = clearances_.find(network_of(slot.address));
            if (found != clearances_.end()) cookie = found->second.cookie;
        }
        const auto text = request("GET", slot.page.target, slot.address, cookie);
        const auto began = Clock::now();
        counts.lag.record(std::chrono::duration_cast<std::chrono::microseconds>(began - slot.due));
        ++counts.sent;
        ++sent_by_address_[slot.address];
        counts.with_clearance += !cookie.empty();
        const auto answer = co_await connection.exchange(text, options_.timeout);
        counts.latency.record(
            std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - began));
        ++counts.answers[static_cast<std::size_t>(
            classify(answer.status, answer.gate, answer.timed_out))];
        ++counts.statuses[answer.status];
        ++counts.statuses_by_page[static_cast<std::size_t>(slot.page.kind)][answer.status];
        if (answer.status == 429 && options_.adapt) {
            const auto wait = std::max<std::int64_t>(1, answer.retry_after.count());
            rotation_.rest(slot.address, now_s() + static_cast<double>(wait));
            ++counts.rests;
        }
        if (answer.gate && options_.solve_gate) {
            auto& clearance = clearances_[network_of(slot.address)];
            // The cookie no longer opens the gate (expired, or refused): solve again.
            if (!cookie.empty() && clearance.cookie == cookie) clearance.cookie.clear();
            co_await pass_gate(connection, slot);
        }
    }

    // One bot of the /24 fetches the gate's challenge, has it solved off the io thread,
    // and posts the answer; the cookie it gets is then sent by every bot of the /24.
    asio::awaitable<void> pass_gate(FloodConnection& connection, const Slot& slot) {
        // Elements of an unordered_map stay where they are when it grows.
        auto& clearance = clearances_[network_of(slot.address)];
        if (clearance.solving || !clearance.cookie.empty() || now_s() < clearance.next_try_s)
            co_return;
        clearance.solving = true;
        ++counts.gate_solves;
        const auto challenge = co_await connection.exchange(
            request("GET", "/gate/challenge", slot.address, {}), options_.timeout, true);
        ++counts.gate_challenge_statuses[challenge.status];
        std::optional<std::string> payload;
        if (challenge.status == 200) {
            auto solving = asio::co_spawn(solver_.get_executor(), solve_payload(challenge.body),
                                          asio::use_awaitable);
            payload = co_await std::move(solving);
        }
        FloodAnswer pass;
        if (payload) {
            const auto body = "altcha=" + percent_encode(*payload) +
                              "&next=" + percent_encode(slot.page.target, "/");
            pass = co_await connection.exchange(
                request("POST", "/gate/pass", slot.address, {}, body), options_.timeout);
        }
        if (payload) ++counts.gate_pass_statuses[pass.status];
        clearance.solving = false;
        if (pass.status == 303 && !pass.clearance.empty()) {
            clearance.cookie = pass.clearance;
            ++counts.gate_passes;
        } else {
            ++counts.gate_failures;
            clearance.next_try_s = now_s() + 10;
        }
    }

    const BotnetPlan& plan_;
    const BotnetRunOptions& options_;
    std::vector<std::uint32_t> addresses_;
    std::vector<std::string> ips_;
    std::vector<const std::string_view*> agents_;
    unsigned connections_;
    Pacing pacing_;
    AddressRotation rotation_;
    Random random_;
    asio::io_context io_{1};
    SlotQueue queue_;
    asio::thread_pool& solver_;
    std::vector<std::uint32_t> sent_by_address_;
    std::unordered_map<std::uint32_t, NetworkClearance> clearances_;
    std::vector<std::unique_ptr<FloodConnection>> own_;
    std::vector<char> busy_;
    std::int64_t open_ = 0;
    Clock::time_point start_;
    std::exception_ptr failure_;
};

}  // namespace

std::string_view to_string(Via via) {
    for (const auto& [value, name] : vias)
        if (value == via) return name;
    return "?";
}

std::optional<Via> parse_via(std::string_view text) {
    for (const auto& [value, name] : vias)
        if (name == text) return value;
    return std::nullopt;
}

BotnetReport run_botnet(const BotnetPlan& plan, const BotnetRunOptions& options) {
    BotnetReport report;
    report.options = plan.options;
    report.via = std::string(to_string(options.via));
    report.solve_gate = options.solve_gate;
    report.adapt = options.adapt;
    report.addresses = plan.addresses.size();
    std::set<std::uint32_t> ases;
    std::uint32_t last_network = 0;
    for (const auto address : plan.addresses) {
        const auto as = asn_of(ipv4_text(address));
        ases.insert(as);
        report.main_as_addresses += as == plan.options.main_asn;
        if ((address & 0xffffff00u) != last_network) ++report.networks;
        last_network = address & 0xffffff00u;
    }
    report.ases = ases.size();

    // Whole /24s to each shard, so that a /24 solves the gate once and shares its cookie.
    const unsigned threads = std::max(1u, options.threads);
    std::vector<std::vector<std::uint32_t>> parts(threads);
    std::size_t network_index = 0;
    last_network = plan.addresses.empty() ? 0 : plan.addresses.front() & 0xffffff00u;
    for (const auto address : plan.addresses) {
        if ((address & 0xffffff00u) != last_network) ++network_index;
        last_network = address & 0xffffff00u;
        parts[network_index % threads].push_back(address);
    }
    std::erase_if(parts, [](const auto& part) { return part.empty(); });
    report.threads = static_cast<unsigned>(parts.size());
    report.connections =
        std::max(1u, options.connections / std::max<unsigned>(1, report.threads)) * report.threads;

    asio::thread_pool solver(1);
    std::vector<std::unique_ptr<Shard>> shards;
    const double total = static_cast<double>(plan.addresses.size());
    for (std::size_t i = 0; i < parts.size(); ++i) {
        // Each shard carries the rate of its share of the addresses.
        const double rate = plan.options.rate * static_cast<double>(parts[i].size()) / total;
        shards.push_back(
            std::make_unique<Shard>(plan, options, std::move(parts[i]), rate,
                                    options.connections / std::max<unsigned>(1, report.threads),
                                    plan.options.seed * 1000003 + i, solver));
    }
    report.started_ms = unix_now_ms();
    std::vector<std::exception_ptr> failures(shards.size());
    std::vector<std::thread> running;
    for (std::size_t i = 0; i < shards.size(); ++i)
        running.emplace_back([&, i] {
            try {
                shards[i]->run();
            } catch (...) {
                failures[i] = std::current_exception();
            }
        });
    for (auto& thread : running) thread.join();
    solver.join();
    for (const auto& shard : shards) {
        report.counts.merge(shard->counts);
        report.elapsed_s = std::max(report.elapsed_s, shard->elapsed_s);
    }
    for (const auto& failure : failures)
        if (failure) std::rethrow_exception(failure);
    return report;
}

}  // namespace rempart::attack
