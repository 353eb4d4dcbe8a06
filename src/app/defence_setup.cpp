// Builds the defence engine from the config, restored from the store after a restart.
#include "app/defence_setup.hpp"

#include <chrono>
#include <iterator>
#include <optional>
#include <utility>

#include "core/clock.hpp"
#include "mail/admin_mail.hpp"
#include "metrics/prometheus_text.hpp"
#include "render/mail_texts.hpp"
#include "store/ban_repository.hpp"
#include "store/incident_repository.hpp"
#include "store/trust_repository.hpp"

namespace rempart::app {
namespace {

// The config says only what the site changed; everything else keeps the module's default.
template <typename Target, typename Value>
void set(Target& target, const std::optional<Value>& value) {
    if (value) target = static_cast<Target>(*value);
}

void set_rule(detect::Rule& rule, const DetectRuleConfig& from) {
    set(rule.min_count, from.min_count);
    set(rule.min_share, from.min_share);
    set(rule.over_baseline, from.over_baseline);
}

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

incidents::DefenceOptions defence_options(const DetectConfig& from) {
    incidents::DefenceOptions options;
    auto& detector = options.detector;
    set(detector.window, from.window);
    using detect::Dimension;
    const std::pair<Dimension, const DetectRuleConfig&> rules[] = {
        {Dimension::name, from.name},
        {Dimension::comment, from.comment},
        {Dimension::email_domain, from.email_domain},
        {Dimension::network, from.network},
        {Dimension::as, from.as},
        {Dimension::user_agent, from.user_agent},
        {Dimension::confirm_network, from.confirm_network},
        {Dimension::automation, from.automation},
    };
    static_assert(std::size(rules) == detect::dimension_count);
    for (const auto& [dimension, rule] : rules)
        set_rule(detector.rules[static_cast<std::size_t>(dimension)], rule);
    set(detector.large_providers, from.large_mail_providers);
    set(detector.large_networks, from.eyeball_networks);
    set(detector.baseline_half_life, from.baseline_half_life);
    set(detector.petition_prior, from.petition_prior);
    set(detector.max_window_events, from.max_window_attempts);
    set(detector.min_senders, from.min_senders);
    set(detector.judge.min_automated, from.automation_min_attempts);
    set(detector.judge.automated_share, from.automation_share);
    set(detector.judge.attempts_per_network, from.attempts_per_network);
    set(detector.traits.hosting_networks, from.hosting_networks);
    set(detector.traits.browser_hashes_per_ms, from.browser_hashes_per_ms);
    set(detector.traits.min_timed_number, from.min_timed_number);
    set(detector.traits.min_browser_took_ms, from.min_browser_took_ms);
    if (from.instant_confirmation)
        detector.traits.instant_confirmation_s = from.instant_confirmation->count();
    set(options.hold, from.hold);
    set(options.raised_difficulty, from.raised_difficulty);
    auto& bans = options.bans;
    set(bans.network_min_attempts, from.ban_network_min_attempts);
    set(bans.network_min_share, from.ban_network_min_share);
    set(bans.max_networks, from.ban_max_networks);
    set(bans.as_min_attempts, from.ban_as_min_attempts);
    set(bans.as_min_share, from.ban_as_min_share);
    // Left empty, the defence fills it with the eyeball networks, as configured.
    set(bans.never_ban, from.never_ban);
    set(bans.duration, from.ban_duration);
    return options;
}

DefenceSetup set_up_defence(const Config& config, const Catalog& catalog, const web::Site& site,
                            store::Store& store, shield::Difficulty& difficulty,
                            std::function<void()> mail_queued, metrics::Registry& metrics) {
    auto options = defence_options(config.detect);
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
    metrics.add_collector([defence = setup.defence.get()](metrics::PrometheusText& text) {
        incidents::write_metrics(defence->stats(), text);
    });
    return setup;
}

}  // namespace rempart::app
