// GET /admin/audit (admins only): the latest entries of the audit log, newest first.
#include <map>

#include "admin/admin_routes.hpp"
#include "store/audit_repository.hpp"
#include "store/user_repository.hpp"

namespace rempart::admin {
namespace {

struct AuditPage {
    std::vector<store::AuditEntry> entries;
    std::map<std::int64_t, std::string> emails;  // every account's, by id
};

// An account by its e-mail; a login attempt and the command line so that no one reading
// the page can take one for the other.
std::string actor_text(const AdminServices& services, render::Language language,
                       const AuditPage& page, const accounts::Actor& actor) {
    const auto& messages = services.pages.messages();
    switch (actor.kind()) {
        case accounts::Actor::Kind::account: {
            const auto found = page.emails.find(actor.account_id());
            if (found != page.emails.end()) return found->second;
            return render::fill(messages.text(language, "admin.audit_by_gone_account"),
                                {{"id", std::to_string(actor.account_id())}});
        }
        case accounts::Actor::Kind::login_attempt:
            return render::fill(messages.text(language, "admin.audit_by_login_attempt"),
                                {{"email", actor.address()}});
        case accounts::Actor::Kind::petition_author:
            return render::fill(messages.text(language, "admin.audit_by_petition_author"),
                                {{"id", std::to_string(actor.account_id())}});
        case accounts::Actor::Kind::command_line:
            break;
    }
    return std::string(messages.text(language, "admin.audit_by_command_line"));
}

}  // namespace

void add_audit_routes(http::Router& router, AdminServices& services) {
    add_admin_route(
        router, services, http::Method::get, "/admin/audit", "admin_audit",
        accounts::Action::view_audit,
        [&services](const http::Request&, const http::Params&,
                    const AdminContext& context) -> boost::asio::awaitable<http::Response> {
            std::function<AuditPage(store::Database&)> read = [](store::Database& db) {
                AuditPage page;
                page.entries = store::list_audit(db, 500);
                for (const auto& user : store::list_users(db)) page.emails[user.id] = user.email;
                return page;
            };
            const auto page = co_await services.store.readers().read<AuditPage>(std::move(read));
            PageData list = PageData::type::list;
            for (const auto& entry : page.entries) {
                PageData row;
                row.set("at", utc_time(entry.at_ms));
                row.set("actor", actor_text(services, context.language, page, entry.actor));
                row.set("action", entry.action);
                row.set("detail", entry.detail);
                row.set("ip", entry.ip);
                list.push_back(row);
            }
            PageData data;
            data.set("entries", list);
            data.set("none", page.entries.empty());
            co_return admin_page(services, context, 200, "admin.audit_title", "audit",
                                 std::move(data));
        });
}

}  // namespace rempart::admin
