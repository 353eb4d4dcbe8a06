// POST /admin/petitions/{id}/legal-hold (admins): keeps a petition's signatures as they are,
// out of the anonymisation [retention] applies after it closed, while a court case needs
// them; or lets them go again. Audited either way.
#include <spdlog/spdlog.h>

#include "admin/admin_routes.hpp"
#include "petitions/errors.hpp"
#include "store/retention_repository.hpp"

namespace rempart::admin {
namespace {

Awaitable legal_hold(AdminServices& s, const Params& params, const AdminContext& context) {
    const auto id = id_of(params[0]);
    std::optional<bool> hold;
    for (const auto& [name, value] : context.form)
        if (name == "hold")
            hold = value == "on"    ? std::optional(true)
                   : value == "off" ? std::optional(false)
                                    : std::nullopt;
    if (!hold)
        co_return admin_notice(s, context.language, 422, "admin.legal_hold_title",
                               "admin.legal_hold_invalid");
    auto entry = audit_entry(context, *hold ? "legal_hold_on" : "legal_hold_off",
                             "petition " + std::to_string(id));
    std::function<Result<void>(store::Database&)> job =
        [id, on = *hold, entry](store::Database& db) -> Result<void> {
        if (auto set = store::set_legal_hold(db, id, on); !set) return set.error();
        return store::insert_audit(db, entry);
    };
    const auto set = co_await s.store.writer().write<void>(std::move(job));
    if (!set) {
        if (set.error().code == PetitionError::not_found)
            co_return admin_notice(s, context.language, 404, "admin.petition_missing_title",
                                   "admin.petition_missing");
        co_return admin_notice(s, context.language, 503, "admin.busy_title", "admin.store_busy");
    }
    co_return admin_redirect("/admin/petitions/" + std::to_string(id) +
                             (*hold ? "?done=legal_hold_on" : "?done=legal_hold_off") +
                             "#data-title");
}

}  // namespace

void add_legal_hold_routes(http::Router& router, AdminServices& services) {
    add_admin_route(router, services, http::Method::post, "/admin/petitions/{id}/legal-hold",
                    "admin_legal_hold", accounts::Action::hold_signatures,
                    [&services](const Request&, const Params& params, const AdminContext& context) {
                        return legal_hold(services, params, context);
                    });
}

}  // namespace rempart::admin
