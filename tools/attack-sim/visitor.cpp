// The legitimate visitor: one person a signature, each reading then signing over one
// kept-alive connection through the proxy, as a browser would; the gate passed when met.
#include "visitor.hpp"

#include <boost/json.hpp>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <thread>
#include <unordered_map>

#include "address_space.hpp"
#include "core/clock.hpp"
#include "errors.hpp"
#include "keep_alive_client.hpp"
#include "proof_of_work.hpp"
#include "signing_attempt.hpp"
#include "visitor_plan.hpp"

namespace rempart::attack {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::microseconds;

bool gated(const HttpResponse& response) {
    return response.status == 503 && response.header("x-rempart-gate") == "challenge";
}

// The clearance cookie's value in a Set-Cookie header (several are joined by ", ").
std::string clearance_of(const std::string& set_cookie) {
    constexpr std::string_view name = "rempart_clearance=";
    const auto at = set_cookie.find(name);
    if (at == std::string::npos) return {};
    const auto start = at + name.size();
    return set_cookie.substr(start, set_cookie.find_first_of(";,", start) - start);
}

class Visit {
  public:
    explicit Visit(const VisitorOptions& options) : options_(options), client_(options.port) {
        if (!options.log.empty()) {
            log_.open(options.log);
            log_ << "unix_ms,kind,status,latency_us,ok\n";
        }
        report_.petition = options.petition;
        origin_ = "http://127.0.0.1:" + std::to_string(options.port);
    }

    VisitorReport run() {
        const auto start = Clock::now();
        const double rate = options_.signatures_per_s > 0 ? options_.signatures_per_s : 1;
        for (std::uint64_t n = 0; !stopped(); ++n) {
            const double offset = static_cast<double>(n) / rate;
            if (offset >= options_.duration_s) break;
            const auto due = start + std::chrono::duration_cast<Clock::duration>(
                                         std::chrono::duration<double>(offset));
            wait_until(due);
            if (stopped()) break;
            report_.max_lag_s = std::max(report_.max_lag_s,
                                         std::chrono::duration<double>(Clock::now() - due).count());
            const auto person = visitor_person(n, options_.seed);
            ++report_.people;
            for (unsigned k = 0; k < options_.reads_per_signature; ++k)
                read(person, k == 0 && options_.reads_per_signature > 1
                                 ? "/"
                                 : "/petitions/" + options_.petition);
            sign(person);
        }
        report_.elapsed_s = std::chrono::duration<double>(Clock::now() - start).count();
        return std::move(report_);
    }

  private:
    struct Timed {
        HttpResponse response;
        microseconds took{0};
    };

    bool stopped() const { return options_.stop && options_.stop->load(); }
    void wait_until(Clock::time_point when) const {
        while (!stopped() && Clock::now() < when)
            std::this_thread::sleep_for(
                std::min<Clock::duration>(when - Clock::now(), std::chrono::milliseconds(100)));
    }

    Headers headers_for(const PlannedAttempt& person) const {
        Headers headers{{"X-Forwarded-For", person.ip},
                        {"User-Agent", person.user_agent},
                        {"Accept-Language", "fr-FR,fr;q=0.9"}};
        const auto cookie = cookies_.find(network_24(person.ip));
        if (cookie != cookies_.end())
            headers.emplace_back("Cookie", "rempart_clearance=" + cookie->second);
        return headers;
    }

    Timed timed(const std::string& method, const std::string& target, const std::string& body,
                const Headers& headers) {
        const auto began = Clock::now();
        auto response = client_.request(method, target, body, headers);
        return {std::move(response),
                std::chrono::duration_cast<microseconds>(Clock::now() - began)};
    }

    void log(std::string_view kind, unsigned status, microseconds took, bool ok) {
        if (!log_.is_open()) return;
        log_ << unix_now_ms() << ',' << kind << ',' << status << ',' << took.count() << ','
             << (ok ? 1 : 0) << '\n';
        log_.flush();
    }

    void count(VisitorSide& side, std::string_view kind, const Timed& timed, bool ok) {
        ++side.requests;
        side.failures += !ok;
        ++side.statuses[timed.response.status];
        side.latency.record(timed.took);
        log(kind, timed.response.status, timed.took, ok);
    }

    void read(const PlannedAttempt& person, const std::string& target) {
        auto page = timed("GET", target, "", headers_for(person));
        if (gated(page.response)) {
            ++report_.gate_met;
            log("gate", page.response.status, page.took, true);
            if (pass_gate(person, target, page.took))
                page = timed("GET", target, "", headers_for(person));
        }
        count(report_.reads, "read", page, page.response.status == 200);
    }

    // As the gate's page does in a browser: fetch its challenge, solve it, post the answer,
    // keep the cookie for the network.
    bool pass_gate(const PlannedAttempt& person, const std::string& next, microseconds gated_took) {
        const auto began = Clock::now();
        const auto challenge = timed("GET", "/gate/challenge", "", headers_for(person));
        const auto solution =
            challenge.response.status == 200
                ? solve_challenge(challenge.response.body, person.solver)
                : Result<Solution>(make_error(SolveError::no_challenge, "no challenge"));
        log("gate", challenge.response.status, challenge.took, solution.ok());
        bool passed = false;
        if (solution) {
            auto headers = headers_for(person);
            headers.emplace_back("Content-Type", "application/x-www-form-urlencoded");
            headers.emplace_back("Origin", origin_);
            const auto pass = timed(
                "POST", "/gate/pass",
                testing::form_encode({{"altcha", solution->payload}, {"next", next}}), headers);
            const auto cookie = clearance_of(pass.response.header("set-cookie"));
            passed = pass.response.status == 303 && !cookie.empty();
            log("gate", pass.response.status, pass.took, passed);
            if (passed) cookies_[network_24(person.ip)] = cookie;
        }
        ++(passed ? report_.gate_passes : report_.gate_failures);
        report_.gate_latency.record(gated_took +
                                    std::chrono::duration_cast<microseconds>(Clock::now() - began));
        return passed;
    }

    void sign(const PlannedAttempt& person) {
        const auto challenge = timed("GET", "/altcha/challenge?petition=" + options_.petition, "",
                                     headers_for(person));
        const auto solution =
            challenge.response.status == 200
                ? solve_challenge(challenge.response.body, person.solver)
                : Result<Solution>(make_error(SolveError::no_challenge, "no challenge"));
        count(report_.signing, "challenge", challenge, solution.ok());
        if (!solution) return;
        auto headers = headers_for(person);
        headers.emplace_back("Content-Type", "application/x-www-form-urlencoded");
        headers.emplace_back("Origin", origin_);
        const auto answer =
            timed("POST", "/petitions/" + options_.petition + "/sign",
                  testing::form_encode(signing_form(person, solution->payload)), headers);
        const bool accepted = answer.response.status == 303 &&
                              answer.response.header("location")
                                  .ends_with("/petitions/" + options_.petition + "/thanks");
        report_.signatures_accepted += accepted;
        count(report_.signing, "sign", answer, accepted);
    }

    const VisitorOptions& options_;
    KeepAliveClient client_;
    std::ofstream log_;
    std::string origin_;
    std::unordered_map<std::string, std::string> cookies_;  // by /24, as the cookie is bound
    VisitorReport report_;
};

boost::json::object side_json(const VisitorSide& side) {
    const auto ms = [](microseconds us) { return static_cast<double>(us.count()) / 1000.0; };
    boost::json::object statuses;
    for (const auto& [status, count] : side.statuses) statuses[std::to_string(status)] = count;
    return {{"requests", side.requests},
            {"failures", side.failures},
            {"statuses", std::move(statuses)},
            {"p50_ms", ms(side.latency.quantile(0.5))},
            {"p99_ms", ms(side.latency.quantile(0.99))},
            {"max_ms", ms(side.latency.max())}};
}

std::string side_text(const char* label, const VisitorSide& side) {
    const auto ms = [](microseconds us) { return static_cast<double>(us.count()) / 1000.0; };
    std::string statuses;
    for (const auto& [status, count] : side.statuses)
        statuses +=
            (statuses.empty() ? "" : " ") + std::to_string(status) + ":" + std::to_string(count);
    char line[512];
    std::snprintf(line, sizeof line,
                  "  %s %llu requests, %llu failed (%s); p50 %.2f ms, p99 %.2f ms, max %.1f ms\n",
                  label, static_cast<unsigned long long>(side.requests),
                  static_cast<unsigned long long>(side.failures),
                  statuses.empty() ? "-" : statuses.c_str(), ms(side.latency.quantile(0.5)),
                  ms(side.latency.quantile(0.99)), ms(side.latency.max()));
    return line;
}

}  // namespace

VisitorReport run_visitor(const VisitorOptions& options) {
    Visit visit(options);
    return visit.run();
}

std::string to_json(const VisitorReport& report) {
    const auto ms = [](microseconds us) { return static_cast<double>(us.count()) / 1000.0; };
    boost::json::object json{{"scenario", "visitor"},
                             {"petition", report.petition},
                             {"elapsed_s", report.elapsed_s},
                             {"people", report.people},
                             {"signatures_accepted", report.signatures_accepted},
                             {"reads", side_json(report.reads)},
                             {"signing", side_json(report.signing)},
                             {"gate",
                              {{"met", report.gate_met},
                               {"passes", report.gate_passes},
                               {"failures", report.gate_failures},
                               {"p50_ms", ms(report.gate_latency.quantile(0.5))},
                               {"p99_ms", ms(report.gate_latency.quantile(0.99))}}},
                             {"max_lag_s", report.max_lag_s}};
    return boost::json::serialize(json) + "\n";
}

std::string summary(const VisitorReport& report) {
    char head[256];
    std::snprintf(head, sizeof head,
                  "visitor on /petitions/%s: %llu people in %.1f s, %llu signatures accepted\n",
                  report.petition.c_str(), static_cast<unsigned long long>(report.people),
                  report.elapsed_s, static_cast<unsigned long long>(report.signatures_accepted));
    std::string out = head;
    out += side_text("reads:  ", report.reads);
    out += side_text("signing:", report.signing);
    char gate[256];
    std::snprintf(gate, sizeof gate,
                  "  gate: met %llu times, %llu passes, %llu failures; a pass took p50 %.0f ms; "
                  "pace at most %.2f s behind\n",
                  static_cast<unsigned long long>(report.gate_met),
                  static_cast<unsigned long long>(report.gate_passes),
                  static_cast<unsigned long long>(report.gate_failures),
                  static_cast<double>(report.gate_latency.quantile(0.5).count()) / 1000.0,
                  report.max_lag_s);
    return out + gate;
}

}  // namespace rempart::attack
