// Who an audit entry is by, and its form in the audit log.
#include "accounts/actor.hpp"

#include <charconv>

namespace rempart::accounts {
namespace {

constexpr std::string_view account_prefix = "account:";
constexpr std::string_view attempt_prefix = "web:";
constexpr std::string_view command_line_text = "cli";
constexpr std::string_view author_prefix = "author:";

std::optional<std::int64_t> positive_id(std::string_view digits) {
    std::int64_t id = 0;
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), id);
    if (error == std::errc() && end == digits.data() + digits.size() && id > 0) return id;
    return std::nullopt;
}

}  // namespace

Actor Actor::account(std::int64_t id) {
    return Actor(Kind::account, id, "");
}

Actor Actor::login_attempt(std::string address) {
    return Actor(Kind::login_attempt, 0, std::move(address));
}

Actor Actor::command_line() {
    return Actor(Kind::command_line, 0, "");
}

Actor Actor::petition_author(std::int64_t petition_id) {
    return Actor(Kind::petition_author, petition_id, "");
}

std::string Actor::to_text() const {
    switch (kind_) {
        case Kind::account:
            return std::string(account_prefix) + std::to_string(account_id_);
        case Kind::login_attempt:
            return std::string(attempt_prefix) + address_;
        case Kind::petition_author:
            return std::string(author_prefix) + std::to_string(account_id_);
        case Kind::command_line:
            break;
    }
    return std::string(command_line_text);
}

std::optional<Actor> parse_actor(std::string_view text) {
    if (text == command_line_text) return Actor::command_line();
    if (text.starts_with(attempt_prefix))
        return Actor::login_attempt(std::string(text.substr(attempt_prefix.size())));
    if (text.starts_with(account_prefix))
        if (const auto id = positive_id(text.substr(account_prefix.size())))
            return Actor::account(*id);
    if (text.starts_with(author_prefix))
        if (const auto id = positive_id(text.substr(author_prefix.size())))
            return Actor::petition_author(*id);
    return std::nullopt;
}

}  // namespace rempart::accounts
