// Builds what signing needs from the config: data lists, DNS, mail transport, outbox.
#pragma once

#include <memory>

#include "app/settings.hpp"
#include "dns/mail_domain_checker.hpp"
#include "mail/outbox.hpp"
#include "mail/transport.hpp"
#include "shield/asn_table.hpp"
#include "shield/signing_limits.hpp"
#include "signatures/disposable_domains.hpp"

namespace rempart::app {

struct SigningSetup {
    std::unique_ptr<shield::AsnTable> asn_table;
    std::unique_ptr<signatures::DisposableDomains> disposable_domains;
    std::unique_ptr<dns::MailDomainChecker> mail_domains;  // null when check_mx is off
    std::unique_ptr<mail::Transport> transport;
    std::unique_ptr<shield::SigningLimits> limits;
};

// `[shield] asn_table`, or the table built into the binary when that is empty.
Result<std::unique_ptr<shield::AsnTable>> load_asn_table(const shield::ShieldSettings& shield);

// Start-up failures (an unreadable table, a bad DNS server, a Maildir that cannot be
// made) are errors naming the setting, and stop the server before it listens.
Result<SigningSetup> set_up_signing(const Config& config);

}  // namespace rempart::app
