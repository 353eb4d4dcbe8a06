// [dns]: whether signers' mail domains are checked for MX records, and with which resolvers.
#pragma once

#include "dns/mail_domain_checker.hpp"

namespace rempart::config {
class File;
}

namespace rempart::dns {

struct DnsSettings {
    bool check_mx = true;
    // servers (empty: the system's resolvers) and timeout_ms, per try; two tries before
    // "unknown".
    MailDomainChecker::Options checker;
};

DnsSettings read_dns_settings(config::File& file);

}  // namespace rempart::dns
