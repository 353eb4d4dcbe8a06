// Builds the defence engine from the config: the ban list, the defence with its alerts,
// what the store says is still held or banned, and its metrics.
#pragma once

#include <functional>
#include <memory>

#include "core/config.hpp"
#include "incidents/defence.hpp"
#include "metrics/metrics.hpp"
#include "petitions/catalog.hpp"
#include "shield/ban_list.hpp"
#include "shield/difficulty.hpp"
#include "store/store.hpp"
#include "web/site.hpp"

namespace rempart::app {

struct DefenceSetup {
    std::unique_ptr<shield::BanList> bans;
    std::unique_ptr<incidents::Defence> defence;
};

// The defence's thresholds: the defaults written in detect::DetectorConfig and
// incidents::DefenceOptions, with what [detect] sets laid over them (pure: tested without
// a store). Alerts and mail are left to set_up_defence.
incidents::DefenceOptions defence_options(const DetectConfig& from);

// `mail_queued` wakes the outbox after an alert was queued.
DefenceSetup set_up_defence(const Config& config, const Catalog& catalog, const web::Site& site,
                            store::Store& store, shield::Difficulty& difficulty,
                            std::function<void()> mail_queued, metrics::Registry& metrics);

}  // namespace rempart::app
