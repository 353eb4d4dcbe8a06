// The back office's own routes: login, logout, password, home and the accounts list.
#pragma once

#include "admin/guard.hpp"

namespace rempart::admin {

// GET/POST /admin/login, POST /admin/logout, GET/POST /admin/password, GET /admin,
// GET /admin/users, GET /admin/audit and /admin/settings (admins only).
void add_admin_routes(http::Router& router, AdminServices& services);

// Parts of the above, each in its own file.
void add_login_routes(http::Router& router, AdminServices& services);
void add_password_routes(http::Router& router, AdminServices& services);
void add_home_routes(http::Router& router, AdminServices& services);
void add_audit_routes(http::Router& router, AdminServices& services);
// /admin/petitions: the list, new, edit, publish, close, archive, preview-link.
void add_petition_routes(http::Router& router, AdminServices& services);
// /admin/petitions/{id}/delivery.csv and /delivery: the signature list for the target.
void add_delivery_routes(http::Router& router, AdminServices& services);
// /admin/petitions/{id}: one petition's campaign page.
void add_campaign_routes(http::Router& router, AdminServices& services);
// A petition's news to its signers: write, test, send, pause, resume.
void add_news_routes(http::Router& router, AdminServices& services);
// POST /admin/petitions/{id}/legal-hold: a petition's signatures kept from anonymisation.
void add_legal_hold_routes(http::Router& router, AdminServices& services);
// POST /admin/petitions/{id}/answer-link: a private link for the target to answer.
void add_answer_link_routes(http::Router& router, AdminServices& services);
// /admin/settings: the site's name, the association, the language and mail (admins).
void add_settings_routes(http::Router& router, AdminServices& services);
// /admin/register, .md and .csv: the record of processing activities (admins).
void add_register_routes(http::Router& router, AdminServices& services);
void add_newsletter_admin_routes(http::Router& router, AdminServices& services);

// Where to go after login: a local path under /admin, or /admin itself.
std::string safe_admin_next(std::string_view next);

}  // namespace rempart::admin
