// The checks of a signature that ask another part: its proof of work and its mail domain.
#include "web/signing_checks.hpp"

#include <boost/asio/async_result.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <memory>

#include "core/clock.hpp"
#include "web/altcha_route.hpp"

namespace rempart::web::signing {

namespace asio = boost::asio;

namespace {

signatures::ProofOfWorkCheck check_of(shield::PowVerdict verdict) {
    switch (verdict) {
        case shield::PowVerdict::accepted:
            return signatures::ProofOfWorkCheck::accepted;
        case shield::PowVerdict::expired:
            return signatures::ProofOfWorkCheck::expired;
        default:
            return signatures::ProofOfWorkCheck::failed;
    }
}

}  // namespace

signatures::ProofOfWorkCheck check_proof_of_work(SigningServices& services,
                                                 const std::string& payload,
                                                 const std::string& slug,
                                                 const std::string& client_ip,
                                                 shield::PowClaims& solved) {
    using signatures::ProofOfWorkCheck;
    if (payload.empty()) return ProofOfWorkCheck::missing;
    shield::PowClaims claims;
    const auto now = unix_now();
    const auto verdict = services.proof_of_work.verify(payload, now, &claims);
    if (verdict != shield::PowVerdict::accepted) return check_of(verdict);
    // A gate challenge and a signing challenge never stand in for each other.
    if (claims.use != shield::ChallengeUse::signing) return ProofOfWorkCheck::failed;
    // Raised for this petition or network since the challenge was given: a solution
    // to an easier one no longer does.
    const auto required =
        required_difficulty(services.difficulty, difficulty_keys(slug, client_ip), now);
    if (required > services.difficulty.base() && claims.difficulty < required)
        return ProofOfWorkCheck::too_easy;
    solved = claims;
    return ProofOfWorkCheck::accepted;
}

signatures::MailDomainCheck check_of(dns::MailDomainStatus status) {
    switch (status) {
        case dns::MailDomainStatus::no_mail:
            return signatures::MailDomainCheck::no_mail;
        case dns::MailDomainStatus::unknown:
            return signatures::MailDomainCheck::unknown;
        default:
            return signatures::MailDomainCheck::receives_mail;
    }
}

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

}  // namespace rempart::web::signing
