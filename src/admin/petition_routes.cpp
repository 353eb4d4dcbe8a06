// Petitions in the back office: the list, the form to create and correct one (with its
// text rendered as the public page will show it), the steps from draft to archive, a
// draft's private preview link, and each petition's history. Every change is written with
// its audit entry; the public pages follow within a second (app/serve's watch_store).
#include <spdlog/spdlog.h>

#include "accounts/tokens.hpp"
#include "admin/admin_routes.hpp"
#include "admin/petition_form.hpp"
#include "core/log_events.hpp"
#include "core/log_text.hpp"
#include "petitions/errors.hpp"
#include "render/markdown.hpp"
#include "store/petition_repository.hpp"

namespace rempart::admin {
namespace {

std::int64_t now_seconds() {
    return unix_now_ms() / 1000;
}

std::string state_label(const AdminServices& s, const AdminContext& context, PetitionState state) {
    return say(s, context, "admin.petition_state_" + std::string(to_string(state)));
}

Response store_busy(const AdminServices& s, const AdminContext& context, const Error& error) {
    spdlog::error("{} error={}", log_event::store_write_failed, log_text(error.detail));
    return admin_notice(s, context.language, 503, "admin.busy_title", "admin.store_busy");
}

Response not_found(const AdminServices& s, const AdminContext& context) {
    return admin_notice(s, context.language, 404, "admin.petition_missing_title",
                        "admin.petition_missing");
}

// The form's fields, what was typed kept as typed, each error beside its field.
PageData form_data(const AdminServices& s, const AdminContext& context, const PetitionInput& input,
                   const std::vector<FieldError>& errors) {
    PageData data;
    data.set("slug", input.slug);
    data.set("title", input.title);
    data.set("summary", input.summary);
    data.set("text", input.text);
    data.set("goal", input.goal);
    data.set("target_name", input.target_name);
    data.set("target_function", input.target_function);
    data.set("target_email", input.target_email);
    data.set("ends_on", input.ends_on);
    data.set("postcode_required", input.postcode_required);
    PageData languages = PageData::type::list;
    for (const auto* code : {"fr", "en"}) {
        PageData item;
        item.set("code", std::string(code));
        item.set("label", say(s, context, std::string("admin.petition_language_") + code));
        item.set("selected", (input.language.empty() ? "fr" : input.language) == code);
        languages.push_back(item);
    }
    data.set("languages", languages);
    set_field_errors(data, s, context, errors);
    return data;
}

// The edit page's parts beyond the form: where the petition stands, what it may do next,
// and every change made to it.
struct EditView {
    Petition petition;
    std::vector<store::PetitionChange> history;
};

void set_edit_parts(PageData& data, const AdminServices& s, const AdminContext& context,
                    const EditView& view) {
    const auto& petition = view.petition;
    const auto id = std::to_string(petition.id);
    data.set("id", id);
    data.set("editing", true);
    data.set("action_url", "/admin/petitions/" + id + "/edit");
    data.set("state", state_label(s, context, petition.state));
    data.set("is_draft", petition.state == PetitionState::draft);
    data.set("slug_locked", petition.state != PetitionState::draft);
    data.set("count", std::to_string(petition.signature_count));
    data.set("public_url", "/petitions/" + petition.slug);
    data.set("has_public_page", has_public_address(petition));
    for (const auto step : {PetitionStep::publish, PetitionStep::close, PetitionStep::archive})
        data.set("may_" + std::string(to_string(step)),
                 static_cast<bool>(next_state(petition.state, step)));
    PageData history = PageData::type::list;
    for (const auto& change : view.history) {
        PageData item;
        item.set("at", utc_time(change.at * 1000));
        item.set("actor", change.actor);
        item.set("field", say(s, context, "petition.field_" + change.change.field));
        item.set("before", change.change.before);
        item.set("after", change.change.after);
        item.set("public", change.is_public);
        history.push_back(item);
    }
    data.set("history", history);
    data.set("has_history", !view.history.empty());
}

boost::asio::awaitable<std::optional<EditView>> read_edit_view(AdminServices& s, std::int64_t id) {
    std::function<std::optional<EditView>(store::Database&)> read =
        [id](store::Database& db) -> std::optional<EditView> {
        auto petition = store::find_petition_by_id(db, id);
        if (!petition) return std::nullopt;
        return EditView{std::move(*petition), store::petition_history(db, id, false)};
    };
    co_return co_await s.store.readers().read<std::optional<EditView>>(std::move(read));
}

// The text as the public page will show it, by the same safe renderer.
void set_preview(PageData& data, const PetitionInput& input) {
    data.set("previewing", true);
    data.set("preview_title", input.title);
    data.set("body_html", render::render_markdown(input.text));
}

Awaitable list_page(AdminServices& s, const Request& request, const AdminContext& context) {
    std::function<std::vector<store::PetitionOverview>(store::Database&)> read =
        [](store::Database& db) { return store::petition_overviews(db); };
    const auto rows =
        co_await s.store.readers().read<std::vector<store::PetitionOverview>>(std::move(read));
    PageData list = PageData::type::list;
    for (const auto& row : rows) {
        const auto& petition = row.petition;
        PageData item;
        item.set("id", std::to_string(petition.id));
        item.set("title", petition.title);
        item.set("slug", petition.slug);
        item.set("state", state_label(s, context, petition.state));
        item.set("state_code", std::string(to_string(petition.state)));
        item.set("count", render::format_number(context.language, petition.signature_count));
        item.set("pending", render::format_number(context.language, row.pending));
        item.set("has_goal", petition.goal.has_value());
        if (petition.goal) {
            const auto goal = *petition.goal;
            item.set("goal", render::format_number(context.language, goal));
            item.set("progress_value", std::to_string(std::min(petition.signature_count, goal)));
            item.set("goal_max", std::to_string(goal));
            item.set("percent", std::to_string(petition.signature_count * 100 / goal));
        }
        item.set("last_activity", utc_time(row.last_activity * 1000));
        item.set("has_public_page", has_public_address(petition));
        list.push_back(item);
    }
    PageData data;
    data.set("petitions", list);
    data.set("none", rows.empty());
    data.set("may_manage", accounts::may(context.user.role, accounts::Action::manage_petitions));
    data.set("done_archived", request.query.find("done=archived") != std::string_view::npos);
    co_return admin_page(s, context, 200, "admin.petitions_title", "petitions", std::move(data));
}

Awaitable new_page(AdminServices& s, const AdminContext& context) {
    PetitionInput input;
    input.language = std::string(render::code(context.language));
    auto data = form_data(s, context, input, {});
    data.set("action_url", "/admin/petitions/new");
    co_return admin_page(s, context, 200, "admin.petition_new_title", "petition_form",
                         std::move(data));
}

Awaitable create(AdminServices& s, const AdminContext& context) {
    const auto input = read_petition_input(context.form);
    const auto now = now_seconds();
    auto check = check_petition_input(input, DraftRules{now, 0, {}, {}});
    const auto again = [&](unsigned status, const std::vector<FieldError>& errors) {
        auto shown = input;
        if (shown.slug.empty() && !check.draft.slug.empty()) shown.slug = check.draft.slug;
        auto data = form_data(s, context, shown, errors);
        data.set("action_url", "/admin/petitions/new");
        if (input.action == "preview") set_preview(data, input);
        return admin_page(s, context, status, "admin.petition_new_title", "petition_form",
                          std::move(data));
    };
    if (!check.errors.empty()) co_return again(422, check.errors);
    if (input.action == "preview") co_return again(200, {});

    auto entry = audit_entry(context, "petition_created", "draft " + check.draft.slug);
    std::function<Result<Petition>(store::Database&)> job =
        [draft = check.draft, entry, now](store::Database& db) -> Result<Petition> {
        auto created = store::insert_petition(db, draft, now, PetitionState::draft);
        if (!created) {
            // A double click sends the form twice: the second finds the draft the first
            // made, the same in every field, and leads to it instead of refusing the slug.
            if (created.error().code != PetitionError::slug_taken) return created;
            auto same = store::find_petition(db, draft.slug);
            if (same && same->state == PetitionState::draft && now - same->created_at < 600 &&
                changes_between(*same, draft).empty())
                return std::move(*same);
            return created;
        }
        if (auto audited = store::insert_audit(db, entry); !audited) return audited.error();
        return created;
    };
    const auto created = co_await s.store.writer().write<Petition>(std::move(job));
    if (!created) {
        if (created.error().code == PetitionError::slug_taken)
            co_return again(422, {{"slug", PetitionError::slug_taken, created.error().detail}});
        co_return store_busy(s, context, created.error());
    }
    spdlog::info("{} slug={} state=draft by={}", log_event::petition_created, created->slug,
                 context.user.email);
    co_return admin_redirect("/admin/petitions/" + std::to_string(created->id) +
                             "/edit?done=created");
}

Awaitable edit_page(AdminServices& s, const Request& request, const Params& params,
                    const AdminContext& context) {
    const auto view = co_await read_edit_view(s, id_of(params[0]));
    if (!view) co_return not_found(s, context);
    auto data = form_data(s, context, input_of(view->petition), {});
    set_edit_parts(data, s, context, *view);
    for (const auto* done : {"created", "saved", "unchanged", "publish", "close", "preview_link"})
        data.set(std::string("done_") + done,
                 request.query.find(std::string("done=") + done) != std::string_view::npos);
    co_return admin_page(s, context, 200, "admin.petition_edit_title", "petition_form",
                         std::move(data));
}

Awaitable save(AdminServices& s, const Params& params, const AdminContext& context) {
    const auto id = id_of(params[0]);
    const auto view = co_await read_edit_view(s, id);
    if (!view) co_return not_found(s, context);
    const auto& stored = view->petition;
    const auto input = read_petition_input(context.form);
    const auto now = now_seconds();
    const DraftRules rules{now, stored.signature_count, stored.ends_at, stored.goal};
    const auto locked = stored.state == PetitionState::draft ? std::string() : stored.slug;
    auto check = check_petition_input(input, rules, locked);
    const auto again = [&](unsigned status, const std::vector<FieldError>& errors) {
        auto data = form_data(s, context, input, errors);
        set_edit_parts(data, s, context, *view);
        if (input.action == "preview") set_preview(data, input);
        return admin_page(s, context, status, "admin.petition_edit_title", "petition_form",
                          std::move(data));
    };
    if (!check.errors.empty()) co_return again(422, check.errors);
    if (input.action == "preview") co_return again(200, {});

    auto entry = audit_entry(context, "petition_edited", "petition " + stored.slug);
    std::function<Result<std::vector<FieldChange>>(store::Database&)> job =
        [id, draft = check.draft, entry, now,
         author = store::ChangeAuthor{context.user.id, context.user.email}](
            store::Database& db) mutable -> Result<std::vector<FieldChange>> {
        auto changes = store::update_petition(db, id, draft, author, now);
        if (!changes || changes->empty()) return changes;
        entry.detail += ":";
        for (const auto& change : *changes) entry.detail += " " + change.field;
        if (auto audited = store::insert_audit(db, entry); !audited) return audited.error();
        return changes;
    };
    const auto changes = co_await s.store.writer().write<std::vector<FieldChange>>(std::move(job));
    if (!changes) {
        const auto code = changes.error().code;
        for (const auto slug_error : {PetitionError::slug_taken, PetitionError::slug_locked})
            if (code == slug_error)
                co_return again(422, {{"slug", slug_error, changes.error().detail}});
        if (code == PetitionError::not_found) co_return not_found(s, context);
        co_return store_busy(s, context, changes.error());
    }
    std::string fields;
    for (const auto& change : *changes) fields += (fields.empty() ? "" : ",") + change.field;
    if (!changes->empty())
        spdlog::info("{} slug={} fields={} by={}", log_event::petition_edited, check.draft.slug,
                     fields, context.user.email);
    co_return admin_redirect("/admin/petitions/" + std::to_string(id) +
                             "/edit?done=" + (changes->empty() ? "unchanged" : "saved"));
}

Awaitable step(AdminServices& s, const Params& params, const AdminContext& context,
               PetitionStep chosen) {
    const auto id = id_of(params[0]);
    auto entry = audit_entry(context, "petition_" + std::string(to_string(chosen)),
                             "petition " + std::to_string(id));
    std::function<Result<Petition>(store::Database&)> job =
        [id, chosen, entry, now = now_seconds()](store::Database& db) mutable -> Result<Petition> {
        auto petition = store::take_petition_step(db, id, chosen, now);
        if (!petition) return petition;
        entry.detail = "petition " + petition->slug;
        if (auto audited = store::insert_audit(db, entry); !audited) return audited.error();
        return petition;
    };
    const auto taken = co_await s.store.writer().write<Petition>(std::move(job));
    if (!taken) {
        const auto code = taken.error().code;
        if (code == PetitionError::not_found) co_return not_found(s, context);
        if (code == PetitionError::state_conflict)
            co_return admin_notice(s, context.language, 409, "admin.petition_conflict_title",
                                   "admin.petition_conflict_" + std::string(to_string(chosen)));
        co_return store_busy(s, context, taken.error());
    }
    spdlog::info("{} slug={} step={} by={}", log_event::petition_step, taken->slug,
                 to_string(chosen), context.user.email);
    if (chosen == PetitionStep::archive) co_return admin_redirect("/admin/petitions?done=archived");
    co_return admin_redirect("/admin/petitions/" + std::to_string(id) +
                             "/edit?done=" + std::string(to_string(chosen)));
}

// A new link replaces the old one, which stops working: the organiser may take back a
// link sent too widely.
Awaitable preview_link(AdminServices& s, const Params& params, const AdminContext& context) {
    const auto id = id_of(params[0]);
    const auto token = accounts::new_session_token();
    auto entry = audit_entry(context, "petition_preview_link", "petition " + std::to_string(id));
    std::function<Result<bool>(store::Database&)> job =
        [id, key = accounts::session_token_hash(token),
         entry](store::Database& db) -> Result<bool> {
        if (auto set = store::set_preview_key(db, id, key); !set) return set.error();
        if (auto audited = store::insert_audit(db, entry); !audited) return audited.error();
        return true;
    };
    const auto made = co_await s.store.writer().write<bool>(std::move(job));
    if (!made) {
        if (made.error().code == PetitionError::state_conflict)
            co_return admin_notice(s, context.language, 409, "admin.petition_conflict_title",
                                   "admin.petition_conflict_preview");
        co_return store_busy(s, context, made.error());
    }
    const auto view = co_await read_edit_view(s, id);
    if (!view) co_return not_found(s, context);
    auto data = form_data(s, context, input_of(view->petition), {});
    set_edit_parts(data, s, context, *view);
    // Shown once, on this page only: the store keeps its hash, never the link.
    data.set("preview_link", s.site.config().server.base_url + "/preview/" + token);
    co_return admin_page(s, context, 200, "admin.petition_edit_title", "petition_form",
                         std::move(data));
}

}  // namespace

void add_petition_routes(http::Router& router, AdminServices& services) {
    using accounts::Action;
    add_admin_route(
        router, services, http::Method::get, "/admin/petitions", "admin_petitions",
        Action::view_petitions,
        [&services](const Request& request, const Params&, const AdminContext& context) {
            return list_page(services, request, context);
        });
    add_admin_route(router, services, http::Method::get, "/admin/petitions/new",
                    "admin_petition_new", Action::manage_petitions,
                    [&services](const Request&, const Params&, const AdminContext& context) {
                        return new_page(services, context);
                    });
    add_admin_route(router, services, http::Method::post, "/admin/petitions/new",
                    "admin_petition_create", Action::manage_petitions,
                    [&services](const Request&, const Params&, const AdminContext& context) {
                        return create(services, context);
                    });
    add_admin_route(
        router, services, http::Method::get, "/admin/petitions/{id}/edit", "admin_petition_edit",
        Action::manage_petitions,
        [&services](const Request& request, const Params& params, const AdminContext& context) {
            return edit_page(services, request, params, context);
        });
    add_admin_route(router, services, http::Method::post, "/admin/petitions/{id}/edit",
                    "admin_petition_save", Action::manage_petitions,
                    [&services](const Request&, const Params& params, const AdminContext& context) {
                        return save(services, params, context);
                    });
    for (const auto chosen : {PetitionStep::publish, PetitionStep::close, PetitionStep::archive}) {
        const std::string name(to_string(chosen));
        add_admin_route(
            router, services, http::Method::post, "/admin/petitions/{id}/" + name,
            "admin_petition_" + name, Action::manage_petitions,
            [&services, chosen](const Request&, const Params& params, const AdminContext& context) {
                return step(services, params, context, chosen);
            });
    }
    add_admin_route(router, services, http::Method::post, "/admin/petitions/{id}/preview-link",
                    "admin_petition_preview_link", Action::manage_petitions,
                    [&services](const Request&, const Params& params, const AdminContext& context) {
                        return preview_link(services, params, context);
                    });
}

}  // namespace rempart::admin
