// Who an audit entry is by: an account, a login attempt under an address, or the command line.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace rempart::accounts {

// Never text someone typed on its own: a login attempt under "cli" is the attempt
// "web:cli", which no reader or query can take for the command line.
class Actor {
  public:
    enum class Kind { account, login_attempt, command_line, petition_author };

    // Someone logged in to this account (or logging in, once the password and code held).
    static Actor account(std::int64_t id);
    // A login attempt under this address, in its account form (account_email) when it is
    // one, or as typed (cut short, without control characters) when it is not.
    static Actor login_attempt(std::string address);
    static Actor command_line();
    // The author of a petition proposed by the public, through their private link: no
    // account, and never their address (the petition's id says whose).
    static Actor petition_author(std::int64_t petition_id);

    Kind kind() const { return kind_; }
    std::int64_t account_id() const { return account_id_; }  // or the petition's, for its author
    const std::string& address() const { return address_; }

    // "account:12", "web:ana@example.org", "cli", "author:7": the audit log's actor column.
    std::string to_text() const;

    bool operator==(const Actor&) const = default;

  private:
    Actor(Kind kind, std::int64_t id, std::string address)
        : kind_(kind), account_id_(id), address_(std::move(address)) {}
    Kind kind_;
    std::int64_t account_id_;
    std::string address_;
};

// The column's text back; none for anything else.
std::optional<Actor> parse_actor(std::string_view text);

}  // namespace rempart::accounts
