// The defence acting by itself: every signing attempt goes through the detector; a cluster
// quarantines its signatures, bans the networks it came from and makes the proof of work
// harder, inside one incident per attack.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "defence/detect/detector.hpp"
#include "defence/model/ban.hpp"
#include "defence/model/cluster.hpp"
#include "defence/response/ban_policy.hpp"
#include "defence/response/defence_stats.hpp"
#include "defence/response/incident_alert.hpp"
#include "shield/ban_list.hpp"
#include "shield/difficulty.hpp"
#include "signatures/signing_event.hpp"
#include "store/cluster_decisions.hpp"
#include "store/store.hpp"

namespace rempart::defence {

struct DefenceOptions {
    detect::DetectorConfig detector;
    // For proposals and reports: one window each for the whole site.
    detect::DetectorConfig submissions = detect::submission_detector_config();
    // How long new attempts carrying an incident's key start quarantined, and the
    // petition's proof of work stays harder, without a moderator's word.
    std::chrono::seconds hold{3600};
    std::uint64_t raised_difficulty = 200000;  // about 20 times the default
    BanPolicy bans;                     // its never_ban defaults to the detector's eyeball ISPs
    RenderAlerts render_alerts;         // empty: nobody to tell
    std::function<void()> mail_queued;  // after the commit, so the outbox sends at once
};

class Defence {
  public:
    Defence(store::Store& store, shield::Difficulty& difficulty, shield::BanList& bans,
            DefenceOptions options = {});

    // Called for every attempt of a petition (`slug` names it for the difficulty), and for
    // first confirmations. Sets the event's `automation` key. Returns true when the
    // attempt's signature must start quarantined: its keys belong to a cluster still held.
    // A repeated value with signs of automation is acted on: recording its cluster writes
    // through the store's writer, queued after the signatures already submitted, so none
    // of them escapes the quarantine. Without them it is only watched.
    bool observe(signatures::SigningEvent& event, const std::string& petition_slug);

    // The same for a proposal or a report (the event's kind says which), watched in its
    // subject's own window across the site. Returns true when it must start set aside, out
    // of the moderators' queue. Acting holds the subject's proposals or reports, bans and
    // raises the form's proof of work; it never touches a petition's signatures, even the
    // reported one's.
    bool observe_submission(signatures::SigningEvent& event);

    // The values organisers trust, as the store holds them now.
    void set_trust(detect::TrustList trust);

    // After a restart: the holds and bans the store says are still in force.
    void restore(const std::vector<Cluster>& held, const std::vector<Ban>& bans,
                 std::int64_t now_ms);
    // A moderator decided on a cluster (already written): its hold ends, and the
    // petition's proof of work returns to normal once nothing is held on it.
    void decided(const store::DecidedCluster& decided, ClusterDecision decision);
    void lifted(const Ban& ban);

    const DefenceStats& stats() const { return shared_->stats; }

  private:
    // A cluster whose hold is in force, and the networks whose proof of work it raised
    // (lowered again if it is released).
    struct Held {
        Cluster cluster;  // its held_until_ms set
        std::vector<std::string> raised_networks;
        std::int64_t until_ms() const { return cluster.held_until_ms.value_or(0); }
    };
    // Acts on a finding; `petition_slug` names a signatures' petition, empty otherwise.
    void record(const detect::Finding& finding, const std::string& petition_slug);
    void watch(const detect::Finding& finding);
    // The attempt through its subject's detector: acts on or watches what stands out, and
    // says whether the attempt starts held. Called with the mutex held.
    bool judge(detect::Attempt attempt, Subject subject, const std::string& petition_slug);
    bool held(const detect::Attempt& attempt, Subject subject) const;
    detect::Detector& detector_of(Subject subject);

    // What the incident's write needs when it runs on the writer thread: shared, so that a
    // Defence gone meanwhile (at shutdown, in tests) leaves it valid.
    struct Shared {
        explicit Shared(DefenceOptions o) : options(std::move(o)) {}
        DefenceOptions options;
        DefenceStats stats;
    };

    store::Store& store_;
    shield::Difficulty& difficulty_;
    shield::BanList& bans_;
    std::shared_ptr<Shared> shared_;
    std::mutex mutex_;
    detect::Detector detector_;
    detect::Detector proposals_;
    detect::Detector reports_;
    detect::TrustList trust_;
    std::vector<Held> held_;
};

}  // namespace rempart::defence
