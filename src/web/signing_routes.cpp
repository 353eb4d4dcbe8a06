// Signing: POST /petitions/{slug}/sign and its thanks page; the links come from signature_links.
#include "web/signing_routes.hpp"

#include <spdlog/spdlog.h>
#include <boost/asio/async_result.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <ctime>
#include <stdexcept>

#include "core/log_events.hpp"
#include "core/log_text.hpp"
#include "http/target.hpp"
#include "mail/message.hpp"
#include "render/mail_texts.hpp"
#include "signatures/link_token.hpp"
#include "signatures/signing_form.hpp"
#include "store/errors.hpp"
#include "store/event_repository.hpp"
#include "store/incident_repository.hpp"
#include "store/outbox_repository.hpp"
#include "store/signature_repository.hpp"
#include "web/altcha_route.hpp"
#include "web/signature_links.hpp"
#include "web/signing_request.hpp"

namespace rempart::web {
namespace {

namespace asio = boost::asio;
using http::Method;
using http::Params;
using http::Request;
using http::Response;
using signatures::SignatureState;
using signatures::SigningEvent;
using Awaitable = asio::awaitable<Response>;
using namespace signing;

constexpr std::int64_t link_lifetime_s = 30 * 24 * 3600;  // as the privacy page promises
constexpr std::int64_t resend_after_s = 3600;
using signatures::Verdict;

// How each refusal is answered and counted: one row a verdict, so that the status, the
// counter, the summary and the message beside the field cannot drift apart.
struct RefusalAnswer {
    Verdict verdict;
    unsigned status;  // 303: the thanks page, as if accepted
    std::atomic<std::uint64_t> SigningCounters::*counter;
    std::string_view field;    // the form comes back with this error beside this field ...
    std::string_view message;  // ... unless the field already has one
};
constexpr std::array<RefusalAnswer, 11> refusal_answers{{
    {Verdict::banned, 429, &SigningCounters::banned, "", ""},
    {Verdict::rate_limited, 429, &SigningCounters::rate_limited, "", ""},
    {Verdict::unreadable_form, 400, &SigningCounters::invalid, "", ""},
    {Verdict::pow_missing, 422, &SigningCounters::proof_of_work, "altcha", "sign.pow_missing"},
    {Verdict::pow_failed, 422, &SigningCounters::proof_of_work, "altcha", "sign.pow_failed"},
    {Verdict::pow_expired, 422, &SigningCounters::proof_of_work, "altcha", "sign.pow_expired"},
    {Verdict::pow_too_easy, 422, &SigningCounters::proof_of_work, "altcha", "sign.pow_failed"},
    {Verdict::invalid, 422, &SigningCounters::invalid, "", ""},
    {Verdict::disposable, 422, &SigningCounters::disposable, "email", "sign.email_disposable"},
    // The same page as a signature: a mail bomber learns nothing, the victim gets no mail.
    {Verdict::mailbox_capped, 303, &SigningCounters::mailbox_capped, "", ""},
    {Verdict::no_mail, 422, &SigningCounters::no_mail, "email", "sign.email_no_mail"},
}};

const RefusalAnswer& answer_for(Verdict verdict) {
    for (const auto& answer : refusal_answers)
        if (answer.verdict == verdict) return answer;
    throw std::logic_error("no answer for the signing verdict " + std::string(to_string(verdict)));
}

signatures::ProofOfWorkCheck check_of(shield::PowVerdict verdict) {
    switch (verdict) {
        case shield::PowVerdict::accepted:
            return signatures::ProofOfWorkCheck::accepted;
        case shield::PowVerdict::expired:
            return signatures::ProofOfWorkCheck::expired;
        default:
            return signatures::ProofOfWorkCheck::failed;
    }
}

signatures::MailDomainCheck check_of(dns::MailDomainStatus status) {
    switch (status) {
        case dns::MailDomainStatus::no_mail:
            return signatures::MailDomainCheck::no_mail;
        case dns::MailDomainStatus::unknown:
            return signatures::MailDomainCheck::unknown;
        default:
            return signatures::MailDomainCheck::receives_mail;
    }
}

// Waits for the mail domain checker, which answers on its own thread.
asio::awaitable<dns::MailDomainAnswer> check_mail_domain(dns::MailDomainChecker& checker,
                                                         std::string domain) {
    auto initiation = [&checker](auto handler, std::string domain) {
        auto executor = asio::get_associated_executor(handler);
        auto shared = std::make_shared<decltype(handler)>(std::move(handler));
        checker.check(std::move(domain), [executor, shared](dns::MailDomainAnswer answer) {
            asio::post(executor, [shared, answer = std::move(answer)]() mutable {
                (*shared)(std::move(answer));
            });
        });
    };
    // Built apart from the co_await: GCC 12 mishandles temporaries captured in it.
    auto pending = asio::async_initiate<decltype(asio::use_awaitable), void(dns::MailDomainAnswer)>(
        std::move(initiation), asio::use_awaitable, std::move(domain));
    co_return co_await std::move(pending);
}

// The error page says "wait a moment"; the header says how long, from the bucket itself.
void set_retry_after(Response& response, std::chrono::seconds wait) {
    std::erase_if(response.headers,
                  [](const auto& header) { return header.first == "Retry-After"; });
    response.set_header("Retry-After", std::to_string(std::max<std::int64_t>(1, wait.count())));
}

// What one refused attempt is answered with, gathered as the checks go.
struct Refusal {
    std::chrono::seconds retry_after{0};
    shield::LimitKey limit = shield::LimitKey::none;
    const signatures::SigningForm* form = nullptr;  // read: the page shows it again
    std::vector<signatures::FieldError> errors;
};

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
        if (petition->state != PetitionState::published)
            co_return s_.site.error_page(409, headers, request.target);
        const auto client = identify(request, s_.asn_table);
        const auto& rules = s_.rules;
        signatures::SigningFacts facts;
        Refusal refusal;
        const auto refused = [&](Verdict verdict) {
            return refuse(request, *petition, client, verdict, std::move(refusal));
        };

        const auto now_ms = unix_now_ms();
        facts.banned = false;
        if (s_.bans != nullptr) {
            const auto as_key =
                client.as ? "as:" + std::to_string(client.as->number) : std::string();
            if (const auto until = s_.bans->banned_until({client.keys.narrow, as_key}, now_ms)) {
                facts.banned = true;
                refusal.retry_after = std::chrono::seconds((*until - now_ms + 999) / 1000);
            }
        }
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
            check_proof_of_work(form.altcha, petition->slug, request.client_ip, solved);
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
        co_return co_await record(request, *petition, input, event, mailbox);
    }

    Awaitable thanks(const Request& request, const Params& params) {
        const auto snapshot = s_.site.catalog().current();
        const auto* petition = snapshot->find(params[0]);
        if (petition == nullptr) co_return s_.site.error_page(404, request.headers, request.target);
        const auto language = s_.site.language_of(request.headers);
        co_return html(200, render::render_thanks(s_.site.view(), language, *petition));
    }

  private:
    // The solution is spent here, whatever the verdict: a payload serves once.
    signatures::ProofOfWorkCheck check_proof_of_work(const std::string& payload,
                                                     const std::string& slug,
                                                     const std::string& client_ip,
                                                     shield::PowClaims& solved) {
        using signatures::ProofOfWorkCheck;
        if (payload.empty()) return ProofOfWorkCheck::missing;
        shield::PowClaims claims;
        const auto now = unix_now();
        const auto verdict = s_.proof_of_work.verify(payload, now, &claims);
        if (verdict != shield::PowVerdict::accepted) return check_of(verdict);
        // A gate challenge and a signing challenge never stand in for each other.
        if (claims.use != shield::ChallengeUse::signing) return ProofOfWorkCheck::failed;
        // Raised for this petition or network since the challenge was given: a solution
        // to an easier one no longer does.
        const auto required =
            required_difficulty(s_.difficulty, difficulty_keys(slug, client_ip), now);
        if (required > s_.difficulty.base() && claims.difficulty < required)
            return ProofOfWorkCheck::too_easy;
        solved = claims;
        return ProofOfWorkCheck::accepted;
    }

    // Counted in memory and written later as a summary (per petition, network, verdict and
    // minute): no row, no log line, and the detector never sees it, so that junk from one
    // address can get that address refused but never its network, its AS or an incident.
    Response refuse(const Request& request, const Petition& petition, const Client& client,
                    Verdict verdict, Refusal refusal) {
        const auto& answer = answer_for(verdict);
        ++(s_.counters.*answer.counter);
        std::string verdict_text(to_string(verdict));
        if (verdict == Verdict::rate_limited)
            verdict_text = "rate_limited_" + std::string(to_string(refusal.limit));
        signatures::RefusedAttempt attempt;
        attempt.at_ms = unix_now_ms();
        attempt.petition_id = petition.id;
        attempt.network = client.keys.narrow;
        if (client.as) attempt.asn = client.as->number;
        attempt.verdict = verdict_text;
        attempt.ip = request.client_ip;
        attempt.user_agent = request.headers["User-Agent"];
        s_.refusals.count(attempt);

        Response response;
        if (answer.status == 303) {
            response = redirect("/petitions/" + petition.slug + "/thanks");
        } else if (answer.status == 422 && refusal.form != nullptr) {
            auto errors = std::move(refusal.errors);
            const bool has_own = std::any_of(errors.begin(), errors.end(), [&](const auto& e) {
                return e.field == answer.field;
            });
            if (!answer.field.empty() && !has_own)
                errors.push_back({std::string(answer.field), std::string(answer.message)});
            // The payload is spent or wrong: the widget starts afresh on the new page.
            auto kept = *refusal.form;
            kept.altcha.clear();
            const auto language = s_.site.language_of(request.headers);
            render::SigningFormView view{&kept, std::move(errors)};
            response = html(422, render::render_petition(s_.site.view(), language, petition, view));
        } else {
            response = s_.site.error_page(answer.status, request.headers, request.target);
            if (answer.status == 429) set_retry_after(response, refusal.retry_after);
        }
        response.summarised = true;
        return response;
    }

    asio::awaitable<Response> record(const Request& request, const Petition& petition,
                                     const signatures::SigningInput& input, SigningEvent& event,
                                     const std::string& mailbox) {
        const auto now = unix_now();
        const auto language = s_.site.language_of(request.headers);
        signatures::NewSignature signature;
        signature.petition_id = petition.id;
        signature.name = input.name;
        signature.name_normalised = input.name_normalised;
        signature.email = input.email.local + "@" + input.email.ascii_domain;
        signature.email_canonical = input.email.canonical;
        signature.email_domain = input.email.ascii_domain;
        if (input.postcode) {
            signature.postcode = input.postcode->code;
            signature.region = input.postcode->department;
        }
        signature.comment = input.comment;
        signature.public_name = input.public_name;
        signature.newsletter = input.newsletter;
        signature.language = std::string(render::code(language));
        signature.terms_version = s_.site.config().site.terms_version;
        signature.privacy_version = s_.site.config().site.privacy_version;
        signature.ip = request.client_ip;
        signature.now = now;

        const auto token = signatures::new_link_token();
        const auto token_hash = signatures::link_token_hash(token);
        const auto& config = s_.site.config();
        const auto texts =
            render::confirmation_mail(s_.site.messages(), language, config.site, petition.title,
                                      input.name, config.server.base_url + "/s/" + token);
        mail::Message message;
        message.from_address = config.mail.from;
        message.from_name = config.site.name;
        // Mail servers take the domain in its ASCII form; the local part stays as typed.
        message.to_address = input.email.local + "@" + input.email.ascii_domain;
        message.subject = texts.subject;
        message.text = texts.text;
        message.html = texts.html;
        message.language = signature.language;
        const auto domain = config.mail.from.substr(config.mail.from.find('@') + 1);
        const auto composed =
            mail::compose(message, std::chrono::system_clock::now(), mail::make_message_id(domain));
        const auto from = config.mail.from;
        // The detector sees the attempt first: if its keys belong to an incident (this one
        // may open it), the signature is recorded quarantined and never counts.
        event.link_key = token_hash;
        if (s_.defence && s_.defence->observe(event, petition.slug))
            signature.state = signatures::SignatureState::quarantined;

        std::function<Result<store::SigningRecord>(store::Database&)> job =
            [signature, token_hash, composed, from,
             event](store::Database& db) mutable -> Result<store::SigningRecord> {
            auto recorded = store::record_signature(
                db, signature, token_hash, signature.now + link_lifetime_s, resend_after_s);
            if (!recorded) return recorded;
            if (recorded->kind != store::SigningRecord::Kind::duplicate_quiet) {
                auto queued = store::enqueue_mail(db, "confirmation", from, signature.email,
                                                  composed, signature.now);
                if (!queued) return queued.error();
            }
            event.signature_id = recorded->signature_id;
            // Linked to the clusters holding its keys, so that their release gives it back.
            if (recorded->kind == store::SigningRecord::Kind::created &&
                signature.state == signatures::SignatureState::quarantined) {
                auto held =
                    store::hold_new_signature(db, recorded->signature_id, event, event.at_ms);
                if (!held) return held.error();
            }
            event.verdict = recorded->kind != store::SigningRecord::Kind::created ? "duplicate"
                            : signature.state == signatures::SignatureState::quarantined
                                ? "quarantined"
                                : "accepted";
            if (auto logged = store::insert_event(db, event); !logged) return logged.error();
            return recorded;
        };
        auto recorded = co_await s_.store.writer().write<store::SigningRecord>(
            std::move(job), store::Admission::when_room);
        if (!recorded && recorded.error().code == store::StoreError::busy) {
            // Nothing was written: the signer's browser keeps the form, and tries again.
            ++s_.counters.store_busy;
            auto response = s_.site.error_page(503, request.headers, request.target);
            set_retry_after(response, std::chrono::seconds(5));
            co_return response;
        }
        if (!recorded) {
            spdlog::error("{} error={}", log_event::store_write_failed,
                          log_text(recorded.error().detail));
            co_return s_.site.error_page(503, request.headers, request.target);
        }
        const auto kind = recorded->kind;
        ++(kind == store::SigningRecord::Kind::created ? s_.counters.accepted
                                                       : s_.counters.duplicate);
        spdlog::info("{} petition={} signature={} outcome={} ip={}", log_event::signature_accepted,
                     petition.id, recorded->signature_id,
                     kind == store::SigningRecord::Kind::created          ? "created"
                     : kind == store::SigningRecord::Kind::duplicate_mail ? "duplicate_mail"
                                                                          : "duplicate_quiet",
                     request.client_ip);
        if (kind != store::SigningRecord::Kind::duplicate_quiet) {
            s_.mailbox_caps.count_mail(mailbox, signature.now);
            if (s_.mail_queued) s_.mail_queued();
        }
        // A duplicate gets the same answer: nobody learns whether an address signed.
        co_return redirect("/petitions/" + petition.slug + "/thanks");
    }

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
