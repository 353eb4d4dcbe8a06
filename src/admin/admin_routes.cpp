// The back office's own routes, and where login may send a browser back to.
#include "admin/admin_routes.hpp"

namespace rempart::admin {

void add_admin_routes(http::Router& router, AdminServices& services) {
    add_login_routes(router, services);
    add_password_routes(router, services);
    add_home_routes(router, services);
    add_audit_routes(router, services);
    add_petition_routes(router, services);
    add_delivery_routes(router, services);
    add_campaign_routes(router, services);
    add_legal_hold_routes(router, services);
    add_news_routes(router, services);
    add_answer_link_routes(router, services);
    add_settings_routes(router, services);
    add_register_routes(router, services);
    add_newsletter_admin_routes(router, services);
}

std::string safe_admin_next(std::string_view next) {
    // Never "//host" or "/\host", which browsers take for another site.
    if (next != "/admin" && !next.starts_with("/admin/") && !next.starts_with("/admin?"))
        return "/admin";
    for (const char c : next)
        if (static_cast<unsigned char>(c) < 0x20 || c == '\\' || c == 0x7f) return "/admin";
    if (next.find("//") != std::string_view::npos) return "/admin";
    return std::string(next);
}

}  // namespace rempart::admin
