// A mail from the site, as the association sends it.
#include "web/site_mail.hpp"

#include <chrono>

#include "mail/message.hpp"

namespace rempart::web {

std::string compose_site_mail(const mail::MailSettings& mail, const render::SiteSettings& site,
                              std::string_view to, render::Language language,
                              const render::MailTexts& texts, std::string_view unsubscribe_url) {
    mail::Message message;
    message.from_address = mail.from;
    message.from_name = site.name;
    message.to_address = std::string(to);
    message.subject = texts.subject;
    message.text = texts.text;
    message.html = texts.html;
    message.language = std::string(render::code(language));
    message.unsubscribe_url = std::string(unsubscribe_url);
    const auto domain = mail.from.substr(mail.from.find('@') + 1);
    return mail::compose(message, std::chrono::system_clock::now(), mail::make_message_id(domain));
}

}  // namespace rempart::web
