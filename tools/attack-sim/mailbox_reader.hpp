// Reads the confirmation mails the server left in the Maildir, as the owner of a
// catch-all domain (or each signer) reads theirs: whom each is for, and its link's token.
#pragma once

#include <filesystem>
#include <set>
#include <string>
#include <vector>

namespace rempart::attack {

struct ConfirmationMail {
    std::string to;     // the address, lowercase
    std::string token;  // of {base_url}/s/{token}; empty in mails that carry no link
};

class MailboxReader {
  public:
    // `maildir` holds new/, cur/ and tmp/.
    explicit MailboxReader(std::filesystem::path maildir);
    // The mails that arrived since the last call (each file is read once).
    std::vector<ConfirmationMail> new_mails();

  private:
    std::filesystem::path new_dir_;
    std::set<std::string> seen_;
};

// The bare address of a raw message's To header, lowercase; empty when there is none.
std::string recipient_of(const std::string& raw_message);

}  // namespace rempart::attack
