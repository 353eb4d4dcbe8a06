// The streaming detector: sliding windows of signing attempts per petition, and the rules
// that tell a scripted flood from a crowd. Pure: events in, clusters out, no I/O.
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/string_map.hpp"
#include "defence/detect/judgement.hpp"
#include "defence/detect/traits.hpp"
#include "defence/detect/trust.hpp"
#include "defence/model/dimension.hpp"
#include "defence/model/sighting.hpp"
#include "signatures/signing_event.hpp"

namespace rempart::defence::detect {

// One attempt as the detector sees it: its time, its petition and its keys (empty: absent).
struct Attempt {
    std::int64_t at_ms = 0;
    std::int64_t petition_id = 0;
    // Who sent it: the IPv4 address, or the IPv6 /64 (one host holds a whole /64). Not a
    // rule of its own; it tells one sender from many.
    std::string sender;
    std::array<std::string, dimension_count> keys;
    const std::string& key(Dimension d) const { return keys[static_cast<std::size_t>(d)]; }
    Traits traits = 0;
    bool is_confirmation = false;
    // Its confirmation link's key, so that the confirmation finds it in the window.
    std::string link;
    // Filled in when the signature is confirmed while the attempt is in the window.
    bool confirmed = false;
    Traits confirmation_traits = 0;
};

// The keys of a signing event. A confirmation counts under its confirm_network only; a
// withdrawal under nothing; a proposal or a report as an attempt. With `trust`, a trusted mail
// domain is not counted, and an address in a trusted network counts under no network, AS or
// data-centre key.
Attempt attempt_of(const signatures::SigningEvent& event, Traits traits = 0,
                   const TrustList* trust = nullptr);

// When a value stands out in a petition's window. A crowd is diverse: even the commonest
// real full name is a tiny share of a petition's signers, comments vary, and mail
// domains and ASes follow the country's big providers. A script repeats itself.
struct Rule {
    std::size_t min_count = 20;  // fewer in the window is never a cluster
    double min_share = 1.0;      // of the window's attempts that have this key; > 1: never
    // For keys whose real distribution is skewed (domains, ASes): the share must also be
    // this many times the value's usual share on the petition (see petition_prior).
    double over_baseline = 0;
};

struct DetectorConfig {
    std::chrono::seconds window{120};
    std::array<Rule, dimension_count> rules{{
        {20, 0.01, 0},  // name: 1 % of a petition's signers under one full name
        {30, 0.10, 0},  // comment: "bravo" is common; one comment for a tenth is not
        {30, 0.05, 5},  // email_domain: a catch-all domain where gmail.com is expected
        {60, 2.0, 0},   // network: left to the rate limits
        {40, 0.20, 5},  // as: a hosting AS where households are expected
        {60, 2.0, 0},   // user_agent: too many people share one browser version
        {30, 0.20, 0},  // confirm_network: a fifth of the confirmations from one network
        // automation: a fifth of the attempts from data centres or robots. Never compared
        // with a baseline: an attacker trickling in first would make himself usual.
        {30, 0.20, 0},
    }};
    // Big mail providers: their share is large and normal even before any baseline.
    std::vector<std::string> large_providers{
        "gmail.com", "hotmail.fr", "hotmail.com", "outlook.fr",     "outlook.com",
        "live.fr",   "yahoo.fr",   "yahoo.com",   "orange.fr",      "wanadoo.fr",
        "free.fr",   "sfr.fr",     "laposte.net", "icloud.com",     "me.com",
        "neuf.fr",   "bbox.fr",    "gmx.fr",      "protonmail.com", "proton.me"};
    // Eyeball networks where most French households sit (Orange, Free, SFR, Bouygues
    // Telecom and their mobile networks): a surge from them is a crowd.
    std::vector<std::uint32_t> large_networks{3215, 12322, 15557, 5410, 51207, 21502, 16060};
    // The baseline learns from attempts as they leave the window, so a burst never vouches
    // for itself; it forgets with this half-life.
    std::chrono::seconds baseline_half_life{3600};
    // Each petition learns its own usual shares; until it has seen many attempts, the
    // site's shares stand in for its own with the weight of this many attempts.
    double petition_prior = 200;
    // Per petition, and per baseline: memory stays bounded (about 300 bytes an attempt).
    // Under a flood the window shortens to this many attempts; shares still hold.
    std::size_t max_window_events = 50000;
    // A value sent by fewer senders than this never stands out, however often: one address
    // is held by its own rate limits, and must never get its network or AS banned, a
    // petition's signatures quarantined or the admins mailed. Confirmations need a real
    // token from a real signature, so confirm_network is exempt.
    std::size_t min_senders = 3;
    // When a repeated value is acted on, and when it is only watched.
    JudgeRules judge;
    TraitRules traits;
};

// How the site's proposals and reports are watched: they come a few an hour where
// signatures come hundreds a minute, so the window is an hour and the counts are small.
// The judgement is the same: repetition alone is only watched (a crowd proposing the
// petition the news spoke of, members reporting an offensive one), and only signs of
// automation act.
DetectorConfig submission_detector_config();

// A network or AS a cluster came from: how many of the cluster's attempts, and how many
// attempts it sent in the window in all (a network that sends little else is the attack's).
struct Source {
    std::string key;  // "net:203.0.113.0/24", "as:64500"
    std::size_t in_cluster = 0;
    std::size_t in_window = 0;
};

// A value that stood out, as the detector saw it: what every part of the defence keeps
// of it (the Sighting, its `evidence` filled in once judged), and what its judgement and
// its bans are made of.
struct Observation : Sighting {
    double share = 0;  // attempts_in_window / window_total
    double baseline_share = 0;
    std::size_t distinct_senders = 0;
    std::int64_t last_ms = 0;      // the value's latest attempt
    std::vector<Source> networks;  // most of the value's attempts first
    std::vector<Source> ases;
    // How many of its attempts show each trait (indexed by the trait's bit position).
    std::array<std::size_t, trait_count> with_trait{};
    std::size_t timed = 0;      // its attempts whose proof of work was large enough to time
    std::size_t confirmed = 0;  // its signatures confirmed while in the window
    // Of those, confirmed from data centres (or unlisted addresses), and confirmed by
    // robots or within seconds of the mail.
    std::size_t confirmed_from_data_centres = 0;
    std::size_t confirmed_by_script = 0;
};

// A cluster and what the defence makes of it. Reported once as a watch or an action, and
// once more if a watch's evidence converges into an action.
struct Finding {
    Observation cluster;
    Judgement judgement;
};

class Detector {
  public:
    explicit Detector(DetectorConfig config = {});

    // Counts one attempt (or confirmation) and returns the clusters it makes stand out,
    // judged. A value is reported once when it stands out, again when a watched one turns
    // into an action, and anew only after it has cooled down (fallen under half its
    // rule's count).
    std::vector<Finding> observe(Attempt attempt);

    // The usual share of a value across every petition (decayed counts).
    double baseline_share(Dimension dimension, const std::string& value) const;
    // The usual share on one petition: its own counts, with the site's as the prior.
    double baseline_share(std::int64_t petition_id, Dimension dimension,
                          const std::string& value) const;

  private:
    // A value reported: watched (judged again as it grows or gets confirmed) or acted on.
    struct Reported {
        bool acted = false;
        std::size_t judge_again_at = 0;  // its count, or its window's confirmations
        std::size_t confirmations_at = 0;
    };
    struct Window {
        std::deque<Attempt> attempts;
        std::array<StringMap<std::size_t>, dimension_count> counts;
        std::array<std::size_t, dimension_count> totals{};
        std::array<StringMap<Reported>, dimension_count> reported;
        // Attempts whose signature may still be confirmed, by link key. Deque elements stay
        // where they are while others are pushed at the back and popped at the front.
        StringMap<Attempt*> by_link;
        std::size_t confirmations = 0;  // seen while in this window, ever
    };
    struct Baseline {
        StringMap<double> weight;
        double total = 0;
        std::int64_t updated_ms = 0;  // the time its weights are scaled from
        std::int64_t last_ms = 0;     // its latest attempt
    };
    using Baselines = std::array<Baseline, dimension_count>;

    void expire(Window& window, std::int64_t now_ms);
    void count(Window& window, const Attempt& attempt, int delta);
    void learn(Baselines& baselines, const Attempt& attempt) const;
    void confirm(Window& window, const Attempt& confirmation);
    bool stands_out(const Window& window, std::size_t d, const std::string& value,
                    std::int64_t petition_id) const;
    std::vector<Source> sources(
        const Window& window, Dimension dimension,
        const std::unordered_map<std::string_view, std::size_t>& in_cluster) const;
    Observation describe(const Window& window, Dimension dimension, const std::string& value,
                         std::int64_t petition_id) const;

    DetectorConfig config_;
    std::unordered_set<std::string> large_providers_;  // domains and "as:<n>" keys
    std::unordered_map<std::int64_t, Window> windows_;
    Baselines baselines_;  // the site's
    std::unordered_map<std::int64_t, Baselines> petition_baselines_;
};

}  // namespace rempart::defence::detect
