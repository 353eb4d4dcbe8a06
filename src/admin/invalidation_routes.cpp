// GET and POST /admin/invalidate: signatures set aside by hand, by source or time range,
// always counted and confirmed before anything changes.
#include <spdlog/spdlog.h>

#include "admin/incident_routes.hpp"
#include "admin/invalidation_form.hpp"
#include "core/log_events.hpp"
#include "http/target.hpp"

namespace rempart::admin {
namespace {

PageData form_data(const IncidentServices& s, const InvalidationInput& input,
                   const std::vector<std::pair<std::string, std::string>>& errors,
                   const AdminContext& context) {
    PageData data;
    const auto snapshot = s.admin.site.catalog().current();
    PageData petitions = PageData::type::list;
    for (const auto& petition : snapshot->petitions) {
        PageData row;
        row.set("slug", petition.slug);
        row.set("title", petition.title);
        row.set("selected", petition.slug == input.petition);
        petitions.push_back(row);
    }
    data.set("petitions", petitions);
    PageData kinds = PageData::type::list;
    for (const auto* kind : {"ip", "network", "as", "email_domain", "name", "time_range"}) {
        PageData row;
        row.set("kind", kind);
        row.set("label", std::string(s.admin.pages.messages().text(
                             context.language, std::string("admin.inv_kind_") + kind)));
        row.set("selected", input.kind == kind);
        kinds.push_back(row);
    }
    data.set("kinds", kinds);
    data.set("value", input.value);
    data.set("from", input.from);
    data.set("to", input.to);
    PageData listed = PageData::type::list;
    for (const auto& [field, key] : errors) {
        PageData row;
        row.set("field", field);
        row.set("message", std::string(s.admin.pages.messages().text(context.language, key)));
        listed.push_back(row);
        data.set("error_" + field,
                 std::string(s.admin.pages.messages().text(context.language, key)));
    }
    data.set("errors", listed);
    data.set("has_errors", !errors.empty());
    return data;
}

Awaitable submit(IncidentServices& s, const AdminContext& context) {
    const auto input = read_invalidation(context.form);
    const auto snapshot = s.admin.site.catalog().current();
    const auto check = check_invalidation(input, *snapshot);
    auto data = form_data(s, input, check.errors, context);
    if (!check.errors.empty())
        co_return admin_page(s.admin, context, 422, "admin.invalidate_title", "invalidate",
                             std::move(data));
    const auto filter = check.filter;
    if (!input.confirmed) {
        std::function<std::int64_t(store::Database&)> count = [filter](store::Database& db) {
            return store::count_matching(db, filter);
        };
        const auto matching = co_await s.admin.store.readers().read<std::int64_t>(std::move(count));
        data.set("preview", true);
        data.set("matching", std::to_string(matching));
        data.set("nothing", matching == 0);
        co_return admin_page(s.admin, context, 200, "admin.invalidate_title", "invalidate",
                             std::move(data));
    }
    auto entry = audit_entry(context, "signatures_invalidated",
                             "petition " + input.petition + ", " + input.kind + " " + input.value +
                                 ", from " + (input.from.empty() ? "-" : input.from) + " to " +
                                 (input.to.empty() ? "-" : input.to));
    const auto now = unix_now_ms();
    std::function<Result<std::int64_t>(store::Database&)> job =
        [filter, entry, now](store::Database& db) mutable -> Result<std::int64_t> {
        auto done = store::invalidate_matching(db, filter, now);
        if (!done) return done;
        entry.detail += ": " + std::to_string(*done) + " signatures";
        if (auto audited = store::insert_audit(db, entry); !audited) return audited.error();
        return done;
    };
    const auto done = co_await s.admin.store.writer().write<std::int64_t>(std::move(job));
    if (!done)
        co_return admin_notice(s.admin, context.language, 503, "admin.busy_title", "admin.busy");
    spdlog::warn("{} petition={} kind={} signatures={} decision=invalidated by={}",
                 log_event::incident_decided, input.petition, input.kind, *done,
                 context.user.email);
    data.set("done", true);
    data.set("invalidated", std::to_string(*done));
    co_return admin_page(s.admin, context, 200, "admin.invalidate_title", "invalidate",
                         std::move(data));
}

}  // namespace

void add_invalidation_routes(http::Router& router, IncidentServices& services) {
    add_admin_route(router, services.admin, http::Method::get, "/admin/invalidate",
                    "admin_invalidate", accounts::Action::act_on_incidents,
                    [&services](const Request& request, const Params&,
                                const AdminContext& context) -> Awaitable {
                        // From an incident's or a watch's page: the petition, and what
                        // to invalidate by, already chosen. Nothing is counted until the
                        // moderator sends the form.
                        InvalidationInput input;
                        if (const auto query = http::parse_form(request.query))
                            input = read_invalidation(*query);
                        input.confirmed = false;
                        co_return admin_page(services.admin, context, 200, "admin.invalidate_title",
                                             "invalidate", form_data(services, input, {}, context));
                    });
    add_admin_route(router, services.admin, http::Method::post, "/admin/invalidate",
                    "admin_invalidate_post", accounts::Action::act_on_incidents,
                    [&services](const Request&, const Params&, const AdminContext& context) {
                        return submit(services, context);
                    });
}

}  // namespace rempart::admin
