// Taking a published petition down, with a reason from the list and, when it was proposed
// on the web, a mail to its author; and dismissing reports that call for nothing. Both are
// audited; the signatures stay.
#include <spdlog/spdlog.h>

#include "admin/moderation_routes.hpp"
#include "core/log_events.hpp"
#include "core/log_text.hpp"
#include "petitions/errors.hpp"
#include "render/proposal_pages.hpp"
#include "signatures/text_input.hpp"
#include "store/outbox_repository.hpp"
#include "store/petition_repository.hpp"
#include "store/report_repository.hpp"

namespace rempart::admin {
namespace {

struct TakeDownView {
    std::optional<Petition> petition;
    std::optional<store::ReportedPetition> reports;
    std::vector<store::RejectionReason> reasons;
    bool has_author = false;
};

boost::asio::awaitable<TakeDownView> read_take_down(AdminServices& s, std::int64_t id) {
    std::function<TakeDownView(store::Database&)> read = [id](store::Database& db) {
        TakeDownView view;
        view.petition = store::find_petition_by_id(db, id);
        view.reports = store::reports_of(db, id);
        view.reasons = store::rejection_reasons(db, false);
        view.has_author = store::find_submission(db, id).has_value();
        return view;
    };
    co_return co_await s.store.readers().read<TakeDownView>(std::move(read));
}

Response take_down_page(ModerationServices& m, const AdminContext& context, unsigned status,
                        const TakeDownView& view, std::string_view error_key) {
    auto& s = m.admin;
    const auto& petition = *view.petition;
    PageData data;
    data.set("id", std::to_string(petition.id));
    data.set("title", petition.title);
    data.set("slug", petition.slug);
    data.set("state",
             say(s, context, "admin.petition_state_" + std::string(to_string(petition.state))));
    const bool live =
        petition.state == PetitionState::published || petition.state == PetitionState::closed;
    data.set("may_take_down", live);
    data.set("has_author", view.has_author);
    PageData reports = PageData::type::list;
    if (view.reports)
        for (const auto& report : view.reports->latest) {
            PageData item;
            item.set("at", utc_time(report.at * 1000));
            item.set("reason", report.reason);
            item.set("network", report.network);
            reports.push_back(item);
        }
    data.set("reports", reports);
    data.set("has_reports", view.reports.has_value());
    if (view.reports)
        data.set("reports_summary",
                 render::fill(say(s, context, "admin.take_down_reports_summary"),
                              {{"reports", s.pages.messages().plural(context.language,
                                                                     "admin.moderation_reports",
                                                                     view.reports->open_reports)},
                               {"networks", s.pages.messages().plural(context.language,
                                                                      "admin.moderation_networks",
                                                                      view.reports->networks)}}));
    PageData reasons = PageData::type::list;
    for (const auto& reason : view.reasons) {
        PageData option;
        option.set("id", std::to_string(reason.id));
        option.set("label", reason_label(s, context, reason));
        reasons.push_back(option);
    }
    data.set("reasons", reasons);
    if (!error_key.empty()) data.set("error", say(s, context, error_key));
    return admin_page(s, context, status, "admin.take_down_title", "take_down", std::move(data));
}

Response missing(AdminServices& s, const AdminContext& context) {
    return admin_notice(s, context.language, 404, "admin.petition_missing_title",
                        "admin.petition_missing");
}

Awaitable take_down(ModerationServices& m, const Params& params, const AdminContext& context) {
    auto& s = m.admin;
    const auto id = id_of(params[0]);
    auto view = co_await read_take_down(s, id);
    if (!view.petition) co_return missing(s, context);
    std::optional<std::int64_t> reason_id;
    std::string note;
    bool tell_author = false;
    for (const auto& [name, value] : context.form) {
        if (name == "reason" && id_of(value) > 0) reason_id = id_of(value);
        if (name == "tell_author") tell_author = value == "1";
        if (name == "note") {
            auto cleaned = signatures::clean_text(value, moderation_note_max, true);
            if (!cleaned)
                co_return take_down_page(m, context, 422, view, "moderation.note_too_long");
            note = std::move(*cleaned);
        }
    }
    if (!reason_id) co_return take_down_page(m, context, 422, view, "moderation.reason_required");
    auto entry =
        audit_entry(context, "petition_take_down",
                    "petition " + view.petition->slug + ", reason " + std::to_string(*reason_id) +
                        (note.empty() ? "" : ", note: " + note));
    std::function<Result<store::TakeDown>(store::Database&)> job =
        [id, user = context.user.id, reason_id = *reason_id, note, tell_author, entry,
         mailer = author_mailer(m),
         now = unix_now()](store::Database& db) -> Result<store::TakeDown> {
        auto done = store::take_down(db, id, user, reason_id, note, now);
        if (!done) return done;
        if (auto audited = store::insert_audit(db, entry); !audited) return audited.error();
        if (!tell_author || done->author_email.empty()) return done;
        const auto language = render::parse_language(done->language).value_or(render::Language::fr);
        render::ProposalDecision told;
        told.title = done->title;
        told.outcome = render::ProposalOutcome::removed;
        told.reason = render::rejection_words(*mailer.messages, language, done->reason_code,
                                              done->reason_text);
        told.note = note;
        const auto message = author_mail(mailer, id, done->author_nonce, done->language,
                                         done->author_email, std::move(told));
        if (auto queued = store::enqueue_mail(db, "proposal", mailer.mail.from, done->author_email,
                                              message, now);
            !queued)
            return queued.error();
        return done;
    };
    const auto done = co_await s.store.writer().write<store::TakeDown>(std::move(job));
    if (!done) {
        const auto& code = done.error().code;
        if (code == ModerationError::reason_unknown || code == PetitionError::state_conflict) {
            view = co_await read_take_down(s, id);
            co_return take_down_page(m, context, 409, view, code.name());
        }
        spdlog::error("{} error={}", log_event::store_write_failed, log_text(done.error().detail));
        co_return admin_notice(s, context.language, 503, "admin.busy_title", "admin.busy");
    }
    spdlog::warn("{} petition={} reason={} by={}", log_event::petition_taken_down, id, *reason_id,
                 log_text(context.user.email));
    if (tell_author && !done->author_email.empty()) s.mail_queued();
    co_return admin_redirect("/admin/moderation?done=take_down");
}

Awaitable dismiss(ModerationServices& m, const Params& params, const AdminContext& context) {
    auto& s = m.admin;
    const auto id = id_of(params[0]);
    const auto view = co_await read_take_down(s, id);
    if (!view.petition) co_return missing(s, context);
    auto entry = audit_entry(context, "reports_dismissed", "petition " + view.petition->slug);
    std::function<Result<std::int64_t>(store::Database&)> job =
        [id, user = context.user.id, entry,
         now = unix_now()](store::Database& db) -> Result<std::int64_t> {
        auto dismissed = store::dismiss_reports(db, id, user, now);
        if (!dismissed || *dismissed == 0) return dismissed;
        if (auto audited = store::insert_audit(db, entry); !audited) return audited.error();
        return dismissed;
    };
    const auto done = co_await s.store.writer().write<std::int64_t>(std::move(job));
    if (!done) {
        spdlog::error("{} error={}", log_event::store_write_failed, log_text(done.error().detail));
        co_return admin_notice(s, context.language, 503, "admin.busy_title", "admin.busy");
    }
    co_return admin_redirect("/admin/moderation?done=dismissed");
}

}  // namespace

void add_take_down_routes(http::Router& router, ModerationServices& services) {
    auto& s = services.admin;
    add_admin_route(router, s, http::Method::get, "/admin/petitions/{id}/take-down",
                    "admin_take_down_page", accounts::Action::moderate_petitions,
                    [&services](const Request&, const Params& params,
                                const AdminContext& context) -> Awaitable {
                        const auto view = co_await read_take_down(services.admin, id_of(params[0]));
                        if (!view.petition) co_return missing(services.admin, context);
                        co_return take_down_page(services, context, 200, view, {});
                    });
    add_admin_route(router, s, http::Method::post, "/admin/petitions/{id}/take-down",
                    "admin_take_down", accounts::Action::moderate_petitions,
                    [&services](const Request&, const Params& params, const AdminContext& context) {
                        return take_down(services, params, context);
                    });
    add_admin_route(router, s, http::Method::post, "/admin/petitions/{id}/reports/dismiss",
                    "admin_reports_dismiss", accounts::Action::moderate_petitions,
                    [&services](const Request&, const Params& params, const AdminContext& context) {
                        return dismiss(services, params, context);
                    });
}

}  // namespace rempart::admin
