// Tests for mail/settings: [mail], the transport, the sender and the admins' addresses.
#include "mail/settings.hpp"

#include <gtest/gtest.h>

#include <utility>

#include "core/config.hpp"

namespace rempart::mail {
namespace {

Result<MailSettings> parse(std::string_view toml) {
    return config::parse(toml, "rempart.toml", read_mail_settings);
}

TEST(MailSettings, ReadsEveryKey) {
    const auto mail = parse(R"(
[mail]
transport = "smtp"
maildir = "spool/mail"
smtp_url = "smtp://127.0.0.1:2525"
smtp_username = "u"
smtp_password = "p"
smtp_timeout_s = 5
retry_first_s = 60
from = "petitions@velo.example"
admin_alerts_to = ["a@example.org"]
news_per_minute = 0
)");
    ASSERT_TRUE(mail.ok()) << mail.error().detail;
    EXPECT_EQ(mail->transport, "smtp");
    EXPECT_EQ(mail->maildir, "spool/mail");  // relative paths stay as written
    EXPECT_EQ(mail->smtp.url, "smtp://127.0.0.1:2525");
    EXPECT_EQ(mail->smtp.username, "u");
    EXPECT_EQ(mail->smtp.password, "p");
    EXPECT_EQ(mail->smtp.timeout, std::chrono::seconds(5));
    EXPECT_EQ(mail->outbox.first_retry, std::chrono::seconds(60));
    EXPECT_EQ(mail->from, "petitions@velo.example");
    EXPECT_EQ(mail->admin_alerts_to, std::vector<std::string>{"a@example.org"});
    EXPECT_EQ(mail->news_per_minute, 0);
}

TEST(MailSettings, EmptyMaildirStaysEmptyForTheAppToDerive) {
    const auto mail = parse("[mail]\ntransport = \"maildir\"\n");
    ASSERT_TRUE(mail.ok()) << mail.error().detail;
    EXPECT_TRUE(mail->maildir.empty());
}

TEST(MailSettings, EachBadValueNamesItsKey) {
    const std::pair<const char*, const char*> cases[] = {
        {"[mail]\ntransport = \"pigeon\"", "got \"pigeon\""},
        {"[mail]\nadmin_alerts_to = \"a@example.org\"", "[mail] admin_alerts_to: expected"},
        {"[mail]\nsmtp_timeout_s = 0", "[mail] smtp_timeout_s: expected"},
        {"[mail]\nretry_first_s = 3601", "[mail] retry_first_s: expected"},
        {"[mail]\nnews_per_minute = -1", "[mail] news_per_minute: expected"},
    };
    for (const auto& [toml, expected] : cases) {
        const auto mail = parse(toml);
        ASSERT_FALSE(mail.ok()) << toml;
        EXPECT_EQ(mail.error().code, ConfigError::bad_value) << toml;
        EXPECT_NE(mail.error().detail.find(expected), std::string::npos)
            << toml << "\n  gave: " << mail.error().detail;
    }
}

}  // namespace
}  // namespace rempart::mail
