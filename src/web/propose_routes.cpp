// The public proposal form: the same defences as signing (bans, limits, proof of work,
// mail checks), then the petition waits as `pending` and its author gets a private link.
#include "web/propose_routes.hpp"

#include <spdlog/spdlog.h>
#include <boost/json.hpp>

#include "core/clock.hpp"
#include "core/log_events.hpp"
#include "core/log_text.hpp"
#include "core/text.hpp"
#include "http/target.hpp"
#include "petitions/author_link.hpp"
#include "petitions/proposal_checks.hpp"
#include "render/proposal_mails.hpp"
#include "render/proposal_pages.hpp"
#include "signatures/link_token.hpp"
#include "signatures/text_input.hpp"
#include "store/event_repository.hpp"
#include "store/outbox_repository.hpp"
#include "store/petition_search.hpp"
#include "store/submission_holds.hpp"
#include "store/submission_repository.hpp"
#include "web/signing_checks.hpp"
#include "web/signing_request.hpp"
#include "web/site_mail.hpp"

namespace rempart::web {

namespace {

constexpr std::size_t similar_shown = 5;
constexpr std::size_t similar_query_max = 300;  // bytes of `q` read: a title and a little more
constexpr double close_from = 0.3;

}  // namespace

namespace {

using http::Method;
using http::Params;
using http::Request;
using http::Response;
using Awaitable = boost::asio::awaitable<Response>;
using signatures::Verdict;
using signing::html;

// A proof-of-work verdict as the form says it, beside the widget.
std::string_view pow_message(Verdict verdict) {
    switch (verdict) {
        case Verdict::pow_missing:
            return "sign.pow_missing";
        case Verdict::pow_expired:
            return "sign.pow_expired";
        default:
            return "sign.pow_failed";
    }
}

class ProposeHandler {
  public:
    explicit ProposeHandler(ProposalServices& services) : p_(services), s_(services.signing) {}

    Awaitable form(const Request& request, const Params&) {
        if (!open()) co_return closed(request);
        const auto waiting = co_await waiting_count();
        co_return html(200, page(request, {}, {}, false, waiting));
    }

    Awaitable sent(const Request& request, const Params&) {
        if (!open()) co_return closed(request);
        const auto language = s_.site.language_of(request.headers);
        co_return html(200, render::render_proposed(s_.site.view(), language));
    }

    Awaitable propose(const Request& request, const Params&) {
        if (!open()) co_return closed(request);
        const auto client = signing::identify(request, s_.asn_table);
        const auto now_ms = unix_now_ms();
        signatures::SigningFacts facts;
        std::chrono::seconds retry_after{0};
        const auto banned = signing::ban_wait(s_.bans, client, now_ms);
        facts.banned = banned.has_value();
        if (banned) retry_after = *banned;
        const auto fields = http::parse_typed_form(request.body);
        if (fields && http::form_value(*fields, "preview"))
            co_return preview(request, read_proposal_form(*fields));
        if (!*facts.banned) {
            const auto admitted = p_.limits.admit(
                client.keys,
                client.as ? std::optional<std::uint32_t>(client.as->number) : std::nullopt,
                proposal_pow_key, shield::Clock::now());
            facts.over_limit = !admitted.allowed;
            retry_after = admitted.retry_after;
        }
        const auto& rules = s_.rules;
        if (auto verdict = decide(facts, rules); refuses(verdict))
            co_return refused(request, verdict, retry_after);
        facts.form_readable = fields.ok();
        if (auto verdict = decide(facts, rules); refuses(verdict))
            co_return refused(request, verdict, retry_after);

        auto form = read_proposal_form(*fields);
        const auto language = s_.site.language_of(request.headers);
        auto checked = check_proposal_form(form, render::code(language), now_ms / 1000);
        // Petitions that look close are shown before the proof of work is spent: the author
        // may sign one of them instead, or send theirs again as different.
        if (checked.input && !form.different) {
            auto similar = co_await looks_close(checked.input->draft);
            if (!similar.empty()) {
                form.altcha.clear();
                co_return html(200, page(request, &form, {}, false, -1, std::move(similar)));
            }
        }
        shield::PowClaims solved;
        facts.proof_of_work = signing::check_proof_of_work(
            s_, form.altcha, std::string(proposal_pow_key), request.client_ip, solved);
        facts.fields_valid = std::none_of(checked.errors.begin(), checked.errors.end(),
                                          [](const auto& e) { return e.field != "altcha"; });
        if (auto verdict = decide(facts, rules); refuses(verdict))
            co_return co_await again(request, std::move(form), std::move(checked.errors), verdict);

        const auto& input = *checked.input;
        const auto& email = input.author_email;
        const auto by_domain = p_.limits.admit_domain(email.ascii_domain, shield::Clock::now());
        facts.domain_over_limit = !by_domain.allowed;
        retry_after = by_domain.retry_after;
        facts.disposable = s_.disposable_domains.is_disposable(email.ascii_domain);
        const auto mailbox = signatures::mailbox_key(email.local, email.ascii_domain);
        facts.mails_to_mailbox_today = s_.mailbox_caps.sent_today(mailbox, now_ms / 1000);
        auto verdict = decide(facts, rules);
        if (verdict == Verdict::rate_limited) co_return refused(request, verdict, retry_after);
        if (verdict == Verdict::mailbox_capped) co_return signing::redirect("/propose/sent");
        if (refuses(verdict))
            co_return co_await again(request, std::move(form), std::move(checked.errors), verdict);
        if (verdict == Verdict::undecided && s_.mail_domains != nullptr) {
            std::string domain = email.ascii_domain;
            const auto answer =
                co_await signing::check_mail_domain(*s_.mail_domains, std::move(domain));
            facts.mail_domain = signing::check_of(answer.status);
            verdict = decide(facts, rules);
            if (refuses(verdict))
                co_return co_await again(request, std::move(form), std::move(checked.errors),
                                         verdict);
        }
        auto event = signing::submission_event(request, client,
                                               signatures::SigningEvent::Kind::proposal, solved);
        event.email_domain = email.ascii_domain;
        event.name_key = signatures::keyed_hash(
            s_.event_secret, "name", signatures::normalise_for_comparison(input.author_name));
        event.comment_key = signatures::keyed_hash(
            s_.event_secret, "comment", signatures::normalise_for_comparison(input.draft.title));
        co_return co_await record(request, input, mailbox, language, std::move(event));
    }

    // GET /propose/similar?q=: what the form suggests while the title is typed.
    Awaitable similar(const Request& request, const Params&) {
        std::string typed;
        if (const auto query = http::parse_form(request.query); query)
            typed = std::string(http::form_value(*query, "q").value_or(""));
        auto words = proposal_search_words(typed.substr(0, similar_query_max));
        std::function<std::vector<Petition>(store::Database&)> read =
            [words = std::move(words)](store::Database& db) {
                return store::similar_petitions(db, words, similar_shown);
            };
        const auto found = co_await s_.store.readers().read<std::vector<Petition>>(std::move(read));
        boost::json::array list;
        const auto language = s_.site.language_of(request.headers);
        for (const auto& petition : found)
            list.push_back(boost::json::object{
                {"slug", petition.slug},
                {"title", petition.title},
                {"url", "/petitions/" + petition.slug},
                {"signatures", s_.site.messages().plural(language, "petition.signatures",
                                                         petition.signature_count)}});
        Response response;
        response.content_type = "application/json";
        response.set_header("Cache-Control", "no-store");
        response.body =
            http::Body(boost::json::serialize(boost::json::object{{"petitions", list}}));
        co_return response;
    }

  private:
    ProposalServices& p_;
    SigningServices& s_;

    // The back office's switch, over the config file's [submissions] open.
    bool open() const { return s_.site.live_settings().current()->submissions_open; }

    Response closed(const Request& request) const {
        const auto language = s_.site.language_of(request.headers);
        return html(404, render::render_notice(s_.site.view(), language, 404,
                                               "propose.closed_title", "propose.closed_text"));
    }

    std::string page(const Request& request, const ProposalForm* form,
                     std::vector<ProposalError> errors, bool preview, std::int64_t waiting,
                     std::vector<Petition> similar = {}) const {
        const auto language = s_.site.language_of(request.headers);
        render::ProposeFormView view;
        view.similar = std::move(similar);
        view.form = form;
        view.errors = std::move(errors);
        view.preview = preview;
        view.overdue_days = p_.settings.moderation.overdue_after_days;
        if (waiting >= p_.settings.long_queue_from) view.waiting = waiting;
        return render::render_propose(s_.site.view(), language, view);
    }

    // Published petitions whose title and summary share enough words with the draft's: the
    // index finds candidates, and the same similarity as the moderators' flag keeps those
    // that are close.
    boost::asio::awaitable<std::vector<Petition>> looks_close(const PetitionDraft& draft) {
        const auto text = draft.title + " " + draft.summary;
        auto words = proposal_search_words(text);
        std::function<std::vector<Petition>(store::Database&)> read =
            [words = std::move(words)](store::Database& db) {
                return store::similar_petitions(db, words, similar_shown);
            };
        auto found = co_await s_.store.readers().read<std::vector<Petition>>(std::move(read));
        std::erase_if(found, [&](const Petition& petition) {
            return text_similarity(text, petition.title + " " + petition.summary) < close_from;
        });
        co_return found;
    }

    boost::asio::awaitable<std::int64_t> waiting_count() {
        std::function<std::int64_t(store::Database&)> read = [](store::Database& db) {
            return store::count_waiting(db);
        };
        co_return co_await s_.store.readers().read<std::int64_t>(std::move(read));
    }

    Response preview(const Request& request, ProposalForm form) const {
        // A preview checks and spends nothing, not even the proof of work: the page comes
        // back with the widget afresh, which solves again before the form is sent.
        return html(200, page(request, &form, {}, true, -1));
    }

    Response refused(const Request& request, Verdict verdict, std::chrono::seconds retry_after) {
        spdlog::info("{} verdict={} ip={}", log_event::proposal_refused, to_string(verdict),
                     request.client_ip);
        const unsigned status = verdict == Verdict::unreadable_form ? 400 : 429;
        auto response = s_.site.error_page(status, request.headers, request.target);
        if (status == 429) signing::set_retry_after(response, retry_after);
        return response;
    }

    // The form again, as typed, with what is wrong beside each field; the proof of work
    // starts afresh, since its payload is spent or was wrong.
    Awaitable again(const Request& request, ProposalForm form, std::vector<ProposalError> errors,
                    Verdict verdict) {
        std::string_view field, message;
        if (verdict == Verdict::disposable)
            field = "author_email", message = "sign.email_disposable";
        if (verdict == Verdict::no_mail) field = "author_email", message = "sign.email_no_mail";
        if (verdict == Verdict::pow_missing || verdict == Verdict::pow_failed ||
            verdict == Verdict::pow_expired || verdict == Verdict::pow_too_easy)
            field = "altcha", message = pow_message(verdict);
        const bool has_own = std::any_of(errors.begin(), errors.end(),
                                         [&](const auto& e) { return e.field == field; });
        if (!field.empty() && !has_own)
            errors.push_back({std::string(field), std::string(message)});
        form.altcha.clear();
        spdlog::info("{} verdict={} ip={}", log_event::proposal_refused, to_string(verdict),
                     request.client_ip);
        co_return html(422, page(request, &form, std::move(errors), false, -1));
    }

    Awaitable record(const Request& request, const ProposalInput& input, const std::string& mailbox,
                     render::Language language, signatures::SigningEvent event) {
        const auto now = unix_now();
        // Set aside, the proposal is written and mailed as any other, so that a script
        // learns nothing; it only stays out of the queue until a moderator looks.
        const bool set_aside = s_.defence && s_.defence->observe_submission(event);
        if (set_aside) event.verdict = "quarantined";
        const auto settings = s_.site.config();
        store::NewSubmission proposal;
        proposal.draft = input.draft;
        proposal.author_name = input.author_name;
        proposal.author_email = input.author_email.local + "@" + input.author_email.ascii_domain;
        proposal.author_mailbox = input.author_email.canonical;
        proposal.link_nonce = new_author_link_nonce();
        proposal.checks = co_await automatic_flags(p_, input.draft);
        const auto base_url = settings.server.base_url;
        const auto& mail = settings.mail;
        const auto site = settings.site;
        const auto& messages = s_.site.messages();
        const auto title_key = signatures::normalise_for_comparison(input.draft.title);
        std::function<Result<std::int64_t>(store::Database&)> job =
            [proposal, base_url, secret = s_.event_secret, mail, site, &messages, language,
             title_key, now, event,
             set_aside](store::Database& db) mutable -> Result<std::int64_t> {
            // The same proposal twice from one mailbox (a second click, a reload): one row,
            // one mail, the same answer.
            for (const auto& earlier : store::submissions_of_mailbox(db, proposal.author_mailbox))
                if (earlier.stage() == SubmissionStage::unconfirmed &&
                    signatures::normalise_for_comparison(earlier.petition.title) == title_key) {
                    event.verdict = "duplicate";
                    if (auto r = store::insert_submission_event(db, event); !r) return r.error();
                    return std::int64_t{0};
                }
            auto stored = store::insert_submission(db, proposal, now);
            if (!stored) return stored.error();
            event.petition_id = stored->petition.id;
            if (auto r = store::insert_submission_event(db, event); !r) return r.error();
            if (set_aside)
                if (auto r = store::set_aside_new_submission(db, event, event.at_ms); !r)
                    return r.error();
            const auto link = base_url + "/p/" +
                              author_link_token(secret, stored->petition.id, proposal.link_nonce);
            const auto texts = render::proposal_link_mail(messages, language, site,
                                                          {stored->petition.title, link, true});
            const auto message =
                compose_site_mail(mail, site, proposal.author_email, language, texts);
            if (auto queued = store::enqueue_mail(db, "proposal", mail.from, proposal.author_email,
                                                  message, now);
                !queued)
                return queued.error();
            return stored->petition.id;
        };
        const auto stored = co_await s_.store.writer().write<std::int64_t>(std::move(job));
        if (!stored) {
            spdlog::error("{} error={}", log_event::store_write_failed,
                          log_text(stored.error().detail));
            auto response = s_.site.error_page(503, request.headers, request.target);
            signing::set_retry_after(response, std::chrono::seconds(5));
            co_return response;
        }
        if (*stored != 0) {
            s_.mailbox_caps.count_mail(mailbox, now);
            if (s_.mail_queued) s_.mail_queued();
            spdlog::info("{} petition={} ip={}", log_event::proposal_received, *stored,
                         request.client_ip);
        }
        co_return signing::redirect("/propose/sent");
    }
};

}  // namespace

void add_propose_routes(http::Router& router, ProposalServices& services) {
    auto handler = std::make_shared<ProposeHandler>(services);
    router.add(Method::get, "/propose", "propose",
               http::gated(http::Priority::high, http::TrafficFamily::page),
               [handler](const Request& request, const Params& params) {
                   return handler->form(request, params);
               });
    // Posts have their own limits and pass no gate, as signing's do.
    router.add(Method::post, "/propose", "propose_send",
               http::never_gated(http::Priority::high, http::TrafficFamily::sign),
               [handler](const Request& request, const Params& params) {
                   return handler->propose(request, params);
               });
    // Read from the store on every keystroke pause: shed first, as the search is.
    router.add(Method::get, "/propose/similar", "propose_similar",
               http::gated(http::Priority::low, http::TrafficFamily::page),
               [handler](const Request& request, const Params& params) {
                   return handler->similar(request, params);
               });
    router.add(Method::get, "/propose/sent", "propose_sent",
               http::gated(http::Priority::high, http::TrafficFamily::page),
               [handler](const Request& request, const Params& params) {
                   return handler->sent(request, params);
               });
    add_propose_link_routes(router, services);
    add_author_routes(router, services);
    add_author_campaign_routes(router, services);
    add_report_routes(router, services);
    add_support_routes(router, services);
}

}  // namespace rempart::web
