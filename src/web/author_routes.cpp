// The author's private page: confirm the proposal, correct it while it waits or after it was
// sent back, and read the moderators' decision. The link is the only key: no account.
#include <spdlog/spdlog.h>

#include "core/clock.hpp"
#include "core/log_events.hpp"
#include "core/log_text.hpp"
#include "http/target.hpp"
#include "petitions/author_link.hpp"
#include "render/proposal_pages.hpp"
#include "store/submission_repository.hpp"
#include "web/propose_routes.hpp"
#include "web/signing_request.hpp"

namespace rempart::web {
namespace {

using http::Method;
using http::Params;
using http::Request;
using http::Response;
using Awaitable = boost::asio::awaitable<Response>;
using signing::private_page;

class AuthorHandler {
  public:
    explicit AuthorHandler(ProposalServices& services) : p_(services), s_(services.signing) {}

    Awaitable show(const Request& request, const Params& params) {
        const std::string token(params[0]);
        const auto submission = co_await find(token);
        if (!submission) co_return invalid(request);
        std::string notice;
        if (const auto query = http::parse_form(request.query); query)
            if (const auto done = http::form_value(*query, "done"))
                if (*done == "confirmed" || *done == "saved" || *done == "sent_again")
                    notice = "author." + std::string(*done) + "_notice";
        // Confirmed, it may first gather supporters rather than wait for a moderator.
        if (notice == "author.confirmed_notice" &&
            submission->stage() == SubmissionStage::gathering)
            notice = "author.confirmed_gathering_notice";
        co_return page(request, *submission, token, nullptr, {}, notice, 200);
    }

    Awaitable confirm(const Request& request, const Params& params) {
        const std::string token(params[0]);
        const auto submission = co_await find(token);
        if (!submission) co_return invalid(request);
        const auto id = submission->petition.id;
        const auto now = unix_now();
        const auto needed = p_.settings.supporters_needed;
        std::function<Result<store::Submission>(store::Database&)> job =
            [id, now, needed](store::Database& db) {
                return store::confirm_submission(db, id, now, needed);
            };
        const auto confirmed = co_await s_.store.writer().write<store::Submission>(std::move(job));
        if (!confirmed) co_return failed(request, confirmed.error());
        co_return signing::redirect("/p/" + token + "?done=confirmed");
    }

    Awaitable edit(const Request& request, const Params& params) {
        const std::string token(params[0]);
        const auto submission = co_await find(token);
        if (!submission) co_return invalid(request);
        const auto fields = http::parse_typed_form(request.body);
        if (!fields) co_return s_.site.error_page(400, request.headers, request.target);
        auto form = read_proposal_form(*fields);
        const auto& petition = submission->petition;
        auto checked = check_proposal_edit(form, petition.language, unix_now());
        if (!checked.input)
            co_return page(request, *submission, token, &form, std::move(checked.errors), {}, 422);
        const auto returned = submission->stage() == SubmissionStage::returned;
        const auto id = petition.id;
        const auto draft = checked.input->draft;
        const auto now = unix_now();
        const auto flags = co_await automatic_flags(p_, draft);
        std::function<Result<std::vector<FieldChange>>(store::Database&)> job =
            [id, draft, flags, now](store::Database& db) {
                return store::edit_submission(db, id, draft, flags, now);
            };
        const auto edited =
            co_await s_.store.writer().write<std::vector<FieldChange>>(std::move(job));
        if (!edited) co_return failed(request, edited.error());
        co_return signing::redirect("/p/" + token +
                                    (returned ? "?done=sent_again" : "?done=saved"));
    }

  private:
    ProposalServices& p_;
    SigningServices& s_;

    // The proposal the link names, when the link is its current one.
    boost::asio::awaitable<std::optional<store::Submission>> find(const std::string& token) {
        const auto id = author_link_id(token);
        if (!id) co_return std::nullopt;
        std::function<std::optional<store::Submission>(store::Database&)> read =
            [id = *id](store::Database& db) { return store::find_submission(db, id); };
        auto found =
            co_await s_.store.readers().read<std::optional<store::Submission>>(std::move(read));
        if (found && !author_link_matches(s_.event_secret, token, *id, found->link_nonce))
            found.reset();
        co_return found;
    }

    Response invalid(const Request& request) const {
        const auto language = s_.site.language_of(request.headers);
        return private_page(
            404, render::render_notice(s_.site.view(), language, 404, "author.link_invalid_title",
                                       "author.link_invalid_text"));
    }

    // A step the proposal no longer allows (decided meanwhile) is a conflict: 409.
    Response failed(const Request& request, const Error& error) const {
        if (error.code == ModerationError::not_waiting) {
            auto response = s_.site.error_page(409, request.headers, request.target);
            return response;
        }
        spdlog::error("{} error={}", log_event::store_write_failed, log_text(error.detail));
        auto response = s_.site.error_page(503, request.headers, request.target);
        signing::set_retry_after(response, std::chrono::seconds(5));
        return response;
    }

    Response page(const Request& request, const store::Submission& submission,
                  const std::string& token, const ProposalForm* form,
                  std::vector<ProposalError> errors, std::string notice, unsigned status) const {
        const auto language = s_.site.language_of(request.headers);
        render::AuthorPageView view;
        view.petition = &submission.petition;
        view.stage = submission.stage();
        view.token = token;
        view.return_note = submission.return_note;
        view.decision_note = submission.decision_note;
        view.form = form;
        view.errors = std::move(errors);
        view.notice_key = std::move(notice);
        view.overdue_days = p_.settings.moderation.overdue_after_days;
        view.supporters = submission.supporters;
        view.supporters_needed = submission.supporters_needed;
        if (view.stage == SubmissionStage::gathering)
            view.support_link = s_.site.config().server.base_url + "/support/" +
                                support_link_token(s_.event_secret, submission.petition.id);
        if (view.stage == SubmissionStage::rejected || view.stage == SubmissionStage::removed)
            view.reason = render::rejection_words(s_.site.messages(), language,
                                                  submission.reason_code, submission.reason_text);
        return private_page(status, render::render_author_page(s_.site.view(), language, view));
    }
};

}  // namespace

void add_author_routes(http::Router& router, ProposalServices& services) {
    auto handler = std::make_shared<AuthorHandler>(services);
    const auto route = http::gated(http::Priority::high, http::TrafficFamily::page);
    router.add(Method::get, "/p/{token}", "author_page", route,
               [handler](const Request& request, const Params& params) {
                   return handler->show(request, params);
               });
    router.add(Method::post, "/p/{token}/confirm", "author_confirm",
               http::never_gated(http::Priority::high, http::TrafficFamily::page),
               [handler](const Request& request, const Params& params) {
                   return handler->confirm(request, params);
               });
    router.add(Method::post, "/p/{token}", "author_edit",
               http::never_gated(http::Priority::high, http::TrafficFamily::page),
               [handler](const Request& request, const Params& params) {
                   return handler->edit(request, params);
               });
}

}  // namespace rempart::web
