// Reads [mail].
#include "mail/settings.hpp"

#include "core/config.hpp"

namespace rempart::mail {

MailSettings read_mail_settings(config::File& file) {
    MailSettings settings;
    auto mail = file.section("mail");
    mail.choice("transport", {"maildir", "smtp"}, settings.transport);
    mail.path("maildir", settings.maildir);
    mail.text("smtp_url", settings.smtp.url);
    mail.text("smtp_username", settings.smtp.username);
    mail.text("smtp_password", settings.smtp.password);
    mail.duration("smtp_timeout_s", 1, 600, settings.smtp.timeout);
    mail.duration("retry_first_s", 1, 3600, settings.outbox.first_retry);
    mail.text("from", settings.from);
    mail.texts("admin_alerts_to", settings.admin_alerts_to);
    mail.integer("news_per_minute", 0, 1'000'000, settings.news_per_minute);
    return settings;
}

}  // namespace rempart::mail
