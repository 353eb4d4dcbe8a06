// An incident's evidence as one CSV file in sections, for a spreadsheet.
#include <initializer_list>

#include "defence/evidence/csv.hpp"
#include "defence/evidence/export.hpp"
#include "defence/evidence/report.hpp"
#include "defence/evidence/text.hpp"

namespace rempart::defence::evidence {
namespace {

using Cells = std::vector<std::string>;

std::string time_cell(const std::optional<std::int64_t>& ms) {
    return ms ? utc_text(*ms) : std::string();
}

std::string number(std::int64_t n) {
    return std::to_string(n);
}

std::string optional_as(const std::optional<std::int64_t>& asn) {
    return asn ? number(*asn) : std::string();
}

std::string joined(const std::vector<std::string>& parts) {
    std::string text;
    for (const auto& part : parts) text += (text.empty() ? "" : "; ") + part;
    return text;
}

// A section: a header row, its rows, a blank line. Every row starts with the section's
// name, so a filter on the first column shows one section.
class Section {
  public:
    Section(CsvText& csv, std::string name, Cells header) : csv_(csv), name_(std::move(name)) {
        header.insert(header.begin(), "section");
        csv_.row(header);
    }
    ~Section() { csv_.blank_line(); }
    void row(Cells cells) {
        cells.insert(cells.begin(), name_);
        csv_.row(cells);
    }

  private:
    CsvText& csv_;
    std::string name_;
};

// The counts by verdict, one column each, in the report's verdict order.
Cells with_verdicts(Cells cells, const Report& r, const VerdictCounts& by_verdict) {
    for (const auto& verdict : r.verdicts) {
        const auto found = by_verdict.find(verdict);
        cells.push_back(number(found == by_verdict.end() ? 0 : found->second));
    }
    return cells;
}

Cells verdict_header(Cells cells, const Report& r) {
    for (const auto& verdict : r.verdicts) cells.push_back("events_" + verdict);
    return cells;
}

void summary(CsvText& csv, const Report& r) {
    Section s(csv, "summary", {"field", "value"});
    const auto& i = r.incident;
    s.row({"format", "rempart-incident-evidence " + number(evidence_format_version)});
    s.row({"incident", number(i.id)});
    s.row({"incident_state", i.state});
    s.row({"subject", std::string(to_string(i.subject))});
    s.row({"petition", i.petition_slug});
    s.row({"petition_title", i.petition_title});
    s.row({"opened_utc", utc_text(i.opened_ms)});
    s.row({"quarantined_at_opening", number(i.quarantined)});
    s.row({"first_event_utc", time_cell(r.summary.first_event_ms)});
    s.row({"last_event_utc", time_cell(r.summary.last_event_ms)});
    s.row({"events", number(r.summary.events)});
    for (const auto& [verdict, count] : r.summary.by_verdict)
        s.row({"events_" + verdict, number(count)});
    s.row({"distinct_ips", number(r.summary.distinct_ips)});
    s.row({"distinct_prefixes", number(r.summary.distinct_prefixes)});
    s.row({"distinct_ases", number(r.summary.distinct_ases)});
    s.row({"distinct_user_agents", number(r.summary.distinct_user_agents)});
    s.row({"clusters", number(static_cast<std::int64_t>(r.clusters.size()))});
    s.row({"bans", number(static_cast<std::int64_t>(r.bans.size()))});
    s.row({"signatures", number(r.summary.signatures)});
    for (const auto& [state, count] : r.signatures_by_state)
        s.row({"signatures_" + state, number(count)});
    s.row({"signatures_shown", number(r.summary.samples_shown)});
}

void clusters(CsvText& csv, const Report& r) {
    Section s(csv, "clusters",
              {"cluster", "dimension", "key", "example", "state", "attempts_in_window",
               "window_total", "distinct_networks", "signatures_held", "first_attempt_utc",
               "detected_utc", "contained_utc", "held_until_utc", "decided_utc", "decided_by"});
    for (const auto& shown : r.clusters) {
        const auto& c = shown.cluster;
        s.row({c.id == 0 ? "" : number(c.id), std::string(to_string(c.dimension)), c.key_value,
               shown.example, c.state, number(c.attempts_in_window), number(c.window_total),
               number(c.distinct_networks), number(shown.signatures_held),
               utc_text(c.first_attempt_ms), utc_text(c.detected_ms), time_cell(c.contained_ms),
               time_cell(c.held_until_ms), time_cell(c.decided_ms), c.decided_by});
    }
}

void timeline(CsvText& csv, const Report& r) {
    Section s(csv, "timeline", {"at_utc", "what", "detail", "until_utc"});
    for (const auto& m : r.timeline)
        s.row({utc_text(m.at_ms), m.what, m.detail, time_cell(m.until_ms)});
}

void minutes(CsvText& csv, const Report& r) {
    Section s(csv, "events_per_minute", verdict_header({"minute_utc", "events"}, r));
    for (const auto& m : r.minutes)
        s.row(with_verdicts({utc_text(m.minute_ms), number(m.total)}, r, m.by_verdict));
}

void bans(CsvText& csv, const Report& r) {
    Section s(csv, "bans",
              {"kind", "value", "organisation", "from_utc", "until_utc", "lifted_utc", "reason"});
    for (const auto& b : r.bans)
        s.row({std::string(to_string(b.kind)), b.value, ban_organisation(r, b), utc_text(b.from_ms),
               utc_text(b.until_ms), time_cell(b.lifted_ms), b.reason});
}

void sources(CsvText& csv, const Report& r) {
    {
        Section s(csv, "networks",
                  verdict_header({"prefix", "as", "organisation", "distinct_ips", "first_seen_utc",
                                  "last_seen_utc", "events"},
                                 r));
        for (const auto& n : r.sources.networks) {
            std::vector<std::string> numbers;
            for (const auto asn : n.asns) numbers.push_back(number(asn));
            s.row(with_verdicts(
                {n.prefix, joined(numbers), joined(n.organisations), number(n.distinct_ips),
                 utc_text(n.first_ms), utc_text(n.last_ms), number(n.total)},
                r, n.by_verdict));
        }
    }
    {
        Section s(csv, "autonomous_systems",
                  verdict_header({"as", "organisation", "distinct_prefixes", "distinct_ips",
                                  "first_seen_utc", "last_seen_utc", "events"},
                                 r));
        for (const auto& a : r.sources.ases)
            s.row(with_verdicts({optional_as(a.asn), a.organisation, number(a.distinct_prefixes),
                                 number(a.distinct_ips), utc_text(a.first_ms), utc_text(a.last_ms),
                                 number(a.total)},
                                r, a.by_verdict));
    }
    Section s(csv, "ips",
              verdict_header({"ip", "prefix", "as", "organisation", "first_seen_utc",
                              "last_seen_utc", "events"},
                             r));
    for (const auto& a : r.sources.addresses)
        s.row(with_verdicts({a.ip, a.prefix, optional_as(a.asn), a.organisation,
                             utc_text(a.first_ms), utc_text(a.last_ms), number(a.total)},
                            r, a.by_verdict));
}

void user_agents(CsvText& csv, const Report& r) {
    Section s(csv, "user_agents", {"user_agent", "events", "first_seen_utc", "last_seen_utc"});
    for (const auto& u : r.user_agents)
        s.row({u.user_agent, number(u.events), utc_text(u.first_ms), utc_text(u.last_ms)});
}

void samples(CsvText& csv, const Report& r) {
    Section s(csv, "signatures",
              {"id", "created_utc", "confirmed_utc", "state", "name", "email_masked",
               "email_domain", "postcode", "comment", "ip"});
    for (const auto& x : r.samples)
        s.row({number(x.id), utc_text(x.created_ms), time_cell(x.confirmed_ms), x.state, x.name,
               x.email_masked, x.email_domain, x.postcode, x.comment, x.ip});
}

}  // namespace

Export export_csv(const IncidentRecord& record) {
    const auto report = build_report(record);
    CsvText csv;
    summary(csv, report);
    clusters(csv, report);
    timeline(csv, report);
    minutes(csv, report);
    bans(csv, report);
    sources(csv, report);
    user_agents(csv, report);
    samples(csv, report);
    Export out;
    out.filename = "incident-" + std::to_string(record.incident.id) + ".csv";
    out.content_type = "text/csv; charset=utf-8; header=present";
    out.bytes = csv.take();
    out.sha256 = sha256_hex(out.bytes);
    return out;
}

}  // namespace rempart::defence::evidence
