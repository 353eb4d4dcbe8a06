// An incident's evidence as pretty-printed JSON.
#include <boost/json.hpp>

#include "defence/evidence/export.hpp"
#include "defence/evidence/pretty_json.hpp"
#include "defence/evidence/report.hpp"
#include "defence/evidence/text.hpp"

namespace rempart::defence::evidence {
namespace {

namespace json = boost::json;

// Every time twice: text for a person, milliseconds for a program.
void put_time(json::object& object, std::string_view name, std::optional<std::int64_t> ms) {
    const std::string base(name);
    if (ms) {
        object[base + "_utc"] = utc_text(*ms);
        object[base + "_ms"] = *ms;
    } else {
        object[base + "_utc"] = nullptr;
        object[base + "_ms"] = nullptr;
    }
}

json::value optional_number(const std::optional<std::int64_t>& n) {
    return n ? json::value(*n) : json::value(nullptr);
}

json::object counts(const VerdictCounts& by_verdict) {
    json::object object;
    for (const auto& [verdict, count] : by_verdict) object[verdict] = count;
    return object;
}

json::object incident_json(const Incident& i) {
    json::object o;
    o["id"] = i.id;
    o["state"] = i.state;
    o["subject"] = to_string(i.subject);
    if (i.subject == Subject::signatures)
        o["petition"] = json::object{
            {"id", i.petition_id}, {"slug", i.petition_slug}, {"title", i.petition_title}};
    else
        o["petition"] = nullptr;
    put_time(o, "opened", i.opened_ms);
    o["quarantined_at_opening"] = i.quarantined;
    return o;
}

json::object summary_json(const Report& r) {
    const auto& s = r.summary;
    json::object o;
    put_time(o, "first_event", s.first_event_ms);
    put_time(o, "last_event", s.last_event_ms);
    o["events"] = s.events;
    o["events_by_verdict"] = counts(s.by_verdict);
    o["distinct_ips"] = s.distinct_ips;
    o["distinct_prefixes"] = s.distinct_prefixes;
    o["distinct_ases"] = s.distinct_ases;
    o["distinct_user_agents"] = s.distinct_user_agents;
    o["clusters"] = static_cast<std::int64_t>(r.clusters.size());
    o["bans"] = static_cast<std::int64_t>(r.bans.size());
    o["signatures"] = s.signatures;
    o["signatures_by_state"] = counts(r.signatures_by_state);
    o["signatures_shown"] = s.samples_shown;
    return o;
}

json::array clusters_json(const std::vector<ClusterEvidence>& clusters) {
    json::array a;
    for (const auto& shown : clusters) {
        const auto& c = shown.cluster;
        json::object o;
        o["id"] = c.id == 0 ? json::value(nullptr) : json::value(c.id);
        o["dimension"] = to_string(c.dimension);
        o["key"] = c.key_value;
        o["example"] = shown.example;
        o["state"] = c.state;
        o["attempts_in_window"] = c.attempts_in_window;
        o["window_total"] = c.window_total;
        o["distinct_networks"] = c.distinct_networks;
        o["signatures_held"] = shown.signatures_held;
        put_time(o, "first_attempt", c.first_attempt_ms);
        put_time(o, "detected", c.detected_ms);
        put_time(o, "contained", c.contained_ms);
        put_time(o, "held_until", c.held_until_ms);
        put_time(o, "decided", c.decided_ms);
        o["decided_by"] = c.decided_by;
        a.push_back(std::move(o));
    }
    return a;
}

json::array timeline_json(const Report& r) {
    json::array a;
    for (const auto& m : r.timeline) {
        json::object o;
        put_time(o, "at", m.at_ms);
        o["what"] = m.what;
        o["detail"] = m.detail;
        put_time(o, "until", m.until_ms);
        a.push_back(std::move(o));
    }
    return a;
}

json::array minutes_json(const Report& r) {
    json::array a;
    for (const auto& m : r.minutes) {
        json::object o;
        put_time(o, "minute", m.minute_ms);
        o["events"] = m.total;
        o["events_by_verdict"] = counts(m.by_verdict);
        a.push_back(std::move(o));
    }
    return a;
}

json::array bans_json(const Report& r) {
    json::array a;
    for (const auto& b : r.bans) {
        json::object o;
        o["kind"] = to_string(b.kind);
        o["value"] = b.value;
        o["organisation"] = ban_organisation(r, b);
        o["reason"] = b.reason;
        put_time(o, "from", b.from_ms);
        put_time(o, "until", b.until_ms);
        put_time(o, "lifted", b.lifted_ms);
        a.push_back(std::move(o));
    }
    return a;
}

template <class Row>
void put_counts(json::object& o, const Row& row) {
    o["events"] = row.total;
    o["events_by_verdict"] = counts(row.by_verdict);
    put_time(o, "first_seen", row.first_ms);
    put_time(o, "last_seen", row.last_ms);
}

json::object sources_json(const Sources& sources) {
    json::array networks;
    for (const auto& n : sources.networks) {
        json::object o;
        o["prefix"] = n.prefix;
        json::array ases;
        for (std::size_t i = 0; i < n.asns.size(); ++i)
            ases.push_back(json::object{{"as", n.asns[i]}, {"organisation", n.organisations[i]}});
        o["autonomous_systems"] = std::move(ases);
        o["distinct_ips"] = n.distinct_ips;
        put_counts(o, n);
        networks.push_back(std::move(o));
    }
    json::array ases;
    for (const auto& s : sources.ases) {
        json::object o;
        o["as"] = optional_number(s.asn);
        o["organisation"] = s.organisation;
        o["distinct_prefixes"] = s.distinct_prefixes;
        o["distinct_ips"] = s.distinct_ips;
        put_counts(o, s);
        ases.push_back(std::move(o));
    }
    json::array addresses;
    for (const auto& s : sources.addresses) {
        json::object o;
        o["ip"] = s.ip;
        o["prefix"] = s.prefix;
        o["as"] = optional_number(s.asn);
        o["organisation"] = s.organisation;
        put_counts(o, s);
        addresses.push_back(std::move(o));
    }
    return json::object{{"networks", std::move(networks)},
                        {"autonomous_systems", std::move(ases)},
                        {"ips", std::move(addresses)}};
}

json::array user_agents_json(const Report& r) {
    json::array a;
    for (const auto& u : r.user_agents) {
        json::object o;
        o["user_agent"] = u.user_agent;
        o["events"] = u.events;
        put_time(o, "first_seen", u.first_ms);
        put_time(o, "last_seen", u.last_ms);
        a.push_back(std::move(o));
    }
    return a;
}

json::array samples_json(const Report& r) {
    json::array a;
    for (const auto& s : r.samples) {
        json::object o;
        o["id"] = s.id;
        put_time(o, "created", s.created_ms);
        put_time(o, "confirmed", s.confirmed_ms);
        o["state"] = s.state;
        o["name"] = s.name;
        o["email_masked"] = s.email_masked;
        o["email_domain"] = s.email_domain;
        o["postcode"] = s.postcode;
        o["comment"] = s.comment;
        o["ip"] = s.ip;
        a.push_back(std::move(o));
    }
    return a;
}

}  // namespace

Export export_json(const IncidentRecord& record) {
    const auto report = build_report(record);
    json::object root;
    root["format"] = "rempart-incident-evidence";
    root["format_version"] = evidence_format_version;
    root["incident"] = incident_json(report.incident);
    root["summary"] = summary_json(report);
    root["clusters"] = clusters_json(report.clusters);
    root["timeline"] = timeline_json(report);
    root["events_per_minute"] = minutes_json(report);
    root["bans"] = bans_json(report);
    root["sources"] = sources_json(report.sources);
    root["user_agents"] = user_agents_json(report);
    root["signatures"] =
        json::object{{"rule", "the " + std::to_string(sample_limit) +
                                  " earliest signatures involved; e-mail local parts masked"},
                     {"shown", samples_json(report)}};
    Export out;
    out.filename = "incident-" + std::to_string(record.incident.id) + ".json";
    out.content_type = "application/json; charset=utf-8";
    out.bytes = pretty_json(root);
    out.sha256 = sha256_hex(out.bytes);
    return out;
}

}  // namespace rempart::defence::evidence
