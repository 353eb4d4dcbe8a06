// Where a confirmation mail leads: GET /s/{token} shows buttons, POST .../confirm and
// .../withdraw change the signature. Confirm on POST only: mail scanners open every link.
#include "web/signature_links.hpp"

#include <spdlog/spdlog.h>

#include "core/log_events.hpp"
#include "signatures/link_token.hpp"
#include "store/event_repository.hpp"
#include "store/incident_repository.hpp"
#include "store/signature_repository.hpp"
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
using namespace signing;
using Awaitable = asio::awaitable<Response>;

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
        if (!signatures::looks_like_link_token(token)) co_return link_invalid(request);
        const auto client = identify(request, s_.asn_table);
        auto event = base_event(request, client, nullptr);
        event.kind = confirm ? SigningEvent::Kind::confirmation : SigningEvent::Kind::withdrawal;
        const auto hash = signatures::link_token_hash(token);
        const auto now = unix_now();
        bool quarantine = false;
        if (confirm) quarantine = co_await held_confirmation(hash, now, event);
        std::function<Result<store::LinkedSignature>(store::Database&)> job =
            [hash, now, confirm, quarantine,
             event](store::Database& db) mutable -> Result<store::LinkedSignature> {
            auto linked = confirm ? store::confirm_signature(db, hash, now, quarantine)
                                  : store::withdraw_signature(db, hash, now);
            if (!linked) return linked;
            event.petition_id = linked->petition_id;
            event.signature_id = linked->signature_id;
            event.email_domain = linked->email_domain;
            if (quarantine && linked->state == SignatureState::quarantined) {
                auto held = store::hold_new_signature(db, linked->signature_id, event, event.at_ms);
                if (!held) return held.error();
            }
            // The state it had: a quarantined signature confirmed stays quarantined.
            event.verdict = !confirm ? "withdrawn"
                            : linked->state == SignatureState::quarantined
                                ? "confirmed_in_quarantine"
                                : "confirmed";
            event.seconds_after_signing = now - linked->created_at;
            if (!linked->changed) return linked;  // a second click: nothing happened to log
            if (auto logged = store::insert_event(db, event); !logged) return logged.error();
            return linked;
        };
        auto changed = co_await s_.store.writer().write<store::LinkedSignature>(std::move(job));
        if (!changed) {
            if (changed.error().code == "signature.link_invalid") co_return link_invalid(request);
            if (changed.error().code == "signature.withdrawn") {
                const auto language = s_.site.language_of(request.headers);
                co_return html(
                    409, render::render_notice(s_.site.view(), language, 409, "sign.confirm_title",
                                               "sign.withdrawn_notice"));
            }
            spdlog::error("{} error=\"{}\"", log_event::store_write_failed, changed.error().detail);
            co_return s_.site.error_page(503, request.headers, request.target);
        }
        const auto snapshot = s_.site.catalog().current();
        const auto* petition = snapshot->find_by_id(changed->petition_id);
        if (changed->changed && confirm) {
            ++s_.counters.confirmed;
            spdlog::info("{} signature={} after_s={}", log_event::signature_confirmed,
                         changed->signature_id, now - changed->created_at);
        } else if (changed->changed) {
            ++s_.counters.withdrawn;
            spdlog::info("{} signature={}", log_event::signature_withdrawn, changed->signature_id);
        }
        if (petition == nullptr) co_return redirect("/");
        co_return redirect("/petitions/" + petition->slug +
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
        co_return s_.defence->observe(observed, petition->slug);
    }

    SigningServices& s_;
};

}  // namespace

void add_signature_link_routes(http::Router& router, SigningServices& services) {
    auto links = std::make_shared<SignatureLinks>(services);
    router.add(Method::get, "/s/{token}", "signature_link",
               [links](const Request& request, const Params& params) {
                   return links->link_page(request, params);
               });
    router.add(Method::post, "/s/{token}/confirm", "signature_confirm",
               [links](const Request& request, const Params& params) {
                   return links->confirm(request, params);
               });
    router.add(Method::post, "/s/{token}/withdraw", "signature_withdraw",
               [links](const Request& request, const Params& params) {
                   return links->withdraw(request, params);
               });
}

}  // namespace rempart::web
