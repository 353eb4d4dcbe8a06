// The rejection reasons in the back office (admins): the list with how often each was given,
// a form to add one, one's own reasons edited, any reason retired or offered again. Each
// change is written with its audit entry.
#include <spdlog/spdlog.h>

#include "admin/moderation_routes.hpp"
#include "core/clock.hpp"
#include "core/log_events.hpp"
#include "core/log_text.hpp"
#include "petitions/moderation.hpp"
#include "render/proposal_pages.hpp"
#include "store/reason_repository.hpp"

namespace rempart::admin {
namespace {

using ReasonErrors = std::vector<ReasonError>;

// Coroutines below take what they keep by value: a reference to a caller's temporary would
// dangle after their first suspension.
struct ReasonsView {
    std::vector<store::RejectionReason> reasons;
    std::map<std::int64_t, std::int64_t> uses;
};

boost::asio::awaitable<ReasonsView> read_reasons(AdminServices& s) {
    std::function<ReasonsView(store::Database&)> read = [](store::Database& db) {
        return ReasonsView{store::rejection_reasons(db, true), store::rejection_reason_uses(db)};
    };
    co_return co_await s.store.readers().read<ReasonsView>(std::move(read));
}

ReasonForm read_reason_form(const FormFields& form) {
    ReasonForm typed;
    for (const auto& [name, value] : form) {
        if (name == "label") typed.label = value;
        if (name == "public_text") typed.public_text = value;
        if (name == "hidden") typed.hidden = value == "1";
    }
    return typed;
}

// The form's fields as typed, and what is wrong beside each.
void set_reason_form(PageData& data, AdminServices& s, const AdminContext& context,
                     const ReasonForm& typed, const ReasonErrors& errors) {
    data.set("label", typed.label);
    data.set("public_text", typed.public_text);
    data.set("hidden", typed.hidden);
    data.set("label_chars", std::to_string(reason_label_chars));
    data.set("text_chars", std::to_string(reason_text_chars));
    PageData listed = PageData::type::list;
    for (const auto& error : errors) {
        PageData item;
        item.set("field", error.field);
        item.set("message", say(s, context, error.message_key));
        listed.push_back(item);
        data.set("error_" + error.field, say(s, context, error.message_key));
    }
    data.set("errors", listed);
    data.set("has_errors", !errors.empty());
}

PageData reasons_list_data(AdminServices& s, const AdminContext& context, const ReasonsView& view) {
    const auto& messages = s.pages.messages();
    PageData rows = PageData::type::list;
    for (const auto& reason : view.reasons) {
        PageData row;
        row.set("id", std::to_string(reason.id));
        row.set("label", reason_label(s, context, reason));
        row.set("words", render::rejection_words(messages, context.language, reason.code,
                                                 reason.code.empty() ? reason.public_text : ""));
        row.set("own", reason.code.empty());
        row.set("retired", reason.retired);
        const auto used = view.uses.find(reason.id);
        row.set("uses", messages.plural(context.language, "admin.reasons_uses",
                                        used == view.uses.end() ? 0 : used->second));
        rows.push_back(row);
    }
    PageData data;
    data.set("reasons", rows);
    return data;
}

Awaitable reasons_page(AdminServices& s, const Request& request, const AdminContext& context,
                       unsigned status = 200, ReasonForm typed = {}, ReasonErrors errors = {}) {
    auto data = reasons_list_data(s, context, co_await read_reasons(s));
    set_reason_form(data, s, context, typed, errors);
    for (const auto* done : {"added", "edited", "retired", "restored"})
        data.set(std::string("done_") + done, request.query == std::string("done=") + done);
    co_return admin_page(s, context, status, "admin.reasons_title", "reasons", std::move(data));
}

Awaitable reason_edit_page(AdminServices& s, const AdminContext& context, std::int64_t id,
                           unsigned status, std::optional<ReasonForm> typed, ReasonErrors errors) {
    std::function<std::optional<store::RejectionReason>(store::Database&)> read =
        [id](store::Database& db) { return store::find_rejection_reason(db, id); };
    const auto reason =
        co_await s.store.readers().read<std::optional<store::RejectionReason>>(std::move(read));
    if (!reason)
        co_return admin_notice(s, context.language, 404, "admin.reasons_missing_title",
                               "admin.reasons_missing");
    if (!reason->code.empty())
        co_return admin_notice(s, context.language, 409, "admin.reasons_fixed_title",
                               "moderation.reason_of_the_site");
    PageData data;
    data.set("editing", true);
    data.set("id", std::to_string(id));
    set_reason_form(data, s, context,
                    typed.value_or(ReasonForm{reason->label, reason->public_text, reason->hidden}),
                    errors);
    co_return admin_page(s, context, status, "admin.reasons_edit_title", "reasons",
                         std::move(data));
}

std::string reason_summary(const ReasonForm& reason) {
    return reason.label + (reason.hidden ? " (hidden)" : "") + ": " + reason.public_text;
}

Response reason_change_failed(AdminServices& s, const AdminContext& context, const Error& error) {
    if (error.code == ModerationError::reason_unknown)
        return admin_notice(s, context.language, 404, "admin.reasons_missing_title",
                            "admin.reasons_missing");
    if (error.code == ModerationError::reason_of_the_site)
        return admin_notice(s, context.language, 409, "admin.reasons_fixed_title",
                            "moderation.reason_of_the_site");
    spdlog::error("{} error={}", log_event::store_write_failed, log_text(error.detail));
    return admin_notice(s, context.language, 503, "admin.busy_title", "admin.store_busy");
}

Awaitable add_reason(AdminServices& s, const Request& request, const AdminContext& context) {
    const auto typed = read_reason_form(context.form);
    const auto check = check_reason_form(typed);
    if (!check.reason)
        co_return co_await reasons_page(s, request, context, 422, typed, check.errors);
    const auto entry = audit_entry(context, "reason_added", reason_summary(*check.reason));
    std::function<Result<std::int64_t>(store::Database&)> job =
        [reason = *check.reason, entry](store::Database& db) -> Result<std::int64_t> {
        auto id = store::add_rejection_reason(db, reason);
        if (!id) return id;
        if (auto audited = store::insert_audit(db, entry); !audited) return audited.error();
        return id;
    };
    const auto added = co_await s.store.writer().write<std::int64_t>(std::move(job));
    if (!added) co_return reason_change_failed(s, context, added.error());
    co_return admin_redirect("/admin/rejection-reasons?done=added");
}

Awaitable edit_reason(AdminServices& s, const Params& params, const AdminContext& context) {
    const auto id = id_of(params[0]);
    const auto typed = read_reason_form(context.form);
    const auto check = check_reason_form(typed);
    if (!check.reason)
        co_return co_await reason_edit_page(s, context, id, 422, typed, check.errors);
    auto entry = audit_entry(context, "reason_edited", reason_summary(*check.reason));
    std::function<Result<store::RejectionReason>(store::Database&)> job =
        [id, reason = *check.reason,
         entry](store::Database& db) mutable -> Result<store::RejectionReason> {
        auto before = store::edit_rejection_reason(db, id, reason);
        if (!before) return before;
        entry.detail += " (was " + before->label + ")";
        if (auto audited = store::insert_audit(db, entry); !audited) return audited.error();
        return before;
    };
    const auto edited = co_await s.store.writer().write<store::RejectionReason>(std::move(job));
    if (!edited) co_return reason_change_failed(s, context, edited.error());
    co_return admin_redirect("/admin/rejection-reasons?done=edited");
}

Awaitable retire_reason(AdminServices& s, const Params& params, const AdminContext& context,
                        bool retiring) {
    const auto id = id_of(params[0]);
    auto entry = audit_entry(context, retiring ? "reason_retired" : "reason_restored",
                             "reason " + std::to_string(id));
    std::optional<std::int64_t> at;
    if (retiring) at = unix_now();
    std::function<Result<store::RejectionReason>(store::Database&)> job =
        [id, at, entry](store::Database& db) mutable -> Result<store::RejectionReason> {
        auto reason = store::retire_rejection_reason(db, id, at);
        if (!reason) return reason;
        entry.detail += " (" + (reason->code.empty() ? reason->label : reason->code) + ")";
        if (auto audited = store::insert_audit(db, entry); !audited) return audited.error();
        return reason;
    };
    const auto done = co_await s.store.writer().write<store::RejectionReason>(std::move(job));
    if (!done) co_return reason_change_failed(s, context, done.error());
    co_return admin_redirect(std::string("/admin/rejection-reasons?done=") +
                             (retiring ? "retired" : "restored"));
}

}  // namespace

void add_reason_routes(http::Router& router, AdminServices& s) {
    // The words authors and visitors read are the association's: admins choose them.
    const auto action = accounts::Action::change_settings;
    add_admin_route(router, s, http::Method::get, "/admin/rejection-reasons", "admin_reasons",
                    action,
                    [&s](const Request& request, const Params&, const AdminContext& context) {
                        return reasons_page(s, request, context);
                    });
    add_admin_route(router, s, http::Method::post, "/admin/rejection-reasons", "admin_reasons_add",
                    action,
                    [&s](const Request& request, const Params&, const AdminContext& context) {
                        return add_reason(s, request, context);
                    });
    add_admin_route(
        router, s, http::Method::get, "/admin/rejection-reasons/{id}", "admin_reason", action,
        [&s](const Request&, const Params& params, const AdminContext& context) {
            return reason_edit_page(s, context, id_of(params[0]), 200, std::nullopt, {});
        });
    add_admin_route(router, s, http::Method::post, "/admin/rejection-reasons/{id}",
                    "admin_reason_edit", action,
                    [&s](const Request&, const Params& params, const AdminContext& context) {
                        return edit_reason(s, params, context);
                    });
    add_admin_route(router, s, http::Method::post, "/admin/rejection-reasons/{id}/retire",
                    "admin_reason_retire", action,
                    [&s](const Request&, const Params& params, const AdminContext& context) {
                        return retire_reason(s, params, context, true);
                    });
    add_admin_route(router, s, http::Method::post, "/admin/rejection-reasons/{id}/restore",
                    "admin_reason_restore", action,
                    [&s](const Request&, const Params& params, const AdminContext& context) {
                        return retire_reason(s, params, context, false);
                    });
}

}  // namespace rempart::admin
