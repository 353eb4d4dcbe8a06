// The streaming detector: sliding windows of signing attempts per petition, and the rules
// that tell a scripted flood from a crowd. Pure: events in, clusters out, no I/O.
#include "defence/detect/detector.hpp"

#include <algorithm>
#include <cmath>

namespace rempart::defence::detect {
namespace {

std::size_t index(Dimension d) {
    return static_cast<std::size_t>(d);
}

}  // namespace

Attempt attempt_of(const signatures::SigningEvent& event, Traits traits, const TrustList* trust) {
    using Kind = signatures::SigningEvent::Kind;
    Attempt attempt;
    attempt.at_ms = event.at_ms;
    attempt.petition_id = event.petition_id.value_or(0);
    attempt.sender = event.ip.find(':') != std::string::npos ? event.network : event.ip;
    attempt.link = event.link_key;
    // A campus or a company vouched for: its addresses count under no network, AS or
    // data-centre key; what a script does from there (robots, instant proofs) still shows.
    const bool trusted_network = trust && trust->trusts_address(attempt.petition_id, event.ip);
    if (trusted_network) traits &= static_cast<Traits>(~(hosting | unlisted));
    attempt.traits = traits;
    if (event.kind == Kind::confirmation) {
        attempt.is_confirmation = true;
        if (!trusted_network) attempt.keys[index(Dimension::confirm_network)] = event.network;
        return attempt;
    }
    if (event.kind == Kind::withdrawal) return attempt;
    attempt.keys[index(Dimension::name)] = event.name_key;
    attempt.keys[index(Dimension::comment)] = event.comment_key;
    if (!trust || !trust->trusts_domain(attempt.petition_id, event.email_domain))
        attempt.keys[index(Dimension::email_domain)] = event.email_domain;
    if (!trusted_network) {
        attempt.keys[index(Dimension::network)] = event.network;
        if (event.asn) attempt.keys[index(Dimension::as)] = "as:" + std::to_string(*event.asn);
    }
    attempt.keys[index(Dimension::user_agent)] = event.user_agent;
    attempt.keys[index(Dimension::automation)] = automation_key(traits);
    return attempt;
}

DetectorConfig submission_detector_config() {
    DetectorConfig config;
    config.window = std::chrono::seconds(3600);
    config.rules = {{
        {10, 0.20, 0},  // name: one author behind a fifth of the proposals
        {10, 0.20, 0},  // comment: the same title, or the same report's reason
        {10, 0.30, 5},  // email_domain
        {30, 2.0, 0},   // network: left to the rate limits
        {10, 0.30, 5},  // as
        {30, 2.0, 0},   // user_agent
        {30, 2.0, 0},   // confirm_network: proposals' confirmations are not counted
        {10, 0.30, 0},  // automation
    }};
    config.petition_prior = 20;
    config.max_window_events = 10000;
    return config;
}

Detector::Detector(DetectorConfig config) : config_(std::move(config)) {
    for (const auto& domain : config_.large_providers) large_providers_.insert(domain);
    for (const auto number : config_.large_networks)
        large_providers_.insert("as:" + std::to_string(number));
}

void Detector::count(Window& window, const Attempt& attempt, int delta) {
    for (std::size_t d = 0; d < dimension_count; ++d) {
        const auto& key = attempt.keys[d];
        if (key.empty()) continue;
        if (delta > 0) {
            ++window.counts[d][key];
            ++window.totals[d];
            continue;
        }
        auto it = window.counts[d].find(key);
        if (it == window.counts[d].end()) continue;
        --window.totals[d];
        const auto left = --it->second;
        if (left == 0) window.counts[d].erase(it);
        // Cooled down: it may be reported again if it comes back.
        if (left < std::max<std::size_t>(1, config_.rules[d].min_count / 2))
            window.reported[d].erase(key);
    }
}

void Detector::learn(Baselines& baselines, const Attempt& attempt) const {
    for (std::size_t d = 0; d < dimension_count; ++d) {
        const auto& key = attempt.keys[d];
        // Only the rules that compare with a baseline need one: names would fill it with
        // every signer's name for nothing.
        if (key.empty() || config_.rules[d].over_baseline <= 0) continue;
        auto& baseline = baselines[d];
        // Decay everything by the time passed, lazily: scale the new weight up instead of
        // every old one down, and renormalise now and then.
        const double half_life_ms = static_cast<double>(config_.baseline_half_life.count()) * 1000;
        if (baseline.updated_ms == 0) baseline.updated_ms = attempt.at_ms;
        const double age = static_cast<double>(attempt.at_ms - baseline.updated_ms);
        const double weight = std::exp2(age / half_life_ms);
        baseline.weight[key] += weight;
        baseline.total += weight;
        baseline.last_ms = attempt.at_ms;
        if (weight > 1e6) {  // keep the numbers small
            for (auto& [_, w] : baseline.weight) w /= weight;
            baseline.total /= weight;
            baseline.updated_ms = attempt.at_ms;
        }
        // A bounded memory: rare values are forgotten first when there are too many.
        if (baseline.weight.size() > config_.max_window_events) {
            const double cut = baseline.total / static_cast<double>(baseline.weight.size());
            boost::unordered::erase_if(baseline.weight,
                                       [cut](const auto& entry) { return entry.second < cut; });
        }
    }
}

double Detector::baseline_share(Dimension dimension, const std::string& value) const {
    const auto& baseline = baselines_[index(dimension)];
    if (baseline.total <= 0) return 0;
    const auto it = baseline.weight.find(value);
    return it == baseline.weight.end() ? 0 : it->second / baseline.total;
}

double Detector::baseline_share(std::int64_t petition_id, Dimension dimension,
                                const std::string& value) const {
    const double site = baseline_share(dimension, value);
    const auto found = petition_baselines_.find(petition_id);
    if (found == petition_baselines_.end()) return site;
    // The petition's decayed weights are in its own time scale: only their ratio counts,
    // so the prior is mixed in as a share of its total.
    const auto& own = found->second[index(dimension)];
    if (own.total <= 0) return site;
    const auto it = own.weight.find(value);
    const double own_share = it == own.weight.end() ? 0 : it->second / own.total;
    // How many attempts the petition's baseline stands for, undecayed: its weights grow by
    // 2^(age / half-life) from its start, so the count is its total over the last weight.
    const double half_life_ms = static_cast<double>(config_.baseline_half_life.count()) * 1000;
    const double last_weight =
        std::exp2(static_cast<double>(own.last_ms - own.updated_ms) / half_life_ms);
    const double seen = own.total / std::max(1.0, last_weight);
    const double prior = config_.petition_prior;
    return (own_share * seen + site * prior) / (seen + prior);
}

void Detector::expire(Window& window, std::int64_t now_ms) {
    const auto horizon = now_ms - static_cast<std::int64_t>(config_.window.count()) * 1000;
    while (!window.attempts.empty() && (window.attempts.front().at_ms < horizon ||
                                        window.attempts.size() > config_.max_window_events)) {
        const auto& leaving = window.attempts.front();
        count(window, leaving, -1);
        learn(baselines_, leaving);
        learn(petition_baselines_[leaving.petition_id], leaving);
        if (!leaving.link.empty()) window.by_link.erase(leaving.link);
        window.attempts.pop_front();
    }
}

std::vector<Source> Detector::sources(
    const Window& window, Dimension dimension,
    const std::unordered_map<std::string_view, std::size_t>& in_cluster) const {
    std::vector<Source> sources;
    sources.reserve(in_cluster.size());
    const auto& counts = window.counts[index(dimension)];
    for (const auto& [key, count] : in_cluster) {
        if (key.empty()) continue;
        const auto total = counts.find(key);
        sources.push_back({std::string(key), count, total == counts.end() ? count : total->second});
    }
    std::sort(sources.begin(), sources.end(), [](const Source& a, const Source& b) {
        return a.in_cluster != b.in_cluster ? a.in_cluster > b.in_cluster : a.key < b.key;
    });
    return sources;
}

Observation Detector::describe(const Window& window, Dimension dimension, const std::string& value,
                               std::int64_t petition_id) const {
    Observation cluster;
    cluster.petition_id = petition_id;
    cluster.dimension = dimension;
    cluster.key_value = value;
    const auto d = index(dimension);
    const auto count = window.counts[d].at(value);
    cluster.attempts_in_window = static_cast<std::int64_t>(count);
    cluster.window_total = static_cast<std::int64_t>(window.totals[d]);
    cluster.share = static_cast<double>(count) / static_cast<double>(window.totals[d]);
    cluster.baseline_share = baseline_share(petition_id, dimension, value);
    std::unordered_map<std::string_view, std::size_t> networks;
    std::unordered_map<std::string_view, std::size_t> ases;
    std::unordered_set<std::string_view> senders;
    for (const auto& attempt : window.attempts) {
        if (attempt.keys[d] != value) continue;
        if (cluster.first_attempt_ms == 0) cluster.first_attempt_ms = attempt.at_ms;
        cluster.last_ms = attempt.at_ms;
        senders.insert(attempt.sender);
        ++networks[attempt.key(Dimension::network)];
        if (const auto& as = attempt.key(Dimension::as); !as.empty()) ++ases[as];
        for (std::size_t t = 0; t < trait_count; ++t)
            if (attempt.traits & (1u << t)) ++cluster.with_trait[t];
        if (attempt.traits & timed_proof) ++cluster.timed;
        if (attempt.confirmed) {
            ++cluster.confirmed;
            if (attempt.confirmation_traits & (hosting | unlisted))
                ++cluster.confirmed_from_data_centres;
            if (attempt.confirmation_traits & (robot | instant_proof))
                ++cluster.confirmed_by_script;
        }
    }
    cluster.distinct_networks = static_cast<std::int64_t>(networks.size());
    cluster.distinct_senders = senders.size();
    cluster.networks = sources(window, Dimension::network, networks);
    cluster.ases = sources(window, Dimension::as, ases);
    return cluster;
}

void Detector::confirm(Window& window, const Attempt& confirmation) {
    ++window.confirmations;
    const auto found = window.by_link.find(confirmation.link);
    if (found == window.by_link.end()) return;
    found->second->confirmed = true;
    found->second->confirmation_traits = confirmation.traits;
    window.by_link.erase(found);
}

bool Detector::stands_out(const Window& window, std::size_t d, const std::string& value,
                          std::int64_t petition_id) const {
    const auto& rule = config_.rules[d];
    const auto found = window.counts[d].find(value);
    if (found == window.counts[d].end() || found->second < rule.min_count) return false;
    const double share = static_cast<double>(found->second) / static_cast<double>(window.totals[d]);
    if (share < rule.min_share) return false;
    if (rule.over_baseline <= 0) return true;
    if (large_providers_.contains(value)) return false;
    return share >=
           rule.over_baseline * baseline_share(petition_id, static_cast<Dimension>(d), value);
}

std::vector<Finding> Detector::observe(Attempt incoming) {
    auto& window = windows_[incoming.petition_id];
    expire(window, incoming.at_ms);
    const bool is_confirmation = incoming.is_confirmation;
    if (is_confirmation && !incoming.link.empty()) confirm(window, incoming);
    window.attempts.push_back(std::move(incoming));
    auto& attempt = window.attempts.back();
    count(window, attempt, +1);
    if (!is_confirmation && !attempt.link.empty()) window.by_link[attempt.link] = &attempt;

    std::vector<Finding> findings;
    // Judges a value that stands out; `news` says whether a watch is worth reporting (the
    // first time) or only a change of mind into an action is (when judged again).
    const auto judge_value = [&](std::size_t d, const std::string& value, Reported& reported,
                                 bool news) {
        auto cluster = describe(window, static_cast<Dimension>(d), value, attempt.petition_id);
        if (static_cast<Dimension>(d) != Dimension::confirm_network &&
            cluster.distinct_senders < config_.min_senders)
            return false;
        auto judgement = judge(cluster, config_.judge);
        cluster.evidence = judgement.text();
        // Judged again once it has grown by a tenth, or a tenth more of the window's
        // signatures were confirmed: evidence converges as the attack goes on.
        const auto count = static_cast<std::size_t>(cluster.attempts_in_window);
        reported.judge_again_at = count + std::max<std::size_t>(5, count / 10);
        reported.confirmations_at =
            window.confirmations + std::max<std::size_t>(5, cluster.confirmed / 10);
        reported.acted = judgement.act;
        if (news || judgement.act) findings.push_back({std::move(cluster), std::move(judgement)});
        return true;
    };
    for (std::size_t d = 0; d < dimension_count; ++d) {
        const auto& value = attempt.keys[d];
        if (value.empty()) continue;
        auto found = window.reported[d].find(value);
        if (found == window.reported[d].end()) {
            if (!stands_out(window, d, value, attempt.petition_id)) continue;
            Reported reported;
            if (judge_value(d, value, reported, true)) window.reported[d].emplace(value, reported);
        } else if (!found->second.acted &&
                   window.counts[d][value] >= found->second.judge_again_at) {
            judge_value(d, value, found->second, false);
        }
    }
    // A confirmation may be what turns a watched value of its attempt into an action.
    if (is_confirmation) {
        for (std::size_t d = 0; d < dimension_count; ++d)
            for (auto& [value, reported] : window.reported[d])
                if (!reported.acted && window.confirmations >= reported.confirmations_at)
                    judge_value(d, value, reported, false);
    }
    return findings;
}

}  // namespace rempart::defence::detect
