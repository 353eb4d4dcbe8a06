// The mail that tells the admins one account is getting many failed logins.
#include "admin/login_alert.hpp"

#include <chrono>

#include "render/mail_texts.hpp"

namespace rempart::admin {

std::vector<LoginAlertMail> login_alert_mails(const web::Settings& config,
                                              const render::Messages& messages,
                                              const std::string& account, std::int64_t failures,
                                              std::int64_t networks) {
    if (config.mail.admin_alerts_to.empty()) return {};
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
    return mail::mails_to_admins(
        config.mail, config.site.name,
        {texts.subject, texts.text, texts.html, std::string(render::code(language))});
}

}  // namespace rempart::admin
