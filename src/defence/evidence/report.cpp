// One incident's evidence, sorted and counted, before it is written as JSON or CSV.
#include "defence/evidence/report.hpp"

#include <algorithm>
#include <charconv>
#include <set>
#include <tuple>

#include "defence/evidence/text.hpp"

namespace rempart::defence::evidence {
namespace {

std::string cluster_name(const ClusterEvidence& shown) {
    const auto& cluster = shown.cluster;
    std::string name = std::string(to_string(cluster.dimension)) + " = ";
    name += shown.example.empty() ? cluster.key_value : "\"" + shown.example + "\"";
    if (cluster.id != 0) name = "cluster " + std::to_string(cluster.id) + ": " + name;
    return name;
}

// "network 203.0.113.0/24", "as as:64500": what the timeline says a ban refused.
std::string kind_and_value(const Ban& ban) {
    return std::string(to_string(ban.kind)) + " " + ban.value;
}

// Moments of the clusters, of the actions and of the bans, in one line of time. At one
// millisecond, a detection comes before what it caused.
std::vector<Moment> timeline_of(const IncidentRecord& record, const Summary& summary) {
    struct Ranked {
        Moment moment;
        int rank;
        std::int64_t id;
    };
    std::vector<Ranked> lines;
    if (summary.first_event_ms)
        lines.push_back(
            {{*summary.first_event_ms, "first_event", "first event of the incident"}, 0, 0});
    for (const auto& shown : record.clusters) {
        const auto& c = shown.cluster;
        const auto name = cluster_name(shown);
        lines.push_back({{c.first_attempt_ms, "cluster_first_attempt", name}, 1, c.id});
        lines.push_back({{c.detected_ms, "cluster_detected",
                          name + " (" + std::to_string(c.attempts_in_window) + " of " +
                              std::to_string(c.window_total) + " attempts in the window, " +
                              std::to_string(c.distinct_networks) + " networks)"},
                         2,
                         c.id});
        if (c.contained_ms)
            lines.push_back(
                {{*c.contained_ms, "cluster_contained", name, c.held_until_ms}, 3, c.id});
        if (c.decided_ms)
            lines.push_back({{*c.decided_ms, "cluster_" + c.state,
                              name + (c.decided_by.empty() ? "" : " by " + c.decided_by)},
                             6,
                             c.id});
    }
    for (const auto& a : record.actions)
        lines.push_back({{a.at_ms, a.action, a.detail, a.until_ms}, 4, a.id});
    for (const auto& b : record.bans) {
        lines.push_back(
            {{b.from_ms, "ban_started", kind_and_value(b) + ": " + b.reason, b.until_ms}, 5, b.id});
        if (b.lifted_ms)
            lines.push_back({{*b.lifted_ms, "ban_lifted", kind_and_value(b)}, 6, b.id});
    }
    if (summary.last_event_ms)
        lines.push_back(
            {{*summary.last_event_ms, "last_event", "last event of the incident"}, 7, 0});
    std::sort(lines.begin(), lines.end(), [](const Ranked& a, const Ranked& b) {
        return std::tie(a.moment.at_ms, a.rank, a.id, a.moment.what, a.moment.detail) <
               std::tie(b.moment.at_ms, b.rank, b.id, b.moment.what, b.moment.detail);
    });
    std::vector<Moment> moments;
    for (auto& line : lines) moments.push_back(std::move(line.moment));
    return moments;
}

std::vector<MinuteRow> minutes_of(const std::vector<MinuteCount>& counts) {
    std::map<std::int64_t, MinuteRow> minutes;
    for (const auto& count : counts) {
        auto& row = minutes[count.minute_ms];
        row.minute_ms = count.minute_ms;
        row.total += count.events;
        row.by_verdict[count.verdict] += count.events;
    }
    std::vector<MinuteRow> rows;
    for (auto& [_, row] : minutes) rows.push_back(std::move(row));
    return rows;
}

std::vector<SampleRow> samples_of(std::vector<SignatureSample> samples) {
    std::sort(samples.begin(), samples.end(), [](const auto& a, const auto& b) {
        return std::tie(a.created_s, a.id) < std::tie(b.created_s, b.id);
    });
    if (samples.size() > sample_limit) samples.resize(sample_limit);
    std::vector<SampleRow> rows;
    for (const auto& s : samples) {
        SampleRow row;
        row.id = s.id;
        row.created_ms = s.created_s * 1000;
        if (s.confirmed_s) row.confirmed_ms = *s.confirmed_s * 1000;
        row.state = s.state;
        row.name = s.name;
        row.email_masked = mask_email(s.email);
        row.email_domain = s.email_domain;
        row.postcode = s.postcode;
        row.comment = s.comment;
        row.ip = s.ip;
        rows.push_back(std::move(row));
    }
    return rows;
}

Summary summary_of(const IncidentRecord& record, const Sources& sources) {
    Summary summary;
    for (const auto& source : record.sources) {
        if (!summary.first_event_ms || source.first_ms < *summary.first_event_ms)
            summary.first_event_ms = source.first_ms;
        if (!summary.last_event_ms || source.last_ms > *summary.last_event_ms)
            summary.last_event_ms = source.last_ms;
        summary.events += source.events;
        summary.by_verdict[source.verdict] += source.events;
    }
    summary.distinct_ips = static_cast<std::int64_t>(sources.addresses.size());
    summary.distinct_prefixes = static_cast<std::int64_t>(sources.networks.size());
    summary.distinct_ases =
        static_cast<std::int64_t>(std::count_if(sources.ases.begin(), sources.ases.end(),
                                                [](const AsRow& r) { return r.asn.has_value(); }));
    summary.distinct_user_agents = static_cast<std::int64_t>(record.user_agents.size());
    for (const auto& [_, count] : record.signatures_by_state) summary.signatures += count;
    return summary;
}

}  // namespace

std::string ban_organisation(const Report& report, const Ban& ban) {
    if (ban.kind != BanKind::as || !ban.value.starts_with("as:")) return {};
    std::int64_t number = 0;
    const auto text = std::string_view(ban.value).substr(3);
    const auto [end, err] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (err != std::errc() || end != text.data() + text.size()) return {};
    const auto found = report.as_organisations.find(number);
    return found == report.as_organisations.end() ? std::string() : found->second;
}

Report build_report(const IncidentRecord& record) {
    Report report;
    report.incident = record.incident;
    report.sources = group_sources(record.sources, record.as_organisations);
    report.summary = summary_of(record, report.sources);
    std::set<std::string> verdicts;
    for (const auto& source : record.sources) verdicts.insert(source.verdict);
    for (const auto& minute : record.minutes) verdicts.insert(minute.verdict);
    report.verdicts.assign(verdicts.begin(), verdicts.end());

    report.clusters = record.clusters;
    std::sort(report.clusters.begin(), report.clusters.end(), [](const auto& x, const auto& y) {
        const auto& a = x.cluster;
        const auto& b = y.cluster;
        return std::tuple(a.first_attempt_ms, a.id, to_string(a.dimension), a.key_value) <
               std::tuple(b.first_attempt_ms, b.id, to_string(b.dimension), b.key_value);
    });
    report.timeline = timeline_of(record, report.summary);
    report.bans = record.bans;
    std::sort(report.bans.begin(), report.bans.end(), [](const auto& a, const auto& b) {
        return std::tie(a.from_ms, a.id, a.value) < std::tie(b.from_ms, b.id, b.value);
    });
    report.minutes = minutes_of(record.minutes);
    report.user_agents = record.user_agents;
    std::sort(report.user_agents.begin(), report.user_agents.end(),
              [](const auto& a, const auto& b) {
                  if (a.events != b.events) return a.events > b.events;
                  return a.user_agent < b.user_agent;
              });
    report.samples = samples_of(record.samples);
    report.summary.samples_shown = static_cast<std::int64_t>(report.samples.size());
    report.signatures_by_state = record.signatures_by_state;
    report.as_organisations = record.as_organisations;
    return report;
}

}  // namespace rempart::defence::evidence
