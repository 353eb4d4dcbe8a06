// Incidents and their clusters as the store reads them back.
#include "store/incident_rows.hpp"

#include <string>

#include "store/detail/incident_rows.hpp"

namespace rempart::store {
namespace {

// The one list of a cluster's columns, in the order read_cluster reads them.
const std::string cluster_select =
    "SELECT c.id, c.incident_id, COALESCE(i.petition_id, 0), COALESCE(p.slug, ''), c.dimension, "
    "c.key_value, c.attempts_in_window, c.window_total, c.distinct_networks, c.first_attempt_ms, "
    "c.evidence, c.detected_ms, c.contained_ms, c.held_until_ms, c.state, c.decided_ms, "
    "c.decided_by, i.subject FROM incident_clusters c JOIN incidents i ON i.id = c.incident_id "
    "LEFT JOIN petitions p ON p.id = i.petition_id ";

// Only the store writes the column, from the enum.
defence::Subject subject_of_row(const Statement& row, int index) {
    return defence::parse_subject(row.column_text(index)).value_or(defence::Subject::signatures);
}

defence::Cluster read_cluster(const Statement& row) {
    defence::Cluster c;
    c.id = row.column_int(0);
    c.incident_id = row.column_int(1);
    c.petition_id = row.column_int(2);
    c.petition_slug = row.column_text(3);
    // Only the defence writes the column, from the enum.
    c.dimension = defence::parse_dimension(row.column_text(4)).value_or(defence::Dimension::name);
    c.key_value = row.column_text(5);
    c.attempts_in_window = row.column_int(6);
    c.window_total = row.column_int(7);
    c.distinct_networks = row.column_int(8);
    c.first_attempt_ms = row.column_int(9);
    c.evidence = row.column_text(10);
    c.detected_ms = row.column_int(11);
    c.contained_ms = row.column_optional_int(12);
    c.held_until_ms = row.column_optional_int(13);
    c.state = row.column_text(14);
    c.decided_ms = row.column_optional_int(15);
    c.decided_by = row.column_text(16);  // NULL until decided: read as ""
    c.subject = subject_of_row(row, 17);
    return c;
}

}  // namespace

constinit const std::string_view incident_columns =
    "i.id, i.subject, COALESCE(i.petition_id, 0), COALESCE(p.slug, ''), COALESCE(p.title, ''), "
    "i.state, i.opened_ms, i.quarantined, i.first_attempt_ms ";
constinit const std::string_view incident_tables =
    "FROM incidents i LEFT JOIN petitions p ON p.id = i.petition_id ";

defence::Incident read_incident_row(const Statement& row) {
    return {row.column_int(0),  subject_of_row(row, 1), row.column_int(2),
            row.column_text(3), row.column_text(4),     row.column_text(5),
            row.column_int(6),  row.column_int(7),      row.column_int(8)};
}

Result<std::vector<defence::Cluster>> incident_clusters(Database& db, std::int64_t incident_id) {
    auto& select = db.prepare(cluster_select + "WHERE c.incident_id = ?1 ORDER BY c.id");
    select.bind(1, incident_id);
    std::vector<defence::Cluster> clusters;
    while (select.step()) clusters.push_back(read_cluster(select));
    auto status = select.status();
    select.reset();
    if (!status) return status.error();
    return clusters;
}

std::vector<defence::Cluster> held_clusters(Database& db, std::int64_t now_ms) {
    auto& select = db.prepare(cluster_select +
                              "WHERE c.state != 'released' AND c.held_until_ms > ?1 ORDER BY c.id");
    select.bind(1, now_ms);
    std::vector<defence::Cluster> held;
    while (select.step()) held.push_back(read_cluster(select));
    select.reset();
    return held;
}

std::optional<defence::Cluster> find_cluster(Database& db, std::int64_t cluster_id) {
    auto& select = db.prepare(cluster_select + "WHERE c.id = ?1");
    select.bind(1, cluster_id);
    std::optional<defence::Cluster> cluster;
    if (select.step()) cluster = read_cluster(select);
    select.reset();
    return cluster;
}

}  // namespace rempart::store
