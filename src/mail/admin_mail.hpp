// One message for each address of [mail] admin_alerts_to, composed for the outbox: what
// the defence's alerts and the login alerts share.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "mail/settings.hpp"

namespace rempart::mail {

// An envelope recipient and a complete message, ready to queue in the outbox.
struct AddressedMail {
    std::string to;
    std::string message;
};

struct MailContent {
    std::string subject;
    std::string text;
    std::string html;
    std::string language;  // "fr", "en"
};

// None when nobody is listed. `from_name` is the site's ([site] name).
std::vector<AddressedMail> mails_to_admins(const MailSettings& mail, std::string_view from_name,
                                           const MailContent& content);

}  // namespace rempart::mail
