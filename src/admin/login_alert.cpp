// The mail that tells the admins one account is getting many failed logins.
#include "admin/login_alert.hpp"

#include <chrono>

#include "mail/message.hpp"
#include "render/mail_texts.hpp"

namespace rempart::admin {

std::vector<LoginAlertMail> login_alert_mails(const Config& config,
                                              const render::Messages& messages,
                                              const std::string& account, std::int64_t failures,
                                              std::int64_t networks) {
    std::vector<LoginAlertMail> mails;
    if (config.mail.admin_alerts_to.empty()) return mails;
    const auto language =
        render::parse_language(config.site.default_language).value_or(render::Language::fr);
    render::LoginAlert alert;
    alert.account = account;
    alert.failures = failures;
    alert.networks = networks;
    alert.max_minutes =
        std::chrono::duration_cast<std::chrono::minutes>(config.admin.login_backoff_max).count();
    alert.kept_hours =
        std::chrono::ceil<std::chrono::hours>(config.admin.login_failures_kept).count();
    alert.link = config.server.base_url + "/admin/audit";
    const auto texts = render::login_alert_mail(messages, language, alert);
    const auto domain = config.mail.from.substr(config.mail.from.find('@') + 1);
    for (const auto& to : config.mail.admin_alerts_to) {
        mail::Message message;
        message.from_address = config.mail.from;
        message.from_name = config.site.name;
        message.to_address = to;
        message.subject = texts.subject;
        message.text = texts.text;
        message.html = texts.html;
        message.language = std::string(render::code(language));
        mails.push_back({to, mail::compose(message, std::chrono::system_clock::now(),
                                           mail::make_message_id(domain))});
    }
    return mails;
}

}  // namespace rempart::admin
