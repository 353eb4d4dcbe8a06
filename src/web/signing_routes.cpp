// Signing: POST /petitions/{slug}/sign and its thanks page; the links come from signature_links.
#include "web/signing_routes.hpp"

#include <spdlog/spdlog.h>
#include <boost/asio/async_result.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <chrono>
#include <ctime>

#include "core/log_events.hpp"
#include "http/target.hpp"
#include "mail/message.hpp"
#include "render/mail_texts.hpp"
#include "signatures/link_token.hpp"
#include "signatures/signing_form.hpp"
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

// signature must come from our own form (the proof of work alone would not stop a page
// elsewhere from making its visitors sign).
bool foreign_origin(const Request& request, std::string_view base_url) {
    const auto origin = request.headers["Origin"];
    if (origin.empty() || origin == "null") return false;
    return origin != base_url;
}

std::string_view pow_message(shield::PowVerdict verdict) {
    switch (verdict) {
        case shield::PowVerdict::accepted:
            return "";
        case shield::PowVerdict::expired:
            return "sign.pow_expired";
        default:
            return "sign.pow_failed";
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

class SigningHandler {
  public:
    explicit SigningHandler(SigningServices& services) : s_(services) {}

    Awaitable sign(const Request& request, const Params& params) {
        const auto snapshot = s_.site.catalog().current();
        const auto* petition = snapshot->find(params[0]);
        const auto& headers = request.headers;
        if (petition == nullptr) co_return s_.site.error_page(404, headers, request.target);
        if (petition->state != PetitionState::published)
            co_return s_.site.error_page(409, headers, request.target);
        const auto client = identify(request, s_.asn_table);
        auto event = base_event(request, client, petition);

        if (foreign_origin(request, s_.site.config().server.base_url)) {
            ++s_.counters.forbidden;
            co_return refuse(403, std::move(event), "foreign_origin", request);
        }
        if (s_.bans != nullptr) {
            const auto as_key =
                client.as ? "as:" + std::to_string(client.as->number) : std::string();
            const auto now_ms = unix_now_ms();
            if (const auto until = s_.bans->banned_until({client.keys.narrow, as_key}, now_ms)) {
                ++s_.counters.banned;
                spdlog::info("{} petition={} ip={} until_ms={}", log_event::signing_banned,
                             petition->id, request.client_ip, *until);
                auto response = refuse(429, std::move(event), "banned", request);
                set_retry_after(response, std::chrono::seconds((*until - now_ms + 999) / 1000));
                co_return response;
            }
        }
        const auto admitted = s_.limits.admit(
            client.keys, client.as ? std::optional<std::uint32_t>(client.as->number) : std::nullopt,
            petition->slug, shield::Clock::now());
        if (!admitted.allowed) {
            ++s_.counters.rate_limited;
            auto response =
                refuse(429, std::move(event),
                       "rate_limited_" + std::string(to_string(admitted.refused_by)), request);
            set_retry_after(response, admitted.retry_after);
            co_return response;
        }

        auto fields = http::parse_form(request.body);
        if (!fields) {
            ++s_.counters.invalid;
            co_return refuse(400, std::move(event), "unreadable_form", request);
        }
        const auto form = signatures::read_signing_form(*fields);
        auto checked = signatures::check_signing_form(form, petition->postcode_required);
        if (!form.altcha.empty()) {
            shield::PowClaims claims;
            const auto now = unix_now();
            auto verdict = s_.proof_of_work.verify(form.altcha, now, &claims);
            const auto solved = claims.difficulty;
            event.pow_verdict = std::string(to_string(verdict));
            if (verdict == shield::PowVerdict::accepted &&
                claims.use != shield::ChallengeUse::signing) {
                verdict = shield::PowVerdict::bad_signature;
                event.pow_verdict = "gate_challenge";
            }
            event.pow_difficulty = static_cast<std::int64_t>(solved);
            // Raised for this petition or network since the challenge was given: a solution
            // to an easier one no longer does.
            const auto required = required_difficulty(
                s_.difficulty, difficulty_keys(petition->slug, request.client_ip), now);
            if (verdict == shield::PowVerdict::accepted && required > s_.difficulty.base() &&
                solved < required) {
                verdict = shield::PowVerdict::wrong_solution;
                event.pow_verdict = "too_easy";
            }
            if (verdict != shield::PowVerdict::accepted) {
                checked.errors.push_back({"altcha", std::string(pow_message(verdict))});
                checked.input.reset();
            }
        } else {
            event.pow_verdict = "missing";
        }
        if (!checked.input) {
            const bool pow_failed = !checked.errors.empty() && checked.errors.size() == 1 &&
                                    checked.errors.front().field == "altcha";
            ++(pow_failed ? s_.counters.proof_of_work : s_.counters.invalid);
            co_return form_again(request, *petition, form, std::move(checked.errors),
                                 std::move(event), pow_failed ? "proof_of_work" : "invalid");
        }
        auto& input = *checked.input;
        event.email_domain = input.email.ascii_domain;
        event.name_key = signatures::keyed_hash(s_.event_secret, "name", input.name_normalised);
        if (!input.comment_normalised.empty())
            event.comment_key =
                signatures::keyed_hash(s_.event_secret, "comment", input.comment_normalised);

        if (const auto by_domain =
                s_.limits.admit_domain(input.email.ascii_domain, shield::Clock::now());
            !by_domain.allowed) {
            ++s_.counters.rate_limited;
            auto response = refuse(429, std::move(event), "rate_limited_domain", request);
            set_retry_after(response, by_domain.retry_after);
            co_return response;
        }
        if (s_.disposable_domains.is_disposable(input.email.ascii_domain)) {
            ++s_.counters.disposable;
            co_return form_again(request, *petition, form, {{"email", "sign.email_disposable"}},
                                 std::move(event), "disposable");
        }
        if (s_.mail_domains != nullptr) {
            std::string domain = input.email.ascii_domain;
            const auto answer = co_await check_mail_domain(*s_.mail_domains, std::move(domain));
            if (answer.status == dns::MailDomainStatus::no_mail) {
                ++s_.counters.no_mail;
                co_return form_again(request, *petition, form, {{"email", "sign.email_no_mail"}},
                                     std::move(event), "no_mail");
            }
            // No answer (timeout, a resolver down): the signature is taken. It counts only
            // once its mail is confirmed, so a wrong domain costs one undelivered mail,
            // while refusing would turn away real people whenever DNS has a bad minute.
            if (answer.status == dns::MailDomainStatus::unknown)
                spdlog::warn("{} domain={} detail=\"{}\"", log_event::dns_check_unknown,
                             input.email.ascii_domain, answer.detail);
        }
        co_return co_await record(request, *petition, input, event);
    }

    Awaitable thanks(const Request& request, const Params& params) {
        const auto snapshot = s_.site.catalog().current();
        const auto* petition = snapshot->find(params[0]);
        if (petition == nullptr) co_return s_.site.error_page(404, request.headers, request.target);
        const auto language = s_.site.language_of(request.headers);
        co_return html(200, render::render_thanks(s_.site.view(), language, *petition));
    }

  private:
    Response refuse(unsigned status, SigningEvent event, std::string verdict,
                    const Request& request) {
        spdlog::info("{} petition={} verdict={} ip={}", log_event::signature_refused,
                     event.petition_id.value_or(0), verdict, event.ip);
        event.verdict = std::move(verdict);
        record_event(std::move(event));
        return s_.site.error_page(status, request.headers, request.target);
    }

    Response form_again(const Request& request, const Petition& petition,
                        const signatures::SigningForm& form,
                        std::vector<signatures::FieldError> errors, SigningEvent event,
                        std::string verdict) {
        spdlog::info("{} petition={} verdict={} ip={} domain={}", log_event::signature_refused,
                     petition.id, verdict, event.ip, event.email_domain);
        event.verdict = std::move(verdict);
        record_event(std::move(event));
        // The payload is spent or wrong: the widget starts afresh on the new page.
        auto kept = form;
        kept.altcha.clear();
        const auto language = s_.site.language_of(request.headers);
        render::SigningFormView view{&kept, std::move(errors)};
        return html(422, render::render_petition(s_.site.view(), language, petition, view));
    }

    // Refused attempts are facts for the defence engine too; nobody waits on their write.
    void record_event(SigningEvent event) {
        if (s_.defence && event.petition_id) {
            const auto snapshot = s_.site.catalog().current();
            if (const auto* petition = snapshot->find_by_id(*event.petition_id))
                s_.defence->observe(event, petition->slug);
        }
        s_.store.writer().submit(
            [event = std::move(event)](store::Database& db) {
                return store::insert_event(db, event);
            },
            [](Result<void>) {});
    }

    asio::awaitable<Response> record(const Request& request, const Petition& petition,
                                     const signatures::SigningInput& input, SigningEvent& event) {
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
        auto recorded = co_await s_.store.writer().write<store::SigningRecord>(std::move(job));
        if (!recorded) {
            spdlog::error("{} error=\"{}\"", log_event::store_write_failed,
                          recorded.error().detail);
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
        if (kind != store::SigningRecord::Kind::duplicate_quiet && s_.mail_queued) s_.mail_queued();
        // A duplicate gets the same answer: nobody learns whether an address signed.
        co_return redirect("/petitions/" + petition.slug + "/thanks");
    }

    SigningServices& s_;
};

}  // namespace

void add_signing_routes(http::Router& router, SigningServices& services) {
    auto handler = std::make_shared<SigningHandler>(services);
    router.add(Method::post, "/petitions/{slug}/sign", "sign",
               [handler](const Request& request, const Params& params) {
                   return handler->sign(request, params);
               });
    router.add(Method::get, "/petitions/{slug}/thanks", "sign_thanks",
               [handler](const Request& request, const Params& params) {
                   return handler->thanks(request, params);
               });
    add_signature_link_routes(router, services);
}

void add_signing_metrics(metrics::Registry& metrics, const SigningCounters& counters) {
    metrics.add_collector([&counters](std::string& out) {
        out += "# HELP rempart_signing_attempts_total Signing attempts by verdict.\n";
        out += "# TYPE rempart_signing_attempts_total counter\n";
        const std::pair<const char*, const std::atomic<std::uint64_t>*> rows[] = {
            {"accepted", &counters.accepted},         {"duplicate", &counters.duplicate},
            {"invalid", &counters.invalid},           {"proof_of_work", &counters.proof_of_work},
            {"disposable", &counters.disposable},     {"no_mail", &counters.no_mail},
            {"rate_limited", &counters.rate_limited}, {"banned", &counters.banned},
            {"forbidden", &counters.forbidden},
        };
        for (const auto& [verdict, value] : rows)
            out += std::string("rempart_signing_attempts_total{verdict=\"") + verdict + "\"} " +
                   std::to_string(value->load()) + "\n";
        out += "# HELP rempart_signature_changes_total Confirmations and withdrawals.\n";
        out += "# TYPE rempart_signature_changes_total counter\n";
        out += "rempart_signature_changes_total{change=\"confirmed\"} " +
               std::to_string(counters.confirmed.load()) + "\n";
        out += "rempart_signature_changes_total{change=\"withdrawn\"} " +
               std::to_string(counters.withdrawn.load()) + "\n";
    });
}

}  // namespace rempart::web
