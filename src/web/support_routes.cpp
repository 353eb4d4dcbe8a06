// The supporters a proposal gathers before the queue, when the site asks for some: the
// author sends the support link; each supporter reads the proposal, gives a name and an
// address, and confirms from the mail; the last one needed puts the proposal in the queue
// and the author is told. The same defences as proposing: bans, limits, proof of work.
#include <spdlog/spdlog.h>

#include "core/clock.hpp"
#include "core/log_events.hpp"
#include "core/log_text.hpp"
#include "http/target.hpp"
#include "petitions/author_link.hpp"
#include "petitions/errors.hpp"
#include "render/proposal_mails.hpp"
#include "render/support_pages.hpp"
#include "signatures/link_token.hpp"
#include "signatures/signing_form.hpp"
#include "store/outbox_repository.hpp"
#include "store/submission_repository.hpp"
#include "store/supporter_repository.hpp"
#include "web/propose_routes.hpp"
#include "web/signing_checks.hpp"
#include "web/signing_request.hpp"
#include "web/site_mail.hpp"

namespace rempart::web {
namespace {

using http::Method;
using http::Params;
using http::Request;
using http::Response;
using Awaitable = boost::asio::awaitable<Response>;

// The proof-of-work key of the support form: not a slug, as the proposal form's.
constexpr std::string_view support_pow_key = "~support";

class SupportHandler {
  public:
    explicit SupportHandler(ProposalServices& services) : p_(services), s_(services.signing) {}

    Awaitable show(const Request& request, const Params& params) {
        const std::string token(params[0]);
        const auto submission = co_await find(token);
        if (!submission) co_return invalid(request);
        if (submission->stage() != SubmissionStage::gathering) co_return no_longer(request);
        co_return page(request, *submission, token, {}, {}, 200);
    }

    Awaitable support(const Request& request, const Params& params) {
        const std::string token(params[0]);
        const auto submission = co_await find(token);
        if (!submission) co_return invalid(request);
        if (submission->stage() != SubmissionStage::gathering) co_return no_longer(request);
        const auto client = signing::identify(request, s_.asn_table);
        const auto now_ms = unix_now_ms();
        if (const auto banned = signing::ban_wait(s_.bans, client, now_ms))
            co_return refused(request, *banned);
        const auto admitted = p_.limits.admit(
            client.keys, client.as ? std::optional<std::uint32_t>(client.as->number) : std::nullopt,
            support_pow_key, shield::Clock::now());
        if (!admitted.allowed) co_return refused(request, admitted.retry_after);
        const auto fields = http::parse_typed_form(request.body);
        if (!fields) co_return s_.site.error_page(400, request.headers, request.target);
        const auto form = signatures::read_signing_form(*fields);
        const auto checked = signatures::check_signing_form(form, false);
        std::vector<std::pair<std::string, std::string>> errors;
        for (const auto& error : checked.errors) errors.emplace_back(error.field, error.message);
        shield::PowClaims solved;
        const auto proof = signing::check_proof_of_work(
            s_, form.altcha, std::string(support_pow_key), request.client_ip, solved);
        if (proof != signatures::ProofOfWorkCheck::accepted && form.altcha.size() > 0)
            errors.emplace_back("altcha", proof == signatures::ProofOfWorkCheck::expired
                                              ? "sign.pow_expired"
                                              : "sign.pow_failed");
        if (checked.input && s_.disposable_domains.is_disposable(checked.input->email.ascii_domain))
            errors.emplace_back("email", "sign.email_disposable");
        if (!errors.empty()) co_return page(request, *submission, token, form, errors, 422);

        const auto& email = checked.input->email;
        // The author does not support their own proposal: the same answer, nothing written.
        if (email.canonical == submission->author_mailbox)
            co_return signing::redirect("/support/sent");
        const auto mailbox = signatures::mailbox_key(email.local, email.ascii_domain);
        if (s_.mailbox_caps.sent_today(mailbox, now_ms / 1000) >=
            s_.rules.mails_per_mailbox_per_day)
            co_return signing::redirect("/support/sent");
        const auto link_token = signatures::new_link_token();
        store::NewSupporter supporter{submission->petition.id, checked.input->name, email.canonical,
                                      signatures::link_token_hash(link_token)};
        const auto settings = s_.site.config();
        const auto language = render::parse_language(submission->petition.language)
                                  .value_or(s_.site.language_of(request.headers));
        const auto to = email.local + "@" + email.ascii_domain;
        const auto message = compose_site_mail(
            settings.mail, settings.site, to, language,
            render::support_mail(s_.site.messages(), language, settings.site,
                                 {submission->petition.title,
                                  settings.server.base_url + "/support/confirm/" + link_token}));
        const auto now = now_ms / 1000;
        std::function<Result<bool>(store::Database&)> job =
            [supporter, message, to, from = settings.mail.from,
             now](store::Database& db) -> Result<bool> {
            auto added = store::add_supporter(db, supporter, now);
            if (!added || !*added) return added;
            if (auto queued = store::enqueue_mail(db, "support", from, to, message, now); !queued)
                return queued.error();
            return true;
        };
        const auto added = co_await s_.store.writer().write<bool>(std::move(job));
        if (!added) {
            if (added.error().code == PetitionError::not_found) co_return no_longer(request);
            co_return failed(request, added.error());
        }
        if (*added) {
            s_.mailbox_caps.count_mail(mailbox, now);
            if (s_.mail_queued) s_.mail_queued();
            spdlog::info("{} petition={} ip={}", log_event::proposal_supported,
                         submission->petition.id, request.client_ip);
        }
        co_return signing::redirect("/support/sent");
    }

    Awaitable sent(const Request& request, const Params&) {
        const auto language = s_.site.language_of(request.headers);
        co_return signing::private_page(
            200, render::render_notice(s_.site.view(), language, 200, "support.sent_title",
                                       "support.sent_text"));
    }

    Awaitable confirm_page(const Request& request, const Params& params) {
        const std::string token(params[0]);
        if (!signatures::looks_like_link_token(token)) co_return invalid(request);
        const auto language = s_.site.language_of(request.headers);
        co_return signing::private_page(
            200, render::render_support_confirm(s_.site.view(), language, std::string(), token));
    }

    Awaitable confirm(const Request& request, const Params& params) {
        const std::string token(params[0]);
        if (!signatures::looks_like_link_token(token)) co_return invalid(request);
        const auto settings = s_.site.config();
        const auto now = unix_now();
        const auto secret = s_.event_secret;
        const auto& messages = s_.site.messages();
        std::function<Result<store::ConfirmedSupport>(store::Database&)> job =
            [hash = signatures::link_token_hash(token), now, settings, secret,
             &messages](store::Database& db) -> Result<store::ConfirmedSupport> {
            auto confirmed = store::confirm_support(db, hash, now);
            if (!confirmed || !confirmed->entered_queue) return confirmed;
            // The last one needed: the author hears that the proposal waits for the moderators.
            const auto proposal = store::find_submission(db, confirmed->petition_id);
            if (!proposal) return confirmed;
            const auto language =
                render::parse_language(proposal->petition.language).value_or(render::Language::fr);
            const auto link =
                settings.server.base_url + "/p/" +
                author_link_token(secret, proposal->petition.id, proposal->link_nonce);
            const auto message = compose_site_mail(
                settings.mail, settings.site, proposal->author_email, language,
                render::support_mail(messages, language, settings.site,
                                     {proposal->petition.title, link, true, confirmed->needed}));
            if (auto queued = store::enqueue_mail(db, "proposal", settings.mail.from,
                                                  proposal->author_email, message, now);
                !queued)
                return queued.error();
            return confirmed;
        };
        const auto confirmed =
            co_await s_.store.writer().write<store::ConfirmedSupport>(std::move(job));
        if (!confirmed) {
            if (confirmed.error().code == PetitionError::not_found) co_return invalid(request);
            co_return failed(request, confirmed.error());
        }
        if (confirmed->entered_queue && s_.mail_queued) s_.mail_queued();
        const auto language = s_.site.language_of(request.headers);
        co_return signing::private_page(
            200, render::render_notice(
                     s_.site.view(), language, 200, "support.thanks_title",
                     confirmed->entered_queue ? "support.thanks_ready" : "support.thanks_text"));
    }

  private:
    ProposalServices& p_;
    SigningServices& s_;

    // The proposal the support link names, when the link is genuine.
    boost::asio::awaitable<std::optional<store::Submission>> find(const std::string& token) {
        const auto id = author_link_id(token);
        if (!id || !support_link_matches(s_.event_secret, token, *id)) co_return std::nullopt;
        std::function<std::optional<store::Submission>(store::Database&)> read =
            [id = *id](store::Database& db) { return store::find_submission(db, id); };
        co_return co_await s_.store.readers().read<std::optional<store::Submission>>(
            std::move(read));
    }

    Response page(const Request& request, const store::Submission& submission,
                  const std::string& token, const signatures::SigningForm& form,
                  std::vector<std::pair<std::string, std::string>> errors, unsigned status) const {
        const auto language = s_.site.language_of(request.headers);
        render::SupportPageView view;
        view.petition = &submission.petition;
        view.token = token;
        view.supporters = submission.supporters;
        view.needed = submission.supporters_needed;
        view.name = form.name;
        view.email = form.email;
        view.accept_terms = form.accept_terms;
        view.errors = std::move(errors);
        return signing::private_page(status,
                                     render::render_support(s_.site.view(), language, view));
    }

    Response invalid(const Request& request) const {
        const auto language = s_.site.language_of(request.headers);
        return signing::private_page(
            404, render::render_notice(s_.site.view(), language, 404, "support.invalid_title",
                                       "support.invalid_text"));
    }

    // In the queue, decided or withdrawn: a supporter has nothing left to do.
    Response no_longer(const Request& request) const {
        const auto language = s_.site.language_of(request.headers);
        return signing::private_page(
            410, render::render_notice(s_.site.view(), language, 410, "support.closed_title",
                                       "support.closed_text"));
    }

    Response refused(const Request& request, std::chrono::seconds retry_after) const {
        auto response = s_.site.error_page(429, request.headers, request.target);
        signing::set_retry_after(response, retry_after);
        return response;
    }

    Response failed(const Request& request, const Error& error) const {
        spdlog::error("{} error={}", log_event::store_write_failed, log_text(error.detail));
        auto response = s_.site.error_page(503, request.headers, request.target);
        signing::set_retry_after(response, std::chrono::seconds(5));
        return response;
    }
};

}  // namespace

void add_support_routes(http::Router& router, ProposalServices& services) {
    auto handler = std::make_shared<SupportHandler>(services);
    const auto page = http::gated(http::Priority::high, http::TrafficFamily::page);
    // Posts have their own limits and pass no gate, as signing's do.
    const auto post = http::never_gated(http::Priority::high, http::TrafficFamily::sign);
    router.add(Method::get, "/support/sent", "support_sent", page,
               [handler](const Request& request, const Params& params) {
                   return handler->sent(request, params);
               });
    router.add(Method::get, "/support/confirm/{token}", "support_confirm_page", page,
               [handler](const Request& request, const Params& params) {
                   return handler->confirm_page(request, params);
               });
    router.add(Method::post, "/support/confirm/{token}", "support_confirm", post,
               [handler](const Request& request, const Params& params) {
                   return handler->confirm(request, params);
               });
    router.add(Method::get, "/support/{token}", "support", page,
               [handler](const Request& request, const Params& params) {
                   return handler->show(request, params);
               });
    router.add(Method::post, "/support/{token}", "support_send", post,
               [handler](const Request& request, const Params& params) {
                   return handler->support(request, params);
               });
}

}  // namespace rempart::web
