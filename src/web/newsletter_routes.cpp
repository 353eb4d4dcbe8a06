// The newsletter's second confirmation, and leaving it. Both change on POST only: mail
// scanners open every link.
#include "web/newsletter_routes.hpp"

#include <spdlog/spdlog.h>

#include "core/clock.hpp"
#include "core/log_events.hpp"
#include "core/log_text.hpp"
#include "http/target.hpp"
#include "render/newsletter_pages.hpp"
#include "shield/network.hpp"
#include "signatures/newsletter.hpp"
#include "store/newsletter_repository.hpp"
#include "web/signing_request.hpp"

namespace rempart::web {
namespace {

using Awaitable = boost::asio::awaitable<http::Response>;
using render::NewsletterView;
using signatures::NewsletterLink;
using signatures::NewsletterState;
using Step = NewsletterView::Step;

class NewsletterLinks {
  public:
    explicit NewsletterLinks(SigningServices& services) : s_(services) {}

    Awaitable confirm_page(const http::Request& request, std::string token) {
        const auto id = read(NewsletterLink::confirm, token);
        if (!id) co_return invalid(request);
        const auto found = co_await find(*id);
        if (!found) co_return invalid(request);
        co_return shown(request, *found, token, false, false);
    }

    Awaitable confirm(const http::Request& request, std::string token) {
        const auto id = read(NewsletterLink::confirm, token);
        if (!id) co_return invalid(request);
        const auto fields = http::parse_form(request.body);
        if (!fields) co_return s_.site.error_page(400, request.headers, request.target);
        const std::string agreed(http::form_value(*fields, "words").value_or(""));
        const auto words = words_now(request);
        if (agreed != words.version) {
            // Consent is to the words read: changed since the page was shown, they are
            // shown again rather than taken as agreed.
            const auto found = co_await find(*id);
            if (!found) co_return invalid(request);
            if (found->state == NewsletterState::pending)
                co_return shown(request, *found, token, false, true);
            co_return shown(request, *found, token, false, false);
        }
        std::function<Result<std::optional<NewsletterState>>(store::Database&)> job =
            [id = *id, words, network = shield::network_of_address(request.client_ip),
             now = unix_now()](store::Database& db) {
                return store::confirm_subscription(db, id, words, network, now);
            };
        const auto before = co_await s_.store.writer().write<std::optional<NewsletterState>>(
            std::move(job));
        if (!before) co_return busy(request, before.error());
        if (!*before) co_return invalid(request);
        const bool now_subscribed = **before == NewsletterState::pending;
        if (now_subscribed)
            spdlog::info("{} subscriber={} step=subscribed words={}",
                         log_event::newsletter_consent, *id, words.version);
        const auto found = co_await find(*id);
        if (!found) co_return invalid(request);
        co_return shown(request, *found, token, now_subscribed, false);
    }

    Awaitable leave_page(const http::Request& request, std::string token) {
        const auto id = read(NewsletterLink::leave, token);
        if (!id) co_return invalid(request);
        const auto found = co_await find(*id);
        NewsletterView view;
        view.token = token;
        const bool live = found && (found->state == NewsletterState::pending ||
                                    found->state == NewsletterState::subscribed);
        view.step = live ? Step::leave : Step::ended;
        co_return page(request, view);
    }

    Awaitable leave(const http::Request& request, std::string token) {
        const auto id = read(NewsletterLink::leave, token);
        if (!id) co_return invalid(request);
        // A mail program's one click says so in its body (RFC 8058).
        const bool one_click = request.body.find("One-Click") != std::string::npos;
        const auto how = one_click ? signatures::NewsletterEnd::one_click
                                   : signatures::NewsletterEnd::link;
        std::function<Result<std::optional<std::string>>(store::Database&)> job =
            [id = *id, how, now = unix_now()](store::Database& db) {
                return store::end_subscription(db, id, how, now);
            };
        const auto ended =
            co_await s_.store.writer().write<std::optional<std::string>>(std::move(job));
        if (!ended) co_return busy(request, ended.error());
        if (*ended) {
            spdlog::info("{} subscriber={} step=left how={}", log_event::newsletter_consent, *id,
                         to_string(how));
            journal(**ended);
        }
        NewsletterView view;
        view.step = Step::ended;
        view.done_now = ended->has_value();
        co_return page(request, view);
    }

  private:
    SigningServices& s_;

    std::optional<std::int64_t> read(NewsletterLink link, const std::string& token) const {
        const auto id = signatures::read_newsletter_token(s_.event_secret, link, token);
        if (!id || *id == 0) return std::nullopt;
        return id;
    }

    store::ConsentWords words_now(const http::Request& request) const {
        const auto language = s_.site.language_of(request.headers);
        const auto settings = s_.site.config();
        auto words =
            render::newsletter_words(s_.site.messages(), language, settings.site,
                                     settings.server.base_url, s_.site.retention().newsletter_idle_days);
        const auto code = std::string(render::code(language));
        return {signatures::words_version(code, words), code, std::move(words)};
    }

    boost::asio::awaitable<std::optional<store::NewsletterSubscriber>> find(std::int64_t id) {
        std::function<std::optional<store::NewsletterSubscriber>(store::Database&)> read =
            [id](store::Database& db) { return store::find_subscriber(db, id); };
        co_return co_await s_.store.readers().read<std::optional<store::NewsletterSubscriber>>(
            std::move(read));
    }

    // The page for the subscription as it stands.
    http::Response shown(const http::Request& request, const store::NewsletterSubscriber& found,
                         const std::string& token, bool done_now, bool words_changed) const {
        NewsletterView view;
        view.token = token;
        view.done_now = done_now;
        switch (found.state) {
            case NewsletterState::pending: {
                const auto words = words_now(request);
                view.step = Step::confirm;
                view.email = found.email;
                view.words = words.words;
                view.words_version = words.version;
                view.words_changed = words_changed;
                break;
            }
            case NewsletterState::subscribed:
                view.step = Step::subscribed;
                view.leave_token =
                    signatures::newsletter_token(s_.event_secret, NewsletterLink::leave, found.id);
                break;
            case NewsletterState::left:
            case NewsletterState::expired:
                view.step = Step::ended;
                view.done_now = false;
                break;
        }
        return page(request, view, words_changed ? 409 : 200);
    }

    http::Response page(const http::Request& request, const NewsletterView& view,
                        unsigned status = 200) const {
        return signing::private_page(
            status, render::render_newsletter(s_.site.view(), s_.site.language_of(request.headers),
                                              view));
    }

    http::Response invalid(const http::Request& request) const {
        const auto language = s_.site.language_of(request.headers);
        return signing::private_page(
            404, render::render_notice(s_.site.view(), language, 404, "newsletter.invalid_title",
                                       "newsletter.invalid_text"));
    }

    http::Response busy(const http::Request& request, const Error& error) const {
        spdlog::error("{} error={}", log_event::store_write_failed, log_text(error.detail));
        auto response = s_.site.error_page(503, request.headers, request.target);
        signing::set_retry_after(response, std::chrono::seconds(5));
        return response;
    }

    // Beside the backups, so that a restore does not sign the person up again.
    void journal(const std::string& mailbox) {
        if (s_.erasures == nullptr) return;
        if (auto written = s_.erasures->record(backup::ErasureStep::leave_newsletter, mailbox,
                                               std::nullopt, unix_now());
            !written)
            spdlog::error("{} what=journal error={}", log_event::backup_failed,
                          log_text(written.error().detail));
    }
};

}  // namespace

void add_newsletter_routes(http::Router& router, SigningServices& services) {
    auto links = std::make_shared<NewsletterLinks>(services);
    // Behind no gate and never shed, as a signature's own links: a consent given or taken
    // back must not wait for calm, and a mail program's one click passes no gate.
    constexpr auto route = http::never_gated(http::Priority::critical, http::TrafficFamily::page);
    router.add(http::Method::get, "/newsletter/confirm/{token}", "newsletter_confirm_page", route,
               [links](const http::Request& request, const http::Params& params) {
                   return links->confirm_page(request, std::string(params[0]));
               });
    router.add(http::Method::post, "/newsletter/confirm/{token}", "newsletter_confirm", route,
               [links](const http::Request& request, const http::Params& params) {
                   return links->confirm(request, std::string(params[0]));
               });
    router.add(http::Method::get, "/newsletter/leave/{token}", "newsletter_leave_page", route,
               [links](const http::Request& request, const http::Params& params) {
                   return links->leave_page(request, std::string(params[0]));
               });
    router.add(http::Method::post, "/newsletter/leave/{token}", "newsletter_leave", route,
               [links](const http::Request& request, const http::Params& params) {
                   return links->leave(request, std::string(params[0]));
               });
}

}  // namespace rempart::web
