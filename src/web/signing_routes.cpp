// Signing: POST /petitions/{slug}/sign and its thanks page. The checks, the refusals and the
// write each have their file; the links come from signature_links.
#include "web/signing_routes.hpp"

#include <spdlog/spdlog.h>
#include <boost/asio/awaitable.hpp>

#include <algorithm>
#include <memory>
#include <stdexcept>

#include "core/clock.hpp"
#include "core/log_events.hpp"
#include "core/log_text.hpp"
#include "http/target.hpp"
#include "render/pages.hpp"
#include "signatures/link_token.hpp"
#include "signatures/signing_form.hpp"
#include "web/handler_names.hpp"
#include "web/signature_links.hpp"
#include "web/signing_checks.hpp"
#include "web/signing_record.hpp"
#include "web/signing_refusals.hpp"
#include "web/signing_request.hpp"

namespace rempart::web {
namespace {

namespace asio = boost::asio;
using namespace signing;
using signatures::Verdict;

class SigningHandler {
  public:
    explicit SigningHandler(SigningServices& services) : s_(services) {}

    // Facts are looked up in the order `signatures::decide` reads them, and it is asked
    // after each step: junk is refused by what is in memory, before any write or query.
    Awaitable sign(const Request& request, const Params& params) {
        const auto snapshot = s_.site.catalog().current();
        const auto* petition = snapshot->find(params[0]);
        const auto& headers = request.headers;
        if (petition == nullptr) co_return s_.site.error_page(404, headers, request.target);
        if (!collects_signatures(*petition, unix_now_ms() / 1000))
            co_return s_.site.error_page(409, headers, request.target);
        const auto client = identify(request, s_.asn_table);
        const auto& rules = s_.rules;
        signatures::SigningFacts facts;
        Refusal refusal;
        const auto refused = [&](Verdict verdict) {
            return refuse(s_, request, *petition, client, verdict, std::move(refusal));
        };

        const auto now_ms = unix_now_ms();
        const auto banned = ban_wait(s_.bans, client, now_ms);
        facts.banned = banned.has_value();
        if (banned) refusal.retry_after = *banned;
        if (!*facts.banned) {
            const auto admitted = s_.limits.admit(
                client.keys,
                client.as ? std::optional<std::uint32_t>(client.as->number) : std::nullopt,
                petition->slug, shield::Clock::now());
            facts.over_limit = !admitted.allowed;
            refusal.limit = admitted.refused_by;
            refusal.retry_after = admitted.retry_after;
        }
        if (const auto verdict = decide(facts, rules); refuses(verdict)) co_return refused(verdict);

        const auto fields = http::parse_form(request.body);
        facts.form_readable = fields.ok();
        if (const auto verdict = decide(facts, rules); refuses(verdict)) co_return refused(verdict);
        const auto form = signatures::read_signing_form(*fields);
        auto checked = signatures::check_signing_form(form, petition->postcode_required);
        refusal.form = &form;
        refusal.errors = checked.errors;
        shield::PowClaims solved;
        facts.proof_of_work =
            check_proof_of_work(s_, form.altcha, petition->slug, request.client_ip, solved);
        facts.fields_valid = std::none_of(checked.errors.begin(), checked.errors.end(),
                                          [](const auto& e) { return e.field != "altcha"; });
        if (const auto verdict = decide(facts, rules); refuses(verdict)) co_return refused(verdict);

        // Proved and valid: only now may the attempt cost a token of its mail domain's bucket.
        const auto& input = *checked.input;
        const auto by_domain =
            s_.limits.admit_domain(input.email.ascii_domain, shield::Clock::now());
        facts.domain_over_limit = !by_domain.allowed;
        refusal.limit = shield::LimitKey::domain;
        refusal.retry_after = by_domain.retry_after;
        facts.disposable = s_.disposable_domains.is_disposable(input.email.ascii_domain);
        const auto mailbox = signatures::mailbox_key(input.email.local, input.email.ascii_domain);
        facts.mails_to_mailbox_today = s_.mailbox_caps.sent_today(mailbox, now_ms / 1000);
        auto verdict = decide(facts, rules);
        if (refuses(verdict)) co_return refused(verdict);

        if (verdict == Verdict::undecided && s_.mail_domains != nullptr) {
            std::string domain = input.email.ascii_domain;
            const auto answer = co_await check_mail_domain(*s_.mail_domains, std::move(domain));
            facts.mail_domain = check_of(answer.status);
            // No answer (timeout, a resolver down): the signature is taken. It counts only
            // once its mail is confirmed, so a wrong domain costs one undelivered mail,
            // while refusing would turn away real people whenever DNS has a bad minute.
            if (answer.status == dns::MailDomainStatus::unknown)
                spdlog::warn("{} domain={} detail={}", log_event::dns_check_unknown,
                             input.email.ascii_domain, log_text(answer.detail));
            verdict = decide(facts, rules);
            if (refuses(verdict)) co_return refused(verdict);
        }
        if (verdict != Verdict::accept)
            throw std::logic_error("signing decided nothing once every fact was known");
        auto event = base_event(request, client, petition);
        event.pow_verdict = "accepted";
        event.pow_difficulty = static_cast<std::int64_t>(solved.difficulty);
        event.pow_number = solved.number;
        event.pow_took_ms = solved.took_ms;
        event.email_domain = input.email.ascii_domain;
        event.name_key = signatures::keyed_hash(s_.event_secret, "name", input.name_normalised);
        if (!input.comment_normalised.empty())
            event.comment_key =
                signatures::keyed_hash(s_.event_secret, "comment", input.comment_normalised);
        co_return co_await record_accepted(s_, request, *petition, input, event, mailbox);
    }

    Awaitable thanks(const Request& request, const Params& params) {
        const auto snapshot = s_.site.catalog().current();
        const auto* petition = snapshot->find(params[0]);
        if (petition == nullptr || is_refused(*petition))
            co_return s_.site.error_page(404, request.headers, request.target);
        const auto language = s_.site.language_of(request.headers);
        co_return html(200, render::render_thanks(s_.site.view(), language, *petition));
    }

  private:
    SigningServices& s_;
};

}  // namespace

void add_signing_routes(http::Router& router, SigningServices& services) {
    auto handler = std::make_shared<SigningHandler>(services);
    // Signing stays possible under any load and behind no gate (the gate only ever stands
    // before a GET whose loss costs nothing); its posts have traffic limits of their own,
    // apart from reading.
    router.add(Method::post, "/petitions/{slug}/sign", "sign",
               http::never_gated(http::Priority::critical, http::TrafficFamily::sign),
               [handler](const Request& request, const Params& params) {
                   return handler->sign(request, params);
               });
    router.add(Method::get, "/petitions/{slug}/thanks", "sign_thanks",
               http::gated(http::Priority::high, http::TrafficFamily::page),
               [handler](const Request& request, const Params& params) {
                   return handler->thanks(request, params);
               });
    add_signature_link_routes(router, services);
}

}  // namespace rempart::web
