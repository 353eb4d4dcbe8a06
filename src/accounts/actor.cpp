// Who an audit entry is by, and its form in the audit log.
#include "accounts/actor.hpp"

#include <charconv>

namespace rempart::accounts {
namespace {

constexpr std::string_view account_prefix = "account:";
constexpr std::string_view attempt_prefix = "web:";
constexpr std::string_view command_line_text = "cli";

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

std::string Actor::to_text() const {
    switch (kind_) {
        case Kind::account:
            return std::string(account_prefix) + std::to_string(account_id_);
        case Kind::login_attempt:
            return std::string(attempt_prefix) + address_;
        case Kind::command_line:
            break;
    }
    return std::string(command_line_text);
}

std::optional<Actor> parse_actor(std::string_view text) {
    if (text == command_line_text) return Actor::command_line();
    if (text.starts_with(attempt_prefix))
        return Actor::login_attempt(std::string(text.substr(attempt_prefix.size())));
    if (text.starts_with(account_prefix)) {
        const auto digits = text.substr(account_prefix.size());
        std::int64_t id = 0;
        const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), id);
        if (error == std::errc() && end == digits.data() + digits.size() && id > 0)
            return Actor::account(id);
    }
    return std::nullopt;
}

}  // namespace rempart::accounts
