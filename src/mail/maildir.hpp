// Mail written to a Maildir folder (one file per message in new/): the default transport,
// for `make run`, tests, and hosts that hand mail to a local MTA that way.
#pragma once

#include <atomic>
#include <filesystem>
#include <memory>
#include <string>

#include "mail/transport.hpp"

namespace rempart::mail {

class MaildirTransport : public Transport {
  public:
    // Creates new/, cur/ and tmp/ as needed. Error MailError::maildir when it cannot.
    static Result<std::unique_ptr<MaildirTransport>> open(const std::filesystem::path& folder);

    // Writes into tmp/, syncs, then renames into new/ and syncs the folder: a reader never
    // sees half a message, and a crash after success loses nothing. Thread-safe.
    Result<void> send(const Envelope& envelope, std::string_view message) override;

  private:
    explicit MaildirTransport(std::filesystem::path folder);
    std::string unique_name();

    std::filesystem::path folder_;
    std::string host_;
    std::atomic<std::uint64_t> counter_{0};
};

}  // namespace rempart::mail
