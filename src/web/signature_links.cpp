// Where a confirmation mail leads: GET /s/{token} shows buttons, POST .../confirm and
// .../withdraw change the signature. Confirm on POST only: mail scanners open every link.
#include "web/signature_links.hpp"

#include <spdlog/spdlog.h>

#include "core/log_events.hpp"
#include "core/log_text.hpp"
#include "signatures/errors.hpp"
#include "signatures/link_decision.hpp"
#include "signatures/link_token.hpp"
#include "store/event_repository.hpp"
#include "store/incident_repository.hpp"
#include "store/newsletter_repository.hpp"
#include "store/outbox_repository.hpp"
#include "store/signature_repository.hpp"
#include "web/handler_names.hpp"
#include "web/signing_request.hpp"

namespace rempart::web {
namespace {

namespace asio = boost::asio;
using signatures::SignatureState;
using signatures::SigningEvent;
using namespace signing;

class SignatureLinks {
  public:
    explicit SignatureLinks(SigningServices& services) : s_(services) {}

    Awaitable link_page(const Request& request, const Params& params) {
        const auto token = std::string(params[0]);
        if (!signatures::looks_like_link_token(token)) co_return link_invalid(request);
        const auto hash = signatures::link_token_hash(token);
        const auto now = unix_now();
        // Built apart from the co_await: GCC 12 frees temporaries of a co_await expression
        // twice.
        std::function<std::optional<store::LinkedSignature>(store::Database&)> find =
            [hash, now](store::Database& db) { return store::find_by_token(db, hash, now); };
        auto linked = co_await s_.store.readers().read<std::optional<store::LinkedSignature>>(
            std::move(find));
        if (!linked) co_return link_invalid(request);
        const auto snapshot = s_.site.catalog().current();
        const auto* petition = snapshot->find_by_id(linked->petition_id);
        if (petition == nullptr) co_return link_invalid(request);
        const auto language = s_.site.language_of(request.headers);
        co_return html(
            200, render::render_confirm(s_.site.view(), language, *petition, token, linked->state));
    }

    Awaitable confirm(const Request& request, const Params& params) {
        const std::string token(params[0]);
        co_return co_await change(request, token, true);
    }

    Awaitable withdraw(const Request& request, const Params& params) {
        const std::string token(params[0]);
        co_return co_await change(request, token, false);
    }

  private:
    Response link_invalid(const Request& request) {
        const auto language = s_.site.language_of(request.headers);
        return html(404,
                    render::render_notice(s_.site.view(), language, 404, "sign.link_invalid_title",
                                          "sign.link_invalid_text"));
    }

    // Parameters by reference: the caller's frame outlives this one, and GCC 12 mishandles
    // temporaries passed by value into a co_await.
    asio::awaitable<Response> change(const Request& request, const std::string& token,
                                     bool confirm) {
        using signatures::LinkChange;
        using signatures::LinkOutcome;
        if (!signatures::looks_like_link_token(token)) co_return link_invalid(request);
        const auto action =
            confirm ? signatures::LinkAction::confirm : signatures::LinkAction::withdraw;
        const auto client = identify(request, s_.asn_table);
        auto event = base_event(request, client, nullptr);
        event.kind = confirm ? SigningEvent::Kind::confirmation : SigningEvent::Kind::withdrawal;
        const auto hash = signatures::link_token_hash(token);
        const auto now = unix_now();
        bool quarantine = false;
        if (confirm) quarantine = co_await held_confirmation(hash, now, event);
        auto newsletter_asked = std::make_shared<std::int64_t>(0);  // the subscription asked
        std::function<Result<store::LinkedSignature>(store::Database&)> job =
            [hash, now, confirm, action, quarantine, event, newsletter_asked,
             from = s_.site.config().mail.from](
                store::Database& db) mutable -> Result<store::LinkedSignature> {
            auto linked = confirm ? store::confirm_signature(db, hash, now, quarantine)
                                  : store::withdraw_signature(db, hash, now);
            if (!linked) return linked;
            if (confirm && linked->changed && linked->state == SignatureState::confirmed) {
                // The newsletter's box asks its own confirmation, in the same write.
                auto ask = store::note_confirmed_signature(db, linked->signature_id, now);
                if (!ask) return ask.error();
                if (*ask) {
                    auto queued = store::enqueue_newsletter_confirmation(
                        db, from, (*ask)->email, (*ask)->subscriber_id, now);
                    if (!queued) return queued.error();
                    *newsletter_asked = (*ask)->subscriber_id;
                }
            }
            const auto outcome = signatures::decide_link(
                action, linked->changed ? LinkChange::changed : LinkChange::unchanged,
                linked->state);
            if (!signatures::leaves_event(outcome)) return linked;
            event.petition_id = linked->petition_id;
            event.signature_id = linked->signature_id;
            event.email_domain = linked->email_domain;
            if (outcome == LinkOutcome::confirmed_in_quarantine && quarantine) {
                auto held = store::hold_new_signature(db, linked->signature_id, event, event.at_ms);
                if (!held) return held.error();
            }
            event.verdict = std::string(to_string(outcome));
            event.seconds_after_signing = now - linked->created_at;
            if (auto logged = store::insert_event(db, event); !logged) return logged.error();
            return linked;
        };
        auto changed = co_await s_.store.writer().write<store::LinkedSignature>(std::move(job));
        auto change = LinkChange::changed;
        if (!changed) {
            if (changed.error().code == signatures::SignatureError::link_invalid)
                change = LinkChange::link_invalid;
            else if (changed.error().code == signatures::SignatureError::withdrawn)
                change = LinkChange::set_aside;
            else {
                spdlog::error("{} error={}", log_event::store_write_failed,
                              log_text(changed.error().detail));
                co_return s_.site.error_page(503, request.headers, request.target);
            }
        } else if (!changed->changed) {
            change = LinkChange::unchanged;
        }
        if (*newsletter_asked != 0) {
            spdlog::info("{} subscriber={} step=asked", log_event::newsletter_consent,
                         *newsletter_asked);
            if (s_.mail_queued) s_.mail_queued();
        }
        const auto outcome = signatures::decide_link(
            action, change, changed ? changed->state : signatures::SignatureState::pending);
        co_return answer(request, outcome, confirm, changed ? &*changed : nullptr, now);
    }

    // One answer an outcome: its status, its counter and its log line.
    Response answer(const Request& request, signatures::LinkOutcome outcome, bool confirm,
                    const store::LinkedSignature* linked, std::int64_t now) {
        using signatures::LinkOutcome;
        switch (outcome) {
            case LinkOutcome::link_invalid:
                return link_invalid(request);
            case LinkOutcome::set_aside: {
                const auto language = s_.site.language_of(request.headers);
                return html(
                    409, render::render_notice(s_.site.view(), language, 409, "sign.confirm_title",
                                               "sign.withdrawn_notice"));
            }
            case LinkOutcome::confirmed:
            case LinkOutcome::confirmed_in_quarantine:
                ++s_.counters.confirmed;
                spdlog::info("{} signature={} after_s={} outcome={}",
                             log_event::signature_confirmed, linked->signature_id,
                             now - linked->created_at, to_string(outcome));
                break;
            case LinkOutcome::withdrawn:
                ++s_.counters.withdrawn;
                spdlog::info("{} signature={}", log_event::signature_withdrawn,
                             linked->signature_id);
                break;
            case LinkOutcome::unchanged:
                break;
        }
        const auto snapshot = s_.site.catalog().current();
        const auto* petition = snapshot->find_by_id(linked->petition_id);
        if (petition == nullptr) return redirect("/");
        return redirect("/petitions/" + petition->slug +
                        (confirm ? "?confirmed=1" : "?withdrawn=1"));
    }

    // A first confirmation goes through the detector too: when it comes from where an
    // incident holds (a script reading a catch-all mailbox), the signature is confirmed
    // into quarantine rather than counted.
    asio::awaitable<bool> held_confirmation(const std::string& hash, std::int64_t now,
                                            const SigningEvent& event) {
        if (s_.defence == nullptr) co_return false;
        std::function<std::optional<store::LinkedSignature>(store::Database&)> find =
            [hash, now](store::Database& db) { return store::find_by_token(db, hash, now); };
        const auto linked = co_await s_.store.readers().read<std::optional<store::LinkedSignature>>(
            std::move(find));
        if (!linked || linked->state != SignatureState::pending) co_return false;
        const auto snapshot = s_.site.catalog().current();
        const auto* petition = snapshot->find_by_id(linked->petition_id);
        if (petition == nullptr) co_return false;
        auto observed = event;
        observed.petition_id = linked->petition_id;
        observed.signature_id = linked->signature_id;
        observed.seconds_after_signing = now - linked->created_at;
        observed.link_key = hash;
        co_return s_.defence->observe(observed, petition->slug);
    }

    SigningServices& s_;
};

}  // namespace

void add_signature_link_routes(http::Router& router, SigningServices& services) {
    auto links = std::make_shared<SignatureLinks>(services);
    // Confirming and withdrawing stay possible under any load and behind no gate.
    constexpr auto link = http::never_gated(http::Priority::critical, http::TrafficFamily::page);
    router.add(Method::get, "/s/{token}", "signature_link", link,
               [links](const Request& request, const Params& params) {
                   return links->link_page(request, params);
               });
    router.add(Method::post, "/s/{token}/confirm", "signature_confirm", link,
               [links](const Request& request, const Params& params) {
                   return links->confirm(request, params);
               });
    router.add(Method::post, "/s/{token}/withdraw", "signature_withdraw", link,
               [links](const Request& request, const Params& params) {
                   return links->withdraw(request, params);
               });
}

}  // namespace rempart::web
