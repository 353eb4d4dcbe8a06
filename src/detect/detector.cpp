// The streaming detector: sliding windows of signing attempts per petition, and the rules
// that tell a scripted flood from a crowd. Pure: events in, clusters out, no I/O.
#include "detect/detector.hpp"

#include <algorithm>
#include <cmath>

namespace rempart::detect {
namespace {

constexpr std::array<std::string_view, dimension_count> names{
    "name", "comment", "email_domain", "network", "as", "user_agent", "confirm_network"};

std::size_t index(Dimension d) {
    return static_cast<std::size_t>(d);
}

}  // namespace

std::string_view to_string(Dimension dimension) {
    return names[index(dimension)];
}

std::optional<Dimension> parse_dimension(std::string_view text) {
    for (std::size_t d = 0; d < dimension_count; ++d)
        if (to_string(static_cast<Dimension>(d)) == text) return static_cast<Dimension>(d);
    return std::nullopt;
}

Attempt attempt_of(const signatures::SigningEvent& event) {
    using Kind = signatures::SigningEvent::Kind;
    Attempt attempt;
    attempt.at_ms = event.at_ms;
    attempt.petition_id = event.petition_id.value_or(0);
    attempt.sender = event.ip.find(':') != std::string::npos ? event.network : event.ip;
    if (event.kind == Kind::confirmation) {
        attempt.keys[index(Dimension::confirm_network)] = event.network;
        return attempt;
    }
    if (event.kind != Kind::attempt) return attempt;
    attempt.keys[index(Dimension::name)] = event.name_key;
    attempt.keys[index(Dimension::comment)] = event.comment_key;
    attempt.keys[index(Dimension::email_domain)] = event.email_domain;
    attempt.keys[index(Dimension::network)] = event.network;
    if (event.asn) attempt.keys[index(Dimension::as)] = "as:" + std::to_string(*event.asn);
    attempt.keys[index(Dimension::user_agent)] = event.user_agent;
    return attempt;
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

void Detector::learn(const Attempt& attempt) {
    for (std::size_t d = 0; d < dimension_count; ++d) {
        const auto& key = attempt.keys[d];
        // Only the rules that compare with a baseline need one: names would fill it with
        // every signer's name for nothing.
        if (key.empty() || config_.rules[d].over_baseline <= 0) continue;
        auto& baseline = baselines_[d];
        // Decay everything by the time passed, lazily: scale the new weight up instead of
        // every old one down, and renormalise now and then.
        const double half_life_ms = static_cast<double>(config_.baseline_half_life.count()) * 1000;
        if (baseline.updated_ms == 0) baseline.updated_ms = attempt.at_ms;
        const double age = static_cast<double>(attempt.at_ms - baseline.updated_ms);
        const double weight = std::exp2(age / half_life_ms);
        baseline.weight[key] += weight;
        baseline.total += weight;
        if (weight > 1e6) {  // keep the numbers small
            for (auto& [_, w] : baseline.weight) w /= weight;
            baseline.total /= weight;
            baseline.updated_ms = attempt.at_ms;
        }
        // A bounded memory: rare values are forgotten first when there are too many.
        if (baseline.weight.size() > config_.max_window_events) {
            const double cut = baseline.total / static_cast<double>(baseline.weight.size());
            std::erase_if(baseline.weight, [cut](const auto& entry) { return entry.second < cut; });
        }
    }
}

double Detector::baseline_share(Dimension dimension, const std::string& value) const {
    const auto& baseline = baselines_[index(dimension)];
    if (baseline.total <= 0) return 0;
    const auto it = baseline.weight.find(value);
    return it == baseline.weight.end() ? 0 : it->second / baseline.total;
}

void Detector::expire(Window& window, std::int64_t now_ms) {
    const auto horizon = now_ms - static_cast<std::int64_t>(config_.window.count()) * 1000;
    while (!window.attempts.empty() && (window.attempts.front().at_ms < horizon ||
                                        window.attempts.size() > config_.max_window_events)) {
        count(window, window.attempts.front(), -1);
        learn(window.attempts.front());
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
        const auto total = counts.find(std::string(key));
        sources.push_back({std::string(key), count, total == counts.end() ? count : total->second});
    }
    std::sort(sources.begin(), sources.end(), [](const Source& a, const Source& b) {
        return a.in_cluster != b.in_cluster ? a.in_cluster > b.in_cluster : a.key < b.key;
    });
    return sources;
}

Cluster Detector::describe(const Window& window, Dimension dimension, const std::string& value,
                           std::int64_t petition_id) const {
    Cluster cluster;
    cluster.petition_id = petition_id;
    cluster.dimension = dimension;
    cluster.value = value;
    const auto d = index(dimension);
    cluster.count = window.counts[d].at(value);
    cluster.window_total = window.totals[d];
    cluster.share = static_cast<double>(cluster.count) / static_cast<double>(cluster.window_total);
    cluster.baseline_share = baseline_share(dimension, value);
    std::unordered_map<std::string_view, std::size_t> networks;
    std::unordered_map<std::string_view, std::size_t> ases;
    std::unordered_set<std::string_view> senders;
    for (const auto& attempt : window.attempts) {
        if (attempt.keys[d] != value) continue;
        if (cluster.first_ms == 0) cluster.first_ms = attempt.at_ms;
        cluster.last_ms = attempt.at_ms;
        senders.insert(attempt.sender);
        ++networks[attempt.key(Dimension::network)];
        if (const auto& as = attempt.key(Dimension::as); !as.empty()) ++ases[as];
    }
    cluster.distinct_networks = networks.size();
    cluster.distinct_senders = senders.size();
    cluster.networks = sources(window, Dimension::network, networks);
    cluster.ases = sources(window, Dimension::as, ases);
    return cluster;
}

std::vector<Cluster> Detector::observe(Attempt incoming) {
    auto& window = windows_[incoming.petition_id];
    expire(window, incoming.at_ms);
    window.attempts.push_back(std::move(incoming));
    const auto& attempt = window.attempts.back();
    count(window, attempt, +1);

    std::vector<Cluster> clusters;
    for (std::size_t d = 0; d < dimension_count; ++d) {
        const auto& value = attempt.keys[d];
        if (value.empty() || window.reported[d].contains(value)) continue;
        const auto& rule = config_.rules[d];
        const auto count = window.counts[d][value];
        if (count < rule.min_count) continue;
        const double share = static_cast<double>(count) / static_cast<double>(window.totals[d]);
        if (share < rule.min_share) continue;
        if (rule.over_baseline > 0) {
            if (large_providers_.contains(value)) continue;
            if (share < rule.over_baseline * baseline_share(static_cast<Dimension>(d), value))
                continue;
        }
        auto cluster = describe(window, static_cast<Dimension>(d), value, attempt.petition_id);
        if (static_cast<Dimension>(d) != Dimension::confirm_network &&
            cluster.distinct_senders < config_.min_senders)
            continue;
        window.reported[d].insert(value);
        clusters.push_back(std::move(cluster));
    }
    return clusters;
}

}  // namespace rempart::detect
