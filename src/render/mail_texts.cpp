// The words of the mails Rempart sends, in the signer's language, as text and as HTML.
#include "render/mail_texts.hpp"

#include <kainjow/mustache.hpp>

#include "core/embedded.hpp"

namespace rempart::render {
namespace mu = kainjow::mustache;

MailTexts confirmation_mail(const Messages& messages, Language language, const SiteConfig& site,
                            std::string_view petition_title, std::string_view signer_name,
                            std::string_view link) {
    const Placeholders values{{"title", std::string(petition_title)},
                              {"name", std::string(signer_name)},
                              {"site", site.name}};
    const auto say = [&](std::string_view key) {
        return fill(messages.text(language, key), values);
    };
    MailTexts mail;
    mail.subject = say("mail.confirm_subject");
    const auto greeting = say("mail.greeting");
    const auto intro = say("mail.confirm_intro");
    const auto expiry = say("mail.confirm_expiry");
    const auto not_you = say("mail.not_you");
    const auto sign_off = say("mail.sign_off");
    mail.text = greeting + "\n\n" + intro + "\n\n" + std::string(link) + "\n\n" + expiry + "\n\n" +
                not_you + "\n\n-- \n" + sign_off + "\n";

    // Parsed once per thread: every signature sends one, and kainjow's render is not
    // const. The template is in the binary; a parse error is a bug the tests catch.
    thread_local mu::mustache html(
        std::string(embedded::find("templates/mail/confirm.mustache").value_or("")));
    mu::data data;
    data.set("lang", std::string(code(language)));
    data.set("subject", mail.subject);
    data.set("greeting", greeting);
    data.set("intro", intro);
    data.set("link", std::string(link));
    data.set("link_text", say("mail.confirm_link"));
    data.set("expiry", expiry);
    data.set("not_you", not_you);
    data.set("sign_off", sign_off);
    mail.html = html.render(data);
    return mail;
}

}  // namespace rempart::render
