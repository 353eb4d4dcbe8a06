// A moderator's word on a cluster: invalidated or released.
#include "store/cluster_decisions.hpp"

#include "defence/model/errors.hpp"
#include "store/incident_repository.hpp"
#include "store/incident_rows.hpp"
#include "store/submission_holds.hpp"

namespace rempart::store {

using defence::ClusterDecision;

namespace {

// The cluster's signatures invalidated, or given back unless something else still holds them.
Result<void> decide_signatures(Database& db, std::int64_t cluster_id, ClusterDecision decision,
                               DecidedCluster& decided) {
    auto& change = db.prepare(
        decision == ClusterDecision::invalidate
            ? "UPDATE signatures SET state = 'invalidated' WHERE state IN ('pending', "
              "'confirmed', 'quarantined') AND id IN (SELECT signature_id FROM quarantine_holds "
              "WHERE cluster_id = ?1)"
            : "UPDATE signatures SET state = CASE WHEN confirmed_at IS NULL THEN 'pending' ELSE "
              "'confirmed' END WHERE state IN ('quarantined', 'invalidated') AND id IN (SELECT "
              "signature_id FROM quarantine_holds WHERE cluster_id = ?1) AND NOT EXISTS (SELECT 1 "
              "FROM quarantine_holds h JOIN incident_clusters c ON c.id = h.cluster_id WHERE "
              "h.signature_id = signatures.id AND h.cluster_id != ?1 AND c.state != 'released') "
              "AND NOT EXISTS (SELECT 1 FROM signatures o WHERE o.petition_id = "
              "signatures.petition_id AND o.email_canonical = signatures.email_canonical AND "
              "o.id != signatures.id AND o.state IN ('pending', 'confirmed', 'quarantined')) "
              "AND NOT EXISTS (SELECT 1 FROM hand_invalidations WHERE signature_id = "
              "signatures.id)");
    change.bind(1, cluster_id);
    if (auto changed = change.run(); !changed) return changed.error();
    decided.signatures = db.changes();
    if (decision == ClusterDecision::release) {
        auto& kept = db.prepare(
            "SELECT COUNT(*) FROM quarantine_holds h JOIN hand_invalidations v ON "
            "v.signature_id = h.signature_id JOIN signatures s ON s.id = h.signature_id WHERE "
            "h.cluster_id = ?1 AND s.state = 'invalidated'");
        kept.bind(1, cluster_id);
        decided.kept_by_hand = kept.step() ? kept.column_int(0) : 0;
        kept.reset();
    }

    return {};
}

}  // namespace

Result<DecidedCluster> decide_cluster(Database& db, std::int64_t cluster_id,
                                      ClusterDecision decision, std::string_view by,
                                      std::int64_t at_ms) {
    auto cluster = find_cluster(db, cluster_id);
    if (!cluster)
        return make_error(defence::DefenceError::cluster_not_found,
                          "no cluster " + std::to_string(cluster_id));
    DecidedCluster decided{std::move(*cluster)};
    const auto& c = decided.cluster;

    if (c.subject != defence::Subject::signatures) {
        auto changed = decide_set_aside(db, c, decision, at_ms);
        if (!changed) return changed.error();
        decided.signatures = *changed;
    } else if (auto changed = decide_signatures(db, cluster_id, decision, decided); !changed) {
        return changed.error();
    }

    auto& mark = db.prepare(
        "UPDATE incident_clusters SET state = ?2, decided_ms = ?3, decided_by = ?4 WHERE id = ?1");
    mark.bind(1, cluster_id).bind(2, to_string(decision)).bind(3, at_ms).bind(4, by);
    if (auto marked = mark.run(); !marked) return marked.error();
    decided.cluster.state = std::string(to_string(decision));
    decided.cluster.decided_ms = at_ms;
    decided.cluster.decided_by = std::string(by);

    // The incident closes with its last open cluster: invalidated if any part of the attack
    // was, released when every part turned out to be real people.
    auto& close = db.prepare(
        "UPDATE incidents SET state = CASE WHEN EXISTS (SELECT 1 FROM incident_clusters WHERE "
        "incident_id = ?1 AND state = 'open') THEN 'open' WHEN EXISTS (SELECT 1 FROM "
        "incident_clusters WHERE incident_id = ?1 AND state = 'invalidated') THEN 'invalidated' "
        "ELSE 'released' END WHERE id = ?1");
    close.bind(1, c.incident_id);
    if (auto closed = close.run(); !closed) return closed.error();
    auto& read = db.prepare("SELECT state FROM incidents WHERE id = ?1");
    read.bind(1, c.incident_id);
    if (read.step()) decided.incident_state = read.column_text(0);
    read.reset();

    auto detail = std::to_string(decided.signatures) + " " + std::string(to_string(c.subject)) +
                  " " + std::string(to_string(decision)) + " (" +
                  std::string(to_string(c.dimension)) + " = " + c.key_value + ") by " +
                  std::string(by);
    if (decided.kept_by_hand > 0)
        detail += "; " + std::to_string(decided.kept_by_hand) +
                  " kept invalidated by a moderator's decision";
    if (auto r = record_incident_action(
            db, c.incident_id, at_ms,
            decision == ClusterDecision::invalidate ? "cluster_invalidated" : "cluster_released",
            detail);
        !r)
        return r.error();
    return decided;
}

}  // namespace rempart::store
