// Tests for the signing decision: the order of the checks, on every combination of facts.
#include <gtest/gtest.h>

#include <random>

#include "signatures/signing_decision.hpp"

namespace rempart::signatures {
namespace {

SigningFacts all_good() {
    SigningFacts f;
    f.banned = false;
    f.over_limit = false;
    f.form_readable = true;
    f.proof_of_work = ProofOfWorkCheck::accepted;
    f.fields_valid = true;
    f.domain_over_limit = false;
    f.disposable = false;
    f.mails_to_mailbox_today = 0;
    f.mail_domain = MailDomainCheck::receives_mail;
    return f;
}

TEST(SigningDecision, ARealSignerIsAccepted) {
    EXPECT_EQ(decide(all_good(), {}), Verdict::accept);
    // A resolver down is no reason to turn a signer away: the confirmation decides.
    auto f = all_good();
    f.mail_domain = MailDomainCheck::unknown;
    EXPECT_EQ(decide(f, {}), Verdict::accept);
    // Without DNS checks the answer is not waited for.
    f.mail_domain.reset();
    EXPECT_EQ(decide(f, {.mails_per_mailbox_per_day = 5, .check_mail_domain = false}),
              Verdict::accept);
}

TEST(SigningDecision, JunkIsRefusedBeforeAnythingCostlyIsKnown) {
    // A banned client: decided before its body is even read.
    SigningFacts f;
    f.banned = true;
    EXPECT_EQ(decide(f, {}), Verdict::banned);
    // A post with no proof of work: refused from the form alone, no DNS, no mailbox count.
    f = {};
    f.banned = false;
    f.over_limit = false;
    f.form_readable = true;
    f.proof_of_work = ProofOfWorkCheck::missing;
    EXPECT_EQ(decide(f, {}), Verdict::pow_missing);
    EXPECT_FALSE(proved_and_valid(f));
}

TEST(SigningDecision, TheMailboxCapComesAfterTheProofOfWork) {
    auto f = all_good();
    f.mails_to_mailbox_today = 4;
    EXPECT_EQ(decide(f, {}), Verdict::accept);
    f.mails_to_mailbox_today = 5;
    EXPECT_EQ(decide(f, {}), Verdict::mailbox_capped);
    EXPECT_EQ(decide(f, {.mails_per_mailbox_per_day = 6}), Verdict::accept);
    f.proof_of_work = ProofOfWorkCheck::failed;
    EXPECT_EQ(decide(f, {}), Verdict::pow_failed);
}

TEST(SigningDecision, EveryVerdictHasItsName) {
    for (std::size_t v = 0; v < verdict_count; ++v)
        EXPECT_FALSE(to_string(static_cast<Verdict>(v)).empty());
    EXPECT_EQ(to_string(Verdict::mailbox_capped), "mailbox_capped");
    EXPECT_TRUE(refuses(Verdict::no_mail));
    EXPECT_FALSE(refuses(Verdict::undecided));
    EXPECT_FALSE(refuses(Verdict::accept));
}

// The rule, said independently of decide(): the first check in order that refuses wins; a
// fact not known yet before any refusal leaves the attempt undecided.
Verdict expected(const SigningFacts& f, const SigningRules& rules) {
    struct Step {
        bool known;
        std::optional<Verdict> refusal;
    };
    const auto pow_refusal = [&]() -> std::optional<Verdict> {
        if (!f.proof_of_work) return std::nullopt;
        switch (*f.proof_of_work) {
            case ProofOfWorkCheck::missing:
                return Verdict::pow_missing;
            case ProofOfWorkCheck::failed:
                return Verdict::pow_failed;
            case ProofOfWorkCheck::expired:
                return Verdict::pow_expired;
            case ProofOfWorkCheck::too_easy:
                return Verdict::pow_too_easy;
            default:
                return std::nullopt;
        }
    };
    const auto when = [](const std::optional<bool>& fact, Verdict v) -> Step {
        return {fact.has_value(), fact.value_or(false) ? std::optional(v) : std::nullopt};
    };
    std::vector<Step> steps{
        when(f.banned, Verdict::banned),
        when(f.over_limit, Verdict::rate_limited),
        {f.form_readable.has_value(),
         f.form_readable == false ? std::optional(Verdict::unreadable_form) : std::nullopt},
        {f.proof_of_work.has_value(), pow_refusal()},
        {f.fields_valid.has_value(),
         f.fields_valid == false ? std::optional(Verdict::invalid) : std::nullopt},
        when(f.domain_over_limit, Verdict::rate_limited),
        when(f.disposable, Verdict::disposable),
        {f.mails_to_mailbox_today.has_value(),
         f.mails_to_mailbox_today.value_or(0) >= rules.mails_per_mailbox_per_day
             ? std::optional(Verdict::mailbox_capped)
             : std::nullopt},
    };
    if (rules.check_mail_domain)
        steps.push_back({f.mail_domain.has_value(), f.mail_domain == MailDomainCheck::no_mail
                                                        ? std::optional(Verdict::no_mail)
                                                        : std::nullopt});
    for (const auto& step : steps) {
        if (!step.known) return Verdict::undecided;
        if (step.refusal) return *step.refusal;
    }
    return Verdict::accept;
}

TEST(SigningDecision, FiftyThousandGeneratedAttemptsFollowTheOrderOfTheChecks) {
    std::mt19937 random(11);
    const auto maybe = [&](auto value) -> std::optional<decltype(value)> {
        if (random() % 8 == 0) return std::nullopt;
        return value;
    };
    const auto coin = [&](int one_in) { return random() % one_in == 0; };
    std::array<std::size_t, verdict_count> seen{};
    for (int i = 0; i < 50'000; ++i) {
        SigningFacts f;
        f.banned = maybe(coin(12));
        f.over_limit = maybe(coin(10));
        f.form_readable = maybe(!coin(10));
        f.proof_of_work = maybe(static_cast<ProofOfWorkCheck>(random() % 5));
        f.fields_valid = maybe(!coin(6));
        f.domain_over_limit = maybe(coin(10));
        f.disposable = maybe(coin(8));
        f.mails_to_mailbox_today = maybe(static_cast<std::size_t>(random() % 8));
        f.mail_domain = maybe(static_cast<MailDomainCheck>(random() % 3));
        SigningRules rules;
        rules.mails_per_mailbox_per_day = 1 + random() % 7;
        rules.check_mail_domain = !coin(4);
        const auto verdict = decide(f, rules);
        ASSERT_EQ(verdict, expected(f, rules)) << "case " << i;
        ++seen[static_cast<std::size_t>(verdict)];
        // Nothing is accepted that did not prove its work and pass validation.
        if (verdict == Verdict::accept) {
            EXPECT_TRUE(proved_and_valid(f));
            EXPECT_EQ(f.banned, false);
            EXPECT_EQ(f.over_limit, false);
        }
    }
    // Every verdict came up: the generator is not stuck on a few.
    for (std::size_t v = 0; v < verdict_count; ++v)
        EXPECT_GT(seen[v], 0u) << to_string(static_cast<Verdict>(v));
}

}  // namespace
}  // namespace rempart::signatures
