// GET|POST /propose/link: a new private link to every proposal of an address, mailed to
// it; the same answer whether or not the address proposed anything.
#include <spdlog/spdlog.h>

#include "core/clock.hpp"
#include "core/log_events.hpp"
#include "core/log_text.hpp"
#include "http/target.hpp"
#include "petitions/author_link.hpp"
#include "render/proposal_mails.hpp"
#include "render/proposal_pages.hpp"
#include "signatures/email.hpp"
#include "store/outbox_repository.hpp"
#include "store/submission_repository.hpp"
#include "web/link_request.hpp"
#include "web/propose_routes.hpp"
#include "web/signing_request.hpp"
#include "web/site_mail.hpp"

namespace rempart::web {
namespace {

using http::Method;
using http::Params;
using http::Request;
using http::Response;
using Awaitable = boost::asio::awaitable<Response>;
using signing::html;

class ProposeLinkHandler {
  public:
    explicit ProposeLinkHandler(ProposalServices& services) : p_(services), s_(services.signing) {}

    Awaitable link_form(const Request& request, const Params&) {
        const auto language = s_.site.language_of(request.headers);
        const bool sent = request.query.find("sent=1") != std::string_view::npos;
        co_return html(200, render::render_propose_link(s_.site.view(), language, sent, {}, {}));
    }

    // A new link to every proposal of the mailbox, if any: the same answer either way, so
    // that nobody learns who proposed what.
    Awaitable send_link(const Request& request, const Params&) {
        const auto fields = http::parse_form(request.body);
        if (!fields) co_return s_.site.error_page(400, request.headers, request.target);
        const std::string typed(http::form_value(*fields, "email").value_or(""));
        const auto language = s_.site.language_of(request.headers);
        const auto email = signatures::parse_email(typed);
        if (!email)
            co_return html(422, render::render_propose_link(s_.site.view(), language, false, typed,
                                                            "sign.email_invalid"));
        if (auto refused = refuse_over_limits(s_, p_.limits, request, proposal_pow_key))
            co_return std::move(*refused);
        const auto now = unix_now();
        const auto mailbox = signatures::mailbox_key(email->local, email->ascii_domain);
        if (s_.mailbox_caps.sent_today(mailbox, now) >= s_.rules.mails_per_mailbox_per_day)
            co_return signing::redirect("/propose/link?sent=1");
        const auto settings = s_.site.config();
        const auto& messages = s_.site.messages();
        std::function<Result<std::int64_t>(store::Database&)> job =
            [canonical = email->canonical, base_url = settings.server.base_url,
             secret = s_.event_secret, mail = settings.mail, site = settings.site, &messages,
             now](store::Database& db) -> Result<std::int64_t> {
            std::int64_t sent = 0;
            for (const auto& proposal : store::submissions_of_mailbox(db, canonical)) {
                const auto nonce = new_author_link_nonce();
                if (auto replaced = store::replace_author_link(db, proposal.petition.id, nonce);
                    !replaced)
                    return replaced.error();
                const auto language = render::parse_language(proposal.petition.language)
                                          .value_or(render::Language::fr);
                const auto link =
                    base_url + "/p/" + author_link_token(secret, proposal.petition.id, nonce);
                const auto texts = render::proposal_link_mail(
                    messages, language, site, {proposal.petition.title, link, false});
                const auto message =
                    compose_site_mail(mail, site, proposal.author_email, language, texts);
                if (auto queued = store::enqueue_mail(db, "proposal", mail.from,
                                                      proposal.author_email, message, now);
                    !queued)
                    return queued.error();
                ++sent;
            }
            return sent;
        };
        const auto sent = co_await s_.store.writer().write<std::int64_t>(std::move(job));
        if (!sent) {
            spdlog::error("{} error={}", log_event::store_write_failed,
                          log_text(sent.error().detail));
            co_return s_.site.error_page(503, request.headers, request.target);
        }
        if (*sent > 0) {
            s_.mailbox_caps.count_mail(mailbox, now);
            if (s_.mail_queued) s_.mail_queued();
        }
        co_return signing::redirect("/propose/link?sent=1");
    }

  private:
    ProposalServices& p_;
    SigningServices& s_;
};

}  // namespace

void add_propose_link_routes(http::Router& router, ProposalServices& services) {
    auto handler = std::make_shared<ProposeLinkHandler>(services);
    // Works while proposals are closed: authors of earlier ones still need their links.
    router.add(Method::get, "/propose/link", "propose_link",
               http::gated(http::Priority::high, http::TrafficFamily::page),
               [handler](const Request& request, const Params& params) {
                   return handler->link_form(request, params);
               });
    router.add(Method::post, "/propose/link", "propose_link_send",
               http::never_gated(http::Priority::high, http::TrafficFamily::sign),
               [handler](const Request& request, const Params& params) {
                   return handler->send_link(request, params);
               });
}

}  // namespace rempart::web
