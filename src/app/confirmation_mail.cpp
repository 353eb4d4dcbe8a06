// The confirmation mails of signatures and of the newsletter, composed as they leave.
#include "app/confirmation_mail.hpp"

#include "render/i18n.hpp"
#include "render/mail_texts.hpp"
#include "render/newsletter_pages.hpp"
#include "signatures/newsletter.hpp"
#include "web/site_mail.hpp"

namespace rempart::app {

std::string compose_confirmation(const web::Site& site, const store::OutboxMail& mail) {
    const auto& parts = *mail.confirmation;
    const auto& config = site.config();
    const auto language = render::parse_language(parts.language)
                              .value_or(render::parse_language(config.site.default_language)
                                            .value_or(render::Language::fr));
    const auto texts = render::confirmation_mail(
        site.messages(), language, config.site, parts.petition_title, parts.signer_name,
        config.server.base_url + "/s/" + parts.link_token, site.retention().unconfirmed_days);
    return web::compose_site_mail(config.mail, config.site, mail.envelope_to, language, texts);
}

std::string compose_newsletter_confirmation(const web::Site& site, std::string_view secret,
                                            const store::OutboxMail& mail) {
    const auto& parts = *mail.newsletter;
    const auto config = site.config();
    const auto language = render::parse_language(parts.language)
                              .value_or(render::parse_language(config.site.default_language)
                                            .value_or(render::Language::fr));
    using signatures::NewsletterLink;
    const auto link = [&](NewsletterLink kind, std::string_view path) {
        return config.server.base_url + std::string(path) +
               signatures::newsletter_token(secret, kind, parts.subscriber_id);
    };
    const auto leave = link(NewsletterLink::leave, "/newsletter/leave/");
    const auto texts = render::newsletter_confirm_mail(
        site.messages(), language, config.site, link(NewsletterLink::confirm, "/newsletter/confirm/"),
        leave, site.retention().unconfirmed_days);
    return web::compose_site_mail(config.mail, config.site, mail.envelope_to, language, texts,
                                  leave);
}

}  // namespace rempart::app
