// "Report this petition": a visitor says what is wrong, with a proof of work and limits of
// its own; the report waits in the moderators' queue. The reporter's network is kept, never
// the address.
#include <spdlog/spdlog.h>

#include "core/clock.hpp"
#include "core/log_events.hpp"
#include "core/log_text.hpp"
#include "http/target.hpp"
#include "petitions/errors.hpp"
#include "render/proposal_pages.hpp"
#include "signatures/errors.hpp"
#include "signatures/link_token.hpp"
#include "signatures/text_input.hpp"
#include "store/event_repository.hpp"
#include "store/report_repository.hpp"
#include "store/submission_holds.hpp"
#include "web/propose_routes.hpp"
#include "web/signing_checks.hpp"
#include "web/signing_request.hpp"

namespace rempart::web {

shield::SigningRateSettings report_rates() {
    shield::SigningRateSettings rates;
    rates.per_ip = {0.1, 3};
    rates.per_network = {0.2, 6};
    rates.per_wide_network = {0.4, 12};
    rates.per_as = {2, 60};
    rates.per_domain = {2, 60};     // unused: a report has no address
    rates.per_petition = {2, 100};  // one petition's reports, whatever their origin
    return rates;
}

namespace {

using http::Method;
using http::Params;
using http::Request;
using http::Response;
using Awaitable = boost::asio::awaitable<Response>;
using signing::html;

constexpr std::size_t reason_max = 1000;

class ReportHandler {
  public:
    explicit ReportHandler(ProposalServices& services) : p_(services), s_(services.signing) {}

    Awaitable form(const Request& request, const Params& params) {
        const auto snapshot = s_.site.catalog().current();
        const auto* petition = reportable(snapshot->find(params[0]));
        if (petition == nullptr) co_return s_.site.error_page(404, request.headers, request.target);
        const auto language = s_.site.language_of(request.headers);
        co_return html(200, render::render_report(s_.site.view(), language, *petition, {}, {}, {}));
    }

    Awaitable reported(const Request& request, const Params& params) {
        const auto snapshot = s_.site.catalog().current();
        if (snapshot->find(params[0]) == nullptr)
            co_return s_.site.error_page(404, request.headers, request.target);
        const auto language = s_.site.language_of(request.headers);
        co_return html(200, render::render_notice(s_.site.view(), language, 200,
                                                  "report.sent_title", "report.sent_text"));
    }

    Awaitable report(const Request& request, const Params& params) {
        const auto snapshot = s_.site.catalog().current();
        const auto* petition = reportable(snapshot->find(params[0]));
        if (petition == nullptr) co_return s_.site.error_page(404, request.headers, request.target);
        const auto client = signing::identify(request, s_.asn_table);
        const auto now_ms = unix_now_ms();
        if (const auto banned = signing::ban_wait(s_.bans, client, now_ms)) {
            auto response = s_.site.error_page(429, request.headers, request.target);
            signing::set_retry_after(response, *banned);
            co_return response;
        }
        const auto admitted = p_.report_limits.admit(
            client.keys, client.as ? std::optional<std::uint32_t>(client.as->number) : std::nullopt,
            petition->slug, shield::Clock::now());
        if (!admitted.allowed) {
            spdlog::info("{} verdict=rate_limited petition={} ip={}", log_event::report_refused,
                         petition->id, request.client_ip);
            auto response = s_.site.error_page(429, request.headers, request.target);
            signing::set_retry_after(response, admitted.retry_after);
            co_return response;
        }
        const auto fields = http::parse_typed_form(request.body);
        if (!fields) co_return s_.site.error_page(400, request.headers, request.target);
        const std::string typed(http::form_value(*fields, "reason").value_or(""));
        const std::string payload(http::form_value(*fields, "altcha").value_or(""));
        const auto language = s_.site.language_of(request.headers);
        const auto again = [&](std::string_view field, std::string_view key) {
            return html(
                422, render::render_report(s_.site.view(), language, *petition, typed, field, key));
        };
        auto reason = signatures::clean_text(typed, reason_max, true);
        if (!reason)
            co_return again("reason",
                            reason.error().code == signatures::SignatureError::input_too_long
                                ? "report.reason_too_long"
                                : "sign.text_invalid");
        if (reason->empty()) co_return again("reason", "report.reason_required");
        shield::PowClaims solved;
        const auto proof = signing::check_proof_of_work(s_, payload, std::string(report_pow_key),
                                                        request.client_ip, solved);
        if (proof != signatures::ProofOfWorkCheck::accepted)
            co_return again("altcha",
                            proof == signatures::ProofOfWorkCheck::missing   ? "sign.pow_missing"
                            : proof == signatures::ProofOfWorkCheck::expired ? "sign.pow_expired"
                                                                             : "sign.pow_failed");
        const auto id = petition->id;
        const auto network = client.keys.narrow;
        const auto text = *reason;
        const auto now = now_ms / 1000;
        auto event = signing::submission_event(request, client,
                                               signatures::SigningEvent::Kind::report, solved);
        event.petition_id = id;
        event.comment_key = signatures::keyed_hash(s_.event_secret, "comment",
                                                   signatures::normalise_for_comparison(text));
        // A report set aside is answered as any other; it stays out of the queue, and the
        // reported petition and its signatures are never touched by it.
        const bool set_aside = s_.defence && s_.defence->observe_submission(event);
        if (set_aside) event.verdict = "quarantined";
        std::function<Result<void>(store::Database&)> job =
            [id, text, network, now, event,
             set_aside](store::Database& db) mutable -> Result<void> {
            auto stored = store::insert_report(db, id, text, network, now);
            if (!stored) return stored.error();
            event.report_id = *stored;
            // A report keeps the reporter's network, never the address: its event too. The
            // detector had the address, in memory, to tell senders apart.
            event.ip = network;
            if (auto r = store::insert_submission_event(db, event); !r) return r;
            if (!set_aside) return {};
            auto held = store::set_aside_new_submission(db, event, event.at_ms);
            if (!held) return held.error();
            return {};
        };
        const auto stored = co_await s_.store.writer().write<void>(std::move(job));
        if (!stored) {
            // Taken down meanwhile: the report has nothing left to say.
            if (stored.error().code == PetitionError::not_found)
                co_return s_.site.error_page(404, request.headers, request.target);
            spdlog::error("{} error={}", log_event::store_write_failed,
                          log_text(stored.error().detail));
            co_return s_.site.error_page(503, request.headers, request.target);
        }
        spdlog::info("{} petition={} network={}", log_event::petition_reported, id, network);
        co_return signing::redirect("/petitions/" + petition->slug + "/reported");
    }

  private:
    ProposalServices& p_;
    SigningServices& s_;

    // Only what visitors can read can be reported.
    static const Petition* reportable(const Petition* petition) {
        if (petition == nullptr) return nullptr;
        if (petition->state != PetitionState::published && petition->state != PetitionState::closed)
            return nullptr;
        return petition;
    }
};

}  // namespace

void add_report_routes(http::Router& router, ProposalServices& services) {
    auto handler = std::make_shared<ReportHandler>(services);
    router.add(Method::get, "/petitions/{slug}/report", "report",
               http::gated(http::Priority::normal, http::TrafficFamily::page),
               [handler](const Request& request, const Params& params) {
                   return handler->form(request, params);
               });
    router.add(Method::post, "/petitions/{slug}/report", "report_send",
               http::never_gated(http::Priority::normal, http::TrafficFamily::sign),
               [handler](const Request& request, const Params& params) {
                   return handler->report(request, params);
               });
    router.add(Method::get, "/petitions/{slug}/reported", "report_sent",
               http::gated(http::Priority::normal, http::TrafficFamily::page),
               [handler](const Request& request, const Params& params) {
                   return handler->reported(request, params);
               });
}

}  // namespace rempart::web
