// What the signing routes and the signature links share: the services they run on.
#pragma once

#include <functional>
#include <string>

#include "backup/journal.hpp"
#include "defence/response/defence.hpp"
#include "dns/mail_domain_checker.hpp"
#include "shield/asn_table.hpp"
#include "shield/ban_list.hpp"
#include "shield/difficulty.hpp"
#include "shield/proof_of_work.hpp"
#include "shield/signing_limits.hpp"
#include "signatures/disposable_domains.hpp"
#include "signatures/mailbox_caps.hpp"
#include "signatures/refusal_tally.hpp"
#include "signatures/signing_decision.hpp"
#include "store/store.hpp"
#include "web/signing_metrics.hpp"
#include "web/site.hpp"

namespace rempart::web {

// What signing needs, owned by the caller and alive for as long as the routes.
struct SigningServices {
    const Site& site;
    store::Store& store;
    shield::ProofOfWork& proof_of_work;
    const shield::Difficulty& difficulty;  // the defence engine raises it
    shield::SigningLimits& limits;
    const shield::AsnTable& asn_table;
    const signatures::DisposableDomains& disposable_domains;
    dns::MailDomainChecker* mail_domains;  // null when [dns] check_mx is off
    std::string event_secret;              // keys the hashes of names and comments
    // Called after a commit that queued mail, so the outbox sends it at once.
    std::function<void()> mail_queued;
    defence::Defence* defence;    // null: no detection (tests of signing alone)
    const shield::BanList* bans;  // null: nobody is ever banned
    signatures::SigningRules rules;
    SigningCounters counters;
    signatures::MailboxCaps mailbox_caps;
    signatures::RefusalTally refusals;  // written as summaries by the caller, now and then
    // Where a signer's withdrawals and erasures are journaled for the backups; null: nowhere.
    backup::ErasureJournal* erasures = nullptr;
};

}  // namespace rempart::web
