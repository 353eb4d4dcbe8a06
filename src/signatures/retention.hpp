// [retention]: how long the site keeps what it holds about people, each period in days, and
// the moments before which each rule applies now. Pure.
#pragma once

#include <cstdint>

namespace rempart::config {
class File;
}

namespace rempart {

struct RetentionSettings {
    // A signature never confirmed, and its link, are erased.
    std::int64_t unconfirmed_days = 30;
    // A closed petition's signatures are anonymised (name, address, postcode, comment and IP
    // address replaced; counts and counts by département kept), unless on legal hold.
    std::int64_t after_close_days = 183;
    // IP addresses stay in clear this long (what the defence and a complaint need), then
    // become their network: the /24 of an IPv4 address, the /48 of an IPv6 one.
    std::int64_t addresses_days = 30;
    // Every signing attempt's and proposal's event (what the defence reads) is deleted.
    std::int64_t events_days = 90;
    // Events an incident holds as evidence stay until it is decided, then this long.
    std::int64_t evidence_days = 365;
    // A mail sent keeps its recipient's address this long; one that failed is deleted (its
    // links expired with the unconfirmed signatures).
    std::int64_t mail_days = 30;
    // A session of the back office is deleted this long after it ended.
    std::int64_t sessions_days = 30;
    // The audit log (logins, refusals, decisions, with the addresses typed at the login form).
    std::int64_t audit_days = 730;
    // A newsletter subscription ends, its address erased, after this long without a real
    // action of its subscriber (confirming it, or confirming a signature with that mailbox).
    std::int64_t newsletter_idle_days = 1095;
    // How often the server's pass looks for what is due, in minutes (not a period: a day's
    // rule applied ten minutes late keeps its promise).
    std::int64_t pass_every_min = 10;
};

RetentionSettings read_retention_settings(config::File& file);

// Every period the site promises people, as the privacy page and the register give them:
// [retention], and how long the server's own backups keep a copy (every_h times keep
// hours; 0 when it takes none by itself).
struct PromisedPeriods {
    RetentionSettings retention;
    std::int64_t backup_hours = 0;
};

// Unix seconds: what is older than each is due.
struct RetentionCutoffs {
    std::int64_t unconfirmed = 0;  // signatures created before
    std::int64_t closed = 0;       // petitions closed before
    std::int64_t addresses = 0;    // addresses recorded before
    std::int64_t events = 0;       // events before
    std::int64_t evidence = 0;     // incidents decided before
    std::int64_t mail = 0;         // mails made before
    std::int64_t sessions = 0;     // sessions ended before
    std::int64_t audit = 0;        // entries before
    std::int64_t newsletter = 0;   // subscriptions last acted on before
};
RetentionCutoffs retention_cutoffs(const RetentionSettings& settings, std::int64_t now);

}  // namespace rempart
