// `rempart user add|list|reset-password|totp`: back-office accounts from the command line.
#include <spdlog/spdlog.h>

#include <iostream>

#include "accounts/account_email.hpp"

#include "accounts/errors.hpp"
#include "accounts/password.hpp"
#include "accounts/totp.hpp"
#include "cli/commands.hpp"
#include "cli/failure.hpp"
#include "core/clock.hpp"
#include "core/log_events.hpp"
#include "core/log_text.hpp"
#include "store/audit_repository.hpp"
#include "store/session_repository.hpp"
#include "store/settings_repository.hpp"
#include "store/store.hpp"
#include "store/user_repository.hpp"
#include "web/live_settings.hpp"

namespace rempart::cli {
namespace {

store::AuditEntry cli_entry(std::string action, std::string detail,
                            std::optional<std::int64_t> user_id) {
    return store::AuditEntry{0,
                             unix_now_ms(),
                             user_id,
                             accounts::Actor::command_line(),
                             std::move(action),
                             std::move(detail),
                             ""};
}

// Opens the store, runs `work` with it, closes it: every command's frame.
template <class Work>
int with_store(const Config& config, Work&& work) {
    auto store = store::open_store(config.storage, 1);
    if (!store) return fail(store.error().detail);
    const int code = work(**store);
    (*store)->close();
    return code;
}

// The account named on the command line, or a message saying why there is none.
Result<store::User> find_account(store::Store& store, const std::string& typed) {
    auto email = accounts::account_email(typed);
    if (!email) return email.error();
    const auto address = *email;
    auto user = store.readers().read_now<std::optional<store::User>>(
        [&address](store::Database& db) { return store::find_user_by_email(db, address); });
    if (!user)
        return make_error(accounts::AccountError::user_not_found,
                          "no account has the e-mail " + address + " (see: rempart user list)");
    return std::move(*user);
}

}  // namespace

int add_user(const Config& config, const AddUserOptions& options) {
    auto email = accounts::account_email(options.email);
    if (!email) return fail(email.error().detail);
    const auto role = accounts::parse_role(options.role);
    if (!role)
        return fail("unknown role '" + options.role + "': use admin, moderator or organiser");
    const auto password = accounts::new_one_time_password();
    auto hash = accounts::hash_password(password, config.admin.password_cost);
    if (!hash) return fail(hash.error().detail);
    return with_store(config, [&](store::Store& store) {
        const auto address = *email;
        const auto stored_hash = *hash;
        const auto at = unix_now_ms();
        auto added =
            store.writer().write_now<store::User>([&](store::Database& db) -> Result<store::User> {
                auto user = store::insert_user(db, address, *role, stored_hash, true, at);
                if (!user) return user;
                auto entry = cli_entry("user_added",
                                       address + " as " + std::string(to_string(*role)), user->id);
                if (auto logged = store::insert_audit(db, entry); !logged) return logged.error();
                return user;
            });
        if (!added) return fail(added.error().detail);
        spdlog::info("{} email={} role={}", log_event::user_added, log_text(address),
                     to_string(*role));
        std::cout << "Added " << to_string(*role) << " " << address << ".\n"
                  << "One-time password: " << password << "\n"
                  << "It must be changed at the first login: " << config.server.base_url
                  << "/admin/login\n";
        return 0;
    });
}

int list_users(const Config& config, std::ostream& out) {
    return with_store(config, [&](store::Store& store) {
        const auto users = store.readers().read_now<std::vector<store::User>>(
            [](store::Database& db) { return store::list_users(db); });
        if (users.empty()) {
            out << "No accounts yet. Create the first with: rempart user add --email ... --role "
                   "admin\n";
            return 0;
        }
        for (const auto& user : users)
            out << user.email << "\t" << to_string(user.role) << "\t"
                << (user.totp_secret ? "totp" : "password-only") << "\t"
                << (user.disabled_ms            ? "disabled"
                    : user.must_change_password ? "must-change-password"
                                                : "active")
                << "\n";
        return 0;
    });
}

int reset_password(const Config& config, const std::string& typed_email) {
    if (auto email = accounts::account_email(typed_email); !email)
        return fail(email.error().detail);
    const auto password = accounts::new_one_time_password();
    auto hash = accounts::hash_password(password, config.admin.password_cost);
    if (!hash) return fail(hash.error().detail);
    return with_store(config, [&](store::Store& store) {
        auto user = find_account(store, typed_email);
        if (!user) return fail(user.error().detail);
        const auto id = user->id;
        const auto address = user->email;
        const auto stored_hash = *hash;
        auto ended = store.writer().write_now<std::int64_t>(
            [&](store::Database& db) -> Result<std::int64_t> {
                if (auto set = store::set_password(db, id, stored_hash, true); !set)
                    return set.error();
                auto ended = store::delete_user_sessions(db, id);
                if (!ended) return ended;
                auto entry = cli_entry("password_reset",
                                       address + "; sessions ended: " + std::to_string(*ended), id);
                if (auto logged = store::insert_audit(db, entry); !logged) return logged.error();
                return ended;
            });
        if (!ended) return fail(ended.error().detail);
        std::cout << "New one-time password for " << address << ": " << password << "\n"
                  << "Sessions ended: " << *ended << ". It must be changed at the next login.\n";
        return 0;
    });
}

int enable_totp(const Config& config, const std::string& typed_email) {
    if (auto email = accounts::account_email(typed_email); !email)
        return fail(email.error().detail);
    return with_store(config, [&](store::Store& store) {
        auto user = find_account(store, typed_email);
        if (!user) return fail(user.error().detail);
        const auto id = user->id;
        const auto address = user->email;
        const auto secret = accounts::new_totp_secret();
        auto set = store.writer().write_now<bool>([&](store::Database& db) -> Result<bool> {
            if (auto done = store::set_totp_secret(db, id, secret); !done) return done.error();
            auto entry = cli_entry("totp_enabled", address, id);
            if (auto logged = store::insert_audit(db, entry); !logged) return logged.error();
            return true;
        });
        if (!set) return fail(set.error().detail);
        // The site's name as the back office last saved it: the app shows it beside the code.
        const auto site =
            web::with_stored(
                {config.site, config.mail},
                store.readers().read_now<std::vector<std::pair<std::string, std::string>>>(
                    [](store::Database& db) { return store::read_setting_values(db); }))
                .site;
        std::cout << "Two-step login is on for " << address << ".\n"
                  << "Secret: " << secret << "\n"
                  << "URI: " << accounts::otpauth_uri(site.name, address, secret) << "\n"
                  << "Add it to an authenticator app; the login form then asks for its code.\n";
        return 0;
    });
}

}  // namespace rempart::cli
