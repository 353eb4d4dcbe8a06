// rempart-attack-sim: replays an attack (or a crowd) against a running Rempart server.
#include <CLI/CLI.hpp>

#include <csignal>
#include <fstream>
#include <iostream>

#include "replay.hpp"
#include "scenarios.hpp"

namespace {

std::atomic<bool> stop_requested{false};
void request_stop(int) {
    stop_requested = true;
}

constexpr const char* description =
    "Replays the attacks of MISSION.md, or a crowd, against a Rempart server on 127.0.0.1.\n"
    "Each attempt fetches /altcha/challenge?petition=SLUG, solves it for real and posts\n"
    "/petitions/SLUG/sign with the planned source address in X-Forwarded-For: the server\n"
    "must trust 127.0.0.1/32 ([server] trusted_proxies) and load the AS table\n"
    "tools/attack-sim/asn.csv ([shield] asn_table), which maps the 127.0.0.0/8 blocks the\n"
    "scenarios use to hosting and eyeball ASes. With --maildir, confirmation mails are\n"
    "read from MAILDIR/new and confirmed (POST /s/TOKEN/confirm) when the plan says.\n"
    "\n"
    "Scenarios:\n"
    "  a, seed       the 2020 flood: 218 hosts in eight /24s of OVH, celebrity names,\n"
    "                'deso pas deso', throwaway addresses, 5/s (--rate for faster)\n"
    "  b, catch-all  the same on catchall.example, every mail confirmed within seconds\n"
    "                (run the server with [dns] check_mx = false)\n"
    "  c, adaptive   2/s from many /24s over ten hosting ASes, real-looking names, five\n"
    "                catch-all domains, each IP < 10/min, each /24 < 60/min, confirmed\n"
    "                after 10-120 s; beside 3 real signers a second (--crowd-rate)\n"
    "  d, viral      a television surge: 50/s from thousands of /24s of Orange, Free, SFR\n"
    "                and Bouygues, varied names and mailboxes, confirmations over minutes\n"
    "  mix           (a) starting a quarter of the way into (d)\n"
    "\n"
    "Exit status: 0 when the replay ran (whatever the server answered), 1 on bad usage,\n"
    "2 when the server never answered.\n";

}  // namespace

int main(int argc, char** argv) {
    using namespace rempart::attack;
    CLI::App cli{description, "rempart-attack-sim"};
    std::string scenario_name = "a";
    ScenarioOptions options;
    ReplayOptions replay_options;
    std::string report_file, addresses_file;
    bool plan_only = false;
    cli.add_option("-s,--scenario", scenario_name, "a|b|c|d|mix (or seed, catch-all, ...)")
        ->capture_default_str();
    cli.add_option("-p,--port", replay_options.port, "the server's port on 127.0.0.1");
    cli.add_option("--petition", replay_options.petition, "the petition's slug")
        ->default_val("noel");
    cli.add_option("--maildir", replay_options.maildir,
                   "the server's Maildir (<data_dir>/mail): confirm mails from there");
    cli.add_option("--seconds", options.duration_s, "length of the plan")->capture_default_str();
    cli.add_option("--rate", options.attack_rate,
                   "attacker attempts a second (default 5 for a/b, 2 for c)");
    cli.add_option("--crowd-rate", options.crowd_rate,
                   "real signers a second (default 50 for d and mix, 3 beside c)");
    cli.add_option("--hosts", options.flood_hosts, "hosts of the flood (a, b)")
        ->capture_default_str();
    cli.add_option("--flood-confirm-share", options.seed_confirm_share,
                   "share of the flood's mails it confirms (a, mix)")
        ->capture_default_str();
    cli.add_option("--confirm-mean", options.crowd_confirm_mean_s,
                   "real signers' mean delay to confirm, seconds")
        ->capture_default_str();
    cli.add_option("--never-confirm", options.crowd_never_confirm_share,
                   "share of real signers who never confirm")
        ->capture_default_str();
    cli.add_option("--seed", options.seed, "random seed: same seed, same plan")
        ->capture_default_str();
    cli.add_option("--workers", replay_options.workers, "attempts in flight at once")
        ->capture_default_str();
    cli.add_option("--linger", replay_options.linger_s,
                   "seconds after the plan's end to go on confirming")
        ->capture_default_str();
    cli.add_option("--report", report_file, "write the report as JSON to this file");
    cli.add_option("--addresses", addresses_file,
                   "write every planned address as CSV (email,fake) before starting");
    cli.add_flag("--plan-only", plan_only, "print the plan as CSV and send nothing");
    CLI11_PARSE(cli, argc, argv);

    const auto scenario = parse_scenario(scenario_name);
    if (!scenario) {
        std::cerr << "unknown scenario '" << scenario_name << "'\n";
        return 1;
    }
    const auto plan = make_plan(*scenario, options);
    if (!addresses_file.empty()) {
        std::ofstream out(addresses_file);
        out << "email,fake\n";
        for (const auto& attempt : plan.attempts)
            out << attempt.email << "," << (attempt.is_fake ? 1 : 0) << "\n";
    }
    if (plan_only) {
        std::cout << "offset_s,ip,name,email,postcode,comment,fake,confirm_after_s,confirm_ip\n";
        for (const auto& a : plan.attempts)
            std::cout << a.offset_s << "," << a.ip << ",\"" << a.name << "\"," << a.email << ","
                      << a.postcode << ",\"" << a.comment << "\"," << a.is_fake << ","
                      << (a.confirmation ? std::to_string(a.confirmation->delay_s) : "") << ","
                      << (a.confirmation ? a.confirmation->ip : "") << "\n";
        return 0;
    }
    if (replay_options.port == 0) {
        std::cerr << "--port is required to replay\n";
        return 1;
    }
    std::signal(SIGINT, request_stop);
    std::signal(SIGTERM, request_stop);
    replay_options.stop = &stop_requested;
    const auto report = replay(plan, replay_options);
    if (!report_file.empty()) std::ofstream(report_file) << to_json(report);
    std::cout << summary(report);
    const auto& f = report.fake;
    const auto& l = report.legit;
    const bool no_answer = (f.attempts + l.attempts) > 0 &&
                           f.challenge_status.count(0) + l.challenge_status.count(0) > 0 &&
                           f.challenge_status.size() + l.challenge_status.size() ==
                               f.challenge_status.count(0) + l.challenge_status.count(0);
    return no_answer ? 2 : 0;
}
