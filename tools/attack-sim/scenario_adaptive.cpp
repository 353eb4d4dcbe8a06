// (c): a slow attacker that adapts to thresholds: many /24s over several hosting ASes,
// real-looking names, a few catch-all domains, each IP, /24 and domain kept under its
// limit, confirmations after a human-looking delay; beside a petition's real signers.
// c-mailboxes: the same attacker with mailboxes it opened at the big providers instead,
// spread over them as a crowd's are, so that no domain stands out. Either way a script:
// it solves the proof of work natively and confirms from its own hosting hosts.
#include <algorithm>
#include <cmath>
#include <deque>
#include <map>
#include <vector>

#include "address_space.hpp"
#include "scenarios.hpp"
#include "word_lists.hpp"

namespace rempart::attack {
namespace {

// Uses of one key in the last minute.
class MinuteBudget {
  public:
    explicit MinuteBudget(unsigned cap) : cap_(cap) {}
    bool fits(const std::string& key, double at) {
        auto& uses = uses_[key];
        while (!uses.empty() && uses.front() <= at - 60) uses.pop_front();
        return uses.size() < cap_;
    }
    void take(const std::string& key, double at) { uses_[key].push_back(at); }

  private:
    unsigned cap_;
    std::map<std::string, std::deque<double>> uses_;
};

}  // namespace

Plan adaptive_attack(const ScenarioOptions& options, const KeyCaps& caps, AttackerMail mail) {
    Random random(options.seed * 71 + 3);
    const double rate = options.attack_rate > 0 ? options.attack_rate : 2.0;
    // One host a /24, a fifth more hosts than the per-IP cap strictly needs, spread over
    // every hosting AS: each network looks like a quiet one.
    const auto host_count =
        static_cast<std::size_t>(std::ceil(rate * 60 / caps.per_ip_minute * 1.2)) + 1;
    std::vector<std::string> hosts;
    std::vector<const AsBlock*> hosting;
    for (const auto& block : as_blocks())
        if (block.hosting) hosting.push_back(&block);
    for (std::size_t i = 0; i < host_count; ++i) {
        const auto& block = *hosting[i % hosting.size()];
        hosts.push_back(host_in(network_in(block, 20 + i / hosting.size() * 7 + random.below(7)),
                                2 + static_cast<unsigned>(random.below(250))));
    }
    MinuteBudget ip_budget(caps.per_ip_minute), network_budget(caps.per_network_minute),
        domain_budget(caps.per_domain_minute);

    Plan plan;
    plan.scenario = mail == AttackerMail::catch_all ? "adaptive" : "adaptive-mailboxes";
    plan.seed = options.seed;
    plan.duration_s = options.duration_s;
    std::size_t next_host = random.below(hosts.size());
    for (double at = random.exponential(1 / rate); at < options.duration_s;
         at += random.exponential(1 / rate)) {
        const std::string domain = mail == AttackerMail::catch_all
                                       ? std::string(attacker_catch_all_domains()[random.below(
                                             attacker_catch_all_domains().size())])
                                       : big_mail_provider(random);
        // The next host in turn that has room under every limit; none: wait for the next slot.
        std::string ip;
        for (std::size_t tried = 0; tried < hosts.size() && ip.empty(); ++tried) {
            const auto& candidate = hosts[(next_host + tried) % hosts.size()];
            if (ip_budget.fits(candidate, at) && network_budget.fits(network_24(candidate), at) &&
                domain_budget.fits(domain, at)) {
                ip = candidate;
                next_host = (next_host + tried + 1) % hosts.size();
            }
        }
        if (ip.empty()) continue;
        ip_budget.take(ip, at);
        network_budget.take(network_24(ip), at);
        domain_budget.take(domain, at);

        PlannedAttempt attempt;
        attempt.offset_s = at;
        attempt.ip = ip;
        attempt.name = real_looking_name(random);
        attempt.email = mailbox_for(attempt.name, random) + "@" + domain;
        if (random.chance(0.6)) attempt.postcode = random_postcode(random);
        if (random.chance(0.3)) attempt.comment = random.pick(crowd_comments());
        attempt.user_agent = random.pick(browser_user_agents());
        attempt.is_fake = true;
        attempt.confirmation = Confirmation{random.between(10, options.adaptive_confirm_max_s),
                                            hosts[random.below(hosts.size())]};
        plan.attempts.push_back(std::move(attempt));
    }
    return plan;
}

}  // namespace rempart::attack
