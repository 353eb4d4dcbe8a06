// A news mail's unsubscribe link: the page, and leaving in one click.
#include "web/unsubscribe_routes.hpp"

#include <spdlog/spdlog.h>

#include "core/clock.hpp"
#include "core/log_events.hpp"
#include "core/log_text.hpp"
#include "signatures/unsubscribe_token.hpp"
#include "store/news_repository.hpp"
#include "web/news_mail.hpp"
#include "web/signing_request.hpp"

namespace rempart::web {
namespace {

using Awaitable = boost::asio::awaitable<http::Response>;

struct UnsubscribeRoutes {
    const Site& site;
    store::Store& store;
    std::string secret;

    http::Response invalid(const http::Request& request) const {
        const auto language = site.language_of(request.headers);
        return signing::private_page(
            404, render::render_notice(site.view(), language, 404, "news.unsubscribe_invalid_title",
                                       "news.unsubscribe_invalid_text"));
    }

    http::Response test_page(const http::Request& request) const {
        render::UnsubscribeView view;
        view.test = true;
        return signing::private_page(
            200, render::render_unsubscribe(site.view(), site.language_of(request.headers), view));
    }

    Awaitable page(const http::Request& request, std::string token) {
        if ("/u/" + token == test_unsubscribe_path) co_return test_page(request);
        const auto id = signatures::read_unsubscribe_token(secret, token);
        if (!id || *id == 0) co_return invalid(request);
        std::function<std::optional<store::Subscription>(store::Database&)> read =
            [id = *id](store::Database& db) { return store::find_subscription(db, id); };
        const auto found =
            co_await store.readers().read<std::optional<store::Subscription>>(std::move(read));
        if (!found) co_return invalid(request);
        co_return shown(request, *found, token, false);
    }

    Awaitable leave(const http::Request& request, std::string token) {
        if ("/u/" + token == test_unsubscribe_path) co_return test_page(request);
        const auto id = signatures::read_unsubscribe_token(secret, token);
        if (!id || *id == 0) co_return invalid(request);
        std::function<Result<std::optional<store::Subscription>>(store::Database&)> job =
            [id = *id](store::Database& db) -> Result<std::optional<store::Subscription>> {
            auto found = store::find_subscription(db, id);
            if (!found) return found;
            auto left = store::leave_news(db, id, unix_now());
            if (!left) return left.error();
            return found;
        };
        const auto done =
            co_await store.writer().write<std::optional<store::Subscription>>(std::move(job));
        if (!done) {
            spdlog::error("{} error={}", log_event::store_write_failed,
                          log_text(done.error().detail));
            co_return site.error_page(503, request.headers, request.target);
        }
        if (!*done) co_return invalid(request);
        // A mail program's one click says so in its body (RFC 8058); the page's button
        // sends nothing.
        const bool one_click = request.body.find("One-Click") != std::string::npos;
        spdlog::info("{} signature={} how={}", log_event::news_left, *id,
                     one_click ? "one_click" : "page");
        co_return shown(request, **done, token, (*done)->subscribed);
    }

    http::Response shown(const http::Request& request, const store::Subscription& found,
                         const std::string& token, bool left_now) const {
        render::UnsubscribeView view;
        view.petition_title = found.petition_title;
        view.petition_slug = found.petition_slug;
        view.token = token;
        view.subscribed = found.subscribed && !left_now;
        view.left_now = left_now;
        return signing::private_page(
            200, render::render_unsubscribe(site.view(), site.language_of(request.headers), view));
    }
};

}  // namespace

void add_unsubscribe_routes(http::Router& router, const Site& site, store::Store& store,
                            const std::string& secret) {
    auto routes = std::make_shared<UnsubscribeRoutes>(UnsubscribeRoutes{site, store, secret});
    // Behind no gate and never shed: a mail program's one click comes from its servers, which
    // pass no gate, and a signer's wish to hear no more must not wait for calm.
    constexpr auto route = http::never_gated(http::Priority::critical, http::TrafficFamily::page);
    router.add(http::Method::get, "/u/{token}", "news_unsubscribe_page", route,
               [routes](const http::Request& request, const http::Params& params) {
                   return routes->page(request, std::string(params[0]));
               });
    router.add(http::Method::post, "/u/{token}", "news_unsubscribe", route,
               [routes](const http::Request& request, const http::Params& params) {
                   return routes->leave(request, std::string(params[0]));
               });
}

}  // namespace rempart::web
