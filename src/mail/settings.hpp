// [mail]: how mail leaves (a Maildir or an SMTP server), who sends it, and who gets alerts.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "mail/outbox.hpp"
#include "mail/smtp.hpp"

namespace rempart::config {
class File;
}

namespace rempart::mail {

struct MailSettings {
    std::string transport = "maildir";  // "maildir" or "smtp"
    std::filesystem::path maildir;      // empty: <data_dir>/mail
    // smtp_url (smtps:// for TLS from the start), smtp_username (empty: no authentication),
    // smtp_password, smtp_timeout_s.
    SmtpOptions smtp{"smtp://127.0.0.1:2525"};
    OutboxOptions outbox;  // retry_first_s: after a failure; doubled each time, up to an hour
    std::string from = "petitions@example.org";
    std::vector<std::string> admin_alerts_to;
    // A petition's news leaves at this pace, every sending together, so that a mail server
    // or a relay's hourly quota is not flooded; 0: as fast as the outbox delivers.
    std::int64_t news_per_minute = 3000;
};

MailSettings read_mail_settings(config::File& file);

}  // namespace rempart::mail
