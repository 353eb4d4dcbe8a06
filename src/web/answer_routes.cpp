// The target's private page to answer a petition.
#include "web/answer_routes.hpp"

#include <spdlog/spdlog.h>

#include "accounts/tokens.hpp"
#include "core/clock.hpp"
#include "core/log_events.hpp"
#include "core/log_text.hpp"
#include "http/target.hpp"
#include "petitions/author_link.hpp"
#include "petitions/news.hpp"
#include "render/mail_texts.hpp"
#include "store/milestone_repository.hpp"
#include "store/news_repository.hpp"
#include "store/outbox_repository.hpp"
#include "store/petition_repository.hpp"
#include "store/submission_repository.hpp"
#include "web/signing_request.hpp"
#include "web/site_mail.hpp"

namespace rempart::web {
namespace {

using Awaitable = boost::asio::awaitable<http::Response>;

struct AnswerRoutes {
    const Site& site;
    store::Store& store;
    std::string event_secret;  // the author's private link of a petition proposed by the public

    http::Response invalid(const http::Request& request) const {
        const auto language = site.language_of(request.headers);
        return signing::private_page(
            404, render::render_notice(site.view(), language, 404, "answer.invalid_title",
                                       "answer.invalid_text"));
    }

    boost::asio::awaitable<std::optional<Petition>> petition_of(const std::string& token) {
        std::function<std::optional<Petition>(store::Database&)> read =
            [key = accounts::session_token_hash(token)](store::Database& db) {
                return store::find_petition_by_answer_key(db, key);
            };
        co_return co_await store.readers().read<std::optional<Petition>>(std::move(read));
    }

    Awaitable page(const http::Request& request, std::string token) {
        if (!accounts::looks_like_session_token(token)) co_return invalid(request);
        const auto petition = co_await petition_of(token);
        if (!petition) co_return invalid(request);
        const auto language = site.language_of(request.headers);
        render::AnswerView view;
        view.petition = &*petition;
        view.token = token;
        view.subject = render::fill(site.messages().text(language, "answer.default_subject"),
                                    {{"target", petition->target_name}});
        co_return signing::private_page(200, render::render_answer(site.view(), language, view));
    }

    Awaitable answer(const http::Request& request, std::string token) {
        if (!accounts::looks_like_session_token(token)) co_return invalid(request);
        const auto fields = http::parse_form(request.body);
        if (!fields) co_return site.error_page(400, request.headers, request.target);
        NewsDraft typed{NewsKind::answer, "", ""};
        for (const auto& [name, value] : *fields) {
            if (name == "subject") typed.subject = value;
            if (name == "text") typed.body_markdown = value;
        }
        const auto language = site.language_of(request.headers);
        const auto check = check_news(typed);
        if (!check.errors.empty()) {
            const auto petition = co_await petition_of(token);
            if (!petition) co_return invalid(request);
            render::AnswerView view;
            view.petition = &*petition;
            view.token = token;
            view.subject = typed.subject;
            view.text = typed.body_markdown;
            for (const auto& error : check.errors)
                view.errors.emplace_back(error.field, std::string(error_name(error.code)));
            co_return signing::private_page(422,
                                            render::render_answer(site.view(), language, view));
        }
        const auto now = unix_now();
        std::function<Result<std::optional<News>>(store::Database&)> job =
            [this, key = accounts::session_token_hash(token), draft = check.draft,
             now](store::Database& db) -> Result<std::optional<News>> {
            auto taken = store::take_target_answer(db, key, draft, now);
            if (!taken || !*taken) return taken;
            if (auto told = tell_organisers(db, **taken, now); !told) return told.error();
            return taken;
        };
        const auto taken = co_await store.writer().write<std::optional<News>>(std::move(job));
        if (!taken) {
            spdlog::error("{} error={}", log_event::store_write_failed,
                          log_text(taken.error().detail));
            co_return site.error_page(503, request.headers, request.target);
        }
        if (!*taken) co_return invalid(request);
        spdlog::info("{} petition={} news={}", log_event::news_answered, (*taken)->petition_id,
                     (*taken)->number);
        render::AnswerView view;
        view.done = true;
        co_return signing::private_page(200, render::render_answer(site.view(), language, view));
    }

    // One mail to each organiser and admin, and to the petition's author when the public
    // proposed it (with their private link), in the same write as the answer.
    Result<void> tell_organisers(store::Database& db, const News& news, std::int64_t now) const {
        const auto petition = store::find_petition_by_id(db, news.petition_id);
        if (!petition) return {};
        const auto& config = site.config();
        const auto fallback =
            render::parse_language(config.site.default_language).value_or(render::Language::fr);
        const auto anchor = "#news-" + std::to_string(news.number);
        const auto tell = [&](const std::string& address, render::Language language,
                              const std::string& link) -> Result<void> {
            const auto texts =
                render::answer_received_mail(site.messages(), language, config.site,
                                             {petition->title, petition->target_name, link});
            const auto composed =
                compose_site_mail(config.mail, config.site, address, language, texts);
            if (auto queued = store::enqueue_mail(db, "answer_received", config.mail.from, address,
                                                  composed, now);
                !queued)
                return queued.error();
            return {};
        };
        const auto back_office = config.server.base_url + "/admin/petitions/" +
                                 std::to_string(petition->id) + "/updates" + anchor;
        for (const auto& address : store::organiser_addresses(db))
            if (auto told = tell(address, fallback, back_office); !told) return told;
        // An author erased by [retention] has no address left to tell.
        if (const auto submission = store::find_submission(db, petition->id);
            submission && !submission->author_email.empty())
            return tell(submission->author_email,
                        render::parse_language(petition->language).value_or(fallback),
                        config.server.base_url + "/p/" +
                            author_link_token(event_secret, petition->id, submission->link_nonce) +
                            anchor);
        return {};
    }
};

}  // namespace

void add_answer_routes(http::Router& router, const Site& site, store::Store& store,
                       std::string event_secret) {
    auto routes =
        std::make_shared<AnswerRoutes>(AnswerRoutes{site, store, std::move(event_secret)});
    // Rare, and read from the store each time: shed before the pages under load.
    constexpr auto route = http::gated(http::Priority::normal, http::TrafficFamily::page);
    router.add(http::Method::get, "/answer/{token}", "answer_page", route,
               [routes](const http::Request& request, const http::Params& params) {
                   return routes->page(request, std::string(params[0]));
               });
    router.add(http::Method::post, "/answer/{token}", "answer_post", route,
               [routes](const http::Request& request, const http::Params& params) {
                   return routes->answer(request, std::string(params[0]));
               });
}

}  // namespace rempart::web
