// The catalog of log events: every log line starts with one of these stable names.
//
// Operators grep for them and the docs explain them, so a name never changes meaning once
// released; a new situation gets a new name. Naming: the constant is the event in lower
// case (`log_event::http_request`), its text the same in upper case (`HTTP_REQUEST`), as
// the first word of the line. The rest of the line is `key=value` pairs, values with
// spaces in double quotes, each event's keys listed beside it below:
//   spdlog::info("{} id={} status={}", log_event::http_request, id, status);
// becomes "2026-11-25T04:31:28.123+00:00 info HTTP_REQUEST id=k3xq9a2m7bcd status=200".
#pragma once

#include <string_view>

namespace rempart::log_event {

// The server listens: listen=, base_url=, threads=.
inline constexpr std::string_view server_started = "SERVER_STARTED";
// SIGTERM or SIGINT received: signal=. In-flight requests are being finished.
inline constexpr std::string_view server_stopping = "SERVER_STOPPING";
// Every connection closed and the store closed cleanly.
inline constexpr std::string_view server_stopped = "SERVER_STOPPED";
// One line per answered request: id=, ip=, method=, route=, status=, bytes=, us=.
inline constexpr std::string_view http_request = "HTTP_REQUEST";
// A handler or a session let an exception out; the client got a 500 page: error=.
inline constexpr std::string_view http_handler_failed = "HTTP_HANDLER_FAILED";
// A client was refused or cut by a limit: kind= (see rempart_limits_hit_total), peer=.
inline constexpr std::string_view http_limit_hit = "HTTP_LIMIT_HIT";
// accept() failed (often: out of file descriptors): error=.
inline constexpr std::string_view connection_refused = "CONNECTION_REFUSED";
// The store was opened: file=, schema=.
inline constexpr std::string_view store_opened = "STORE_OPENED";
// Migrations were applied: from=, to=.
inline constexpr std::string_view store_migrated = "STORE_MIGRATED";
// The store could not be used (not writable, corrupt, locked...): error=.
inline constexpr std::string_view store_refused = "STORE_REFUSED";
// The store's schema is newer than this binary knows; it is left untouched: found=, known=.
inline constexpr std::string_view store_refused_newer = "STORE_REFUSED_NEWER";
// A group of writes failed to commit: error=, jobs=.
inline constexpr std::string_view store_write_failed = "STORE_WRITE_FAILED";
// A petition was created: slug=, state= (draft from the back office), by=.
inline constexpr std::string_view petition_created = "PETITION_CREATED";
// A petition's QR code could not be made (an address too long for a code): slug=.
inline constexpr std::string_view qr_failed = "QR_FAILED";
// A petition's share card could not be drawn (a font or libpng failed): slug=, error=.
inline constexpr std::string_view card_failed = "CARD_FAILED";
// A petition's text or settings were changed: slug=, fields=, by=.
inline constexpr std::string_view petition_edited = "PETITION_EDITED";
// A petition was published, closed or archived: slug=, step=, by= (or reason=end_date).
inline constexpr std::string_view petition_step = "PETITION_STEP";
// A petition's news started, paused or resumed its sending: petition=, news=, step=, by=.
inline constexpr std::string_view news_sending = "NEWS_SENDING";
// Every recipient of a news now has their mail in the outbox: news=.
inline constexpr std::string_view news_queued = "NEWS_QUEUED";
// A petition's target answered through their private link; the answer waits as a draft:
// petition=, news=.
inline constexpr std::string_view news_answered = "NEWS_ANSWERED";
// A signer asked to hear no more of a petition: signature=, how= (page, one_click).
inline constexpr std::string_view news_left = "NEWS_LEFT";
// Cached pages were dropped because what they show changed: reason=.
inline constexpr std::string_view cache_invalidated = "CACHE_INVALIDATED";
// A signature was recorded or matched an active one: petition=, signature=, outcome=
// (created, duplicate_mail, duplicate_quiet), ip=.
inline constexpr std::string_view signature_accepted = "SIGNATURE_ACCEPTED";
// Signing attempts were refused, summed every few seconds per petition and verdict (never a
// line per attempt): petition=, verdict= (pow_missing, rate_limited_ip, ...), attempts=,
// networks=.
inline constexpr std::string_view signature_refused = "SIGNATURE_REFUSED";
// A signature was confirmed from its mail: signature=, after_s=, outcome= (confirmed,
// confirmed_in_quarantine).
inline constexpr std::string_view signature_confirmed = "SIGNATURE_CONFIRMED";
// A signature was withdrawn by its signer: signature=.
inline constexpr std::string_view signature_withdrawn = "SIGNATURE_WITHDRAWN";
// The mail domain check could not get an answer; the signature was taken (its mail is the
// real check): domain=, detail=.
inline constexpr std::string_view dns_check_unknown = "DNS_CHECK_UNKNOWN";
// A mail left the outbox: id=, attempts=.
inline constexpr std::string_view mail_sent = "MAIL_SENT";
// A mail could not go and will be tried again: id=, attempts=, next_in_s=, error=.
inline constexpr std::string_view mail_deferred = "MAIL_DEFERRED";
// A mail was given up (refused for good, or too old): id=, attempts=, error=.
inline constexpr std::string_view mail_failed = "MAIL_FAILED";
// A value stood out and was held: petition=, dimension=, attempts=, of=, networks=, bans=.
inline constexpr std::string_view incident_cluster = "INCIDENT_CLUSTER";
// A value repeated with no sign of automation: watched, nothing set aside: petition=,
// dimension=, attempts=, of=, networks=.
inline constexpr std::string_view incident_watch = "INCIDENT_WATCH";
// Its cluster opened an incident (an attack): incident=, petition=, contained_after_ms=.
inline constexpr std::string_view incident_opened = "INCIDENT_OPENED";
// A moderator decided on a cluster, or lifted a ban: incident=, cluster=, decision=, by=,
// and for a cluster signatures= and mails= (the admins' mails queued about a release).
inline constexpr std::string_view incident_decided = "INCIDENT_DECIDED";
// A moderator decided on a watch: watch=, petition=, dimension=, decision= (dismissed,
// invalidated), by=.
inline constexpr std::string_view watch_decided = "WATCH_DECIDED";
// A trusted mail domain or network was added or removed from the back office: change=
// (added, removed), kind=, value=, petition= (empty: the whole site), by=.
inline constexpr std::string_view trust_changed = "TRUST_CHANGED";
// Signing refused because the client's network or AS is banned: petition=, ip=, until_ms=.
inline constexpr std::string_view signing_banned = "SIGNING_BANNED";
// A back-office account was added from the command line: email=, role=.
inline constexpr std::string_view user_added = "USER_ADDED";
// A back-office login succeeded: user=, ip=.
inline constexpr std::string_view admin_login = "ADMIN_LOGIN";
// A back-office login was refused: reason= (credentials, rate_limited, pool_share, busy),
// by= (address, account, backoff) when rate_limited, failures= when credentials, ip=.
inline constexpr std::string_view admin_login_refused = "ADMIN_LOGIN_REFUSED";
// One account's failed logins reached [admin] login_alert_after and the admins were mailed
// (once an episode): account=, failures=, networks=, mails=.
inline constexpr std::string_view admin_login_alert = "ADMIN_LOGIN_ALERT";
// A back-office request was refused by its guard: reason= (csrf, no_session, role), path=,
// ip=.
inline constexpr std::string_view admin_forbidden = "ADMIN_FORBIDDEN";
// The under-attack gate went on or off: on=, mode= (auto, on, off), reason= (surge, load,
// admin, calm), usual_rps= (the usual requests a second it had learnt).
inline constexpr std::string_view gate_switched = "GATE_SWITCHED";
// An admin set the gate's mode from the back office: mode=, by=.
inline constexpr std::string_view gate_mode_set = "GATE_MODE_SET";
// An admin changed the site's settings from the back office, or forgot them for the config
// file's: names= (the settings changed, comma-separated), by=.
inline constexpr std::string_view settings_changed = "SETTINGS_CHANGED";
// A petition was proposed on the web and waits for its author's confirmation: petition=, ip=.
inline constexpr std::string_view proposal_received = "PROPOSAL_RECEIVED";
// Someone supported a proposal that gathers supporters before the queue: petition=, ip=.
inline constexpr std::string_view proposal_supported = "PROPOSAL_SUPPORTED";
// A proposal was refused before anything was written: verdict= (as signing's), ip=.
inline constexpr std::string_view proposal_refused = "PROPOSAL_REFUSED";
// A moderator took a step on a proposal: petition=, step= (hold, approve, reject, return,
// flag), by=.
inline constexpr std::string_view proposal_moderated = "PROPOSAL_MODERATED";
// A visitor reported a petition: petition=, network= (never the address).
inline constexpr std::string_view petition_reported = "PETITION_REPORTED";
// A report was refused before anything was written: verdict=, petition=, ip=.
inline constexpr std::string_view report_refused = "REPORT_REFUSED";
// A moderator took a petition down: petition=, reason=, by=.
inline constexpr std::string_view petition_taken_down = "PETITION_TAKEN_DOWN";
// What the shield refused in the last second, one line a second while it refuses: passed=,
// limited_ip=, limited_network=, limited_as=, limited_clearance=, gated=, shed=.
inline constexpr std::string_view shield_refused = "SHIELD_REFUSED";
// Requests that would change something, refused in the last second for coming from another
// site, one line a second while it refuses: foreign_origin=, null_origin=,
// cross_site_fetch=, foreign_referer= (http::OriginVerdict).
inline constexpr std::string_view origin_refused = "ORIGIN_REFUSED";
// What [retention] changed in one pass, when anything: erased= (unconfirmed signatures),
// anonymised=, proposals= (authors and supporters erased), addresses= (rows walked to their
// network), events=, mails=, newsletter= (subscriptions expired or never confirmed),
// back_office=.
inline constexpr std::string_view retention_applied = "RETENTION_APPLIED";
// A signer acted on their own data through their /my-data link: step= (withdrawn, erased,
// unsubscribed, nothing), signatures= (how many changed). Never the address.
inline constexpr std::string_view my_data_used = "MY_DATA_USED";
// The server took its own backup: file=, bytes= (the backup), store_bytes=, ms=.
inline constexpr std::string_view backup_taken = "BACKUP_TAKEN";
// A backup or a line of the erasure journal could not be written: what= (backup, journal),
// error=. The operator must act: a backup may miss, or bring back, what it should not.
inline constexpr std::string_view backup_failed = "BACKUP_FAILED";
// The newsletter's consent: subscriber= (its number, never the address), step= (asked,
// subscribed, left), how= (link, one_click; for left).
inline constexpr std::string_view newsletter_consent = "NEWSLETTER_CONSENT";
// The disk took no log lines for a while and some were dropped rather than make requests
// wait: count= (lines dropped since the last such line).
inline constexpr std::string_view log_lines_dropped = "LOG_LINES_DROPPED";

// Every event above, for the documentation and for the test that keeps names unique.
inline constexpr std::string_view all[] = {
    server_started,      server_stopping,     server_stopped,      http_request,
    http_handler_failed, http_limit_hit,      connection_refused,  store_opened,
    store_migrated,      store_refused,       store_refused_newer, store_write_failed,
    petition_created,    cache_invalidated,   signature_accepted,  signature_refused,
    signature_confirmed, signature_withdrawn, dns_check_unknown,   mail_sent,
    mail_deferred,       mail_failed,         incident_cluster,    incident_opened,
    incident_decided,    signing_banned,      user_added,          admin_login,
    admin_login_refused, admin_forbidden,     gate_switched,       gate_mode_set,
    shield_refused,      origin_refused,      admin_login_alert,   incident_watch,
    watch_decided,       trust_changed,       petition_edited,     petition_step,
    qr_failed,           news_sending,        news_queued,         news_left,
    news_answered,       card_failed,         settings_changed,    proposal_received,
    proposal_refused,    proposal_moderated,  petition_reported,   report_refused,
    petition_taken_down, proposal_supported,  retention_applied,   my_data_used,
    backup_taken,        backup_failed,       newsletter_consent,  log_lines_dropped,
};

}  // namespace rempart::log_event
