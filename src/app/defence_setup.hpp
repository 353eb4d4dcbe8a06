// Builds the defence engine from the config: the ban list, the defence with its alerts,
// what the store says is still held or banned, and its metrics.
#pragma once

#include <functional>
#include <memory>

#include "app/settings.hpp"
#include "defence/response/defence.hpp"
#include "metrics/metrics.hpp"
#include "petitions/catalog.hpp"
#include "shield/ban_list.hpp"
#include "shield/difficulty.hpp"
#include "store/store.hpp"
#include "web/site.hpp"

namespace rempart::app {

struct DefenceSetup {
    std::unique_ptr<shield::BanList> bans;
    std::unique_ptr<defence::Defence> defence;
};

// `mail_queued` wakes the outbox after an alert was queued.
DefenceSetup set_up_defence(const Config& config, const Catalog& catalog, const web::Site& site,
                            store::Store& store, shield::Difficulty& difficulty,
                            std::function<void()> mail_queued, metrics::Registry& metrics);

}  // namespace rempart::app
