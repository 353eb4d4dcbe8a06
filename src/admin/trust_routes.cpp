// The trusted mail domains and networks in the back office: the list, the form to add one
// and the button to remove one. Each change is written with its audit entry, and the
// running defence is given the store's fresh list at once.
#include <spdlog/spdlog.h>

#include "admin/incident_routes.hpp"
#include "admin/trust_form.hpp"
#include "core/log_events.hpp"
#include "core/log_text.hpp"
#include "defence/model/errors.hpp"
#include "store/trust_repository.hpp"

namespace rempart::admin {
namespace {

std::string kind_label(const IncidentServices& s, const AdminContext& context,
                       defence::TrustKind kind) {
    return say(s, context, "admin.trust_kind_" + std::string(defence::to_string(kind)));
}

PageData page_data(const IncidentServices& s, const AdminContext& context,
                   const std::vector<store::TrustedRow>& rows, const TrustInput& input,
                   const std::vector<std::pair<std::string, std::string>>& errors) {
    const auto snapshot = s.admin.site.catalog().current();
    PageData data;
    PageData list = PageData::type::list;
    for (const auto& row : rows) {
        PageData item;
        item.set("id", std::to_string(row.id));
        item.set("kind", kind_label(s, context, row.value.kind));
        item.set("value", row.value.value);
        const auto* petition = snapshot->find(row.petition_slug);
        item.set("scope", row.petition_slug.empty() ? say(s, context, "admin.trust_scope_site")
                          : petition                ? petition->title
                                                    : row.petition_slug);
        item.set("note", row.note);
        item.set("by", row.added_by);
        item.set("at", utc_time(row.added_ms));
        list.push_back(item);
    }
    data.set("trusted", list);
    data.set("none", rows.empty());

    PageData kinds = PageData::type::list;
    for (const auto kind : {defence::TrustKind::email_domain, defence::TrustKind::network}) {
        PageData item;
        item.set("kind", std::string(defence::to_string(kind)));
        item.set("label", kind_label(s, context, kind));
        item.set("selected", input.kind == defence::to_string(kind));
        kinds.push_back(item);
    }
    data.set("kinds", kinds);
    PageData scopes = PageData::type::list;
    for (const auto& petition : snapshot->petitions) {
        PageData item;
        item.set("slug", petition.slug);
        item.set("title", petition.title);
        item.set("selected", petition.slug == input.scope);
        scopes.push_back(item);
    }
    data.set("petitions", scopes);
    data.set("site_selected", input.scope.empty() || input.scope == whole_site);
    data.set("value", input.value);
    data.set("note", input.note);
    data.set("note_chars", std::to_string(trust_note_chars));

    PageData listed = PageData::type::list;
    for (const auto& [field, key] : errors) {
        PageData item;
        item.set("field", field);
        item.set("message", say(s, context, key));
        listed.push_back(item);
        data.set("error_" + field, say(s, context, key));
    }
    data.set("errors", listed);
    data.set("has_errors", !errors.empty());
    return data;
}

boost::asio::awaitable<std::vector<store::TrustedRow>> read_rows(IncidentServices& s) {
    std::function<std::vector<store::TrustedRow>(store::Database&)> read = [](store::Database& db) {
        return store::trusted_rows(db);
    };
    co_return co_await s.admin.store.readers().read<std::vector<store::TrustedRow>>(
        std::move(read));
}

// The defence is told of the list a change wrote, from inside the change's job: the writer
// runs one job at a time, so two moderators' changes reach the defence in the order they
// were written, never the older list last.
void tell_defence(defence::Defence* defence, store::Database& db) {
    if (defence) defence->set_trust(defence::detect::TrustList(store::trusted_values(db)));
}

// After a failed write the defence may hold a list the store does not: it gets the store's.
boost::asio::awaitable<void> tell_defence_again(IncidentServices& s) {
    if (!s.defence) co_return;
    std::function<std::vector<defence::TrustedValue>(store::Database&)> read =
        [](store::Database& db) { return store::trusted_values(db); };
    s.defence->set_trust(defence::detect::TrustList(
        co_await s.admin.store.readers().read<std::vector<defence::TrustedValue>>(
            std::move(read))));
}

std::string scope_text(const std::string& slug) {
    return slug.empty() ? "whole site" : "petition " + slug;
}

Awaitable list_page(IncidentServices& s, const Request& request, const AdminContext& context) {
    const auto rows = co_await read_rows(s);
    auto data = page_data(s, context, rows, {}, {});
    for (const auto* done : {"added", "removed"})
        data.set(std::string("done_") + done,
                 request.query.find(std::string("done=") + done) != std::string_view::npos);
    co_return admin_page(s.admin, context, 200, "admin.trusted_title", "trusted", std::move(data));
}

Awaitable add(IncidentServices& s, const AdminContext& context) {
    const auto input = read_trust(context.form);
    const auto snapshot = s.admin.site.catalog().current();
    auto check = check_trust(input, *snapshot);
    if (!check.errors.empty()) {
        const auto rows = co_await read_rows(s);
        co_return admin_page(s.admin, context, 422, "admin.trusted_title", "trusted",
                             page_data(s, context, rows, input, check.errors));
    }
    const auto slug = check.value.petition_id ? input.scope : std::string();
    auto entry =
        audit_entry(context, "trust_added",
                    std::string(defence::to_string(check.value.kind)) + " " + check.value.value +
                        ", " + scope_text(slug) + (check.note.empty() ? "" : ": " + check.note));
    std::function<Result<std::int64_t>(store::Database&)> job =
        [value = check.value, note = check.note, by = context.user.email, entry,
         now = unix_now_ms(), defence = s.defence](store::Database& db) -> Result<std::int64_t> {
        auto id = store::add_trusted(db, value, note, by, now);
        if (!id) return id;
        if (auto audited = store::insert_audit(db, entry); !audited) return audited.error();
        tell_defence(defence, db);
        return id;
    };
    const auto added = co_await s.admin.store.writer().write<std::int64_t>(std::move(job));
    if (!added) {
        if (added.error().code == defence::DefenceError::trust_duplicate) {
            const auto rows = co_await read_rows(s);
            co_return admin_page(s.admin, context, 422, "admin.trusted_title", "trusted",
                                 page_data(s, context, rows, input,
                                           {{"value", std::string(added.error().code.name())}}));
        }
        spdlog::error("{} error={}", log_event::store_write_failed, log_text(added.error().detail));
        co_await tell_defence_again(s);
        co_return admin_notice(s.admin, context.language, 503, "admin.busy_title",
                               "admin.store_busy");
    }
    spdlog::warn("{} change=added kind={} value={} petition={} by={}", log_event::trust_changed,
                 defence::to_string(check.value.kind), log_text(check.value.value), slug,
                 context.user.email);
    co_return admin_redirect("/admin/trusted?done=added");
}

Awaitable remove(IncidentServices& s, const Params& params, const AdminContext& context) {
    const auto id = id_of(params[0]);
    auto entry = audit_entry(context, "trust_removed", "trusted value " + std::to_string(id));
    std::function<Result<store::TrustedRow>(store::Database&)> job =
        [id, entry, defence = s.defence](store::Database& db) mutable -> Result<store::TrustedRow> {
        auto removed = store::remove_trusted(db, id);
        if (!removed) return removed;
        entry.detail += " (" + std::string(defence::to_string(removed->value.kind)) + " " +
                        removed->value.value + ", " + scope_text(removed->petition_slug) + ")";
        if (auto audited = store::insert_audit(db, entry); !audited) return audited.error();
        tell_defence(defence, db);
        return removed;
    };
    const auto removed = co_await s.admin.store.writer().write<store::TrustedRow>(std::move(job));
    if (!removed) {
        if (removed.error().code == defence::DefenceError::trust_not_found)
            co_return admin_notice(s.admin, context.language, 404, "admin.trust_missing_title",
                                   "admin.trust_missing");
        spdlog::error("{} error={}", log_event::store_write_failed,
                      log_text(removed.error().detail));
        co_await tell_defence_again(s);
        co_return admin_notice(s.admin, context.language, 503, "admin.busy_title",
                               "admin.store_busy");
    }
    spdlog::warn("{} change=removed kind={} value={} petition={} by={}", log_event::trust_changed,
                 defence::to_string(removed->value.kind), log_text(removed->value.value),
                 removed->petition_slug, context.user.email);
    co_return admin_redirect("/admin/trusted?done=removed");
}

}  // namespace

void add_trust_routes(http::Router& router, IncidentServices& services) {
    // Moderators too: those who know their association's domain or their campus are often
    // moderators. Every change is in the audit log, and the page says what it risks.
    add_admin_route(
        router, services.admin, http::Method::get, "/admin/trusted", "admin_trusted",
        accounts::Action::view_incidents,
        [&services](const Request& request, const Params&, const AdminContext& context) {
            return list_page(services, request, context);
        });
    add_admin_route(router, services.admin, http::Method::post, "/admin/trusted",
                    "admin_trusted_add", accounts::Action::act_on_incidents,
                    [&services](const Request&, const Params&, const AdminContext& context) {
                        return add(services, context);
                    });
    add_admin_route(router, services.admin, http::Method::post, "/admin/trusted/{id}/remove",
                    "admin_trusted_remove", accounts::Action::act_on_incidents,
                    [&services](const Request&, const Params& params, const AdminContext& context) {
                        return remove(services, params, context);
                    });
}

}  // namespace rempart::admin
