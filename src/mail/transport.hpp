// How a finished message leaves Rempart: the interface the outbox worker sends through.
#pragma once

#include <string>
#include <string_view>

#include "core/result.hpp"

namespace rempart::mail {

struct Envelope {
    std::string from;  // bare addresses, as in SMTP's MAIL FROM and RCPT TO
    std::string to;
};

// Error codes a transport gives back; the outbox retries the first and gives up on the second:
//   mail.transient   try again later (server down, 4xx reply, timeout, disk full)
//   mail.permanent   this message will never go (5xx reply: no such mailbox, refused)
inline constexpr std::string_view transient_error = "mail.transient";
inline constexpr std::string_view permanent_error = "mail.permanent";

class Transport {
  public:
    virtual ~Transport() = default;
    // Blocking: called from the outbox's own thread, never from an io thread. `message` is
    // a complete RFC 5322 message with CRLF line ends.
    virtual Result<void> send(const Envelope& envelope, std::string_view message) = 0;
};

}  // namespace rempart::mail
