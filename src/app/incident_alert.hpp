// The admins' alert when the defence opens an incident, in the site's language: rendered
// when the defence acts, before the incident's write, and completed by that write with the
// incident's number and the signatures it set aside.
#pragma once

#include <chrono>

#include "defence/response/incident_alert.hpp"
#include "mail/admin_mail.hpp"
#include "petitions/catalog.hpp"
#include "render/i18n.hpp"
#include "render/mail_texts.hpp"
#include "web/site.hpp"

namespace rempart::app {

// The alert's words with stand-ins where the two figures the write knows go.
struct AlertDraft {
    render::MailTexts texts;
    render::Language language = render::Language::fr;
};

AlertDraft draft_incident_alert(const Catalog& catalog, const web::Site& site,
                                std::chrono::seconds ban_duration,
                                const defence::IncidentOpening& opening);

// The words the alert would have had, rendered with the figures from the start.
mail::MailContent complete_incident_alert(const AlertDraft& draft,
                                          const defence::IncidentOpened& opened);

// What the defence calls before each cluster's write: the draft, and how the write
// completes it into one message for each alert address the site's settings name at that
// moment (none: nobody to tell).
defence::CompleteAlerts render_incident_alerts(const Catalog& catalog, const web::Site& site,
                                               std::chrono::seconds ban_duration,
                                               const defence::IncidentOpening& opening);

}  // namespace rempart::app
