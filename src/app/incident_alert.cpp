// The admins' alert when the defence opens an incident: drafted before the write, completed
// inside it.
#include "app/incident_alert.hpp"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rempart::app {
namespace {

// Rendered where the incident's number and its count of signatures set aside go, and
// replaced by the write: nothing else in an alert (a petition's title, a network, the
// figures of the window) is a number this long.
constexpr std::int64_t stand_in_id = 987'654'321'987'654'321;
constexpr std::int64_t stand_in_quarantined = 918'273'645'918'273'645;

void replace_all(std::string& text, const std::string& from, const std::string& to) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
}

}  // namespace

AlertDraft draft_incident_alert(const Catalog& catalog, const web::Site& site,
                                std::chrono::seconds ban_duration,
                                const defence::IncidentOpening& opening) {
    const auto& cluster = opening.cluster;
    AlertDraft draft;
    draft.language =
        render::parse_language(site.config().site.default_language).value_or(render::Language::fr);
    const auto snapshot = catalog.current();
    const auto* petition = snapshot->find_by_id(cluster.petition_id);
    render::IncidentAlert alert;
    alert.subject = std::string(defence::to_string(cluster.subject));
    alert.petition_title = petition ? petition->title : cluster.petition_slug;
    alert.dimension = std::string(defence::to_string(cluster.dimension));
    // Names and comments are keyed hashes: meaningless to a reader, so not shown.
    if (!defence::is_hashed(cluster.dimension)) alert.value = cluster.key_value;
    alert.attempts = cluster.attempts_in_window;
    alert.window_total = cluster.window_total;
    alert.networks = cluster.distinct_networks;
    alert.quarantined = stand_in_quarantined;
    alert.held_until = cluster.held_until_ms.value_or(0) / 1000;
    alert.incident_id = stand_in_id;
    alert.bans = opening.bans;
    alert.ban_minutes = ban_duration.count() / 60;
    alert.link = site.config().server.base_url + "/admin/incidents/" + std::to_string(stand_in_id);
    alert.evidence = cluster.evidence;
    draft.texts = render::incident_alert_mail(site.messages(), draft.language, alert);
    return draft;
}

mail::MailContent complete_incident_alert(const AlertDraft& draft,
                                          const defence::IncidentOpened& opened) {
    mail::MailContent content{draft.texts.subject, draft.texts.text, draft.texts.html,
                              std::string(render::code(draft.language))};
    const auto count = render::format_number(draft.language, stand_in_quarantined);
    const auto id = std::to_string(stand_in_id);
    for (auto* part : {&content.subject, &content.text, &content.html}) {
        replace_all(*part, count, render::format_number(draft.language, opened.quarantined));
        replace_all(*part, id, std::to_string(opened.incident_id));
    }
    return content;
}

defence::CompleteAlerts render_incident_alerts(const Catalog& catalog, const web::Site& site,
                                               std::chrono::seconds ban_duration,
                                               const defence::IncidentOpening& opening) {
    auto draft = draft_incident_alert(catalog, site, ban_duration, opening);
    return [&site, draft = std::move(draft)](const defence::IncidentOpened& opened) {
        const auto config = site.config();
        std::vector<defence::AlertMail> alerts;
        for (auto& mail : mail::mails_to_admins(config.mail, config.site.name,
                                                complete_incident_alert(draft, opened)))
            alerts.push_back({std::move(mail.to), std::move(mail.message), config.mail.from});
        return alerts;
    };
}

}  // namespace rempart::app
