// Goals reached, each recorded once.
#include "store/milestone_repository.hpp"

namespace rempart::store {

std::vector<GoalReached> record_goals_reached(Database& db, std::int64_t now) {
    auto& select = db.prepare(
        "SELECT p.id, p.slug, p.title, p.goal, c.count FROM petitions p "
        "JOIN signature_counts c ON c.petition_id = p.id AND c.state = 'confirmed' "
        "WHERE p.state = 'published' AND p.goal IS NOT NULL AND c.count >= p.goal "
        "AND NOT EXISTS (SELECT 1 FROM goal_milestones m WHERE m.petition_id = p.id "
        "AND m.goal = p.goal)");
    std::vector<GoalReached> reached;
    while (select.step())
        reached.push_back({select.column_int(0), select.column_text(1), select.column_text(2),
                           select.column_int(3), select.column_int(4)});
    select.reset();
    auto& insert = db.prepare(
        "INSERT INTO goal_milestones (petition_id, goal, reached_at) VALUES (?1, ?2, ?3)");
    for (const auto& goal : reached) {
        insert.bind(1, goal.petition_id).bind(2, goal.goal).bind(3, now);
        if (!insert.run()) return {};
    }
    return reached;
}

std::vector<std::string> organiser_addresses(Database& db) {
    auto& select = db.prepare(
        "SELECT email FROM users WHERE role IN ('organiser', 'admin') AND disabled_ms IS NULL "
        "ORDER BY id");
    std::vector<std::string> addresses;
    while (select.step()) addresses.push_back(select.column_text(0));
    select.reset();
    return addresses;
}

}  // namespace rempart::store
