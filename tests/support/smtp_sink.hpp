// A real SMTP server for tests (python3-aiosmtpd, tests/support/smtp_sink.py).
#pragma once

#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace rempart::testing {

struct SmtpSinkOptions {
    std::filesystem::path tls_cert;  // both set: offers STARTTLS
    std::filesystem::path tls_key;
    std::string username;  // set: requires AUTH with this password
    std::string password;
    int fail_first = 0;  // answers 451 to the first N messages
};

struct ReceivedMail {
    std::string message;  // the bytes received
    std::string envelope;  // JSON: mail_from, rcpt_tos, tls, auth
};

class SmtpSink {
  public:
    explicit SmtpSink(SmtpSinkOptions options = {});  // `port()` is 0 when it did not start
    ~SmtpSink();
    SmtpSink(const SmtpSink&) = delete;
    SmtpSink& operator=(const SmtpSink&) = delete;
    std::uint16_t port() const { return port_; }
    std::string url() const { return "smtp://127.0.0.1:" + std::to_string(port_); }
    // The messages received so far, waiting (bounded) until there are `count`.
    std::vector<ReceivedMail> wait_for(std::size_t count,
                                       std::chrono::milliseconds timeout =
                                           std::chrono::milliseconds(10000)) const;

  private:
    std::filesystem::path folder_;
    pid_t pid_ = -1;
    std::uint16_t port_ = 0;
};

// A self-signed certificate for localhost made with openssl in `folder`: {cert, key}.
std::pair<std::filesystem::path, std::filesystem::path> make_test_certificate(
    const std::filesystem::path& folder);

}  // namespace rempart::testing
