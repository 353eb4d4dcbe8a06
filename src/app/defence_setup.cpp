// Builds the defence engine from the config, restored from the store after a restart.
#include "app/defence_setup.hpp"

#include <chrono>
#include <utility>

#include "app/incident_alert.hpp"
#include "core/clock.hpp"
#include "metrics/prometheus_text.hpp"
#include "store/ban_repository.hpp"
#include "store/incident_rows.hpp"
#include "store/trust_repository.hpp"

namespace rempart::app {
DefenceSetup set_up_defence(const Config& config, const Catalog& catalog, const web::Site& site,
                            store::Store& store, shield::Difficulty& difficulty,
                            std::function<void()> mail_queued, metrics::Registry& metrics) {
    auto options = config.defence;
    options.mail_queued = std::move(mail_queued);
    // Always: the alert addresses are the live settings', which an admin may fill in later.
    const auto ban_duration = options.bans.duration;
    options.render_alerts = [&catalog, &site,
                             ban_duration](const defence::IncidentOpening& opening) {
        return render_incident_alerts(catalog, site, ban_duration, opening);
    };
    DefenceSetup setup;
    setup.bans = std::make_unique<shield::BanList>();
    setup.defence =
        std::make_unique<defence::Defence>(store, difficulty, *setup.bans, std::move(options));
    const auto now = unix_now_ms();
    const auto held = store.readers().read_now<std::vector<defence::Cluster>>(
        [now](store::Database& db) { return store::held_clusters(db, now); });
    const auto bans = store.readers().read_now<std::vector<defence::Ban>>(
        [now](store::Database& db) { return store::active_bans(db, now); });
    setup.defence->restore(held, bans, now);
    setup.defence->set_trust(
        defence::detect::TrustList(store.readers().read_now<std::vector<defence::TrustedValue>>(
            [](store::Database& db) { return store::trusted_values(db); })));
    metrics.add_collector([defence = setup.defence.get()](metrics::PrometheusText& text) {
        defence::write_metrics(defence->stats(), text);
    });
    return setup;
}

}  // namespace rempart::app
