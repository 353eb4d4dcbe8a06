// Tests for store/submission_holds and record_cluster on proposals and reports: a cluster
// sets aside what carried its key, out of the queue and its counts; a new item carrying a
// held key starts set aside; release gives back, invalidate rejects or closes; a petition's
// signatures are never touched.
#include "store/submission_holds.hpp"

#include <gtest/gtest.h>

#include "store/cluster_decisions.hpp"
#include "store/event_repository.hpp"
#include "store/incident_repository.hpp"
#include "store/incident_rows.hpp"
#include "store/petition_repository.hpp"
#include "store/report_repository.hpp"
#include "store/submission_repository.hpp"
#include "store_fixture.hpp"

namespace rempart::store {
namespace {

using defence::ClusterDecision;
using defence::Dimension;
using defence::Subject;
using Kind = signatures::SigningEvent::Kind;

constexpr std::int64_t base_s = 1'800'000'000;
constexpr std::int64_t base_ms = base_s * 1000;

class SubmissionHolds : public testing::TempStore {
  protected:
    // A confirmed proposal and its event, carrying `title_key` as its comment.
    std::int64_t propose(int n, const std::string& title_key, const std::string& network,
                         bool robot = true) {
        NewSubmission proposal;
        proposal.draft.slug = "proposition-" + std::to_string(n);
        proposal.draft.title = "Proposition " + std::to_string(n);
        proposal.draft.body_markdown = "Texte.";
        proposal.draft.target_name = "Le maire";
        proposal.author_name = "Auteur " + std::to_string(n);
        proposal.author_email = "a" + std::to_string(n) + "@example.org";
        proposal.author_mailbox = proposal.author_email;
        proposal.link_nonce = "nonce";
        proposal.checks = "[]";
        const auto stored = insert_submission(*db_, proposal, base_s + n);
        EXPECT_TRUE(stored.ok());
        EXPECT_TRUE(confirm_submission(*db_, stored->petition.id, base_s + n + 1).ok());
        auto event = event_of(Kind::proposal, n, title_key, network);
        if (!robot) event.automation.clear();
        event.petition_id = stored->petition.id;
        EXPECT_TRUE(insert_submission_event(*db_, event).ok());
        return stored->petition.id;
    }
    std::int64_t report(int n, std::int64_t petition, const std::string& reason_key,
                        const std::string& network) {
        const auto id = insert_report(*db_, petition, "raison", network, base_s + n);
        EXPECT_TRUE(id.ok());
        auto event = event_of(Kind::report, n, reason_key, network);
        event.petition_id = petition;
        event.report_id = *id;
        EXPECT_TRUE(insert_submission_event(*db_, event).ok());
        return *id;
    }
    std::int64_t scalar(const std::string& sql) {
        auto& select = db_->prepare(sql);
        const auto n = select.step() ? select.column_int(0) : -1;
        select.reset();
        return n;
    }
    static signatures::SigningEvent event_of(Kind kind, int n, const std::string& key,
                                             const std::string& network) {
        signatures::SigningEvent event;
        event.kind = kind;
        event.at_ms = base_ms + n * 1000;
        event.verdict = "accepted";
        event.ip = "192.0.2." + std::to_string(n);
        event.network = network;
        event.comment_key = key;
        event.user_agent = "curl/8.0";
        event.automation = "robot";
        return event;
    }
    RecordedCluster record(Subject subject, Dimension dimension, const std::string& value) {
        defence::Cluster cluster;
        cluster.subject = subject;
        cluster.dimension = dimension;
        cluster.key_value = value;
        cluster.attempts_in_window = 10;
        cluster.window_total = 12;
        cluster.distinct_networks = 3;
        cluster.first_attempt_ms = base_ms;
        cluster.detected_ms = base_ms + 60'000;
        cluster.held_until_ms = base_ms + 3600'000;
        auto recorded = record_cluster(*db_, cluster, base_ms + 60'000);
        EXPECT_TRUE(recorded.ok()) << recorded.error().detail;
        return *recorded;
    }
    std::int64_t published(const std::string& slug) {
        PetitionDraft draft;
        draft.slug = slug;
        draft.title = "Pétition " + slug;
        draft.body_markdown = "Texte.";
        return insert_petition(*db_, draft, base_s, PetitionState::published)->id;
    }
};

TEST_F(SubmissionHolds, AClusterOfProposalsSetsAsideWhatCarriedItsKeyOutOfTheQueue) {
    const auto real = propose(1, "bancs", "net:198.51.100.0/24", false);
    for (int n = 2; n <= 5; ++n) propose(n, "parking", "net:203.0.113.0/24");
    ASSERT_EQ(count_waiting(*db_), 5);

    const auto recorded = record(Subject::proposals, Dimension::comment, "parking");
    EXPECT_TRUE(recorded.new_incident);
    EXPECT_EQ(recorded.quarantined, 4);
    EXPECT_EQ(count_waiting(*db_), 1);
    EXPECT_EQ(count_overdue(*db_, base_s + 30 * 86400, 14 * 86400), 1);
    const auto queue = moderation_queue(*db_, base_s + 60, 10);
    ASSERT_EQ(queue.size(), 1u);
    EXPECT_EQ(queue[0].petition_id, real);
    EXPECT_EQ(count_set_aside(*db_).proposals, 4);
    EXPECT_EQ(count_set_aside(*db_).reports, 0);

    // The incident names no petition; a second cluster of the same flood joins it.
    const auto cluster = find_cluster(*db_, recorded.cluster_id);
    ASSERT_TRUE(cluster);
    EXPECT_EQ(cluster->subject, Subject::proposals);
    EXPECT_EQ(cluster->petition_id, 0);
    EXPECT_EQ(cluster->petition_slug, "");
    const auto again = record(Subject::proposals, Dimension::automation, "robot");
    EXPECT_FALSE(again.new_incident);
    EXPECT_EQ(again.incident_id, recorded.incident_id);
    EXPECT_EQ(again.quarantined, 0);  // each robot is already set aside; the real one is not

    // A new proposal with the held key starts set aside; one without stays in the queue.
    auto held = event_of(Kind::proposal, 7, "parking", "net:192.0.2.0/24");
    held.petition_id = propose(7, "parking", "net:192.0.2.0/24");
    EXPECT_TRUE(*set_aside_new_submission(*db_, held, base_ms + 120'000));
    auto other = event_of(Kind::proposal, 8, "piscine", "net:192.0.2.0/24");
    other.automation.clear();
    other.petition_id = propose(8, "piscine", "net:192.0.2.0/24", false);
    EXPECT_FALSE(*set_aside_new_submission(*db_, other, base_ms + 120'000));
    // After the hold, nothing is set aside any more.
    EXPECT_FALSE(*set_aside_new_submission(*db_, held, base_ms + 3600'001));
}

TEST_F(SubmissionHolds, ReleasedProposalsAreBackInTheQueueAndInvalidatedOnesRejected) {
    for (int n = 1; n <= 3; ++n) propose(n, "parking", "net:203.0.113.0/24");
    for (int n = 4; n <= 5; ++n) propose(n, "spam", "net:192.0.2.0/24");
    const auto parking = record(Subject::proposals, Dimension::comment, "parking");
    const auto spam = record(Subject::proposals, Dimension::comment, "spam");
    ASSERT_EQ(count_waiting(*db_), 0);

    const auto released = decide_cluster(*db_, parking.cluster_id, ClusterDecision::release,
                                         "mo@example.org", base_ms + 90'000);
    ASSERT_TRUE(released.ok());
    EXPECT_EQ(released->signatures, 3);
    EXPECT_EQ(count_waiting(*db_), 3);
    const auto states = set_aside_states(*db_, released->cluster);
    EXPECT_EQ(states.counted, 3);
    EXPECT_EQ(states.set_aside, 0);

    const auto invalidated = decide_cluster(*db_, spam.cluster_id, ClusterDecision::invalidate,
                                            "mo@example.org", base_ms + 95'000);
    ASSERT_TRUE(invalidated.ok());
    EXPECT_EQ(invalidated->signatures, 2);
    EXPECT_EQ(invalidated->incident_state, "invalidated");
    const auto rejected = find_submission(*db_, 4);
    ASSERT_TRUE(rejected);
    EXPECT_EQ(rejected->petition.state, PetitionState::rejected);
    EXPECT_EQ(rejected->reason_code, "abuse");
    EXPECT_EQ(rejected->decided_by, "");  // the defence's cluster decided, and nobody was mailed
    const auto items =
        set_aside_items(*db_, Subject::proposals, ItemScope::cluster, invalidated->cluster.id, 10);
    ASSERT_EQ(items.size(), 2u);
    EXPECT_EQ(items[0].state, "rejected");
    EXPECT_EQ(items[0].author, "Auteur 4");
    EXPECT_EQ(items[0].ip, "192.0.2.4");
    EXPECT_EQ(count_waiting(*db_), 3);
}

TEST_F(SubmissionHolds, AClusterOfReportsSetsThemAsideAndLeavesTheSignaturesAlone) {
    const auto parc = published("parc");
    ASSERT_TRUE(insert_report(*db_, parc, "vrai", "net:198.51.100.0/24", base_s).ok());
    for (int n = 1; n <= 4; ++n) report(n, parc, "arnaque", "net:203.0.113.0/24");
    ASSERT_EQ(reports_of(*db_, parc)->open_reports, 5);

    const auto recorded = record(Subject::reports, Dimension::comment, "arnaque");
    EXPECT_EQ(recorded.quarantined, 4);
    EXPECT_EQ(reports_of(*db_, parc)->open_reports, 1);
    EXPECT_EQ(count_reported(*db_), 1);
    EXPECT_EQ(count_set_aside(*db_).reports, 4);
    // A cluster about reports is never one about the petition's signatures.
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM quarantine_holds"), 0);
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM incidents WHERE petition_id IS NOT NULL"), 0);
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM incidents WHERE subject = 'reports'"), 1);

    const auto decided = decide_cluster(*db_, recorded.cluster_id, ClusterDecision::invalidate,
                                        "mo@example.org", base_ms + 90'000);
    ASSERT_TRUE(decided.ok());
    EXPECT_EQ(decided->signatures, 4);
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM petition_reports WHERE handled_at IS NOT NULL"), 4);
    EXPECT_EQ(reports_of(*db_, parc)->open_reports, 1);
    EXPECT_EQ(find_petition(*db_, "parc")->state, PetitionState::published);
}

}  // namespace
}  // namespace rempart::store
