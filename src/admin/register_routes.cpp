// GET /admin/register: the record of processing activities, and its exports as Markdown
// (/admin/register.md) and CSV (/admin/register.csv), for the admins who answer for it.
#include "admin/admin_routes.hpp"
#include "admin/processing_register.hpp"
#include "core/clock.hpp"

namespace rempart::admin {
namespace {

std::vector<RegisterEntry> entries_now(const AdminServices& s, const AdminContext& context) {
    return processing_register(s.pages.messages(), context.language, s.site.periods());
}

RegisterController controller_now(const AdminServices& s) {
    const auto settings = s.site.config();
    return {settings.site.controller, settings.site.contact_email, settings.site.postal_address};
}

Response download(std::string body, std::string content_type, std::string file_name) {
    Response response;
    response.content_type = std::move(content_type);
    response.set_header("Content-Disposition", "attachment; filename=\"" + file_name + "\"");
    response.body = http::Body(std::move(body));
    return response;
}

Awaitable register_page(AdminServices& s, const AdminContext& context) {
    const auto controller = controller_now(s);
    PageData data;
    data.set("controller", controller.name);
    data.set("has_controller", !controller.name.empty());
    data.set("contact_email", controller.contact_email);
    data.set("postal_address", controller.postal_address);
    PageData rows = PageData::type::list;
    std::size_t number = 0;
    for (const auto& entry : entries_now(s, context)) {
        PageData row;
        row.set("id", "register-" + std::to_string(++number));
        row.set("activity", entry.activity);
        row.set("purpose", entry.purpose);
        row.set("basis", entry.basis);
        row.set("people", entry.people);
        row.set("data", entry.data);
        row.set("recipients", entry.recipients);
        row.set("retention", entry.retention);
        rows.push_back(row);
    }
    data.set("activities", rows);
    data.set("safeguards", say(s, context, "register.safeguards"));
    co_return admin_page(s, context, 200, "register.title", "register", std::move(data));
}

}  // namespace

void add_register_routes(http::Router& router, AdminServices& services) {
    add_admin_route(router, services, http::Method::get, "/admin/register", "admin_register",
                    accounts::Action::change_settings,
                    [&services](const Request&, const Params&, const AdminContext& context) {
                        return register_page(services, context);
                    });
    add_admin_route(
        router, services, http::Method::get, "/admin/register.md", "admin_register_markdown",
        accounts::Action::change_settings,
        [&services](const Request&, const Params&, const AdminContext& context) -> Awaitable {
            co_return download(register_markdown(services.pages.messages(), context.language,
                                                 controller_now(services),
                                                 entries_now(services, context), unix_now()),
                               "text/markdown; charset=utf-8", "processing-register.md");
        });
    add_admin_route(
        router, services, http::Method::get, "/admin/register.csv", "admin_register_csv",
        accounts::Action::change_settings,
        [&services](const Request&, const Params&, const AdminContext& context) -> Awaitable {
            co_return download(register_csv(services.pages.messages(), context.language,
                                            entries_now(services, context)),
                               "text/csv; charset=utf-8", "processing-register.csv");
        });
}

}  // namespace rempart::admin
