// Reads the confirmation mails the server left in the Maildir.
#include "mailbox_reader.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

#include "client/signing_client.hpp"

namespace rempart::attack {

MailboxReader::MailboxReader(std::filesystem::path maildir)
    : new_dir_(std::move(maildir) / "new") {}

std::vector<ConfirmationMail> MailboxReader::new_mails() {
    std::vector<ConfirmationMail> mails;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(new_dir_, ec)) {
        const auto name = entry.path().filename().string();
        if (seen_.contains(name) || !entry.is_regular_file(ec)) continue;
        seen_.insert(name);
        std::ifstream in(entry.path(), std::ios::binary);
        std::ostringstream raw;
        raw << in.rdbuf();
        const auto message = raw.str();
        mails.push_back(
            {recipient_of(message), testing::link_token(testing::confirmation_link(message))});
    }
    return mails;
}

std::string recipient_of(const std::string& raw_message) {
    const auto head_end = raw_message.find("\r\n\r\n");
    const std::string head = raw_message.substr(0, head_end);
    std::size_t at = head.find("\nTo:");
    if (at != std::string::npos)
        ++at;
    else if (head.rfind("To:", 0) == 0)
        at = 0;
    else
        return "";
    auto end = head.find("\r\n", at);
    // A folded header goes on over lines that start with a space.
    while (end != std::string::npos && end + 2 < head.size() &&
           (head[end + 2] == ' ' || head[end + 2] == '\t'))
        end = head.find("\r\n", end + 2);
    std::string value = head.substr(at + 3, end == std::string::npos ? end : end - at - 3);
    const auto open = value.rfind('<');
    const auto close = value.rfind('>');
    if (open != std::string::npos && close != std::string::npos && close > open)
        value = value.substr(open + 1, close - open - 1);
    value.erase(
        std::remove_if(value.begin(), value.end(), [](unsigned char c) { return std::isspace(c); }),
        value.end());
    for (auto& c : value) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return value;
}

}  // namespace rempart::attack
