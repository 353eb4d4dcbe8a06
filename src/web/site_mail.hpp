// A mail from the site, as the association sends it: from its address and name, with the
// words of a render::MailTexts, ready for the outbox.
#pragma once

#include <string>
#include <string_view>

#include "mail/settings.hpp"
#include "render/i18n.hpp"
#include "render/mail_texts.hpp"
#include "render/settings.hpp"

namespace rempart::web {

// The whole RFC 5322 message, dated and given its Message-ID now. `unsubscribe_url`, for a
// mail to a list, adds List-Unsubscribe with one click (mail/message.hpp).
std::string compose_site_mail(const mail::MailSettings& mail, const render::SiteSettings& site,
                              std::string_view to, render::Language language,
                              const render::MailTexts& texts,
                              std::string_view unsubscribe_url = {});

}  // namespace rempart::web
