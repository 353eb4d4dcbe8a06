// An accepted signature written: the row, its confirmation mail and its event in one job.
#include "web/signing_record.hpp"

#include <spdlog/spdlog.h>

#include <chrono>
#include <functional>

#include "core/clock.hpp"
#include "core/log_events.hpp"
#include "core/log_text.hpp"
#include "signatures/link_token.hpp"
#include "store/errors.hpp"
#include "store/event_repository.hpp"
#include "store/incident_repository.hpp"
#include "store/outbox_repository.hpp"
#include "store/signature_repository.hpp"
#include "web/handler_names.hpp"
#include "web/signing_request.hpp"

namespace rempart::web::signing {
namespace {

namespace asio = boost::asio;
using signatures::SigningEvent;

constexpr std::int64_t resend_after_s = 3600;

}  // namespace

asio::awaitable<Response> record_accepted(SigningServices& services, const Request& request,
                                          const Petition& petition,
                                          const signatures::SigningInput& input,
                                          SigningEvent& event, const std::string& mailbox) {
    const auto now = unix_now();
    const auto language = services.site.language_of(request.headers);
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
    signature.updates = input.updates;
    signature.consent_version = render::consent_version(services.site.messages(), language);
    signature.language = std::string(render::code(language));
    // One snapshot: the versions and the sender of one moment, whatever an admin saves.
    const auto settings = services.site.config();
    signature.terms_version = settings.site.terms_version;
    signature.privacy_version = settings.site.privacy_version;
    signature.ip = request.client_ip;
    signature.now = now;

    const auto token = signatures::new_link_token();
    const auto token_hash = signatures::link_token_hash(token);
    // The mail is composed as it leaves the outbox (app/confirmation_mail): the row keeps
    // its token and the request renders nothing.
    const auto& from = settings.mail.from;
    // The detector sees the attempt first: if its keys belong to an incident (this one
    // may open it), the signature is recorded quarantined and never counts.
    event.link_key = token_hash;
    if (services.defence && services.defence->observe(event, petition.slug))
        signature.state = signatures::SignatureState::quarantined;

    std::function<Result<store::SigningRecord>(store::Database&)> job =
        [signature, token, token_hash, from, event, lifetime = services.rules.link_lifetime_s](
            store::Database& db) mutable -> Result<store::SigningRecord> {
        auto recorded = store::record_signature(db, signature, token_hash, signature.now + lifetime,
                                                resend_after_s);
        if (!recorded) return recorded;
        if (recorded->kind != store::SigningRecord::Kind::duplicate_quiet) {
            auto queued = store::enqueue_confirmation(db, from, signature.email,
                                                      recorded->signature_id, token, signature.now);
            if (!queued) return queued.error();
        }
        event.signature_id = recorded->signature_id;
        // Linked to the clusters holding its keys, so that their release gives it back.
        if (recorded->kind == store::SigningRecord::Kind::created &&
            signature.state == signatures::SignatureState::quarantined) {
            auto held = store::hold_new_signature(db, recorded->signature_id, event, event.at_ms);
            if (!held) return held.error();
        }
        event.verdict = recorded->kind != store::SigningRecord::Kind::created        ? "duplicate"
                        : signature.state == signatures::SignatureState::quarantined ? "quarantined"
                                                                                     : "accepted";
        if (auto logged = store::insert_event(db, event); !logged) return logged.error();
        return recorded;
    };
    auto recorded = co_await services.store.writer().write<store::SigningRecord>(
        std::move(job), store::Admission::when_room);
    if (!recorded && recorded.error().code == store::StoreError::busy) {
        // Nothing was written: the signer's browser keeps the form, and tries again.
        ++services.counters.store_busy;
        auto response = services.site.error_page(503, request.headers, request.target);
        set_retry_after(response, std::chrono::seconds(5));
        co_return response;
    }
    if (!recorded) {
        spdlog::error("{} error={}", log_event::store_write_failed,
                      log_text(recorded.error().detail));
        co_return services.site.error_page(503, request.headers, request.target);
    }
    const auto kind = recorded->kind;
    ++(kind == store::SigningRecord::Kind::created ? services.counters.accepted
                                                   : services.counters.duplicate);
    spdlog::info("{} petition={} signature={} outcome={} ip={}", log_event::signature_accepted,
                 petition.id, recorded->signature_id,
                 kind == store::SigningRecord::Kind::created          ? "created"
                 : kind == store::SigningRecord::Kind::duplicate_mail ? "duplicate_mail"
                                                                      : "duplicate_quiet",
                 request.client_ip);
    if (kind != store::SigningRecord::Kind::duplicate_quiet) {
        services.mailbox_caps.count_mail(mailbox, signature.now);
        if (services.mail_queued) services.mail_queued();
    }
    // A duplicate gets the same answer: nobody learns whether an address signed.
    co_return redirect("/petitions/" + petition.slug + "/thanks");
}

}  // namespace rempart::web::signing
