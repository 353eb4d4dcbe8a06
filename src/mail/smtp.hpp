// Mail handed to an SMTP server with libcurl: STARTTLS when the server offers it (or TLS
// from the start with smtps://), optional authentication, one connection kept between sends.
#pragma once

#include <chrono>
#include <mutex>
#include <string>

#include "mail/transport.hpp"

namespace rempart::mail {

struct SmtpOptions {
    std::string url = "smtp://127.0.0.1:25";  // smtp://host:port, or smtps:// for implicit TLS
    std::string username;                     // empty: no authentication
    std::string password;
    std::chrono::seconds timeout{30};
    // Off only for tests against a self-signed certificate; a real server's is checked.
    bool verify_peer = true;
};

class SmtpTransport : public Transport {
  public:
    explicit SmtpTransport(SmtpOptions options);
    ~SmtpTransport() override;
    SmtpTransport(const SmtpTransport&) = delete;
    SmtpTransport& operator=(const SmtpTransport&) = delete;

    // A 5xx reply (no such mailbox, refused) is MailError::permanent; anything else that fails
    // (no connection, a 4xx reply, a timeout, refused credentials) is MailError::transient. With
    // a username, the connection must be encrypted (STARTTLS or smtps://).
    Result<void> send(const Envelope& envelope, std::string_view message) override;

  private:
    SmtpOptions options_;
    std::mutex mutex_;
    void* curl_ = nullptr;  // CURL*, kept so the connection is reused
};

}  // namespace rempart::mail
