// Tests for incidents in the store: clusters and their quarantine, by each kind of key,
// one incident per attack, decisions, and bans.
#include <gtest/gtest.h>

#include "defence/model/errors.hpp"
#include "store/ban_repository.hpp"
#include "store/bulk_invalidation.hpp"
#include "store/cluster_decisions.hpp"
#include "store/event_repository.hpp"
#include "store/incident_repository.hpp"
#include "store/incident_rows.hpp"
#include "store/incident_views.hpp"
#include "store/petition_repository.hpp"
#include "store/signature_repository.hpp"
#include "store_fixture.hpp"

namespace rempart::store {
namespace {

using defence::BanKind;
using defence::ClusterDecision;
using signatures::SignatureState;

// A dimension by its name; one no version knows stays outside the enum, as a newer
// version's row would read.
defence::Dimension dimension(std::string_view name) {
    return defence::parse_dimension(name).value_or(
        static_cast<defence::Dimension>(defence::dimension_count));
}

class IncidentStore : public testing::TempStore {
  protected:
    void SetUp() override {
        TempStore::SetUp();
        if (HasFatalFailure()) return;
        petition_ = insert_petition(*db_, {"p", "T", "", "Texte", {}, false}, 1)->id;
    }
    // A signature and the event of its attempt, with these keys.
    std::int64_t sign(const std::string& email, const std::string& name_key, std::int64_t asn,
                      std::int64_t at_ms, SignatureState state = SignatureState::pending,
                      const std::string& token = "") {
        signatures::NewSignature s;
        s.petition_id = petition_;
        s.name = s.name_normalised = name_key;
        s.email = s.email_canonical = email;
        s.email_domain = "example.org";
        s.language = "fr";
        s.terms_version = s.privacy_version = "v";
        s.ip = "192.0.2.1";
        s.now = at_ms / 1000;
        s.state = state;
        const auto recorded =
            record_signature(*db_, s, token.empty() ? "h" + email : token, s.now + 1000, 3600);
        EXPECT_TRUE(recorded.ok());
        signatures::SigningEvent event;
        event.at_ms = at_ms;
        event.petition_id = petition_;
        event.signature_id = recorded->signature_id;
        event.verdict = "accepted";
        event.ip = "192.0.2.1";
        event.network = "net:192.0.2.0/24";
        event.asn = asn;
        event.name_key = name_key;
        EXPECT_TRUE(insert_event(*db_, event).ok());
        last_event_ = event;
        return recorded->signature_id;
    }
    std::int64_t in_state(SignatureState state) { return count_signatures(*db_, petition_, state); }
    defence::Cluster cluster(std::string_view name, std::string value, std::int64_t first_ms = 1000,
                             std::int64_t held_until_ms = 100'000) {
        defence::Cluster c;
        c.petition_id = petition_;
        c.dimension = dimension(name);
        c.key_value = std::move(value);
        c.attempts_in_window = 3;
        c.window_total = 4;
        c.distinct_networks = 1;
        c.first_attempt_ms = first_ms;
        c.detected_ms = 5000;
        c.held_until_ms = held_until_ms;
        return c;
    }
    std::string state_of(std::int64_t signature) {
        auto& select = db_->prepare("SELECT state FROM signatures WHERE id = ?1");
        select.bind(1, signature);
        const auto state = select.step() ? select.column_text(0) : "";
        select.reset();
        return state;
    }
    std::string incident_state(std::int64_t incident) {
        auto& select = db_->prepare("SELECT state FROM incidents WHERE id = ?1");
        select.bind(1, incident);
        const auto state = select.step() ? select.column_text(0) : "";
        select.reset();
        return state;
    }

    std::int64_t petition_ = 0;
    signatures::SigningEvent last_event_;
};

TEST_F(IncidentStore, QuarantinesTheClustersSignaturesWithinItsWindowOnly) {
    sign("old@x.org", "jeff", 64500, 500);  // before the window: left alone
    sign("a@x.org", "jeff", 64500, 1000);
    sign("b@x.org", "jeff", 64500, 2000);
    ASSERT_TRUE(confirm_signature(*db_, "hb@x.org", 3).ok());
    sign("c@x.org", "marie", 64500, 3000);
    const auto recorded = record_cluster(*db_, cluster("name", "jeff"), 6000);
    ASSERT_TRUE(recorded.ok()) << recorded.error().detail;
    EXPECT_TRUE(recorded->new_incident);
    EXPECT_EQ(recorded->quarantined, 2);  // the pending one and the confirmed one
    EXPECT_EQ(in_state(SignatureState::quarantined), 2);
    EXPECT_EQ(in_state(SignatureState::confirmed), 0);
    EXPECT_EQ(in_state(SignatureState::pending), 2);
}

TEST_F(IncidentStore, AnAsIsMatchedByItsNumber) {
    sign("a@x.org", "a", 64500, 1000);
    sign("b@x.org", "b", 64501, 1000);
    const auto recorded = record_cluster(*db_, cluster("as", "as:64500", 0), 6000);
    ASSERT_TRUE(recorded.ok());
    EXPECT_EQ(recorded->quarantined, 1);
}

TEST_F(IncidentStore, ActionsAreRecordedAndUnknownKeysRefused) {
    const auto recorded = record_cluster(*db_, cluster("name", "nobody", 0), 6000);
    ASSERT_TRUE(recorded.ok());
    EXPECT_EQ(recorded->quarantined, 0);
    EXPECT_TRUE(
        record_incident_action(*db_, recorded->incident_id, 10, "difficulty_raised", "x", 20).ok());
    EXPECT_EQ(record_cluster(*db_, cluster("shoe_size", "42", 0), 6000).error().code,
              defence::DefenceError::unknown_dimension);
}

TEST_F(IncidentStore, OneAttackIsOneIncidentWhileItsClustersAreHeld) {
    sign("a@x.org", "jeff", 64500, 1000);
    const auto first = record_cluster(*db_, cluster("name", "jeff", 1000, 50'000), 6000);
    const auto second = record_cluster(*db_, cluster("as", "as:64500", 1000, 60'000), 7000);
    ASSERT_TRUE(first.ok() && second.ok());
    EXPECT_TRUE(first->new_incident);
    EXPECT_FALSE(second->new_incident);
    EXPECT_EQ(second->incident_id, first->incident_id);
    EXPECT_EQ(second->quarantined, 0);  // already set aside by the first
    // Detected once every hold has ended: another attack, another incident.
    auto later = cluster("name", "bill", 70'000, 200'000);
    later.detected_ms = 65'000;
    const auto third = record_cluster(*db_, later, 66'000);
    ASSERT_TRUE(third.ok());
    EXPECT_TRUE(third->new_incident);
    EXPECT_NE(third->incident_id, first->incident_id);
}

TEST_F(IncidentStore, ANewSignatureWithAHeldKeyIsLinkedToItsClusters) {
    const auto recorded = record_cluster(*db_, cluster("name", "jeff", 1000, 50'000), 6000);
    ASSERT_TRUE(recorded.ok());
    const auto held = sign("late@x.org", "jeff", 64501, 8000, SignatureState::quarantined);
    EXPECT_EQ(*hold_new_signature(*db_, held, last_event_, 8000), 1);
    const auto other = sign("other@x.org", "marie", 64501, 8000, SignatureState::quarantined);
    EXPECT_EQ(*hold_new_signature(*db_, other, last_event_, 8000), 0);
    const auto after = sign("after@x.org", "jeff", 64501, 60'000, SignatureState::quarantined);
    EXPECT_EQ(*hold_new_signature(*db_, after, last_event_, 60'000), 0);  // hold over
    // Released with its cluster.
    const auto released =
        decide_cluster(*db_, recorded->cluster_id, ClusterDecision::release, "mod@x.org", 9000);
    ASSERT_TRUE(released.ok());
    EXPECT_EQ(released->signatures, 1);
    EXPECT_EQ(state_of(held), "pending");
    EXPECT_EQ(state_of(other), "quarantined");
}

TEST_F(IncidentStore, ABannedSourcesOtherSignaturesAreHeldByTheSameCluster) {
    sign("a@x.org", "jeff", 64500, 1000);
    const auto other = sign("b@x.org", "elon", 64500, 2000);  // another name, same network
    const auto before = sign("c@x.org", "elon", 64500, 500);  // before the attack began
    const auto recorded = record_cluster(*db_, cluster("name", "jeff", 1000), 6000);
    ASSERT_TRUE(recorded.ok());
    EXPECT_EQ(recorded->quarantined, 1);
    const auto more = hold_more(*db_, recorded->cluster_id, petition_, dimension("network"),
                                "net:192.0.2.0/24", 1000);
    ASSERT_TRUE(more.ok());
    EXPECT_EQ(*more, 1);
    EXPECT_EQ(state_of(other), "quarantined");
    EXPECT_EQ(state_of(before), "pending");
    ASSERT_TRUE(
        decide_cluster(*db_, recorded->cluster_id, ClusterDecision::release, "m", 7000).ok());
    EXPECT_EQ(state_of(other), "pending");  // released with the cluster that held it
    EXPECT_EQ(
        hold_more(*db_, recorded->cluster_id, petition_, dimension("shoe"), "x", 0).error().code,
        defence::DefenceError::unknown_dimension);
}

TEST_F(IncidentStore, HeldClustersAreThoseOpenAndNotOver) {
    const auto a = record_cluster(*db_, cluster("name", "jeff", 1000, 50'000), 6000);
    const auto b = record_cluster(*db_, cluster("comment", "deso", 1000, 20'000), 6000);
    ASSERT_TRUE(a.ok() && b.ok());
    auto held = held_clusters(*db_, 30'000);
    ASSERT_EQ(held.size(), 1u);
    EXPECT_EQ(held[0].key_value, "jeff");
    EXPECT_EQ(held[0].petition_slug, "p");
    EXPECT_EQ(held[0].held_until_ms, 50'000);
    ASSERT_TRUE(decide_cluster(*db_, a->cluster_id, ClusterDecision::release, "m", 31'000).ok());
    EXPECT_TRUE(held_clusters(*db_, 31'000).empty());
}

TEST_F(IncidentStore, InvalidatingSetsTheClustersSignaturesAsideForGood) {
    const auto a = sign("a@x.org", "jeff", 64500, 1000);
    const auto b = sign("b@x.org", "jeff", 64500, 1000);
    ASSERT_TRUE(confirm_signature(*db_, "hb@x.org", 2).ok());
    const auto recorded = record_cluster(*db_, cluster("name", "jeff"), 6000);
    ASSERT_TRUE(recorded.ok());
    const auto decided =
        decide_cluster(*db_, recorded->cluster_id, ClusterDecision::invalidate, "mod", 7000);
    ASSERT_TRUE(decided.ok());
    EXPECT_EQ(decided->signatures, 2);
    EXPECT_EQ(decided->incident_state, "invalidated");
    EXPECT_EQ(state_of(a), "invalidated");
    EXPECT_EQ(state_of(b), "invalidated");
    EXPECT_EQ(incident_state(recorded->incident_id), "invalidated");
    EXPECT_EQ(decide_cluster(*db_, 999, ClusterDecision::release, "mod", 8000).error().code,
              defence::DefenceError::cluster_not_found);
    // Undone: released, the signatures are back where they were.
    const auto undone =
        decide_cluster(*db_, recorded->cluster_id, ClusterDecision::release, "mod", 8000);
    ASSERT_TRUE(undone.ok());
    EXPECT_EQ(undone->signatures, 2);
    EXPECT_EQ(state_of(a), "pending");
    EXPECT_EQ(state_of(b), "confirmed");
    EXPECT_EQ(incident_state(recorded->incident_id), "released");
}

TEST_F(IncidentStore, AReleaseNeverRevivesASignatureWhoseSignerSignedAgain) {
    const auto first = sign("a@x.org", "jeff", 64500, 1000);
    const auto recorded = record_cluster(*db_, cluster("name", "jeff"), 6000);
    ASSERT_TRUE(recorded.ok());
    ASSERT_TRUE(
        decide_cluster(*db_, recorded->cluster_id, ClusterDecision::invalidate, "m", 7000).ok());
    // Invalidated, the address may sign again.
    const auto again = sign("a@x.org", "jeff", 64500, 8000, SignatureState::pending, "h2");
    const auto released =
        decide_cluster(*db_, recorded->cluster_id, ClusterDecision::release, "m", 9000);
    ASSERT_TRUE(released.ok()) << released.error().detail;
    EXPECT_EQ(released->signatures, 0);
    EXPECT_EQ(state_of(first), "invalidated");
    EXPECT_EQ(state_of(again), "pending");
}

TEST_F(IncidentStore, ReleasingGivesBackConfirmedAndPendingButNotWhatAnotherClusterHolds) {
    const auto confirmed = sign("a@x.org", "jeff", 64500, 1000);
    ASSERT_TRUE(confirm_signature(*db_, "ha@x.org", 2).ok());
    const auto pending = sign("b@x.org", "jeff", 64501, 1000);
    const auto both = sign("c@x.org", "jeff", 64502, 1000);
    const auto by_name = record_cluster(*db_, cluster("name", "jeff"), 6000);
    const auto by_as = record_cluster(*db_, cluster("as", "as:64502"), 6000);
    ASSERT_TRUE(by_name.ok() && by_as.ok());
    EXPECT_EQ(by_as->incident_id, by_name->incident_id);
    const auto released =
        decide_cluster(*db_, by_name->cluster_id, ClusterDecision::release, "mod", 7000);
    ASSERT_TRUE(released.ok());
    EXPECT_EQ(released->signatures, 2);
    EXPECT_EQ(released->incident_state, "open");  // the AS cluster waits for its decision
    EXPECT_EQ(state_of(confirmed), "confirmed");
    EXPECT_EQ(state_of(pending), "pending");
    EXPECT_EQ(state_of(both), "quarantined");
    EXPECT_EQ(in_state(SignatureState::confirmed), 1);
    // The back office counts as released only those given back: not the one still held.
    EXPECT_EQ(list_incidents(*db_, 10)[0].released, 2);
    ASSERT_TRUE(decide_cluster(*db_, by_as->cluster_id, ClusterDecision::release, "m", 8000).ok());
    EXPECT_EQ(state_of(both), "pending");
    EXPECT_EQ(incident_state(by_name->incident_id), "released");
    // Each signer once, though two clusters held one of them.
    EXPECT_EQ(list_incidents(*db_, 10)[0].released, 3);
}

TEST_F(IncidentStore, ConfirmationsFromTheScriptsNetworkAreHeldByTheirSource) {
    const auto confirm_from = [&](std::int64_t signature, const std::string& token,
                                  const std::string& network, std::int64_t at_ms,
                                  bool quarantine = false) {
        const auto linked = confirm_signature(*db_, token, at_ms / 1000, quarantine);
        EXPECT_TRUE(linked.ok());
        signatures::SigningEvent event;
        event.kind = signatures::SigningEvent::Kind::confirmation;
        event.at_ms = at_ms;
        event.petition_id = petition_;
        event.signature_id = signature;
        event.verdict = "confirmed";
        event.ip = "127.9.0.1";
        event.network = network;
        event.name_key = "jeff";  // a confirmation is never held by the signer's keys
        EXPECT_TRUE(insert_event(*db_, event).ok());
        return event;
    };
    const auto a = sign("a@x.org", "jeff", 64500, 1000);
    const auto b = sign("b@x.org", "marie", 64501, 1000);
    const auto real = sign("c@x.org", "paul", 64502, 1000);
    confirm_from(a, "ha@x.org", "net:127.9.0.0/24", 2000);
    confirm_from(b, "hb@x.org", "net:127.9.0.0/24", 2000);
    confirm_from(real, "hc@x.org", "net:10.1.2.0/24", 2000);
    const auto recorded =
        record_cluster(*db_, cluster("confirm_network", "net:127.9.0.0/24", 1500), 6000);
    ASSERT_TRUE(recorded.ok());
    EXPECT_EQ(recorded->quarantined, 2);
    EXPECT_EQ(state_of(real), "confirmed");
    // A later confirmation from there is confirmed into quarantine, and held.
    const auto late = sign("d@x.org", "lea", 64500, 7000);
    const auto event = confirm_from(late, "hd@x.org", "net:127.9.0.0/24", 8000, true);
    EXPECT_EQ(state_of(late), "quarantined");
    EXPECT_EQ(*hold_new_signature(*db_, late, event, 8000), 1);
    const auto released =
        decide_cluster(*db_, recorded->cluster_id, ClusterDecision::release, "m", 9000);
    ASSERT_TRUE(released.ok());
    EXPECT_EQ(released->signatures, 3);
    EXPECT_EQ(state_of(a), "confirmed");
    EXPECT_EQ(state_of(late), "confirmed");
    EXPECT_EQ(in_state(SignatureState::confirmed), 4);
}

TEST_F(IncidentStore, BansAreRecordedListedAndLifted) {
    const auto recorded = record_cluster(*db_, cluster("name", "jeff"), 6000);
    ASSERT_TRUE(recorded.ok());
    const auto id = record_ban(
        *db_,
        {0, recorded->incident_id, BanKind::network, "net:192.0.2.0/24", 6000, 60'000, {}, "why"});
    ASSERT_TRUE(id.ok());
    ASSERT_TRUE(
        record_ban(*db_, {0, {}, BanKind::as, "as:64500", 6000, 10'000, {}, "by hand"}).ok());
    auto active = active_bans(*db_, 20'000);
    ASSERT_EQ(active.size(), 1u);
    EXPECT_EQ(active[0].value, "net:192.0.2.0/24");
    EXPECT_EQ(active[0].reason, "why");
    EXPECT_EQ(incident_bans(*db_, recorded->incident_id)->size(), 1u);
    const auto lifted = lift_ban(*db_, *id, 21'000);
    ASSERT_TRUE(lifted.ok());
    EXPECT_EQ(lifted->lifted_ms, 21'000);
    EXPECT_TRUE(active_bans(*db_, 22'000).empty());
    EXPECT_EQ(lift_ban(*db_, *id, 23'000).error().code, defence::DefenceError::ban_over);
    EXPECT_EQ(lift_ban(*db_, 999, 23'000).error().code, defence::DefenceError::ban_not_found);
}

TEST_F(IncidentStore, AReleaseKeepsWhatAModeratorInvalidatedByHand) {
    const auto by_hand = sign("a@x.org", "jeff", 64500, 1000);
    ASSERT_TRUE(confirm_signature(*db_, "ha@x.org", 2).ok());
    const auto real = sign("b@x.org", "jeff", 64500, 3000);
    ASSERT_TRUE(confirm_signature(*db_, "hb@x.org", 4).ok());
    const auto recorded = record_cluster(*db_, cluster("name", "jeff"), 6000);
    ASSERT_TRUE(recorded.ok());
    ASSERT_EQ(in_state(SignatureState::quarantined), 2);
    // The moderator looks closer and sets one aside by hand (created in the first 2 s).
    SignatureFilter first_seconds{petition_, FilterKind::time_range, "", 0, 2};
    ASSERT_EQ(*invalidate_matching(*db_, first_seconds, 6500), 1);

    const auto released =
        decide_cluster(*db_, recorded->cluster_id, ClusterDecision::release, "mod", 7000);
    ASSERT_TRUE(released.ok()) << released.error().detail;
    EXPECT_EQ(released->signatures, 1);
    EXPECT_EQ(released->kept_by_hand, 1);
    EXPECT_EQ(state_of(by_hand), "invalidated");
    EXPECT_EQ(state_of(real), "confirmed");
    EXPECT_EQ(in_state(SignatureState::confirmed), 1);

    // What the incident's page counts, and its timeline says.
    const auto view = load_incident_view(*db_, recorded->incident_id, 5);
    ASSERT_TRUE(view.ok());
    ASSERT_EQ(view->clusters.size(), 1u);
    EXPECT_EQ(view->clusters[0].invalidated, 1);
    EXPECT_EQ(view->clusters[0].invalidated_by_hand, 1);
    EXPECT_EQ(view->clusters[0].counted, 1);
    bool said = false;
    for (const auto& action : view->actions)
        said = said || action.detail.find("1 kept invalidated by a moderator's decision") !=
                           std::string::npos;
    EXPECT_TRUE(said);

    // Invalidated again, then released again: the hand decision still wins.
    ASSERT_TRUE(
        decide_cluster(*db_, recorded->cluster_id, ClusterDecision::invalidate, "m", 8000).ok());
    EXPECT_EQ(
        decide_cluster(*db_, recorded->cluster_id, ClusterDecision::release, "m", 9000)->signatures,
        1);
    EXPECT_EQ(state_of(by_hand), "invalidated");
    EXPECT_EQ(state_of(real), "confirmed");
}

TEST_F(IncidentStore, OnlyWhatTheHandChangedIsRecordedAsInvalidatedByHand) {
    const auto a = sign("a@x.org", "jeff", 64500, 1000);
    const auto b = sign("b@x.org", "jeff", 64500, 1000);
    const auto recorded = record_cluster(*db_, cluster("name", "jeff"), 6000);
    ASSERT_TRUE(
        decide_cluster(*db_, recorded->cluster_id, ClusterDecision::invalidate, "m", 7000).ok());
    // Already invalidated by the cluster's decision: the hand changes nothing, records nothing.
    SignatureFilter by_name{petition_, FilterKind::name, "jeff"};
    EXPECT_EQ(*invalidate_matching(*db_, by_name, 7500), 0);
    const auto released =
        decide_cluster(*db_, recorded->cluster_id, ClusterDecision::release, "m", 8000);
    EXPECT_EQ(released->signatures, 2);
    EXPECT_EQ(released->kept_by_hand, 0);
    EXPECT_EQ(state_of(a), "pending");
    EXPECT_EQ(state_of(b), "pending");
}

TEST_F(IncidentStore, TheBackOfficeSeesIncidentsWithTheirClustersAndMinutes) {
    sign("a@x.org", "jeff", 64500, 60'000);
    sign("b@x.org", "jeff", 64500, 61'000);
    sign("c@x.org", "marie", 64500, 125'000);
    auto jeff = cluster("name", "jeff", 60'000, 900'000);
    jeff.evidence = "why it acted";
    const auto recorded = record_cluster(*db_, jeff, 126'000);
    ASSERT_TRUE(recorded.ok());
    ASSERT_TRUE(record_incident_action(*db_, recorded->incident_id, 126'000, "quarantined",
                                       "2 signatures", 900'000)
                    .ok());
    const auto list = list_incidents(*db_, 10);
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0].incident.petition_slug, "p");
    EXPECT_EQ(list[0].clusters, 1);
    EXPECT_EQ(list[0].quarantined_now, 2);
    EXPECT_EQ(list[0].released, 0);
    const auto view = load_incident_view(*db_, recorded->incident_id, 1);
    ASSERT_TRUE(view.ok());
    ASSERT_EQ(view->clusters.size(), 1u);
    EXPECT_EQ(view->clusters[0].quarantined, 2);
    EXPECT_EQ(view->clusters[0].cluster.evidence, "why it acted");
    EXPECT_EQ(view->clusters[0].counted, 0);
    ASSERT_EQ(view->clusters[0].samples.size(), 1u);  // the earliest only, as asked
    EXPECT_EQ(view->clusters[0].samples[0].name, "jeff");
    ASSERT_EQ(view->actions.size(), 1u);
    EXPECT_EQ(view->actions[0].until_ms, 900'000);
    // Attempts per minute: two in the first minute, one two minutes later.
    ASSERT_EQ(view->minutes.size(), 2u);
    EXPECT_EQ(view->minutes[0].minute_ms, 60'000);
    EXPECT_EQ(view->minutes[0].events, 2);
    EXPECT_EQ(view->minutes[1].minute_ms, 120'000);
    EXPECT_EQ(load_incident_view(*db_, 999).error().code,
              defence::DefenceError::incident_not_found);
}

TEST_F(IncidentStore, SignaturesAreInvalidatedByHandBySourceOrTime) {
    sign("a@x.org", "jeff", 64500, 10'000);
    sign("b@x.org", "jeff", 64501, 20'000);
    sign("c@x.org", "marie", 64501, 30'000);
    SignatureFilter by_name{petition_, FilterKind::name, "jeff"};
    EXPECT_EQ(count_matching(*db_, by_name), 2);
    SignatureFilter by_as{petition_, FilterKind::as, "64501"};
    EXPECT_EQ(count_matching(*db_, by_as), 2);
    SignatureFilter by_network{petition_, FilterKind::network, "net:192.0.2.0/24"};
    EXPECT_EQ(count_matching(*db_, by_network), 3);
    SignatureFilter by_ip{petition_, FilterKind::ip, "192.0.2.9"};
    EXPECT_EQ(count_matching(*db_, by_ip), 0);
    SignatureFilter window{petition_, FilterKind::time_range, "", 15, 25};
    EXPECT_EQ(count_matching(*db_, window), 1);
    by_name.from_s = 15;  // both ends included
    EXPECT_EQ(*invalidate_matching(*db_, by_name, 40'000), 1);
    EXPECT_EQ(in_state(SignatureState::invalidated), 1);
    EXPECT_EQ(count_matching(*db_, by_name), 0);  // set aside once only
    EXPECT_EQ(*invalidate_matching(*db_, by_as, 41'000), 1);
    EXPECT_EQ(in_state(SignatureState::pending), 1);
}

}  // namespace
}  // namespace rempart::store
