// Every route the server answers, each registered with its class.
#include "app/routes.hpp"

#include "admin/admin_routes.hpp"
#include "api/api_routes.hpp"
#include "ops/ops_routes.hpp"
#include "web/altcha_route.hpp"
#include "web/answer_routes.hpp"
#include "web/my_data_routes.hpp"
#include "web/newsletter_routes.hpp"
#include "web/petition_history_routes.hpp"
#include "web/search_routes.hpp"
#include "web/share_routes.hpp"
#include "web/unsubscribe_routes.hpp"

namespace rempart::app {

http::Router server_routes(const RouteServices& services, ops::MetricsReaders metrics_readers) {
    const auto& config = services.config;
    http::Router router;
    web::add_web_routes(router, services.site);
    admin::add_admin_routes(router, services.admin);
    admin::add_incident_routes(router, services.incidents);
    admin::add_incident_action_routes(router, services.incidents);
    admin::add_invalidation_routes(router, services.incidents);
    admin::add_watch_routes(router, services.incidents);
    admin::add_trust_routes(router, services.incidents);
    web::add_signing_routes(router, services.signing);
    web::add_propose_routes(router, services.proposals);
    admin::add_moderation_routes(router, services.moderation);
    admin::add_take_down_routes(router, services.moderation);
    admin::add_reason_routes(router, services.moderation.admin);
    web::add_search_routes(router, services.site, services.store.readers());
    web::add_petition_history_routes(router, services.site, services.store.readers());
    web::add_share_routes(router, services.site);
    web::add_my_data_routes(router, services.signing);
    web::add_newsletter_routes(router, services.signing);
    web::add_answer_routes(router, services.site, services.store, services.signing.event_secret);
    web::add_unsubscribe_routes(router, services.site, services.store,
                                services.signing.event_secret);
    api::add_api_routes(router, services.catalog, config.server.base_url,
                        &services.store.readers());
    web::add_altcha_route(router, services.proof_of_work, services.difficulty, config.shield);
    ops::add_ops_routes(router, services.metrics, std::move(metrics_readers), services.site);
    web::add_gate_routes(router, services.gate);
    admin::add_shield_routes(router, services.shield);
    return router;
}

}  // namespace rempart::app
