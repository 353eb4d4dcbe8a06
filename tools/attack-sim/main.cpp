// rempart-attack-sim: replays an attack (or a crowd) against a running Rempart server.
#include <CLI/CLI.hpp>

#include <atomic>
#include <csignal>
#include <fstream>
#include <iostream>

#include "botnet.hpp"
#include "replay.hpp"
#include "scenarios.hpp"
#include "visitor.hpp"

namespace {

using namespace rempart::attack;

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
    "  association   an association mails its members: 250 in 150 s (--crowd-rate), 60 %\n"
    "                on amis-du-bocage.fr, 40 % pasting its suggested comment, homes over\n"
    "                eight eyeball ASes, every mail confirmed 3-40 s later (a quarter from\n"
    "                a phone's mobile network)\n"
    "  comments      a comment wave: 250 in 150 s, 30 % 'Bravo !', 10 % 'Je signe', big\n"
    "                providers' mailboxes, the country's eyeball networks\n"
    "  campus        a surge one university relays: 20/s, 35 % on etu.univ-exemple.fr,\n"
    "                the rest small providers, 30 % from RENATER /24s behind campus NAT\n"
    "  c-mailboxes   (c) with mailboxes at the big providers instead of catch-all domains\n"
    "                (also adaptive-mailboxes)\n"
    "  association-mix, comments-mix, campus-mix\n"
    "                (a) starting a quarter of the way into each crowd\n"
    "                Real people solve the proof of work in a browser (the payload's took:\n"
    "                number / 200-2000 hashes a ms + 30-400 ms); scripts natively (~1 ms)\n"
    "  botnet        a page-view flood (GET /, /petitions/SLUG, /api/petitions/SLUG,\n"
    "                /search?q=...) at --rate (420/s: the seed's 3 million in 2 hours) from\n"
    "                at least --hosts addresses, enough that none sends more than 80 % of\n"
    "                --per-ip-limit a minute; 99 % of them in one hosting AS (--spread), over\n"
    "                many /24s; an address told 429 rests for its Retry-After. Asynchronous,\n"
    "                open-loop; --via xff (X-Forwarded-For from 127.0.0.1) or bind (each\n"
    "                address its own connection from 127.x.y.z). --solve-gate: each /24\n"
    "                passes the under-attack gate once and shares the cookie\n"
    "  visitor       a legitimate visitor from Orange and Free: --reads page reads and one\n"
    "                signature a person, --sign-rate people a second, passing the gate as a\n"
    "                browser does; every request's latency, --log for each as CSV\n"
    "\n"
    "Exit status: 0 when the replay ran (whatever the server answered), 1 on bad usage,\n"
    "2 when the server never answered.\n";

// The botnet's and the visitor's own options, beside the signing scenarios'.
struct FloodCli {
    BotnetOptions botnet;
    BotnetRunOptions run;
    std::string via = "xff";
    std::string spread = "one";
    std::string pages = "home=1,petition=1,api=1,search=1";
    unsigned timeout_ms = 5000;
    bool ignore_retry_after = false;
    VisitorOptions visitor;
};

void add_flood_options(CLI::App& cli, FloodCli& flood) {
    cli.add_option("--per-ip-limit", flood.botnet.per_ip_limit,
                   "botnet: page views a minute one address may send (the server's [traffic] "
                   "page_per_ip)")
        ->capture_default_str();
    cli.add_option("--via", flood.via, "botnet: xff or bind")->capture_default_str();
    cli.add_option("--spread", flood.spread,
                   "botnet: one (99 % in one hosting AS), hosting (all hosting ASes evenly), "
                   "everywhere (hosting and eyeball ASes evenly) or residential (eyeball ASes "
                   "evenly)")
        ->capture_default_str();
    cli.add_option("--main-as", flood.botnet.main_asn, "botnet: the AS most addresses are in")
        ->capture_default_str();
    cli.add_option("--main-share", flood.botnet.main_share,
                   "botnet: share of the addresses in the main AS (--spread one)")
        ->capture_default_str();
    cli.add_option("--per-network", flood.botnet.hosts_per_network,
                   "botnet: addresses a /24 holds before more /24s are used")
        ->capture_default_str();
    cli.add_option("--pages", flood.pages, "botnet: weight of each page")->capture_default_str();
    cli.add_option("--threads", flood.run.threads, "botnet: client threads")->capture_default_str();
    cli.add_option("--connections", flood.run.connections,
                   "botnet: requests in flight at once (xff: kept-alive connections)")
        ->capture_default_str();
    cli.add_option("--timeout-ms", flood.timeout_ms, "botnet: time for one answer")
        ->capture_default_str();
    cli.add_flag("--solve-gate", flood.run.solve_gate,
                 "botnet: each /24 passes the gate once and shares its cookie");
    cli.add_flag("--ignore-retry-after", flood.ignore_retry_after,
                 "botnet: keep sending after a 429 (no rest)");
    cli.add_option("--sign-rate", flood.visitor.signatures_per_s,
                   "visitor: people (each reading, then signing) a second")
        ->capture_default_str();
    cli.add_option("--reads", flood.visitor.reads_per_signature,
                   "visitor: page reads before each signature")
        ->capture_default_str();
    cli.add_option("--log", flood.visitor.log, "visitor: every request as CSV to this file");
}

int run_botnet_scenario(FloodCli& flood, const ScenarioOptions& options, unsigned hosts,
                        const ReplayOptions& replay, const std::string& report_file) {
    const auto via = parse_via(flood.via);
    const auto spread = parse_as_spread(flood.spread);
    const auto pages = parse_page_weights(flood.pages);
    if (!via || !spread || !pages) {
        std::cerr << (!via      ? "--via: xff or bind\n"
                      : !spread ? "--spread: one, hosting, everywhere or residential\n"
                                : "--pages: home=W,petition=W,api=W,search=W\n");
        return 1;
    }
    auto& botnet = flood.botnet;
    botnet.rate = options.attack_rate > 0 ? options.attack_rate : 420;
    botnet.duration_s = options.duration_s;
    botnet.hosts = hosts;
    botnet.spread = *spread;
    botnet.pages = *pages;
    botnet.seed = options.seed;
    auto& run = flood.run;
    run.port = replay.port;
    run.petition = replay.petition;
    run.via = *via;
    run.adapt = !flood.ignore_retry_after;
    run.timeout = std::chrono::milliseconds(flood.timeout_ms);
    run.stop = replay.stop;
    const auto plan = make_botnet_plan(botnet);
    const auto report = run_botnet(plan, run);
    if (!report_file.empty()) std::ofstream(report_file) << to_json(report);
    std::cout << summary(report);
    const auto& answers = report.counts.answers;
    const bool no_answer =
        report.counts.sent > 0 && answers[static_cast<std::size_t>(AnswerKind::error)] +
                                          answers[static_cast<std::size_t>(AnswerKind::timeout)] ==
                                      report.counts.sent;
    return no_answer ? 2 : 0;
}

int run_visitor_scenario(FloodCli& flood, const ScenarioOptions& options,
                         const ReplayOptions& replay, const std::string& report_file) {
    auto& visitor = flood.visitor;
    visitor.port = replay.port;
    visitor.petition = replay.petition;
    visitor.duration_s = options.duration_s;
    visitor.seed = options.seed;
    visitor.stop = replay.stop;
    const auto report = run_visitor(visitor);
    if (!report_file.empty()) std::ofstream(report_file) << to_json(report);
    std::cout << summary(report);
    const bool no_answer = report.reads.requests > 0 && report.reads.statuses.size() == 1 &&
                           report.reads.statuses.count(0) == 1;
    return no_answer ? 2 : 0;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App cli{description, "rempart-attack-sim"};
    std::string scenario_name = "a";
    ScenarioOptions options;
    ReplayOptions replay_options;
    std::string report_file, addresses_file;
    bool plan_only = false;
    FloodCli flood;
    unsigned hosts = 0;
    cli.add_option("-s,--scenario", scenario_name,
                   "a|b|c|d|mix|association|comments|campus|c-mailboxes|association-mix|"
                   "comments-mix|campus-mix (or seed, catch-all, ...), botnet, visitor")
        ->capture_default_str();
    cli.add_option("-p,--port", replay_options.port, "the server's port on 127.0.0.1");
    cli.add_option("--petition", replay_options.petition, "the petition's slug")
        ->default_val("noel");
    cli.add_option("--maildir", replay_options.maildir,
                   "the server's Maildir (<data_dir>/mail): confirm mails from there");
    auto* seconds = cli.add_option("--seconds", options.duration_s,
                                   "length of the plan (default 120, 150 for the association, "
                                   "comments and campus and their mixes)");
    cli.add_option("--rate", options.attack_rate,
                   "attacker attempts (botnet: requests) a second (default 5 for a/b, 2 for c, 420 "
                   "for botnet)");
    cli.add_option("--crowd-rate", options.crowd_rate,
                   "real signers a second (default 50 for d and mix, 3 beside c and "
                   "c-mailboxes, 250/150 for association and comments, 20 for campus)");
    cli.add_option("--hosts", hosts,
                   "hosts of the flood (a, b: 218), or the fewest of the botnet (4000)");
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
    bool print_label = false;
    cli.add_flag("--label", print_label, "print the scenario's one-line label and nothing else");
    add_flood_options(cli, flood);
    CLI11_PARSE(cli, argc, argv);

    if (scenario_name == "botnet" || scenario_name == "visitor") {
        if (replay_options.port == 0) {
            std::cerr << "--port is required\n";
            return 1;
        }
        std::signal(SIGINT, request_stop);
        std::signal(SIGTERM, request_stop);
        replay_options.stop = &stop_requested;
        if (scenario_name == "visitor")
            return run_visitor_scenario(flood, options, replay_options, report_file);
        return run_botnet_scenario(flood, options, hosts ? hosts : 4000, replay_options,
                                   report_file);
    }
    if (hosts) options.flood_hosts = hosts;

    const auto scenario = parse_scenario(scenario_name);
    if (!scenario) {
        std::cerr << "unknown scenario '" << scenario_name << "'\n";
        return 1;
    }
    if (print_label) {
        std::cout << label(*scenario) << "\n";
        return 0;
    }
    if (seconds->count() == 0) options.duration_s = default_duration_s(*scenario);
    const auto plan = make_plan(*scenario, options);
    if (!addresses_file.empty()) {
        std::ofstream out(addresses_file);
        out << "email,fake\n";
        for (const auto& attempt : plan.attempts)
            out << attempt.email << "," << (attempt.is_fake ? 1 : 0) << "\n";
    }
    if (plan_only) {
        std::cout << "offset_s,ip,name,email,postcode,comment,fake,confirm_after_s,confirm_ip,"
                     "solver,hashes_per_ms,overhead_ms\n";
        for (const auto& a : plan.attempts) {
            const bool browser = a.solver.kind == Solver::Kind::browser;
            std::cout << a.offset_s << "," << a.ip << ",\"" << a.name << "\"," << a.email << ","
                      << a.postcode << ",\"" << a.comment << "\"," << a.is_fake << ","
                      << (a.confirmation ? std::to_string(a.confirmation->delay_s) : "") << ","
                      << (a.confirmation ? a.confirmation->ip : "") << ","
                      << (browser ? "browser" : "native") << ","
                      << (browser ? std::to_string(a.solver.hashes_per_ms) : "") << ","
                      << (browser ? std::to_string(a.solver.overhead_ms) : "") << "\n";
        }
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
