// What to do with one signing attempt, from the facts the handler gathered: pure, no I/O.
#include "signatures/signing_decision.hpp"

#include <array>

namespace rempart::signatures {
namespace {

constexpr std::array<std::string_view, verdict_count> verdict_names{
    "banned",      "rate_limited", "unreadable_form", "pow_missing", "pow_failed",
    "pow_expired", "pow_too_easy", "invalid",         "disposable",  "mailbox_capped",
    "no_mail",     "undecided",    "accept"};

}  // namespace

std::string_view to_string(Verdict verdict) {
    return verdict_names[static_cast<std::size_t>(verdict)];
}

Verdict decide(const SigningFacts& f, const SigningRules& rules) {
    using enum Verdict;
    // Known before the body is read: a banned or limited client costs nothing more.
    if (!f.banned) return undecided;
    if (*f.banned) return banned;
    if (!f.over_limit) return undecided;
    if (*f.over_limit) return rate_limited;
    if (!f.form_readable) return undecided;
    if (!*f.form_readable) return unreadable_form;
    // The proof of work before the fields: without it, nobody's typing is looked at further.
    if (!f.proof_of_work) return undecided;
    switch (*f.proof_of_work) {
        case ProofOfWorkCheck::missing:
            return pow_missing;
        case ProofOfWorkCheck::failed:
            return pow_failed;
        case ProofOfWorkCheck::expired:
            return pow_expired;
        case ProofOfWorkCheck::too_easy:
            return pow_too_easy;
        case ProofOfWorkCheck::accepted:
            break;
    }
    if (!f.fields_valid) return undecided;
    if (!*f.fields_valid) return invalid;
    if (!f.domain_over_limit) return undecided;
    if (*f.domain_over_limit) return rate_limited;
    if (!f.disposable) return undecided;
    if (*f.disposable) return disposable;
    if (!f.mails_to_mailbox_today) return undecided;
    if (*f.mails_to_mailbox_today >= rules.mails_per_mailbox_per_day) return mailbox_capped;
    if (rules.check_mail_domain) {
        if (!f.mail_domain) return undecided;
        if (*f.mail_domain == MailDomainCheck::no_mail) return no_mail;
    }
    return accept;
}

bool refuses(Verdict verdict) {
    return verdict != Verdict::accept && verdict != Verdict::undecided;
}

bool proved_and_valid(const SigningFacts& facts) {
    return facts.form_readable.value_or(false) &&
           facts.proof_of_work == ProofOfWorkCheck::accepted && facts.fields_valid.value_or(false);
}

}  // namespace rempart::signatures
