// Every route the server answers, each registered with its class, in the order they are
// matched: the router `rempart serve` runs, built here so that tests can build it too.
#pragma once

#include "admin/guard.hpp"
#include "admin/incident_routes.hpp"
#include "admin/moderation_routes.hpp"
#include "admin/shield_routes.hpp"
#include "app/settings.hpp"
#include "http/router.hpp"
#include "metrics/metrics.hpp"
#include "ops/metrics_readers.hpp"
#include "petitions/catalog.hpp"
#include "shield/difficulty.hpp"
#include "shield/proof_of_work.hpp"
#include "store/store.hpp"
#include "web/gate.hpp"
#include "web/propose_routes.hpp"
#include "web/signing_routes.hpp"
#include "web/site.hpp"

namespace rempart::app {

// What the handlers use, owned by the caller and alive as long as the router.
struct RouteServices {
    const Config& config;
    const Catalog& catalog;
    const web::Site& site;
    store::Store& store;
    shield::ProofOfWork& proof_of_work;
    const shield::Difficulty& difficulty;
    const metrics::Registry& metrics;
    web::SigningServices& signing;
    admin::AdminServices& admin;
    admin::IncidentServices& incidents;
    web::GateServices& gate;
    admin::ShieldServices& shield;
    web::ProposalServices& proposals;
    admin::ModerationServices& moderation;
};

http::Router server_routes(const RouteServices& services, ops::MetricsReaders metrics_readers);

}  // namespace rempart::app
