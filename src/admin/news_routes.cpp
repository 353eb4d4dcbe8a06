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
#include "store/news_repository.hpp"
#include "store/outbox_repository.hpp"
#include "store/petition_repository.hpp"
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
    const auto kind = parse_news_kind(form.kind);
    auto check = check_news({kind.value_or(NewsKind::update), form.subject, form.text});
    if (!kind)
        check.errors.insert(check.errors.begin(),
                            {"kind", PetitionError::news_kind_invalid, "no such kind of news"});
    if (kind == NewsKind::victory && view->petition.won_at)
        check.errors.insert(check.errors.begin(),
                            {"kind", PetitionError::already_won, "the petition is won already"});
    if (!takes_news(view->petition.state))
        check.errors.insert(check.errors.begin(), {"kind", PetitionError::news_not_public,
                                                   "this petition has no signers to tell"});
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
         now = unix_now_ms() / 1000](store::Database& db) mutable -> Result<News> {
        // A double click sends the form twice: the second finds the news the first wrote.
        const auto all = store::list_news(db, id);
        if (!all.empty() && all.front().sending == NewsSending::draft &&
            all.front().subject == draft.subject &&
            all.front().body_markdown == draft.body_markdown && all.front().kind == draft.kind &&
            now - all.front().created_at < 600)
            return all.front();
        auto news = store::insert_news(db, id, draft, author, now);
        if (!news) return news;
        entry.detail += ", news " + std::to_string(news->number);
        if (auto audited = store::insert_audit(db, entry); !audited) return audited.error();
        return news;
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
    store::NewsParts parts;
    parts.language = view->petition.language;
    parts.petition_title = view->petition.title;
    parts.petition_slug = view->petition.slug;
    parts.news_id = news->id;
    parts.number = news->number;
    parts.kind = std::string(to_string(news->kind));
    parts.subject = news->subject;
    parts.body_markdown = news->body_markdown;
    const auto& config = s.site.config();
    const auto message = web::compose_news_mail(
        s.site, parts, context.user.email,
        config.server.base_url + std::string(web::test_unsubscribe_path), true);
    auto entry =
        audit_entry(context, "news_tested",
                    "petition " + view->petition.slug + ", news " + std::to_string(number));
    std::function<Result<bool>(store::Database&)> job =
        [from = config.mail.from, to = context.user.email, message, entry,
         now = unix_now_ms() / 1000](store::Database& db) -> Result<bool> {
        if (auto queued = store::enqueue_mail(db, "news_test", from, to, message, now); !queued)
            return queued.error();
        if (auto audited = store::insert_audit(db, entry); !audited) return audited.error();
        return true;
    };
    const auto queued = co_await s.store.writer().write<bool>(std::move(job));
    if (!queued) co_return news_store_busy(s, context, queued.error());
    s.mail_queued();
    co_return admin_redirect(news_base_path(id) + "?done=test#news-" + std::to_string(number));
}

// A private link for the target to answer in their own words: mailed to them when the
// petition gives their address, shown here once otherwise. A new link stops the old one.
enum class SendingStep { send, pause, resume };

std::string_view step_name(SendingStep step) {
    switch (step) {
        case SendingStep::send:
            return "send";
        case SendingStep::pause:
            return "pause";
        case SendingStep::resume:
            return "resume";
    }
    return "send";
}

Awaitable sending_step(AdminServices& s, const Params& params, const AdminContext& context,
                       SendingStep step) {
    const auto id = id_of(params[0]);
    const auto number = id_of(params[1]);
    auto entry = audit_entry(context, "news_" + std::string(step_name(step)),
                             "petition " + std::to_string(id) + ", news " + std::to_string(number));
    std::function<Result<News>(store::Database&)> job =
        [id, number, step, entry, now = unix_now_ms() / 1000](store::Database& db) -> Result<News> {
        Result<News> moved = make_error(PetitionError::news_not_found, "");
        switch (step) {
            case SendingStep::send:
                moved = store::start_sending(db, id, number, now);
                // A victory sent marks the petition won, on its page from now.
                if (moved && moved->kind == NewsKind::victory)
                    if (auto won = store::mark_petition_won(db, id, now); !won) return won.error();
                break;
            case SendingStep::pause:
                moved = store::pause_sending(db, id, number);
                break;
            case SendingStep::resume:
                moved = store::resume_sending(db, id, number);
                break;
        }
        if (!moved) return moved;
        if (auto audited = store::insert_audit(db, entry); !audited) return audited.error();
        return moved;
    };
    const auto moved = co_await s.store.writer().write<News>(std::move(job));
    if (!moved) {
        const auto code = moved.error().code;
        if (code == PetitionError::news_not_found) co_return news_missing(s, context);
        if (code == PetitionError::news_state_conflict)
            co_return admin_notice(s, context.language, 409, "admin.news_conflict_title",
                                   "admin.news_conflict_" + std::string(step_name(step)));
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
                 step_name(step), context.user.email);
    const std::string done = step == SendingStep::send    ? "sending"
                             : step == SendingStep::pause ? "paused"
                                                          : "resumed";
    co_return admin_redirect(news_base_path(id) + "?done=" + done + "#news-" +
                             std::to_string(number));
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
    for (const auto step : {SendingStep::send, SendingStep::pause, SendingStep::resume}) {
        const std::string name(step_name(step));
        add_admin_route(
            router, services, http::Method::post, "/admin/petitions/{id}/updates/{n}/" + name,
            "admin_news_" + name, Action::manage_petitions,
            [&services, step](const Request&, const Params& params, const AdminContext& context) {
                return sending_step(services, params, context, step);
            });
    }
}

}  // namespace rempart::admin
