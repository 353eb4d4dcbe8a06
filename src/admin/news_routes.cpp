// A petition's news to its signers, from the back office: GET /admin/petitions/{id}/updates
// (admin/news_page), POST .../updates (write one, or preview it), then per news: test (to
// oneself), send, pause and resume. Every step is
// written with its audit entry; the mails themselves leave at the site's pace
// (app/news_sender), from a cursor the store keeps.
#include <spdlog/spdlog.h>

#include "admin/admin_routes.hpp"
#include "admin/news_page.hpp"
#include "core/log_events.hpp"
#include "core/log_text.hpp"
#include "petitions/errors.hpp"
#include "petitions/news.hpp"
#include "render/markdown.hpp"
#include "store/news_steps.hpp"
#include "web/news_mail.hpp"

namespace rempart::admin {
namespace {

Awaitable list_page(AdminServices& s, const Request& request, const Params& params,
                    const AdminContext& context) {
    const auto view = co_await read_news_view(s, id_of(params[0]));
    if (!view) co_return news_missing(s, context);
    auto data = news_page_data(s, context, *view, {}, {});
    for (const auto* done : {"saved", "test", "sending", "paused", "resumed"})
        data.set(std::string("done_") + done,
                 request.query.find(std::string("done=") + done) != std::string_view::npos);
    co_return news_page(s, context, 200, std::move(data));
}

Awaitable create(AdminServices& s, const Params& params, const AdminContext& context) {
    const auto id = id_of(params[0]);
    const auto view = co_await read_news_view(s, id);
    if (!view) co_return news_missing(s, context);
    const auto form = read_news_form(context.form);
    const auto check = check_news_for(view->petition, form.kind, form.subject, form.text);
    const auto again = [&](unsigned status, const std::vector<FieldError>& errors) {
        auto data = news_page_data(s, context, *view, form, errors);
        if (form.action == "preview" && errors.empty()) {
            data.set("previewing", true);
            data.set("preview_subject", check.draft.subject);
            data.set("body_html", render::render_markdown(check.draft.body_markdown));
        }
        return news_page(s, context, status, std::move(data));
    };
    if (!check.errors.empty()) co_return again(422, check.errors);
    if (form.action == "preview") co_return again(200, {});

    auto entry = audit_entry(context, "news_written", "petition " + view->petition.slug);
    std::function<Result<News>(store::Database&)> job =
        [id, draft = check.draft, entry, author = context.user.email,
         now = unix_now_ms() / 1000](store::Database& db) {
            return store::write_news_once(db, id, draft, author, now, entry);
        };
    const auto written = co_await s.store.writer().write<News>(std::move(job));
    if (!written) {
        if (written.error().code == PetitionError::news_not_public)
            co_return again(422, {{"kind", PetitionError::news_not_public, ""}});
        co_return news_store_busy(s, context, written.error());
    }
    co_return admin_redirect(news_base_path(id) + "?done=saved#news-" +
                             std::to_string(written->number));
}

// The organiser's own copy, as a signer will get it, before anyone else does.
Awaitable send_test(AdminServices& s, const Params& params, const AdminContext& context) {
    const auto id = id_of(params[0]);
    const auto number = id_of(params[1]);
    const auto view = co_await read_news_view(s, id);
    if (!view) co_return news_missing(s, context);
    const News* news = nullptr;
    for (const auto& candidate : view->news)
        if (candidate.number == number) news = &candidate;
    if (news == nullptr) co_return news_missing(s, context);
    const auto mail = web::news_test_mail(s.site, view->petition, *news, context.user.email);
    auto entry =
        audit_entry(context, "news_tested",
                    "petition " + view->petition.slug + ", news " + std::to_string(number));
    std::function<Result<void>(store::Database&)> job =
        [mail, entry, now = unix_now_ms() / 1000](store::Database& db) {
            return store::queue_news_test(db, mail, now, entry);
        };
    const auto queued = co_await s.store.writer().write<void>(std::move(job));
    if (!queued) co_return news_store_busy(s, context, queued.error());
    s.mail_queued();
    co_return admin_redirect(news_base_path(id) + "?done=test#news-" + std::to_string(number));
}

Awaitable sending_step(AdminServices& s, const Params& params, const AdminContext& context,
                       NewsStep step) {
    const auto id = id_of(params[0]);
    const auto number = id_of(params[1]);
    auto entry = audit_entry(context, "news_" + std::string(to_string(step)),
                             "petition " + std::to_string(id) + ", news " + std::to_string(number));
    std::function<Result<News>(store::Database&)> job =
        [id, number, step, entry, now = unix_now_ms() / 1000](store::Database& db) {
            return store::take_news_step(db, id, number, step, now, entry);
        };
    const auto moved = co_await s.store.writer().write<News>(std::move(job));
    if (!moved) {
        const auto code = moved.error().code;
        if (code == PetitionError::news_not_found) co_return news_missing(s, context);
        if (code == PetitionError::news_state_conflict)
            co_return admin_notice(s, context.language, 409, "admin.news_conflict_title",
                                   "admin.news_conflict_" + std::string(to_string(step)));
        if (code == PetitionError::news_no_recipients) {
            const auto view = co_await read_news_view(s, id);
            if (!view) co_return news_missing(s, context);
            auto data = news_page_data(s, context, *view, {}, {});
            data.set("no_recipients", true);
            co_return news_page(s, context, 422, std::move(data));
        }
        co_return news_store_busy(s, context, moved.error());
    }
    spdlog::info("{} petition={} news={} step={} by={}", log_event::news_sending, id, number,
                 to_string(step), context.user.email);
    co_return admin_redirect(news_base_path(id) + "?done=" + std::string(news_step_done(step)) +
                             "#news-" + std::to_string(number));
}

}  // namespace

void add_news_routes(http::Router& router, AdminServices& services) {
    using accounts::Action;
    add_admin_route(
        router, services, http::Method::get, "/admin/petitions/{id}/updates", "admin_news",
        Action::view_petitions,
        [&services](const Request& request, const Params& params, const AdminContext& context) {
            return list_page(services, request, params, context);
        });
    add_admin_route(router, services, http::Method::post, "/admin/petitions/{id}/updates",
                    "admin_news_write", Action::manage_petitions,
                    [&services](const Request&, const Params& params, const AdminContext& context) {
                        return create(services, params, context);
                    });
    add_admin_route(router, services, http::Method::post, "/admin/petitions/{id}/updates/{n}/test",
                    "admin_news_test", Action::manage_petitions,
                    [&services](const Request&, const Params& params, const AdminContext& context) {
                        return send_test(services, params, context);
                    });
    for (const auto step : {NewsStep::send, NewsStep::pause, NewsStep::resume}) {
        const std::string name(to_string(step));
        add_admin_route(
            router, services, http::Method::post, "/admin/petitions/{id}/updates/{n}/" + name,
            "admin_news_" + name, Action::manage_petitions,
            [&services, step](const Request&, const Params& params, const AdminContext& context) {
                return sending_step(services, params, context, step);
            });
    }
}

}  // namespace rempart::admin
