// A signer's rights without an account: GET|POST /my-data mails a private link to every
// address that signed (the same answer for any address); the link opens
// /my-data/{token}: every signature of the mailbox, export.json, and withdraw, erase and
// unsubscribe (all, or one with field `signature`). The link serves a limited number of
// times for a day, and only ever shows the mailbox it was mailed to.
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/json.hpp>
#include <spdlog/spdlog.h>

#include <chrono>

#include "accounts/tokens.hpp"
#include "core/clock.hpp"
#include "core/log_events.hpp"
#include "core/log_text.hpp"
#include "http/target.hpp"
#include "render/my_data_pages.hpp"
#include "signatures/email.hpp"
#include "store/my_data_repository.hpp"
#include "store/newsletter_repository.hpp"
#include "store/outbox_repository.hpp"
#include "web/handler_names.hpp"
#include "web/link_request.hpp"
#include "web/my_data_routes.hpp"
#include "web/signing_request.hpp"
#include "web/site_mail.hpp"

namespace rempart::web {
namespace {

constexpr int my_data_hours = 24;
constexpr std::int64_t my_data_uses = 30;
// Every request for a link is answered this long after it arrived, whether a mail went or
// not: the time of the answer must not tell an address that signed from one that did not
// (writing the link and the mail takes a commit; finding nothing takes none).
constexpr std::chrono::milliseconds my_data_answer_after{250};
// Where the limits count these requests: not a slug, so no petition's budget is touched.
constexpr std::string_view my_data_key = "~my-data";

enum class MyDataStep { withdraw, erase, unsubscribe };

boost::json::value optional_json(const std::optional<std::int64_t>& value) {
    return value ? boost::json::value(*value) : boost::json::value(nullptr);
}

class MyDataHandler {
  public:
    explicit MyDataHandler(SigningServices& services) : s_(services) {}

    Awaitable form(const Request& request, const Params&) {
        const auto language = s_.site.language_of(request.headers);
        const bool sent = request.query.find("sent=1") != std::string_view::npos;
        co_return signing::html(
            200, render::render_my_data_request(s_.site.view(), language, sent, {}, {}));
    }

    // The link goes only to an address that signed; the answer is the same for any.
    Awaitable ask(const Request& request, const Params&) {
        const auto fields = http::parse_form(request.body);
        if (!fields) co_return s_.site.error_page(400, request.headers, request.target);
        const std::string typed(http::form_value(*fields, "email").value_or(""));
        const auto language = s_.site.language_of(request.headers);
        const auto email = signatures::parse_email(typed);
        if (!email)
            co_return signing::html(
                422, render::render_my_data_request(s_.site.view(), language, false, typed,
                                                    "sign.email_invalid"));
        if (auto refused = refuse_over_limits(s_, s_.limits, request, my_data_key))
            co_return std::move(*refused);
        const auto answer_at = std::chrono::steady_clock::now() + my_data_answer_after;
        const auto now = unix_now();
        const auto mailbox = signatures::mailbox_key(email->local, email->ascii_domain);
        if (s_.mailbox_caps.sent_today(mailbox, now) >= s_.rules.mails_per_mailbox_per_day) {
            co_await wait_until(answer_at);
            co_return signing::redirect("/my-data?sent=1");
        }
        const auto token = accounts::new_session_token();
        const auto settings = s_.site.config();
        const auto mail_language = s_.site.language_of(request.headers);
        const auto texts =
            render::my_data_mail(s_.site.messages(), mail_language, settings.site,
                                 settings.server.base_url + "/my-data/" + token, my_data_hours);
        const auto message =
            compose_site_mail(settings.mail, settings.site, email->as_typed, mail_language, texts);
        std::function<Result<bool>(store::Database&)> job =
            [canonical = email->canonical, hash = accounts::session_token_hash(token),
             from = settings.mail.from, to = email->as_typed, message,
             now](store::Database& db) -> Result<bool> {
            if (!store::mailbox_has_signed(db, canonical)) return false;
            if (auto made = store::insert_data_link(db, hash, canonical, now,
                                                    now + my_data_hours * 3600, my_data_uses);
                !made)
                return made.error();
            if (auto queued = store::enqueue_mail(db, "my_data", from, to, message, now); !queued)
                return queued.error();
            return true;
        };
        const auto sent = co_await s_.store.writer().write<bool>(std::move(job));
        if (!sent) co_return busy(request, sent.error());
        if (*sent) {
            s_.mailbox_caps.count_mail(mailbox, now);
            if (s_.mail_queued) s_.mail_queued();
        }
        co_await wait_until(answer_at);
        co_return signing::redirect("/my-data?sent=1");
    }

    Awaitable page(const Request& request, const Params& params) {
        const std::string token(params[0]);
        const auto mailbox = co_await use(token);
        if (!mailbox) co_return invalid(request);
        render::MyDataView view;
        view.token = token;
        view.records = co_await records(*mailbox);
        view.hours_valid = my_data_hours;
        const auto newsletter = co_await subscription(*mailbox);
        if (newsletter) {
            view.newsletter_state = std::string(to_string(newsletter->state));
            view.newsletter_since = newsletter->confirmed_at.value_or(newsletter->asked_at);
        }
        if (const auto query = http::parse_form(request.query); query)
            if (const auto done = http::form_value(*query, "done"))
                for (const auto* word : {"withdrawn", "erased", "unsubscribed", "nothing"})
                    if (*done == word) view.done = word;
        const auto language = s_.site.language_of(request.headers);
        co_return signing::private_page(200,
                                        render::render_my_data(s_.site.view(), language, view));
    }

    // Everything kept about the mailbox's signatures, as JSON (GDPR article 20).
    Awaitable export_json(const Request& request, const Params& params) {
        const auto mailbox = co_await use(std::string(params[0]));
        if (!mailbox) co_return invalid(request);
        boost::json::array list;
        for (const auto& r : co_await records(*mailbox))
            list.push_back(
                boost::json::object{{"petition", boost::json::object{{"slug", r.petition_slug},
                                                                     {"title", r.petition_title},
                                                                     {"state", r.petition_state}}},
                                    {"state", r.state},
                                    {"name", r.name},
                                    {"email", r.email},
                                    {"postcode", r.postcode},
                                    {"comment", r.comment},
                                    {"public_name", r.public_name},
                                    {"language", r.language},
                                    {"terms_version", r.terms_version},
                                    {"privacy_version", r.privacy_version},
                                    {"signed_at", r.created_at},
                                    {"confirmed_at", optional_json(r.confirmed_at)},
                                    {"withdrawn_at", optional_json(r.withdrawn_at)},
                                    {"receives_news", r.updates},
                                    {"newsletter_asked_at", optional_json(r.newsletter_at)},
                                    {"ip", r.ip}});
        boost::json::value newsletter = nullptr;
        const auto n = co_await subscription(*mailbox);
        if (n)
            newsletter = boost::json::object{{"state", to_string(n->state)},
                                             {"email", n->email},
                                             {"language", n->language},
                                             {"asked_at", n->asked_at},
                                             {"asked_on", n->asked_on_slug},
                                             {"confirmed_at", optional_json(n->confirmed_at)},
                                             {"confirmed_from", n->confirmed_from},
                                             {"words_version", n->words_version},
                                             {"words", n->words},
                                             {"last_action_at", n->last_action_at}};
        auto response = signing::private_page(200, {});
        response.content_type = "application/json";
        response.set_header("Content-Disposition", "attachment; filename=\"my-signatures.json\"");
        response.body = http::Body(boost::json::serialize(
            boost::json::object{{"format", 1},
                                {"exported_at", unix_now()},
                                {"signatures", list},
                                {"newsletter", newsletter}}));
        co_return response;
    }

    Awaitable act(const Request& request, const Params& params, MyDataStep step) {
        const std::string token(params[0]);
        const auto fields = http::parse_form(request.body);
        if (!fields) co_return s_.site.error_page(400, request.headers, request.target);
        std::optional<std::int64_t> signature;
        if (const auto named = http::form_value(*fields, "signature"); named && !named->empty()) {
            signature = parse_id(*named);
            if (!signature) co_return s_.site.error_page(400, request.headers, request.target);
        }
        const auto mailbox = co_await use(token);
        if (!mailbox) co_return invalid(request);
        std::function<Result<std::int64_t>(store::Database&)> job =
            [mailbox = *mailbox, signature, step, now = unix_now()](store::Database& db) {
                switch (step) {
                    case MyDataStep::withdraw:
                        return store::withdraw_mailbox(db, mailbox, signature, now);
                    case MyDataStep::erase:
                        return store::erase_mailbox(db, mailbox, signature, now);
                    case MyDataStep::unsubscribe:
                        break;
                }
                return store::unsubscribe_mailbox(db, mailbox, now);
            };
        const auto changed = co_await s_.store.writer().write<std::int64_t>(std::move(job));
        if (!changed) co_return busy(request, changed.error());
        if (*changed > 0 && s_.erasures != nullptr) journal(step, *mailbox, signature);
        const char* done = *changed == 0                  ? "nothing"
                           : step == MyDataStep::withdraw ? "withdrawn"
                           : step == MyDataStep::erase    ? "erased"
                                                          : "unsubscribed";
        spdlog::info("{} step={} signatures={}", log_event::my_data_used, done, *changed);
        co_return signing::redirect("/my-data/" + token + "?done=" + done);
    }

  private:
    SigningServices& s_;

    static std::optional<std::int64_t> parse_id(std::string_view text) {
        std::int64_t id = 0;
        if (text.empty() || text.size() > 18) return std::nullopt;
        for (const char c : text) {
            if (c < '0' || c > '9') return std::nullopt;
            id = id * 10 + (c - '0');
        }
        return id;
    }

    static boost::asio::awaitable<void> wait_until(std::chrono::steady_clock::time_point at) {
        boost::asio::steady_timer timer(co_await boost::asio::this_coro::executor, at);
        co_await timer.async_wait(boost::asio::as_tuple(boost::asio::use_awaitable));
    }

    // Beside the backups, so that a restore makes the step again; a failure does not undo
    // the step, but the operator must hear of it.
    void journal(MyDataStep step, const std::string& mailbox, std::optional<std::int64_t> one) {
        const auto erasure = step == MyDataStep::withdraw ? backup::ErasureStep::withdraw
                             : step == MyDataStep::erase  ? backup::ErasureStep::erase
                                                          : backup::ErasureStep::unsubscribe;
        if (auto written = s_.erasures->record(erasure, mailbox, one, unix_now()); !written)
            spdlog::error("{} what=journal error={}", log_event::backup_failed,
                          log_text(written.error().detail));
    }

    // The mailbox the link opens, one use taken.
    boost::asio::awaitable<std::optional<std::string>> use(std::string token) {
        if (!accounts::looks_like_session_token(token)) co_return std::nullopt;
        std::function<Result<std::optional<std::string>>(store::Database&)> job =
            [hash = accounts::session_token_hash(token), now = unix_now()](store::Database& db) {
                return store::use_data_link(db, hash, now);
            };
        const auto used =
            co_await s_.store.writer().write<std::optional<std::string>>(std::move(job));
        if (!used) co_return std::nullopt;
        co_return *used;
    }

    boost::asio::awaitable<std::vector<signatures::SignerRecord>> records(std::string mailbox) {
        std::function<std::vector<signatures::SignerRecord>(store::Database&)> read =
            [mailbox](store::Database& db) { return store::signatures_of_mailbox(db, mailbox); };
        co_return co_await s_.store.readers().read<std::vector<signatures::SignerRecord>>(
            std::move(read));
    }

    boost::asio::awaitable<std::optional<store::NewsletterSubscriber>> subscription(
        std::string mailbox) {
        std::function<std::optional<store::NewsletterSubscriber>(store::Database&)> read =
            [mailbox](store::Database& db) { return store::subscription_of_mailbox(db, mailbox); };
        co_return co_await s_.store.readers().read<std::optional<store::NewsletterSubscriber>>(
            std::move(read));
    }

    Response invalid(const Request& request) const {
        const auto language = s_.site.language_of(request.headers);
        return signing::private_page(
            404, render::render_notice(s_.site.view(), language, 404, "my_data.invalid_title",
                                       "my_data.invalid_text"));
    }

    Response busy(const Request& request, const Error& error) const {
        spdlog::error("{} error={}", log_event::store_write_failed, log_text(error.detail));
        auto response = s_.site.error_page(503, request.headers, request.target);
        signing::set_retry_after(response, std::chrono::seconds(5));
        return response;
    }
};

}  // namespace

void add_my_data_routes(http::Router& router, SigningServices& services) {
    auto handler = std::make_shared<MyDataHandler>(services);
    const auto page = http::gated(http::Priority::high, http::TrafficFamily::page);
    const auto post = http::never_gated(http::Priority::high, http::TrafficFamily::sign);
    router.add(Method::get, "/my-data", "my_data", page,
               [handler](const Request& request, const Params& params) {
                   return handler->form(request, params);
               });
    router.add(Method::post, "/my-data", "my_data_ask", post,
               [handler](const Request& request, const Params& params) {
                   return handler->ask(request, params);
               });
    router.add(Method::get, "/my-data/{token}", "my_data_page", page,
               [handler](const Request& request, const Params& params) {
                   return handler->page(request, params);
               });
    router.add(Method::get, "/my-data/{token}/export.json", "my_data_export", page,
               [handler](const Request& request, const Params& params) {
                   return handler->export_json(request, params);
               });
    const std::pair<std::string_view, MyDataStep> steps[] = {
        {"withdraw", MyDataStep::withdraw},
        {"erase", MyDataStep::erase},
        {"unsubscribe", MyDataStep::unsubscribe}};
    for (const auto& named : steps) {
        const auto step = named.second;
        router.add(Method::post, "/my-data/{token}/" + std::string(named.first),
                   "my_data_" + std::string(named.first), post,
                   [handler, step](const Request& request, const Params& params) {
                       return handler->act(request, params, step);
                   });
    }
}

}  // namespace rempart::web
