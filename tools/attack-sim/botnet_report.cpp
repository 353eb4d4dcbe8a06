// The botnet's report as JSON and as a summary.
#include "botnet_report.hpp"

#include <boost/json.hpp>

#include <cstdio>

namespace rempart::attack {
namespace {

constexpr std::array<std::string_view, answer_kinds> kind_names{"served", "refused", "gated",
                                                                "other",  "error",   "timeout"};

boost::json::object statuses_json(const std::map<unsigned, std::uint64_t>& counts) {
    boost::json::object out;
    for (const auto& [status, count] : counts) out[std::to_string(status)] = count;
    return out;
}

boost::json::object latency_json(const LatencyHistogram& h) {
    const auto ms = [](std::chrono::microseconds us) {
        return static_cast<double>(us.count()) / 1000.0;
    };
    return {{"count", h.count()},
            {"p50_ms", ms(h.quantile(0.50))},
            {"p90_ms", ms(h.quantile(0.90))},
            {"p99_ms", ms(h.quantile(0.99))},
            {"max_ms", ms(h.max())},
            {"mean_ms", h.mean_ms()}};
}

std::string statuses_text(const std::map<unsigned, std::uint64_t>& counts) {
    std::string out;
    for (const auto& [status, count] : counts)
        out += (out.empty() ? "" : " ") + std::to_string(status) + ":" + std::to_string(count);
    return out.empty() ? "-" : out;
}

unsigned long long ull(std::uint64_t n) {
    return static_cast<unsigned long long>(n);
}

}  // namespace

std::string_view to_string(AnswerKind kind) {
    return kind_names[static_cast<std::size_t>(kind)];
}

AnswerKind classify(unsigned status, bool gate_header, bool timed_out) {
    if (status == 0) return timed_out ? AnswerKind::timeout : AnswerKind::error;
    if ((status >= 200 && status < 300) || status == 304) return AnswerKind::served;
    if (status == 503 && gate_header) return AnswerKind::gated;
    if (status == 429 || status == 403 || status == 503) return AnswerKind::refused;
    return AnswerKind::other;
}

void BotnetCounts::merge(const BotnetCounts& other) {
    due += other.due;
    sent += other.sent;
    held_back += other.held_back;
    saturated += other.saturated;
    unsent += other.unsent;
    for (std::size_t i = 0; i < answer_kinds; ++i) answers[i] += other.answers[i];
    for (const auto& [status, count] : other.statuses) statuses[status] += count;
    for (std::size_t p = 0; p < page_kinds; ++p)
        for (const auto& [status, count] : other.statuses_by_page[p])
            statuses_by_page[p][status] += count;
    latency.merge(other.latency);
    lag.merge(other.lag);
    rests += other.rests;
    connections_opened += other.connections_opened;
    gate_solves += other.gate_solves;
    gate_passes += other.gate_passes;
    gate_failures += other.gate_failures;
    for (const auto& [status, count] : other.gate_challenge_statuses)
        gate_challenge_statuses[status] += count;
    for (const auto& [status, count] : other.gate_pass_statuses)
        gate_pass_statuses[status] += count;
    with_clearance += other.with_clearance;
    busiest_address = std::max(busiest_address, other.busiest_address);
}

std::string to_json(const BotnetReport& report) {
    const auto& c = report.counts;
    boost::json::object answers;
    for (std::size_t i = 0; i < answer_kinds; ++i) answers[kind_names[i]] = c.answers[i];
    boost::json::object pages;
    for (std::size_t p = 0; p < page_kinds; ++p)
        pages[to_string(static_cast<PageKind>(p))] = statuses_json(c.statuses_by_page[p]);
    const auto& o = report.options;
    boost::json::object json{{"scenario", "botnet"},
                             {"via", report.via},
                             {"target_rate", o.rate},
                             {"seconds", o.duration_s},
                             {"per_ip_limit", o.per_ip_limit},
                             {"spread", to_string(o.spread)},
                             {"seed", o.seed},
                             {"solve_gate", report.solve_gate},
                             {"adapt", report.adapt},
                             {"threads", report.threads},
                             {"connections", report.connections},
                             {"addresses", report.addresses},
                             {"networks", report.networks},
                             {"ases", report.ases},
                             {"main_as_addresses", report.main_as_addresses},
                             {"started_ms", report.started_ms},
                             {"elapsed_s", report.elapsed_s},
                             {"due", c.due},
                             {"sent", c.sent},
                             {"sent_rate", report.sent_rate()},
                             {"held_back", c.held_back},
                             {"saturated", c.saturated},
                             {"unsent", c.unsent},
                             {"answers", std::move(answers)},
                             {"statuses", statuses_json(c.statuses)},
                             {"statuses_by_page", std::move(pages)},
                             {"latency", latency_json(c.latency)},
                             {"lag", latency_json(c.lag)},
                             {"rests", c.rests},
                             {"connections_opened", c.connections_opened},
                             {"gate",
                              {{"solves", c.gate_solves},
                               {"passes", c.gate_passes},
                               {"failures", c.gate_failures},
                               {"challenge_statuses", statuses_json(c.gate_challenge_statuses)},
                               {"pass_statuses", statuses_json(c.gate_pass_statuses)},
                               {"requests_with_clearance", c.with_clearance}}},
                             {"busiest_address_requests", c.busiest_address}};
    return boost::json::serialize(json) + "\n";
}

std::string summary(const BotnetReport& report) {
    const auto& c = report.counts;
    const auto& o = report.options;
    const auto ms = [](std::chrono::microseconds us) {
        return static_cast<double>(us.count()) / 1000.0;
    };
    const auto answer = [&](AnswerKind k) { return ull(c.answers[static_cast<std::size_t>(k)]); };
    char text[2048];
    std::snprintf(
        text, sizeof text,
        "botnet via %s: %zu addresses in %zu /24s of %zu ASes (%zu in AS%u), target %.0f/s "
        "for %.0f s, per-IP limit %u/min\n"
        "  sent %llu in %.1f s: %.0f/s (due %llu; held back %llu, client saturated %llu, unsent "
        "%llu)\n"
        "  answers: served %llu, refused %llu, gated %llu, other %llu, errors %llu, "
        "timeouts %llu\n"
        "  statuses: %s\n"
        "  latency seen by the bots: p50 %.2f ms, p99 %.2f ms, max %.1f ms; "
        "sent late: p99 %.1f ms\n"
        "  rested after a 429: %llu; connections opened %llu; busiest address sent %llu\n",
        report.via.c_str(), report.addresses, report.networks, report.ases,
        report.main_as_addresses, o.main_asn, o.rate, o.duration_s, o.per_ip_limit, ull(c.sent),
        report.elapsed_s, report.sent_rate(), ull(c.due), ull(c.held_back), ull(c.saturated),
        ull(c.unsent), answer(AnswerKind::served), answer(AnswerKind::refused),
        answer(AnswerKind::gated), answer(AnswerKind::other), answer(AnswerKind::error),
        answer(AnswerKind::timeout), statuses_text(c.statuses).c_str(), ms(c.latency.quantile(0.5)),
        ms(c.latency.quantile(0.99)), ms(c.latency.max()), ms(c.lag.quantile(0.99)), ull(c.rests),
        ull(c.connections_opened), ull(c.busiest_address));
    std::string out = text;
    if (report.solve_gate) {
        std::snprintf(text, sizeof text,
                      "  gate: %llu solves, %llu passes, %llu failures (challenges %s; passes "
                      "%s); %llu requests with a clearance\n",
                      ull(c.gate_solves), ull(c.gate_passes), ull(c.gate_failures),
                      statuses_text(c.gate_challenge_statuses).c_str(),
                      statuses_text(c.gate_pass_statuses).c_str(), ull(c.with_clearance));
        out += text;
    }
    return out;
}

}  // namespace rempart::attack
