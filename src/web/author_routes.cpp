// The author's private page: confirm the proposal, correct it while it waits or after it was
// sent back, and read the moderators' decision. The link is the only key: no account.
#include <spdlog/spdlog.h>

#include "core/clock.hpp"
#include "core/log_events.hpp"
#include "core/log_text.hpp"
#include "http/target.hpp"
#include "store/submission_repository.hpp"
#include "web/author_page.hpp"
#include "web/signing_request.hpp"

namespace rempart::web {
namespace {

using http::Method;
using http::Params;
using http::Request;
using http::Response;
using Awaitable = boost::asio::awaitable<Response>;

class AuthorHandler {
  public:
    explicit AuthorHandler(ProposalServices& services) : p_(services), s_(services.signing) {}

    Awaitable show(const Request& request, const Params& params) {
        const std::string token(params[0]);
        auto submission = co_await find_by_author_link(s_, token);
        if (!submission) co_return author_link_invalid(s_, request);
        // The word of the step just taken: a notice above the proposal, or above its campaign.
        std::string done;
        if (const auto query = http::parse_form(request.query); query)
            if (const auto word = http::form_value(*query, "done")) done = *word;
        AuthorPageState state;
        if (done == "confirmed" || done == "saved" || done == "sent_again")
            state.notice_key = "author." + done + "_notice";
        // Confirmed, it may first gather supporters rather than wait for a moderator.
        if (done == "confirmed" && submission->stage() == SubmissionStage::gathering)
            state.notice_key = "author.confirmed_gathering_notice";
        for (const auto* word : {"saved", "test", "sending", "paused", "resumed"})
            if (done == std::string("news_") + word) state.done = word;
        if (done == "closed") state.done = done;
        co_return co_await author_page(p_, request, std::move(*submission), token,
                                       std::move(state));
    }

    Awaitable confirm(const Request& request, const Params& params) {
        const std::string token(params[0]);
        const auto submission = co_await find_by_author_link(s_, token);
        if (!submission) co_return author_link_invalid(s_, request);
        const auto id = submission->petition.id;
        const auto now = unix_now();
        const auto needed = p_.settings.supporters_needed;
        std::function<Result<store::Submission>(store::Database&)> job =
            [id, now, needed](store::Database& db) {
                return store::confirm_submission(db, id, now, needed);
            };
        const auto confirmed = co_await s_.store.writer().write<store::Submission>(std::move(job));
        if (!confirmed) co_return author_step_failed(s_, request, confirmed.error());
        co_return signing::redirect("/p/" + token + "?done=confirmed");
    }

    Awaitable edit(const Request& request, const Params& params) {
        const std::string token(params[0]);
        auto submission = co_await find_by_author_link(s_, token);
        if (!submission) co_return author_link_invalid(s_, request);
        const auto fields = http::parse_typed_form(request.body);
        if (!fields) co_return s_.site.error_page(400, request.headers, request.target);
        auto form = read_proposal_form(*fields);
        const auto& petition = submission->petition;
        auto checked = check_proposal_edit(form, petition.language, unix_now());
        if (!checked.input) {
            AuthorPageState state;
            state.form = &form;
            state.errors = std::move(checked.errors);
            state.status = 422;
            co_return co_await author_page(p_, request, std::move(*submission), token,
                                           std::move(state));
        }
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
        if (!edited) co_return author_step_failed(s_, request, edited.error());
        co_return signing::redirect("/p/" + token +
                                    (returned ? "?done=sent_again" : "?done=saved"));
    }

  private:
    ProposalServices& p_;
    SigningServices& s_;
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
