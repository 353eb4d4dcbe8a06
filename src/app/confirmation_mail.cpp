// A signature's confirmation mail, composed as it leaves the outbox.
#include "app/confirmation_mail.hpp"

#include "render/i18n.hpp"
#include "render/mail_texts.hpp"
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

}  // namespace rempart::app
