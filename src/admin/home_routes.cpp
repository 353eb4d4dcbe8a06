// GET /admin (who you are, what waits, where to go) and GET /admin/users (admins only).
#include "admin/admin_routes.hpp"
#include "store/user_repository.hpp"
#include "store/watch_repository.hpp"

namespace rempart::admin {

void add_home_routes(http::Router& router, AdminServices& services) {
    add_admin_route(
        router, services, http::Method::get, "/admin", "admin_home",
        accounts::Action::use_back_office,
        [&services](const Request& request, const Params&,
                    const AdminContext& context) -> Awaitable {
            // What waits for a moderator's eye: values the defence only watches.
            std::function<std::int64_t(store::Database&)> count = [](store::Database& db) {
                return store::open_watch_count(db);
            };
            const auto open_watches =
                co_await services.store.readers().read<std::int64_t>(std::move(count));
            PageData data;
            data.set("password_changed",
                     request.query.find("password=changed") != std::string_view::npos);
            data.set("has_open_watches", open_watches > 0);
            data.set("open_watches", services.pages.messages().plural(
                                         context.language, "admin.open_watches", open_watches));
            co_return admin_page(services, context, 200, "admin.home_title", "home",
                                 std::move(data));
        });

    add_admin_route(
        router, services, http::Method::get, "/admin/users", "admin_users",
        accounts::Action::manage_users,
        [&services](const Request&, const Params&, const AdminContext& context) -> Awaitable {
            std::function<std::vector<store::User>(store::Database&)> read =
                [](store::Database& db) { return store::list_users(db); };
            const auto users =
                co_await services.store.readers().read<std::vector<store::User>>(std::move(read));
            const auto& messages = services.pages.messages();
            PageData list = PageData::type::list;
            for (const auto& user : users) {
                PageData row;
                row.set("email", user.email);
                row.set("role", std::string(messages.text(context.language, role_key(user.role))));
                row.set("totp", user.totp_secret.has_value());
                row.set("disabled", user.disabled_ms.has_value());
                row.set("must_change", user.must_change_password);
                row.set("created", utc_time(user.created_ms));
                list.push_back(row);
            }
            PageData data;
            data.set("users", list);
            co_return admin_page(services, context, 200, "admin.users_title", "users",
                                 std::move(data));
        });
}

}  // namespace rempart::admin
