// The errors of sending mail. A transport answers transient or permanent: the outbox
// retries the first and gives up on the second.
#pragma once

#include <string_view>

namespace rempart::mail {

enum class MailError {
    transient,  // try again later: server down, 4xx reply, timeout, disk full
    permanent,  // this message will never go: 5xx reply, no such mailbox, bad address
    maildir,    // the Maildir folders cannot be made (start-up)
};

constexpr std::string_view error_name(MailError error) {
    switch (error) {
        case MailError::transient:
            return "mail.transient";
        case MailError::permanent:
            return "mail.permanent";
        case MailError::maildir:
            return "mail.maildir";
    }
    return "mail.unknown";
}

}  // namespace rempart::mail
