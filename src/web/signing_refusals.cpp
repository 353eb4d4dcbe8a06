// How a refused signature is answered and counted, from one table of verdicts.
#include "web/signing_refusals.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <stdexcept>
#include <string>

#include "render/pages.hpp"
#include "web/handler_names.hpp"

namespace rempart::web::signing {
namespace {

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

}  // namespace

Response refuse(SigningServices& services, const Request& request, const Petition& petition,
                const Client& client, Verdict verdict, Refusal refusal) {
    const auto& answer = answer_for(verdict);
    ++(services.counters.*answer.counter);
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
    services.refusals.count(attempt);

    Response response;
    if (answer.status == 303) {
        response = redirect("/petitions/" + petition.slug + "/thanks");
    } else if (answer.status == 422 && refusal.form != nullptr) {
        auto errors = std::move(refusal.errors);
        const bool has_own = std::any_of(errors.begin(), errors.end(),
                                         [&](const auto& e) { return e.field == answer.field; });
        if (!answer.field.empty() && !has_own)
            errors.push_back({std::string(answer.field), std::string(answer.message)});
        // The payload is spent or wrong: the widget starts afresh on the new page.
        auto kept = *refusal.form;
        kept.altcha.clear();
        const auto language = services.site.language_of(request.headers);
        render::SigningFormView view{&kept, std::move(errors)};
        response =
            html(422, render::render_petition(services.site.view(), language, petition, view));
    } else {
        response = services.site.error_page(answer.status, request.headers, request.target);
        if (answer.status == 429) set_retry_after(response, refusal.retry_after);
    }
    response.summarised = true;
    return response;
}

}  // namespace rempart::web::signing
