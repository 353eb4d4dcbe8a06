// A signature's confirmation mail, composed as it leaves the outbox.
#include "app/confirmation_mail.hpp"

#include <chrono>

#include "mail/message.hpp"
#include "render/i18n.hpp"
#include "render/mail_texts.hpp"

namespace rempart::app {

std::string compose_confirmation(const web::Site& site, const store::OutboxMail& mail) {
    const auto& parts = *mail.confirmation;
    const auto& config = site.config();
    const auto language = render::parse_language(parts.language)
                              .value_or(render::parse_language(config.site.default_language)
                                            .value_or(render::Language::fr));
    const auto texts = render::confirmation_mail(site.messages(), language, config.site,
                                                 parts.petition_title, parts.signer_name,
                                                 config.server.base_url + "/s/" + parts.link_token);
    mail::Message message;
    message.from_address = config.mail.from;
    message.from_name = config.site.name;
    message.to_address = mail.envelope_to;
    message.subject = texts.subject;
    message.text = texts.text;
    message.html = texts.html;
    message.language = parts.language;
    const auto domain = config.mail.from.substr(config.mail.from.find('@') + 1);
    return mail::compose(message, std::chrono::system_clock::now(), mail::make_message_id(domain));
}

}  // namespace rempart::app
