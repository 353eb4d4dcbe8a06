// The incidents list, one incident's page and its evidence files.
#include "admin/incident_routes.hpp"

#include <map>

#include "defence/evidence/export.hpp"
#include "defence/evidence/organisations.hpp"
#include "render/evidence_text.hpp"
#include "render/verdict_chart.hpp"
#include "store/evidence_repository.hpp"
#include "store/incident_views.hpp"

namespace rempart::admin {

std::string say(const IncidentServices& s, const AdminContext& context, std::string_view key) {
    return say(s.admin, context, key);
}

namespace {

// A subject's own word where it has one ("admin.done_released_proposals"), signing's
// otherwise: an incident about proposals or reports speaks of them, not of signatures.
std::string own_key(const IncidentServices& s, const AdminContext& context, std::string key,
                    defence::Subject subject) {
    if (subject == defence::Subject::signatures) return key;
    auto keyed = key + "_" + std::string(defence::to_string(subject));
    return s.admin.pages.messages().all(context.language).contains(keyed) ? keyed : key;
}

std::string say_about(const IncidentServices& s, const AdminContext& context, std::string_view key,
                      defence::Subject subject) {
    return say(s, context, own_key(s, context, "admin." + std::string(key), subject));
}

std::string released_text(const IncidentServices& s, const AdminContext& context,
                          defence::Subject subject, std::int64_t count) {
    // Plural forms are kept under their key and a form's suffix ("_other").
    const auto key = own_key(s, context, "admin.released_signers_other", subject);
    return s.admin.pages.messages().plural(
        context.language, key.substr(0, key.size() - std::string_view("_other").size()), count);
}

PageData summary_data(const IncidentServices& s, const AdminContext& context,
                      const store::IncidentSummary& summary) {
    const auto& incident = summary.incident;
    const auto subject = incident.subject;
    PageData row;
    row.set("id", std::to_string(incident.id));
    // Proposals and reports are watched across the site: the subject stands for a petition.
    const bool signatures = subject == defence::Subject::signatures;
    row.set("petition_title", signatures ? incident.petition_title
                                         : say_about(s, context, "incident_subject", subject));
    row.set("petition_slug", incident.petition_slug);
    row.set("has_petition", signatures);
    // The words of the page that name what is set aside.
    PageData words;
    for (const auto* key :
         {"incident_quarantined", "incident_released", "cluster_quarantined", "cluster_samples",
          "sample_name", "sample_comment", "done_invalidated", "done_released"})
        words.set(key, say_about(s, context, key, subject));
    row.set("w", words);
    row.set("state", say(s, context, "admin.incident_state_" + incident.state));
    row.set("open", incident.state == "open");
    row.set("opened", utc_time(incident.opened_ms));
    row.set("clusters", std::to_string(summary.clusters));
    row.set("quarantined", std::to_string(summary.quarantined_now));
    row.set("released", std::to_string(summary.released));
    row.set("has_released", summary.released > 0);
    row.set("released_text", released_text(s, context, subject, summary.released));
    return row;
}

// Names and comments are held as keyed hashes: the page shows what a signer typed.
std::string shown_value(const store::ClusterView& shown) {
    const auto& cluster = shown.cluster;
    if (!defence::is_hashed(cluster.dimension)) return cluster.key_value;
    if (shown.samples.empty()) return "…";
    return cluster.dimension == defence::Dimension::name ? shown.samples[0].name
                                                         : shown.samples[0].comment;
}

PageData cluster_data(const IncidentServices& s, const AdminContext& context,
                      const store::IncidentView& view, const store::ClusterView& shown) {
    const auto& cluster = shown.cluster;
    PageData row;
    row.set("id", std::to_string(cluster.id));
    row.set("incident", std::to_string(view.summary.incident.id));
    row.set(
        "dimension",
        say(s, context, "admin.dimension_" + std::string(defence::to_string(cluster.dimension))));
    row.set("value", shown_value(shown));
    row.set("attempts", std::to_string(cluster.attempts_in_window));
    row.set("window_total", std::to_string(cluster.window_total));
    row.set("networks", std::to_string(cluster.distinct_networks));
    row.set("detected", utc_time(cluster.detected_ms));
    // Both are always written with a cluster's row (only the evidence reads an older one).
    const auto contained_ms = cluster.contained_ms.value_or(0) - cluster.first_attempt_ms;
    row.set("contained_after", std::to_string((contained_ms + 999) / 1000));
    row.set("held_until", utc_time(cluster.held_until_ms.value_or(0)));
    row.set("state", say(s, context, "admin.cluster_state_" + cluster.state));
    // kainjow renders a section for any string, the empty one too: a bool says whether.
    row.set("has_decided", cluster.decided_ms.has_value());
    row.set("decided", cluster.decided_ms
                           ? cluster.decided_by + ", " + utc_time(*cluster.decided_ms)
                           : std::string());
    row.set("evidence", lines_of(render::evidence_sentences(s.admin.pages.messages(),
                                                            context.language, cluster.evidence),
                                 "sentence"));
    row.set("has_evidence", !cluster.evidence.empty());
    // Once released, those it holds that count again are real signers it had set aside.
    row.set("has_released", cluster.state == "released" && shown.counted > 0);
    row.set("released_text", released_text(s, context, cluster.subject, shown.counted));
    row.set("quarantined", std::to_string(shown.quarantined));
    row.set("invalidated", std::to_string(shown.invalidated));
    row.set("by_hand", std::to_string(shown.invalidated_by_hand));
    row.set("has_by_hand", shown.invalidated_by_hand > 0);
    row.set("counted", std::to_string(shown.counted));
    row.set("can_invalidate", shown.quarantined + shown.counted > 0);
    // What a moderator invalidated by hand, a release does not give back.
    row.set("can_release", shown.quarantined + shown.invalidated - shown.invalidated_by_hand > 0);
    PageData samples = PageData::type::list;
    for (const auto& sample : shown.samples) {
        PageData item;
        item.set("created", utc_time(sample.created_at * 1000));
        item.set("name", sample.name);
        item.set("domain", sample.email_domain);
        item.set("comment", sample.comment);
        item.set("ip", sample.ip);
        item.set("state",
                 say(s, context,
                     (cluster.subject == defence::Subject::signatures ? "admin.signature_state_"
                                                                      : "admin.set_aside_state_") +
                         sample.state));
        samples.push_back(item);
    }
    row.set("has_samples", !shown.samples.empty());
    row.set("samples", samples);
    return row;
}

std::string chart_of(const IncidentServices& s, const AdminContext& context,
                     const store::IncidentView& view) {
    std::map<std::int64_t, render::ChartMinute> by_minute;
    std::array<std::int64_t, render::verdict_group_count> totals{};
    for (const auto& row : view.minutes) {
        auto& minute = by_minute[row.minute_ms];
        minute.minute_ms = row.minute_ms;
        const auto group = static_cast<std::size_t>(render::verdict_group(row.verdict));
        minute.counts[group] += row.events;
        totals[group] += row.events;
    }
    std::vector<render::ChartMinute> minutes;
    for (const auto& [at, minute] : by_minute) minutes.push_back(minute);
    render::ChartLabels labels;
    labels.title = say_about(s, context, "chart_title", view.summary.incident.subject);
    labels.groups = {
        say(s, context, "admin.verdict_accepted"), say(s, context, "admin.verdict_quarantined"),
        say(s, context, "admin.verdict_duplicate"), say(s, context, "admin.verdict_refused")};
    labels.marker_label = say(s, context, "admin.chart_opened");
    labels.description = labels.title + ": ";
    for (std::size_t g = 0; g < totals.size(); ++g)
        labels.description += (g ? ", " : "") + labels.groups[g] + " " + std::to_string(totals[g]);
    return render::verdict_chart_svg(minutes, labels, view.summary.incident.opened_ms);
}

Awaitable incident_page(IncidentServices& s, const Request& request, const Params& params,
                        const AdminContext& context) {
    const auto id = id_of(params[0]);
    std::function<Result<store::IncidentView>(store::Database&)> read = [id](store::Database& db) {
        return store::load_incident_view(db, id);
    };
    const auto view =
        co_await s.admin.store.readers().read<Result<store::IncidentView>>(std::move(read));
    if (!view)
        co_return admin_notice(s.admin, context.language, 404, "admin.incident_missing_title",
                               "admin.incident_missing");
    std::function<std::vector<store::EvidenceExport>(store::Database&)> read_exports =
        [id](store::Database& db) { return store::list_evidence_exports(db, id); };
    const auto exports = co_await s.admin.store.readers().read<std::vector<store::EvidenceExport>>(
        std::move(read_exports));

    PageData data = summary_data(s, context, view->summary);
    // After a decision, the page says what it did.
    const auto query = request.query;
    for (const auto* done : {"invalidated", "released", "lifted"})
        data.set(std::string("done_") + done,
                 query.find(std::string("done=") + done) != std::string_view::npos);
    data.set("chart_html", chart_of(s, context, *view));
    PageData clusters = PageData::type::list;
    for (const auto& cluster : view->clusters)
        clusters.push_back(cluster_data(s, context, *view, cluster));
    data.set("cluster_list", clusters);
    PageData actions = PageData::type::list;
    for (const auto& action : view->actions) {
        PageData row;
        row.set("at", utc_time(action.at_ms));
        row.set("action", say(s, context, "admin.action_" + action.action));
        row.set("detail", action.detail);
        row.set("until", action.until_ms ? utc_time(*action.until_ms) : std::string());
        actions.push_back(row);
    }
    data.set("actions", actions);
    PageData bans = PageData::type::list;
    const auto now = unix_now_ms();
    for (const auto& ban : view->bans) {
        PageData row;
        row.set("id", std::to_string(ban.id));
        row.set("value", ban.value);
        row.set("until", utc_time(ban.until_ms));
        row.set("reason", ban.reason);
        row.set("lifted", ban.lifted_ms ? utc_time(*ban.lifted_ms) : std::string());
        row.set("active", !ban.lifted_ms && ban.until_ms > now);
        bans.push_back(row);
    }
    data.set("has_bans", !view->bans.empty());
    data.set("bans", bans);
    PageData files = PageData::type::list;
    for (const auto& file : exports) {
        PageData row;
        row.set("format", file.format);
        row.set("sha256", file.sha256);
        row.set("size", std::to_string(file.size_bytes));
        row.set("at", utc_time(file.exported_ms));
        row.set("by", file.exported_by);
        files.push_back(row);
    }
    data.set("has_exports", !exports.empty());
    data.set("exports", files);
    co_return admin_page(s.admin, context, 200, "admin.incident_title", "incident",
                         std::move(data));
}

// The file is built from the store as it is now, recorded with its SHA-256 (shown on the
// incident's page), then handed out.
Awaitable evidence_file(IncidentServices& s, const Request&, const Params& params,
                        const AdminContext& context) {
    const auto id = id_of(params[0]);
    const std::string format(params[1]);
    if (format != "json" && format != "csv")
        co_return admin_notice(s.admin, context.language, 404, "admin.incident_missing_title",
                               "admin.evidence_format_unknown");
    const auto now = unix_now_ms();
    std::function<Result<defence::IncidentRecord>(store::Database&)> read =
        [id, now](store::Database& db) { return store::load_incident_record(db, id, now); };
    auto record =
        co_await s.admin.store.readers().read<Result<defence::IncidentRecord>>(std::move(read));
    if (!record)
        co_return admin_notice(s.admin, context.language, 404, "admin.incident_missing_title",
                               "admin.incident_missing");
    defence::evidence::name_autonomous_systems(*record, s.asn_table);
    auto file = format == "json" ? defence::evidence::export_json(*record)
                                 : defence::evidence::export_csv(*record);
    const auto entry =
        audit_entry(context, "evidence_exported",
                    "incident " + std::to_string(id) + " " + format + " sha256 " + file.sha256);
    std::function<Result<std::int64_t>(store::Database&)> write =
        [id, format, sha = file.sha256, size = static_cast<std::int64_t>(file.bytes.size()), now,
         by = context.user.email, entry](store::Database& db) -> Result<std::int64_t> {
        auto recorded = store::record_evidence_export(db, id, format, sha, size, now, by);
        if (!recorded) return recorded;
        if (auto audited = store::insert_audit(db, entry); !audited) return audited.error();
        return recorded;
    };
    const auto recorded = co_await s.admin.store.writer().write<std::int64_t>(std::move(write));
    if (!recorded)
        co_return admin_notice(s.admin, context.language, 503, "admin.busy_title", "admin.busy");
    Response response;
    response.content_type = file.content_type;
    response.body = std::move(file.bytes);
    response.set_header("Content-Disposition", "attachment; filename=\"" + file.filename + "\"");
    response.set_header("X-Content-SHA256", file.sha256);
    co_return response;
}

}  // namespace

void add_incident_routes(http::Router& router, IncidentServices& services) {
    add_admin_route(
        router, services.admin, http::Method::get, "/admin/incidents", "admin_incidents",
        accounts::Action::view_incidents,
        [&services](const Request&, const Params&, const AdminContext& context) -> Awaitable {
            std::function<std::vector<store::IncidentSummary>(store::Database&)> read =
                [](store::Database& db) { return store::list_incidents(db, 200); };
            const auto incidents =
                co_await services.admin.store.readers().read<std::vector<store::IncidentSummary>>(
                    std::move(read));
            PageData list = PageData::type::list;
            for (const auto& incident : incidents)
                list.push_back(summary_data(services, context, incident));
            PageData data;
            data.set("incidents", list);
            data.set("none", incidents.empty());
            co_return admin_page(services.admin, context, 200, "admin.incidents_title", "incidents",
                                 std::move(data));
        });
    add_admin_route(
        router, services.admin, http::Method::get, "/admin/incidents/{id}", "admin_incident",
        accounts::Action::view_incidents,
        [&services](const Request& request, const Params& params, const AdminContext& context) {
            return incident_page(services, request, params, context);
        });
    add_admin_route(
        router, services.admin, http::Method::get, "/admin/incidents/{id}/evidence/{format}",
        "admin_evidence", accounts::Action::view_incidents,
        [&services](const Request& request, const Params& params, const AdminContext& context) {
            return evidence_file(services, request, params, context);
        });
}

}  // namespace rempart::admin
