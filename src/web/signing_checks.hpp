// The checks of a signature that ask another part: its proof of work and its mail domain.
#pragma once

#include <boost/asio/awaitable.hpp>

#include <string>

#include "dns/mail_domain_checker.hpp"
#include "shield/proof_of_work.hpp"
#include "signatures/signing_decision.hpp"
#include "web/signing_services.hpp"

namespace rempart::web::signing {

// The solution is spent here, whatever the check says: a payload serves once. `solved`
// holds the solution's claims when it is accepted.
signatures::ProofOfWorkCheck check_proof_of_work(SigningServices& services,
                                                 const std::string& payload,
                                                 const std::string& slug,
                                                 const std::string& client_ip,
                                                 shield::PowClaims& solved);

signatures::MailDomainCheck check_of(dns::MailDomainStatus status);

// Waits for the mail domain checker, which answers on its own thread.
boost::asio::awaitable<dns::MailDomainAnswer> check_mail_domain(dns::MailDomainChecker& checker,
                                                                std::string domain);

}  // namespace rempart::web::signing
