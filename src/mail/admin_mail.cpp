// One message for each address of [mail] admin_alerts_to, composed for the outbox.
#include "mail/admin_mail.hpp"

#include <chrono>

#include "mail/message.hpp"

namespace rempart::mail {

std::vector<AddressedMail> mails_to_admins(const MailSettings& mail, std::string_view from_name,
                                           const MailContent& content) {
    std::vector<AddressedMail> mails;
    const auto domain = mail.from.substr(mail.from.find('@') + 1);
    for (const auto& to : mail.admin_alerts_to) {
        Message message;
        message.from_address = mail.from;
        message.from_name = std::string(from_name);
        message.to_address = to;
        message.subject = content.subject;
        message.text = content.text;
        message.html = content.html;
        message.language = content.language;
        mails.push_back(
            {to, compose(message, std::chrono::system_clock::now(), make_message_id(domain))});
    }
    return mails;
}

}  // namespace rempart::mail
