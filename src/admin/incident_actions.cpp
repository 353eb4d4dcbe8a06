// The moderators' decisions on an incident: a cluster invalidated or released, a ban lifted.
// Each is written with its audit entry in one job, then the defence is told. A release is
// mailed to the admins in the same job: real signers had been set aside.
#include <spdlog/spdlog.h>

#include "admin/incident_routes.hpp"
#include "admin/release_mail.hpp"
#include "core/log_events.hpp"
#include "core/log_text.hpp"
#include "defence/model/errors.hpp"
#include "store/ban_repository.hpp"
#include "store/cluster_decisions.hpp"
#include "store/incident_repository.hpp"
#include "store/outbox_repository.hpp"

namespace rempart::admin {
namespace {

Awaitable decide_incident(IncidentServices& s, const Params& params, const AdminContext& context) {
    const auto incident = id_of(params[0]);
    const auto cluster = id_of(params[1]);
    const std::string word(params[2]);
    if (incident == 0 || cluster == 0 || (word != "invalidate" && word != "release"))
        co_return admin_notice(s.admin, context.language, 404, "admin.incident_missing_title",
                               "admin.incident_missing");
    const auto decision = word == "invalidate" ? defence::ClusterDecision::invalidate
                                               : defence::ClusterDecision::release;
    const auto now = unix_now_ms();
    const auto by = context.user.email;
    auto entry =
        audit_entry(context, "cluster_" + std::string(defence::to_string(decision)),
                    "incident " + std::to_string(incident) + " cluster " + std::to_string(cluster));
    auto mails = std::make_shared<std::size_t>(0);
    std::function<Result<store::DecidedCluster>(store::Database&)> job =
        [incident, cluster, decision, by, now, entry, mails,
         &site = s.admin.site](store::Database& db) mutable -> Result<store::DecidedCluster> {
        // The cluster must belong to the incident in the address: a stale page or a
        // hand-made request decides nothing else.
        auto& owner = db.prepare("SELECT incident_id FROM incident_clusters WHERE id = ?1");
        owner.bind(1, cluster);
        const bool belongs = owner.step() && owner.column_int(0) == incident;
        owner.reset();
        if (!belongs)
            return make_error(defence::DefenceError::cluster_not_found,
                              "no such cluster in this incident");
        auto decided = store::decide_cluster(db, cluster, decision, by, now);
        if (!decided) return decided;
        entry.detail += ": " + std::to_string(decided->signatures) + " " +
                        std::string(defence::to_string(decided->cluster.subject));
        if (auto audited = store::insert_audit(db, entry); !audited) return audited.error();
        if (decision != defence::ClusterDecision::release) return decided;
        // Proposals and reports given back are in the moderators' queue, where the one who
        // released them works: the admins' mail is about counts the defence made wrong.
        if (decided->cluster.subject != defence::Subject::signatures) return decided;
        // Queued with the decision, so neither exists without the other. Rendered here,
        // unlike the defence's alert: its wording (plural, the paragraph on signatures kept
        // by hand) hangs on figures only this transaction knows, and a moderator's click is
        // rare, where the defence's writes come with a flood.
        for (const auto& mail : release_mails(site, *decided, by)) {
            if (auto queued = store::enqueue_mail(db, "alert", site.config().mail.from, mail.to,
                                                  mail.message, now / 1000);
                !queued)
                return queued.error();
            if (auto acted =
                    store::record_incident_action(db, incident, now, "alert_mailed", mail.to);
                !acted)
                return acted.error();
            ++*mails;
        }
        return decided;
    };
    const auto decided =
        co_await s.admin.store.writer().write<store::DecidedCluster>(std::move(job));
    if (!decided) {
        if (decided.error().code == defence::DefenceError::cluster_not_found)
            co_return admin_notice(s.admin, context.language, 404, "admin.incident_missing_title",
                                   "admin.incident_missing");
        spdlog::error("{} error={}", log_event::store_write_failed,
                      log_text(decided.error().detail));
        co_return admin_notice(s.admin, context.language, 503, "admin.busy_title", "admin.busy");
    }
    if (s.defence) s.defence->decided(*decided, decision);
    if (*mails > 0 && s.admin.mail_queued) s.admin.mail_queued();
    spdlog::warn("{} incident={} cluster={} decision={} signatures={} by={} mails={}",
                 log_event::incident_decided, incident, cluster, word, decided->signatures, by,
                 *mails);
    co_return admin_redirect("/admin/incidents/" + std::to_string(incident) +
                             "?done=" + std::string(defence::to_string(decision)));
}

Awaitable lift(IncidentServices& s, const Params& params, const AdminContext& context) {
    const auto ban_id = id_of(params[0]);
    const auto now = unix_now_ms();
    auto entry = audit_entry(context, "ban_lifted", "ban " + std::to_string(ban_id));
    std::function<Result<defence::Ban>(store::Database&)> job =
        [ban_id, now, entry,
         by = context.user.email](store::Database& db) mutable -> Result<defence::Ban> {
        auto lifted = store::lift_ban(db, ban_id, now);
        if (!lifted) return lifted;
        entry.detail += " (" + lifted->value + ")";
        if (auto audited = store::insert_audit(db, entry); !audited) return audited.error();
        if (lifted->incident_id) {
            auto acted = store::record_incident_action(db, *lifted->incident_id, now, "ban_lifted",
                                                       lifted->value + " by " + by);
            if (!acted) return acted.error();
        }
        return lifted;
    };
    const auto lifted = co_await s.admin.store.writer().write<defence::Ban>(std::move(job));
    if (!lifted) {
        if (lifted.error().code == defence::DefenceError::ban_over)
            co_return admin_notice(s.admin, context.language, 409, "admin.ban_over_title",
                                   "admin.ban_over");
        co_return admin_notice(s.admin, context.language, 404, "admin.incident_missing_title",
                               "admin.ban_missing");
    }
    if (s.defence) s.defence->lifted(*lifted);
    spdlog::warn("{} ban={} value={} decision=lifted by={}", log_event::incident_decided, ban_id,
                 lifted->value, context.user.email);
    co_return admin_redirect(lifted->incident_id
                                 ? "/admin/incidents/" + std::to_string(*lifted->incident_id) +
                                       "?done=lifted"
                                 : std::string("/admin/incidents"));
}

}  // namespace

void add_incident_action_routes(http::Router& router, IncidentServices& services) {
    add_admin_route(router, services.admin, http::Method::post,
                    "/admin/incidents/{id}/clusters/{cluster}/{decision}", "admin_cluster_decide",
                    accounts::Action::act_on_incidents,
                    [&services](const Request&, const Params& params, const AdminContext& context) {
                        return decide_incident(services, params, context);
                    });
    add_admin_route(router, services.admin, http::Method::post, "/admin/bans/{id}/lift",
                    "admin_ban_lift", accounts::Action::act_on_incidents,
                    [&services](const Request&, const Params& params, const AdminContext& context) {
                        return lift(services, params, context);
                    });
}

}  // namespace rempart::admin
