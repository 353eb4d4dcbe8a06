// Builds the defence engine from the config, restored from the store after a restart.
#include "app/defence_setup.hpp"

#include <chrono>

#include "core/clock.hpp"
#include "mail/admin_mail.hpp"
#include "render/mail_texts.hpp"
#include "store/ban_repository.hpp"
#include "store/incident_repository.hpp"
#include "store/trust_repository.hpp"

namespace rempart::app {
namespace {

// The mails that tell the admins what the defence did, in the site's language.
std::vector<incidents::AlertMail> compose_alerts(const Config& config, const Catalog& catalog,
                                                 const web::Site& site,
                                                 std::chrono::seconds ban_duration,
                                                 const incidents::OpenedFacts& facts) {
    const auto language =
        render::parse_language(config.site.default_language).value_or(render::Language::fr);
    const auto snapshot = catalog.current();
    const auto* petition = snapshot->find_by_id(facts.petition_id);
    render::IncidentAlert alert;
    alert.petition_title = petition ? petition->title : facts.petition_slug;
    alert.dimension = facts.dimension;
    // Names and comments are keyed hashes: meaningless to a reader, so not shown.
    if (facts.dimension != "name" && facts.dimension != "comment") alert.value = facts.value;
    alert.attempts = facts.attempts;
    alert.window_total = facts.window_total;
    alert.networks = facts.networks;
    alert.quarantined = facts.quarantined;
    alert.held_until = facts.held_until_ms / 1000;
    alert.incident_id = facts.incident_id;
    alert.bans = facts.bans;
    alert.ban_minutes = ban_duration.count() / 60;
    alert.link = config.server.base_url + "/admin/incidents/" + std::to_string(facts.incident_id);
    alert.evidence = facts.evidence;
    const auto texts = render::incident_alert_mail(site.messages(), language, alert);
    return mail::mails_to_admins(
        config, {texts.subject, texts.text, texts.html, std::string(render::code(language))});
}

}  // namespace

DefenceSetup set_up_defence(const Config& config, const Catalog& catalog, const web::Site& site,
                            store::Store& store, shield::Difficulty& difficulty,
                            std::function<void()> mail_queued, metrics::Registry& metrics) {
    incidents::DefenceOptions options;
    options.alert_from = config.mail.from;
    options.mail_queued = std::move(mail_queued);
    if (!config.mail.admin_alerts_to.empty()) {
        const auto ban_duration = options.bans.duration;
        options.compose_alerts = [&config, &catalog, &site,
                                  ban_duration](const incidents::OpenedFacts& facts) {
            return compose_alerts(config, catalog, site, ban_duration, facts);
        };
    }
    DefenceSetup setup;
    setup.bans = std::make_unique<shield::BanList>();
    setup.defence =
        std::make_unique<incidents::Defence>(store, difficulty, *setup.bans, std::move(options));
    const auto now = unix_now_ms();
    const auto held = store.readers().read_now<std::vector<store::HeldCluster>>(
        [now](store::Database& db) { return store::held_clusters(db, now); });
    const auto bans = store.readers().read_now<std::vector<store::Ban>>(
        [now](store::Database& db) { return store::active_bans(db, now); });
    setup.defence->restore(held, bans, now);
    setup.defence->set_trust(
        detect::TrustList(store.readers().read_now<std::vector<detect::TrustedValue>>(
            [](store::Database& db) { return store::trusted_values(db); })));
    metrics.add_collector([defence = setup.defence.get()](std::string& out) {
        incidents::write_metrics(defence->stats(), out);
    });
    return setup;
}

}  // namespace rempart::app
