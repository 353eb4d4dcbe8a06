// How a finished message leaves Rempart: the interface the outbox worker sends through.
#pragma once

#include <string>
#include <string_view>

#include "core/result.hpp"
#include "mail/errors.hpp"

namespace rempart::mail {

struct Envelope {
    std::string from;  // bare addresses, as in SMTP's MAIL FROM and RCPT TO
    std::string to;
};

// A transport fails with MailError::transient (the outbox tries again later) or
// MailError::permanent (the outbox gives up on the message).
class Transport {
  public:
    virtual ~Transport() = default;
    // Blocking: called from the outbox's own thread, never from an io thread. `message` is
    // a complete RFC 5322 message with CRLF line ends.
    virtual Result<void> send(const Envelope& envelope, std::string_view message) = 0;
};

}  // namespace rempart::mail
