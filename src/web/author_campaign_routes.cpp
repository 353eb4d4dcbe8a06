// The author's forms once the petition is published, on their private page: write news to
// the signers who asked for it, test it, send, pause and resume it; make the target a link
// to answer; close the petition. The link is the only key, every step is audited under
// "the author of petition N", and the author never sees a signer's address.
#include <spdlog/spdlog.h>

#include "accounts/tokens.hpp"
#include "core/clock.hpp"
#include "core/log_events.hpp"
#include "http/target.hpp"
#include "petitions/errors.hpp"
#include "petitions/lifecycle.hpp"
#include "store/news_repository.hpp"
#include "store/news_steps.hpp"
#include "store/petition_repository.hpp"
#include "web/author_page.hpp"
#include "web/handler_names.hpp"
#include "web/news_mail.hpp"
#include "web/signing_request.hpp"

namespace rempart::web {
namespace {

store::AuditEntry authors_entry(std::int64_t petition_id, std::string action, std::string detail) {
    // No address kept: the link, not where it was used from, says who acted.
    return store::AuditEntry{0,
                             unix_now_ms(),
                             std::nullopt,
                             accounts::Actor::petition_author(petition_id),
                             std::move(action),
                             std::move(detail),
                             {}};
}

std::vector<ProposalError> page_errors(const std::vector<FieldError>& errors) {
    std::vector<ProposalError> shown;
    for (const auto& error : errors)
        shown.push_back({error.field, std::string(error_name(error.code))});
    return shown;
}

class AuthorCampaignHandler {
  public:
    explicit AuthorCampaignHandler(ProposalServices& services)
        : p_(services), s_(services.signing) {}

    Awaitable write(const Request& request, const Params& params) {
        const std::string token(params[0]);
        auto submission = co_await published(token);
        if (!submission) co_return co_await refused(request, token);
        const auto fields = http::parse_typed_form(request.body);
        if (!fields) co_return s_.site.error_page(400, request.headers, request.target);
        AuthorPageState state;
        std::string action;
        for (const auto& [name, value] : *fields) {
            if (name == "kind") state.news_form.kind = value;
            if (name == "subject") state.news_form.subject = value;
            if (name == "text") state.news_form.text = value;
            if (name == "action") action = value;
        }
        const auto& petition = submission->petition;
        auto check = check_news_for(petition, state.news_form.kind, state.news_form.subject,
                                    state.news_form.text);
        if (!check.errors.empty() || action == "preview") {
            state.news_errors = page_errors(check.errors);
            state.previewing = check.errors.empty();
            state.status = check.errors.empty() ? 200 : 422;
            co_return co_await author_page(p_, request, std::move(*submission), token,
                                           std::move(state));
        }
        const auto id = petition.id;
        std::function<Result<News>(store::Database&)> job =
            [id, draft = check.draft,
             entry = authors_entry(id, "news_written", "petition " + petition.slug),
             now = unix_now()](store::Database& db) {
                return store::write_news_once(db, id, draft, news_by_author, now, entry);
            };
        const auto written = co_await s_.store.writer().write<News>(std::move(job));
        if (!written) co_return author_step_failed(s_, request, written.error());
        co_return signing::redirect("/p/" + token + "?done=news_saved#news-" +
                                    std::to_string(written->number));
    }

    // The author's own copy, to their address, as a signer will get it.
    Awaitable test(const Request& request, const Params& params) {
        const std::string token(params[0]);
        auto submission = co_await published(token);
        if (!submission) co_return co_await refused(request, token);
        const auto& petition = submission->petition;
        const auto number = number_of(params[1]);
        std::function<std::optional<News>(store::Database&)> read = [id = petition.id,
                                                                     number](store::Database& db) {
            return store::find_news(db, id, number);
        };
        const auto news = co_await s_.store.readers().read<std::optional<News>>(std::move(read));
        if (!news) co_return s_.site.error_page(404, request.headers, request.target);
        // An author erased by [retention] has no address left for a test copy.
        if (submission->author_email.empty())
            co_return s_.site.error_page(409, request.headers, request.target);
        const auto mail = news_test_mail(s_.site, petition, *news, submission->author_email);
        std::function<Result<void>(store::Database&)> job =
            [mail,
             entry =
                 authors_entry(petition.id, "news_tested",
                               "petition " + petition.slug + ", news " + std::to_string(number)),
             now = unix_now()](store::Database& db) {
                return store::queue_news_test(db, mail, now, entry);
            };
        const auto queued = co_await s_.store.writer().write<void>(std::move(job));
        if (!queued) co_return author_step_failed(s_, request, queued.error());
        if (s_.mail_queued) s_.mail_queued();
        co_return signing::redirect("/p/" + token + "?done=news_test#news-" +
                                    std::to_string(number));
    }

    Awaitable step(const Request& request, const Params& params, NewsStep step) {
        const std::string token(params[0]);
        auto submission = co_await published(token);
        if (!submission) co_return co_await refused(request, token);
        const auto& petition = submission->petition;
        const auto id = petition.id;
        const auto number = number_of(params[1]);
        std::function<Result<News>(store::Database&)> job =
            [id, number, step,
             entry =
                 authors_entry(id, "news_" + std::string(to_string(step)),
                               "petition " + petition.slug + ", news " + std::to_string(number)),
             now = unix_now()](store::Database& db) -> Result<News> {
            // Read in the write, so that two tabs cannot both start a sending; a news sent
            // already is a conflict, whatever the day.
            if (step == NewsStep::send) {
                const auto news = store::find_news(db, id, number);
                if (news && news->sending == NewsSending::draft &&
                    author_next_sending(store::list_news(db, id), news_by_author, now))
                    return make_error(PetitionError::news_too_soon,
                                      "the author sent news less than a day ago");
            }
            return store::take_news_step(db, id, number, step, now, entry);
        };
        const auto moved = co_await s_.store.writer().write<News>(std::move(job));
        if (!moved) {
            const auto code = moved.error().code;
            if (code != PetitionError::news_too_soon && code != PetitionError::news_no_recipients)
                co_return author_step_failed(s_, request, moved.error());
            const bool too_soon = code == PetitionError::news_too_soon;
            AuthorPageState state;
            state.notice_key = too_soon ? "news.too_soon" : "news.no_recipients";
            state.status = too_soon ? 429 : 422;
            co_return co_await author_page(p_, request, std::move(*submission), token,
                                           std::move(state));
        }
        spdlog::info("{} petition={} news={} step={} by=author", log_event::news_sending, id,
                     number, to_string(step));
        co_return signing::redirect("/p/" + token + "?done=news_" +
                                    std::string(news_step_done(step)) + "#news-" +
                                    std::to_string(number));
    }

    // A link for the target to answer: mailed when the petition has their address, shown
    // once on the page otherwise (the store keeps its hash only).
    Awaitable answer_link(const Request& request, const Params& params) {
        const std::string token(params[0]);
        auto submission = co_await published(token);
        if (!submission) co_return co_await refused(request, token);
        const auto& petition = submission->petition;
        const auto secret = accounts::new_session_token();
        const auto link = s_.site.config().server.base_url + "/answer/" + secret;
        const auto mail = answer_request_to_target(s_.site, petition, link);
        std::function<Result<void>(store::Database&)> job =
            [id = petition.id, key = accounts::session_token_hash(secret), mail,
             entry = authors_entry(
                 petition.id, "answer_link",
                 "petition " + petition.slug + (mail ? ", mailed to the target" : ", shown")),
             now = unix_now()](store::Database& db) {
                return store::renew_answer_key(db, id, key, mail, now, entry);
            };
        const auto made = co_await s_.store.writer().write<void>(std::move(job));
        if (!made) co_return author_step_failed(s_, request, made.error());
        if (mail && s_.mail_queued) s_.mail_queued();
        AuthorPageState state;
        if (mail)
            state.done = "answer_mailed";
        else
            state.answer_link = link;
        co_return co_await author_page(p_, request, std::move(*submission), token,
                                       std::move(state));
    }

    Awaitable close(const Request& request, const Params& params) {
        const std::string token(params[0]);
        auto submission = co_await published(token);
        if (!submission) co_return co_await refused(request, token);
        const auto fields = http::parse_typed_form(request.body);
        if (!fields) co_return s_.site.error_page(400, request.headers, request.target);
        if (http::form_value(*fields, "confirm") != std::optional<std::string_view>("yes")) {
            AuthorPageState state;
            state.close_unconfirmed = true;
            state.status = 422;
            co_return co_await author_page(p_, request, std::move(*submission), token,
                                           std::move(state));
        }
        const auto& petition = submission->petition;
        std::function<Result<Petition>(store::Database&)> job =
            [id = petition.id,
             entry = authors_entry(petition.id, "petition_close", "petition " + petition.slug),
             now = unix_now()](store::Database& db) -> Result<Petition> {
            auto closed = store::take_petition_step(db, id, PetitionStep::close, now);
            if (!closed) return closed;
            if (auto audited = store::insert_audit(db, entry); !audited) return audited.error();
            return closed;
        };
        const auto closed = co_await s_.store.writer().write<Petition>(std::move(job));
        if (!closed) co_return author_step_failed(s_, request, closed.error());
        spdlog::info("{} slug={} step=close by=author", log_event::petition_step, closed->slug);
        co_return signing::redirect("/p/" + token + "?done=closed");
    }

  private:
    ProposalServices& p_;
    SigningServices& s_;

    static std::int64_t number_of(std::string_view text) {
        std::int64_t number = 0;
        for (const char c : text) {
            if (c < '0' || c > '9' || number > 1'000'000) return 0;
            number = number * 10 + (c - '0');
        }
        return number;
    }

    // The proposal, when the link is its current one and it is published (or closed since).
    boost::asio::awaitable<std::optional<store::Submission>> published(const std::string& token) {
        auto found = co_await find_by_author_link(s_, token);
        if (found && found->stage() != SubmissionStage::published) found.reset();
        co_return found;
    }

    // A link that names nothing is 404; a proposal not published (yet, or any more) is 409.
    Awaitable refused(const Request& request, const std::string& token) {
        // Awaited apart: GCC 12 miscompiles a co_await inside a condition.
        const auto found = co_await find_by_author_link(s_, token);
        if (!found) co_return author_link_invalid(s_, request);
        co_return s_.site.error_page(409, request.headers, request.target);
    }
};

}  // namespace

void add_author_campaign_routes(http::Router& router, ProposalServices& services) {
    auto handler = std::make_shared<AuthorCampaignHandler>(services);
    const auto route = http::never_gated(http::Priority::high, http::TrafficFamily::page);
    router.add(Method::post, "/p/{token}/news", "author_news_write", route,
               [handler](const Request& request, const Params& params) {
                   return handler->write(request, params);
               });
    router.add(Method::post, "/p/{token}/news/{n}/test", "author_news_test", route,
               [handler](const Request& request, const Params& params) {
                   return handler->test(request, params);
               });
    for (const auto step : {NewsStep::send, NewsStep::pause, NewsStep::resume}) {
        const std::string name(to_string(step));
        router.add(Method::post, "/p/{token}/news/{n}/" + name, "author_news_" + name, route,
                   [handler, step](const Request& request, const Params& params) {
                       return handler->step(request, params, step);
                   });
    }
    router.add(Method::post, "/p/{token}/answer-link", "author_answer_link", route,
               [handler](const Request& request, const Params& params) {
                   return handler->answer_link(request, params);
               });
    router.add(Method::post, "/p/{token}/close", "author_close", route,
               [handler](const Request& request, const Params& params) {
                   return handler->close(request, params);
               });
}

}  // namespace rempart::web
