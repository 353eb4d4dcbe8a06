// GET /admin/audit (admins only): the latest entries of the audit log, newest first.
#include "admin/admin_routes.hpp"
#include "store/audit_repository.hpp"

namespace rempart::admin {

void add_audit_routes(http::Router& router, AdminServices& services) {
    add_admin_route(
        router, services, http::Method::get, "/admin/audit", "admin_audit", accounts::Role::admin,
        [&services](const http::Request&, const http::Params&,
                    const AdminContext& context) -> boost::asio::awaitable<http::Response> {
            std::function<std::vector<store::AuditEntry>(store::Database&)> read =
                [](store::Database& db) { return store::list_audit(db, 500); };
            const auto entries =
                co_await services.store.readers().read<std::vector<store::AuditEntry>>(
                    std::move(read));
            PageData list = PageData::type::list;
            for (const auto& entry : entries) {
                PageData row;
                row.set("at", utc_time(entry.at_ms));
                row.set("actor", entry.actor);
                row.set("action", entry.action);
                row.set("detail", entry.detail);
                row.set("ip", entry.ip);
                list.push_back(row);
            }
            PageData data;
            data.set("entries", list);
            data.set("none", entries.empty());
            co_return admin_page(services, context, 200, "admin.audit_title", "audit",
                                 std::move(data));
        });
}

}  // namespace rempart::admin
