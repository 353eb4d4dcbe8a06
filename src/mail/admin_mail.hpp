// One message for each address of [mail] admin_alerts_to, composed for the outbox: what
// the defence's alerts and the login alerts share.
#pragma once

#include <string>
#include <vector>

#include "core/config.hpp"

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

// None when nobody is listed.
std::vector<AddressedMail> mails_to_admins(const Config& config, const MailContent& content);

}  // namespace rempart::mail
