// A replay's report as JSON and as a summary.
#include "report.hpp"

#include <boost/json.hpp>

#include <cstdio>

namespace rempart::attack {
namespace {

boost::json::object statuses(const std::map<unsigned, std::uint64_t>& counts) {
    boost::json::object out;
    for (const auto& [status, count] : counts) out[std::to_string(status)] = count;
    return out;
}

boost::json::object side_json(const SideCounts& side) {
    return {{"attempts", side.attempts},
            {"requests", side.requests},
            {"refused", side.refused},
            {"accepted", side.accepted},
            {"unsolved", side.unsolved},
            {"hashes", side.hashes},
            {"max_difficulty", side.max_difficulty},
            {"mails", side.mails},
            {"confirmations_sent", side.confirmations_sent},
            {"confirmations_accepted", side.confirmations_accepted},
            {"confirmations_left", side.confirmations_left},
            {"challenge_status", statuses(side.challenge_status)},
            {"sign_status", statuses(side.sign_status)},
            {"confirm_status", statuses(side.confirm_status)}};
}

std::string status_text(const std::map<unsigned, std::uint64_t>& counts) {
    std::string out;
    for (const auto& [status, count] : counts)
        out += (out.empty() ? "" : " ") + std::to_string(status) + ":" + std::to_string(count);
    return out.empty() ? "-" : out;
}

std::string side_text(const char* label, const SideCounts& side) {
    char line[512];
    std::snprintf(
        line, sizeof line,
        "%s attempts %llu, requests %llu (refused %llu), forms %s, accepted %llu; "
        "mails %llu, confirmations %llu sent (%llu accepted, %llu left); "
        "hardest proof of work %llu\n",
        label, static_cast<unsigned long long>(side.attempts),
        static_cast<unsigned long long>(side.requests),
        static_cast<unsigned long long>(side.refused), status_text(side.sign_status).c_str(),
        static_cast<unsigned long long>(side.accepted), static_cast<unsigned long long>(side.mails),
        static_cast<unsigned long long>(side.confirmations_sent),
        static_cast<unsigned long long>(side.confirmations_accepted),
        static_cast<unsigned long long>(side.confirmations_left),
        static_cast<unsigned long long>(side.max_difficulty));
    return line;
}

}  // namespace

std::string to_json(const Report& report) {
    boost::json::array timeline;
    for (const auto& second : report.timeline)
        timeline.push_back({second.fake_sent, second.fake_accepted, second.legit_sent,
                            second.legit_accepted, second.confirmations});
    boost::json::object json{
        {"scenario", report.scenario},
        {"seed", report.seed},
        {"petition", report.petition},
        {"started_ms", report.started_ms},
        {"first_fake_ms", report.first_fake_ms},
        {"last_fake_ms", report.last_fake_ms},
        {"finished_ms", report.finished_ms},
        {"fake", side_json(report.fake)},
        {"legit", side_json(report.legit)},
        {"max_lag_s", report.max_lag_s},
        {"late_attempts", report.late_attempts},
        {"timeline_columns",
         {"fake_sent", "fake_accepted", "legit_sent", "legit_accepted", "confirmations"}},
        {"timeline", std::move(timeline)}};
    return boost::json::serialize(json) + "\n";
}

std::string summary(const Report& report) {
    char head[256];
    std::snprintf(head, sizeof head, "scenario %s (seed %llu) on /petitions/%s: %.1f s\n",
                  report.scenario.c_str(), static_cast<unsigned long long>(report.seed),
                  report.petition.c_str(),
                  static_cast<double>(report.finished_ms - report.started_ms) / 1000.0);
    std::string out = head;
    if (report.fake.attempts) out += side_text("  attacker:", report.fake);
    if (report.legit.attempts) out += side_text("  crowd:   ", report.legit);
    char lag[128];
    std::snprintf(lag, sizeof lag, "  pacing: %llu attempts over a second late, at most %.1f s\n",
                  static_cast<unsigned long long>(report.late_attempts), report.max_lag_s);
    return out + lag;
}

}  // namespace rempart::attack
