// How a finished message leaves Rempart: the interface the outbox worker sends through.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "mail/errors.hpp"

namespace rempart::mail {

struct Envelope {
    std::string from;  // bare addresses, as in SMTP's MAIL FROM and RCPT TO
    std::string to;
};

// One mail of a batch. `key` names it for good (the outbox row's time and number): a
// transport that can delivers a mail sent again under the same key only once.
struct Outgoing {
    Envelope envelope;
    std::string_view message;
    std::string key;
};

// A transport fails with MailError::transient (the outbox tries again later) or
// MailError::permanent (the outbox gives up on the message).
class Transport {
  public:
    virtual ~Transport() = default;
    // Blocking: called from the outbox's own thread, never from an io thread. `message` is
    // a complete RFC 5322 message with CRLF line ends.
    virtual Result<void> send(const Envelope& envelope, std::string_view message) = 0;
    // Several mails, one outcome each in order. By default one `send` each; a transport that
    // can share work across a batch (one folder sync for all) does.
    virtual std::vector<Result<void>> send_batch(std::span<const Outgoing> mails) {
        std::vector<Result<void>> outcomes;
        outcomes.reserve(mails.size());
        for (const auto& mail : mails) outcomes.push_back(send(mail.envelope, mail.message));
        return outcomes;
    }
};

}  // namespace rempart::mail
