// Proposals and reports the defence sets aside: a cluster holds those whose events carried
// its key, out of the moderators' queue, until a moderator releases or invalidates it.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "defence/model/cluster.hpp"
#include "defence/model/subject.hpp"
#include "signatures/signing_event.hpp"
#include "store/database.hpp"

namespace rempart::store {

// Sets aside for the cluster the subject's proposals still waiting, or reports still open,
// whose events carried the key since `since_ms`. Returns how many were newly set aside.
Result<std::int64_t> set_aside_submissions(Database& db, std::int64_t cluster_id,
                                           defence::Subject subject, defence::Dimension dimension,
                                           std::string_view key_value, std::int64_t since_ms);

// A proposal or a report just written (its event's petition_id or report_id) whose keys a
// cluster of its subject still holds at `now_ms`: set aside by that cluster. Returns
// whether it was.
Result<bool> set_aside_new_submission(Database& db, const signatures::SigningEvent& event,
                                      std::int64_t now_ms);

// A moderator's word on a cluster of proposals or reports. Released, they are back in the
// queue as if never set aside. Invalidated, proposals are rejected under the hidden reason
// "abuse" without a mail (the addresses of a flood are the attacker's, or his victims'),
// and reports are closed. Returns how many changed.
Result<std::int64_t> decide_set_aside(Database& db, const defence::Cluster& cluster,
                                      defence::ClusterDecision decision, std::int64_t at_ms);

// What the defence holds now, for the moderation page.
struct SetAsideCounts {
    std::int64_t proposals = 0;
    std::int64_t reports = 0;
};
SetAsideCounts count_set_aside(Database& db);

// A cluster's items by what became of them, as ClusterView counts signatures.
struct SetAsideStates {
    std::int64_t set_aside = 0;    // still out of the queue
    std::int64_t invalidated = 0;  // rejected or closed with the cluster
    std::int64_t counted = 0;      // released: back in the queue, or decided since
};
SetAsideStates set_aside_states(Database& db, const defence::Cluster& cluster);

// The items set aside as the incident page and the evidence list them, earliest first: a
// proposal by its author, address, mail domain and title; a report by its reason and the
// petition it reports.
struct SetAsideItem {
    std::int64_t id = 0;  // the proposed petition, or the report
    std::int64_t at = 0;  // Unix seconds
    std::string author;   // the author's name: proposals only
    std::string author_email;
    std::string email_domain;
    std::string text;  // the title, or the reason
    std::string petition_slug;
    std::string state;  // set_aside, waiting, rejected, published, open, closed
    std::optional<std::int64_t> confirmed_at;  // by its author
    std::string ip;
};
// Whose: one cluster's (its page), or every cluster's of one incident (its evidence).
enum class ItemScope { cluster, incident };
std::vector<SetAsideItem> set_aside_items(Database& db, defence::Subject subject, ItemScope scope,
                                          std::int64_t id, std::size_t limit);
// Every item an incident set aside, counted by state as SetAsideItem names it.
std::map<std::string, std::int64_t> set_aside_items_by_state(Database& db, defence::Subject subject,
                                                             std::int64_t incident_id);

}  // namespace rempart::store
