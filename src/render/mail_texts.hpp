// The words of the mails Rempart sends, in the signer's language, as text and as HTML.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "render/i18n.hpp"
#include "render/settings.hpp"

namespace rempart::render {

struct MailTexts {
    std::string subject;
    std::string text;  // plain text, LF line ends: the mail composer makes them CRLF
    std::string html;  // every value escaped
};

// The most of a signer's name a mail may repeat.
inline constexpr std::size_t greeting_name_chars = 20;

// What of the name a signer typed the confirmation mail greets them with: its first word,
// cut to greeting_name_chars characters, when that word is made of letters alone (an
// apostrophe or a hyphen inside). Anything else (a link, an address, a domain, a phone
// number, a symbol) gives "", and the mail greets without a name: whoever signs chooses
// the name, and the mail goes out from the association's own address.
std::string greeting_name(std::string_view name);

// A short mail of paragraphs, one link, and what follows it, in the shared notice layout
// (templates/mail/notice.mustache): the shape of every mail but the confirmation and news.
MailTexts notice_texts(Language language, std::string subject,
                       const std::vector<std::string>& before, const std::string& link,
                       const std::string& link_text, const std::vector<std::string>& after,
                       const std::string& sign_off);

// The confirmation mail: `link` is {base_url}/s/{token}, in both parts, working for
// `link_days` ([retention] unconfirmed_days). Of `signer_name` it says only greeting_name.
MailTexts confirmation_mail(const Messages& messages, Language language, const SiteSettings& site,
                            std::string_view petition_title, std::string_view signer_name,
                            std::string_view link, std::int64_t link_days = 30);

// What the admins are told when the defence opened an incident by itself.
struct IncidentAlert {
    // "signatures", "proposals" or "reports": the last two name no petition, and their
    // texts are the messages' keys suffixed with the subject ("alert.intro_proposals").
    std::string subject = "signatures";
    std::string petition_title;
    std::string dimension;  // name, comment, email_domain, network, as, user_agent
    std::string value;      // shown for domains, networks and ASes only (names are hashes)
    std::int64_t attempts = 0;
    std::int64_t window_total = 0;
    std::int64_t networks = 0;
    std::int64_t quarantined = 0;
    std::int64_t held_until = 0;  // Unix seconds
    std::int64_t incident_id = 0;
    std::int64_t bans = 0;  // networks and ASes refused for a while
    std::int64_t ban_minutes = 0;
    std::string link;  // the incident's page in the back office
    // Why it acted, one sentence a line, as the defence wrote it (incident_clusters.evidence).
    std::string evidence;
};
MailTexts incident_alert_mail(const Messages& messages, Language language,
                              const IncidentAlert& alert);

// What the admins are told when a moderator released a cluster: real signers the defence
// had set aside count again, which says where the defence is too strict.
struct ReleaseNotice {
    std::string petition_title;
    std::int64_t incident_id = 0;
    std::string dimension;          // as in IncidentAlert
    std::string value;              // shown for domains, networks and ASes only (names are hashes)
    std::int64_t released = 0;      // signatures given back
    std::int64_t kept_by_hand = 0;  // held too, but invalidated by a moderator: kept so
    std::string by;                 // the moderator's account
    std::string link;               // the incident's page in the back office
};
MailTexts release_mail(const Messages& messages, Language language, const ReleaseNotice& notice);

// What the admins are told when one account gets many failed logins. Never a password.
struct LoginAlert {
    std::string account;  // its e-mail, in account form
    std::int64_t failures = 0;
    std::int64_t networks = 0;
    std::int64_t max_minutes = 0;  // the longest wait between attempts
    std::int64_t kept_hours = 0;   // quiet this long, the count starts again
    std::string link;              // the audit log in the back office
};
MailTexts login_alert_mail(const Messages& messages, Language language, const LoginAlert& alert);

// The one mail to the organisers when a petition reaches its goal.
struct GoalMail {
    std::string title;
    std::int64_t goal = 0;
    std::int64_t count = 0;
    std::string page_link;  // the petition's public page
    std::string edit_link;  // its back-office page, where the goal is raised
};
MailTexts goal_reached_mail(const Messages& messages, Language language, const GoalMail& goal);

// A petition's news to a signer who asked to be kept informed (or its test, to the
// organiser): the text as written, then why they get it and their own unsubscribe link.
struct NewsMail {
    std::string petition_title;
    std::string kind;  // "update", "answer", "victory"
    std::string subject;
    std::string body_markdown;
    std::string page_link;         // the news on the petition's page
    std::string unsubscribe_link;  // {base_url}/u/{token}
    bool test = false;             // the organiser's own copy, before the sending
};
MailTexts news_mail(const Messages& messages, Language language, const SiteSettings& site,
                    const NewsMail& news);

// To a petition's target: a private link to answer its signers, without an account.
struct AnswerRequest {
    std::string petition_title;
    std::string target;  // the name as the petition gives it
    std::int64_t count = 0;
    std::string link;  // {base_url}/answer/{token}
};
MailTexts answer_request_mail(const Messages& messages, Language language, const SiteSettings& site,
                              const AnswerRequest& request);

// To the organisers: the target answered through their link; the answer waits as a draft.
struct AnswerReceived {
    std::string petition_title;
    std::string target;
    std::string link;  // the petition's news in the back office
};
MailTexts answer_received_mail(const Messages& messages, Language language,
                               const SiteSettings& site, const AnswerReceived& received);

}  // namespace rempart::render
