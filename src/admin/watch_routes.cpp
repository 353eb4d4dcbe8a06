// The watches in the back office: values that repeated with no sign of automation, the
// signatures behind each, and the moderator's word (dismissed, or invalidated by hand).
#include <spdlog/spdlog.h>

#include "admin/incident_routes.hpp"
#include "admin/watch_decision.hpp"
#include "admin/watch_invalidation.hpp"
#include "core/log_events.hpp"
#include "core/log_text.hpp"
#include "render/evidence_text.hpp"
#include "store/watch_repository.hpp"
#include "store/watch_signatures.hpp"

namespace rempart::admin {
namespace {

// A moderator judges a crowd by its signers: enough to see a pattern, one screen on a phone
// scrolled a few times.
constexpr std::size_t samples_shown = 50;
constexpr std::size_t watches_listed = 200;

// Names and comments are kept as keyed hashes: the page shows what a signer typed.
std::string shown_value(const defence::Watch& watch,
                        const std::vector<store::SignatureSample>& samples) {
    if (!defence::is_hashed(watch.dimension)) return watch.key_value;
    if (samples.empty()) return "…";
    return watch.dimension == defence::Dimension::name ? samples[0].name : samples[0].comment;
}

std::string percent_of(std::int64_t part, std::int64_t whole) {
    return std::to_string(whole > 0 ? (part * 100 + whole / 2) / whole : 0);
}

std::string petition_title(const IncidentServices& s, const std::string& slug) {
    const auto snapshot = s.admin.site.catalog().current();
    const auto* petition = snapshot->find(slug);
    return petition ? petition->title : slug;
}

PageData watch_row(const IncidentServices& s, const AdminContext& context,
                   const defence::Watch& watch,
                   const std::vector<store::SignatureSample>& samples) {
    PageData row;
    row.set("id", std::to_string(watch.id));
    row.set("petition_title", petition_title(s, watch.petition_slug));
    row.set("petition_slug", watch.petition_slug);
    row.set("dimension",
            say(s, context, "admin.dimension_" + std::string(defence::to_string(watch.dimension))));
    row.set("value", shown_value(watch, samples));
    row.set("attempts", std::to_string(watch.attempts_in_window));
    row.set("window_total", std::to_string(watch.window_total));
    row.set("share", percent_of(watch.attempts_in_window, watch.window_total));
    row.set("networks", std::to_string(watch.distinct_networks));
    row.set("opened", utc_time(watch.opened_ms));
    row.set("updated", utc_time(watch.updated_ms));
    row.set("first_attempt", utc_time(watch.first_attempt_ms));
    row.set("state", say(s, context, "admin.watch_state_" + watch.state));
    row.set("open", watch.state == "open");
    return row;
}

struct WatchList {
    std::vector<defence::Watch> watches;
    std::vector<std::vector<store::SignatureSample>> first;  // one sample, for hashed values
};

Awaitable list_page(IncidentServices& s, const AdminContext& context) {
    std::function<WatchList(store::Database&)> read = [](store::Database& db) {
        WatchList list;
        list.watches = store::list_watches(db, watches_listed);
        for (const auto& watch : list.watches)
            list.first.push_back(defence::is_hashed(watch.dimension)
                                     ? store::watch_signatures(db, watch, 1).samples
                                     : std::vector<store::SignatureSample>{});
        return list;
    };
    const auto list = co_await s.admin.store.readers().read<WatchList>(std::move(read));
    PageData rows = PageData::type::list;
    std::size_t open = 0;
    for (std::size_t i = 0; i < list.watches.size(); ++i) {
        rows.push_back(watch_row(s, context, list.watches[i], list.first[i]));
        if (list.watches[i].state == "open") ++open;
    }
    PageData data;
    data.set("watches", rows);
    data.set("none", list.watches.empty());
    data.set("open_count", std::to_string(open));
    co_return admin_page(s.admin, context, 200, "admin.watches_title", "watches", std::move(data));
}

struct WatchDetail {
    std::optional<defence::Watch> watch;
    store::WatchSignatures signatures;
};

PageData sample_rows(const IncidentServices& s, const AdminContext& context,
                     const std::vector<store::SignatureSample>& samples) {
    PageData rows = PageData::type::list;
    for (const auto& sample : samples) {
        PageData item;
        item.set("created", utc_time(sample.created_at * 1000));
        item.set("name", sample.name);
        item.set("domain", sample.email_domain);
        item.set("comment", sample.comment);
        item.set("postcode", sample.postcode);
        item.set("state", say(s, context, "admin.signature_state_" + sample.state));
        rows.push_back(item);
    }
    return rows;
}

Awaitable watch_page(IncidentServices& s, const Request& request, const Params& params,
                     const AdminContext& context) {
    const auto id = id_of(params[0]);
    std::function<WatchDetail(store::Database&)> read = [id](store::Database& db) {
        WatchDetail detail;
        if (id == 0) return detail;
        detail.watch = store::find_watch(db, id);
        if (detail.watch)
            detail.signatures = store::watch_signatures(db, *detail.watch, samples_shown);
        return detail;
    };
    const auto detail = co_await s.admin.store.readers().read<WatchDetail>(std::move(read));
    if (!detail.watch)
        co_return admin_notice(s.admin, context.language, 404, "admin.watch_missing_title",
                               "admin.watch_missing");
    const auto& watch = *detail.watch;
    const auto& samples = detail.signatures.samples;
    auto data = watch_row(s, context, watch, samples);
    const auto query = request.query;
    for (const auto* done : {"dismissed", "invalidated"})
        data.set(std::string("done_") + done,
                 query.find(std::string("done=") + done) != std::string_view::npos);
    data.set("evidence", lines_of(render::evidence_sentences(s.admin.pages.messages(),
                                                             context.language, watch.evidence),
                                  "sentence"));
    data.set("has_evidence", !watch.evidence.empty());
    data.set("samples", sample_rows(s, context, samples));
    data.set("has_samples", !samples.empty());
    data.set("samples_caption", render::fill(say(s, context, "admin.watch_samples"),
                                             {{"shown", std::to_string(samples.size())},
                                              {"total", std::to_string(detail.signatures.total)}}));
    // kainjow renders a section for any string, the empty one too: a bool says whether.
    data.set("has_decided", watch.decided_ms.has_value());
    data.set("decided", watch.decided_ms ? watch.decided_by + ", " + utc_time(*watch.decided_ms)
                                         : std::string());
    data.set("escalated", watch.incident_id.has_value());
    data.set("incident_id", watch.incident_id ? std::to_string(*watch.incident_id) : "");
    const auto typed_name =
        watch.dimension == defence::Dimension::name && !samples.empty() ? samples[0].name : "";
    if (const auto input = invalidation_of(watch, typed_name, unix_now_ms())) {
        data.set("invalidation_link", invalidation_link(*input));
        data.set("can_invalidate", true);
    } else {
        data.set("can_invalidate", false);
    }
    co_return admin_page(s.admin, context, 200, "admin.watch_title", "watch", std::move(data));
}

Awaitable decide_watch(IncidentServices& s, const Params& params, const AdminContext& context) {
    const auto id = id_of(params[0]);
    const auto decision = parse_watch_decision(params[1]);
    if (id == 0 || !decision)
        co_return admin_notice(s.admin, context.language, 404, "admin.watch_missing_title",
                               "admin.watch_missing");
    const std::string state(watch_state(*decision));
    auto entry =
        audit_entry(context, std::string(audit_action(*decision)), "watch " + std::to_string(id));
    std::function<Result<defence::Watch>(store::Database&)> job =
        [id, state, by = context.user.email, now = unix_now_ms(),
         entry](store::Database& db) mutable -> Result<defence::Watch> {
        auto decided = store::decide_watch(db, id, state, by, now);
        if (!decided) return decided;
        entry.detail += " (" + std::string(defence::to_string(decided->dimension)) + ", petition " +
                        decided->petition_slug + ")";
        if (auto audited = store::insert_audit(db, entry); !audited) return audited.error();
        return decided;
    };
    const auto decided = co_await s.admin.store.writer().write<defence::Watch>(std::move(job));
    if (!decided) {
        const auto refusal = watch_refusal(decided.error());
        if (refusal.status >= 500)
            spdlog::error("{} error={}", log_event::store_write_failed,
                          log_text(decided.error().detail));
        co_return admin_notice(s.admin, context.language, refusal.status, refusal.title_key,
                               refusal.text_key);
    }
    spdlog::warn("{} watch={} petition={} dimension={} decision={} by={}", log_event::watch_decided,
                 id, decided->petition_slug, defence::to_string(decided->dimension), state,
                 context.user.email);
    co_return admin_redirect("/admin/watches/" + std::to_string(id) + "?done=" + state);
}

}  // namespace

void add_watch_routes(http::Router& router, IncidentServices& services) {
    add_admin_route(router, services.admin, http::Method::get, "/admin/watches", "admin_watches",
                    accounts::Action::view_incidents,
                    [&services](const Request&, const Params&, const AdminContext& context) {
                        return list_page(services, context);
                    });
    add_admin_route(
        router, services.admin, http::Method::get, "/admin/watches/{id}", "admin_watch",
        accounts::Action::view_incidents,
        [&services](const Request& request, const Params& params, const AdminContext& context) {
            return watch_page(services, request, params, context);
        });
    add_admin_route(router, services.admin, http::Method::post, "/admin/watches/{id}/{decision}",
                    "admin_watch_decide", accounts::Action::act_on_incidents,
                    [&services](const Request&, const Params& params, const AdminContext& context) {
                        return decide_watch(services, params, context);
                    });
}

}  // namespace rempart::admin
