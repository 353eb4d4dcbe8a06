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
    // `instance` goes into the name of every mail sent with a key, so that two servers
    // writing into one folder cannot take each other's names.
    static Result<std::unique_ptr<MaildirTransport>> open(const std::filesystem::path& folder,
                                                          std::string instance = "0");

    // Writes into tmp/, syncs, then renames into new/ and syncs the folder: a reader never
    // sees half a message, and a crash after success loses nothing. Thread-safe.
    Result<void> send(const Envelope& envelope, std::string_view message) override;
    // The same for a batch, with one sync of new/ for all. A mail with a key is named after
    // it: sent again after a crash, it is found already in new/ and not written twice.
    std::vector<Result<void>> send_batch(std::span<const Outgoing> mails) override;

  private:
    MaildirTransport(std::filesystem::path folder, std::string instance);
    std::string unique_name();
    std::string keyed_name(std::string_view key) const;

    std::filesystem::path folder_;
    std::string instance_;
    std::string host_;
    std::atomic<std::uint64_t> counter_{0};
};

}  // namespace rempart::mail
