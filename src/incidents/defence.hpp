// The defence acting by itself: every signing attempt goes through the detector; a cluster
// opens an incident that quarantines its signatures and makes the proof of work harder.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

#include "detect/detector.hpp"
#include "shield/difficulty.hpp"
#include "signatures/signing_event.hpp"
#include "store/store.hpp"

namespace rempart::incidents {

struct DefenceOptions {
    detect::DetectorConfig detector;
    // How long new attempts carrying an incident's key start quarantined, and the
    // petition's proof of work stays harder, without a moderator's word.
    std::chrono::seconds hold{3600};
    std::uint64_t raised_difficulty = 200000;  // about 20 times the default
};

struct DefenceStats {
    std::atomic<std::uint64_t> incidents_opened{0};
    std::atomic<std::uint64_t> quarantined{0};  // set aside by incidents, and at signing
};

class Defence {
  public:
    Defence(store::Store& store, shield::Difficulty& difficulty, DefenceOptions options = {});

    // Called for every attempt of a petition (`slug` names it for the difficulty). Returns
    // true when the attempt's signature must start quarantined: its keys belong to an
    // incident still held. Opening an incident writes through the store's writer, queued
    // after the signatures already submitted, so none of them escapes the quarantine.
    bool observe(const signatures::SigningEvent& event, const std::string& petition_slug);

    const DefenceStats& stats() const { return stats_; }

  private:
    struct Held {
        std::int64_t petition_id;
        detect::Dimension dimension;
        std::string value;
        std::int64_t until_ms;
    };
    void open(const detect::Cluster& cluster, const std::string& petition_slug);

    store::Store& store_;
    shield::Difficulty& difficulty_;
    DefenceOptions options_;
    DefenceStats stats_;
    std::mutex mutex_;
    detect::Detector detector_;
    std::vector<Held> held_;
};

}  // namespace rempart::incidents
