// What to do with one signing attempt, from the facts the handler gathered: pure, no I/O.
// The cheap checks come first, so that a flood of junk costs a look-up in memory and
// nothing written; only an attempt that passed them all is worth a DNS query or a row.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace rempart::signatures {

enum class Verdict {
    banned,           // an incident banned the client's network or AS
    rate_limited,     // a signing limit: address, network, AS, petition or mail domain
    unreadable_form,  // the body is not a form at all
    pow_missing,      // no proof of work came with the form
    pow_failed,       // a wrong, forged or reused solution, or one made for the gate
    pow_expired,      // the challenge is too old: the signer only has to try again
    pow_too_easy,     // solved before the difficulty was raised for this petition
    invalid,          // a field is wrong: the form comes back with its errors
    disposable,       // a throwaway mail domain
    mailbox_capped,   // this mailbox had its confirmation mails for the day
    no_mail,          // the domain cannot receive mail
    undecided,        // no check refused so far, but the next fact is not known yet
    accept,           // record it (the defence may still start it quarantined)
};
inline constexpr std::size_t verdict_count = 13;
std::string_view to_string(Verdict verdict);

// The proof of work as checked against the server's memory of spent solutions.
enum class ProofOfWorkCheck { missing, accepted, expired, failed, too_easy };

// What the mail domain's DNS said; unknown (no answer in time) lets the signature through.
enum class MailDomainCheck { receives_mail, no_mail, unknown };

// Each fact is unset until the handler has looked it up. The handler looks them up in this
// order and asks again after each step, so that nothing costly (a token from the mail
// domain's bucket, a DNS query, a row) is spent on an attempt an earlier check refuses.
struct SigningFacts {
    std::optional<bool> banned;
    std::optional<bool> over_limit;  // the address, network, AS or petition limit
    std::optional<bool> form_readable;
    std::optional<ProofOfWorkCheck> proof_of_work;
    std::optional<bool> fields_valid;       // every field but the proof of work
    std::optional<bool> domain_over_limit;  // known once the address is read
    std::optional<bool> disposable;
    std::optional<std::size_t> mails_to_mailbox_today;
    std::optional<MailDomainCheck> mail_domain;  // asked only when rules say so
};

struct SigningRules {
    // Confirmation mails one mailbox (the address without +tag, case folded) gets a day,
    // across every petition: past that the signer sees the usual page and no mail is sent.
    std::size_t mails_per_mailbox_per_day = 5;
    bool check_mail_domain = true;  // [dns] check_mx
    // A confirmation link works as long as its unconfirmed signature is kept ([retention]
    // unconfirmed_days), and then goes with it.
    std::int64_t link_lifetime_s = 30 * 86400;
};

// The first check, in order, whose fact refuses; `undecided` when a fact is missing before
// any refusal; `accept` once every fact is known and none refuses.
Verdict decide(const SigningFacts& facts, const SigningRules& rules);

// Verdicts that refuse the attempt (everything but accept and undecided).
bool refuses(Verdict verdict);

// Whether the attempt did the proof of work and passed validation: only those may count in
// the detector, so that junk from one address can never make a cluster or ban a network.
bool proved_and_valid(const SigningFacts& facts);

}  // namespace rempart::signatures
