// The words of the mails Rempart sends, in the signer's language, as text and as HTML.
#include "render/mail_texts.hpp"

#include <utf8proc.h>
#include <kainjow/mustache.hpp>

#include <ctime>

#include "core/embedded.hpp"
#include "render/evidence_text.hpp"
#include "render/markdown.hpp"

namespace rempart::render {
namespace mu = kainjow::mustache;

namespace {

bool is_letter(utf8proc_int32_t c) {
    const auto category = utf8proc_category(c);
    return category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_LO;
}

bool is_mark(utf8proc_int32_t c) {
    const auto category = utf8proc_category(c);
    return category == UTF8PROC_CATEGORY_MN || category == UTF8PROC_CATEGORY_MC;
}

// Inside a name: Jean-Pierre, O'Brien, N’Diaye.
bool is_joiner(utf8proc_int32_t c) {
    return c == '-' || c == '\'' || c == 0x2019;
}

// The admins' mails: paragraphs of our own text, each escaped in the HTML part.
MailTexts paragraphs_mail(std::string subject, const std::vector<std::string>& paragraphs,
                          Language language) {
    MailTexts mail;
    mail.subject = std::move(subject);
    mail.html = "<!doctype html>\n<html lang=\"" + std::string(code(language)) +
                "\">\n<head><meta charset=\"utf-8\"></head>\n<body>\n";
    for (const auto& paragraph : paragraphs) {
        mail.text += paragraph + "\n\n";
        mail.html += "<p>" + mu::html_escape(paragraph) + "</p>\n";
    }
    mail.html += "</body>\n</html>\n";
    return mail;
}

// The defence's reasons, each a paragraph of its own under `heading`; nothing when none.
void add_evidence(std::vector<std::string>& paragraphs, std::string heading,
                  const std::vector<std::string>& sentences) {
    if (sentences.empty()) return;
    paragraphs.push_back(std::move(heading));
    for (const auto& sentence : sentences) paragraphs.push_back("- " + sentence);
}

}  // namespace

std::string greeting_name(std::string_view name) {
    // clean_text has made every space one ASCII space and trimmed the ends.
    const auto word = name.substr(0, name.find(' '));
    const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(word.data());
    auto left = static_cast<utf8proc_ssize_t>(word.size());
    std::string kept;
    std::size_t chars = 0;
    bool after_letter = false;
    while (left > 0) {
        utf8proc_int32_t c = 0;
        const auto length = utf8proc_iterate(bytes, left, &c);
        if (length <= 0) return "";
        // The whole word is looked at, past the cut too: doubt anywhere, and no name.
        const bool fits = is_letter(c) || (after_letter && (is_mark(c) || is_joiner(c)));
        if (!fits) return "";
        after_letter = !is_joiner(c);
        if (chars < greeting_name_chars) {
            kept.append(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(length));
            ++chars;
        }
        bytes += length;
        left -= length;
    }
    // A name does not end with a hyphen or an apostrophe, even once cut.
    for (const std::string_view joiner : {"-", "'", "\u2019"}) {
        while (kept.ends_with(joiner)) kept.resize(kept.size() - joiner.size());
    }
    return kept;
}

MailTexts confirmation_mail(const Messages& messages, Language language, const SiteSettings& site,
                            std::string_view petition_title, std::string_view signer_name,
                            std::string_view link, std::int64_t link_days) {
    const auto name = greeting_name(signer_name);
    const Placeholders values{{"title", std::string(petition_title)},
                              {"name", name},
                              {"site", site.name},
                              {"days", format_number(language, link_days)}};
    const auto say = [&](std::string_view key) {
        return fill(messages.text(language, key), values);
    };
    MailTexts mail;
    mail.subject = say("mail.confirm_subject");
    const auto greeting = say(name.empty() ? "mail.greeting_anonymous" : "mail.greeting");
    const auto intro = say("mail.confirm_intro");
    const auto expiry = say("mail.confirm_expiry");
    const auto not_you = say("mail.not_you");
    const auto sign_off = say("mail.sign_off");
    mail.text = greeting + "\n\n" + intro + "\n\n" + std::string(link) + "\n\n" + expiry + "\n\n" +
                not_you + "\n\n-- \n" + sign_off + "\n";

    // Parsed once per thread: every signature sends one, and kainjow's render is not
    // const. The template is in the binary; a parse error is a bug the tests catch.
    thread_local mu::mustache html(
        std::string(embedded::find("templates/mail/confirm.mustache").value_or("")));
    mu::data data;
    data.set("lang", std::string(code(language)));
    data.set("subject", mail.subject);
    data.set("greeting", greeting);
    data.set("intro", intro);
    data.set("link", std::string(link));
    data.set("link_text", say("mail.confirm_link"));
    data.set("expiry", expiry);
    data.set("not_you", not_you);
    data.set("sign_off", sign_off);
    mail.html = html.render(data);
    return mail;
}

MailTexts incident_alert_mail(const Messages& messages, Language language,
                              const IncidentAlert& alert) {
    const auto number = [&](std::int64_t n) { return format_number(language, n); };
    char until[32] = "";
    const std::time_t held = static_cast<std::time_t>(alert.held_until);
    std::tm parts{};
    gmtime_r(&held, &parts);
    std::strftime(until, sizeof until, "%Y-%m-%d %H:%M", &parts);
    // A subject's own words where it has them ("one title repeated"), signing's otherwise.
    const auto own =
        [&, suffix = alert.subject == "signatures" ? "" : "_" + alert.subject](std::string key) {
            return messages.all(language).contains(key + suffix) ? key + suffix : key;
        };
    const auto what = fill(messages.text(language, own("alert.what_" + alert.dimension)),
                           {{"value", alert.value}});
    const Placeholders values{{"title", alert.petition_title},
                              {"count", number(alert.quarantined)},
                              {"what", what},
                              {"attempts", number(alert.attempts)},
                              {"total", number(alert.window_total)},
                              {"networks", number(alert.networks)},
                              {"until", until},
                              {"id", std::to_string(alert.incident_id)},
                              {"bans", number(alert.bans)},
                              {"minutes", number(alert.ban_minutes)},
                              {"link", alert.link}};
    const auto say = [&](std::string_view key) {
        return fill(messages.text(language, key), values);
    };
    std::vector<std::string> paragraphs{say(own("alert.intro")), say(own("alert.what"))};
    add_evidence(paragraphs, say("alert.why"),
                 evidence_sentences(messages, language, alert.evidence));
    for (const auto* key : {"alert.done_quarantine", "alert.done_hold", "alert.done_difficulty"})
        paragraphs.push_back(say(own(key)));
    if (alert.bans > 0) paragraphs.push_back(say("alert.done_bans"));
    paragraphs.push_back(say(own("alert.next")));
    paragraphs.push_back(say("alert.link"));
    return paragraphs_mail(say(own("alert.subject")), paragraphs, language);
}

MailTexts release_mail(const Messages& messages, Language language, const ReleaseNotice& notice) {
    const auto number = [&](std::int64_t n) { return format_number(language, n); };
    const auto what =
        fill(messages.text(language, "alert.what_" + notice.dimension), {{"value", notice.value}});
    const Placeholders values{{"title", notice.petition_title},
                              {"id", std::to_string(notice.incident_id)},
                              {"what", what},
                              {"count", number(notice.released)},
                              {"kept", number(notice.kept_by_hand)},
                              {"by", notice.by},
                              {"link", notice.link}};
    const auto say = [&](std::string_view key) {
        return fill(messages.text(language, key), values);
    };
    const auto counted = [&](std::string_view key) {
        return fill(messages.plural(language, key, notice.released), values);
    };
    std::vector<std::string> paragraphs{counted("release_alert.intro"), say("release_alert.what"),
                                        say("release_alert.meaning")};
    if (notice.kept_by_hand > 0) paragraphs.push_back(say("release_alert.kept"));
    paragraphs.push_back(say("release_alert.link"));
    return paragraphs_mail(counted("release_alert.subject"), paragraphs, language);
}

MailTexts login_alert_mail(const Messages& messages, Language language, const LoginAlert& alert) {
    const auto number = [&](std::int64_t n) { return format_number(language, n); };
    const Placeholders values{{"account", alert.account},
                              {"failures", number(alert.failures)},
                              {"networks", number(alert.networks)},
                              {"max_minutes", number(alert.max_minutes)},
                              {"kept_hours", number(alert.kept_hours)},
                              {"link", alert.link}};
    const auto say = [&](std::string_view key) {
        return fill(messages.text(language, key), values);
    };
    const std::vector<std::string> paragraphs{
        say("login_alert.intro"),  say("login_alert.held"),  say("login_alert.if_owner"),
        say("login_alert.if_not"), say("login_alert.audit"), say("login_alert.once")};
    return paragraphs_mail(say("login_alert.subject"), paragraphs, language);
}

MailTexts goal_reached_mail(const Messages& messages, Language language, const GoalMail& goal) {
    const Placeholders values{{"title", goal.title},
                              {"goal", format_number(language, goal.goal)},
                              {"count", format_number(language, goal.count)},
                              {"page", goal.page_link},
                              {"edit", goal.edit_link}};
    const auto say = [&](std::string_view key) {
        return fill(messages.text(language, key), values);
    };
    return paragraphs_mail(say("goal_mail.subject"),
                           {say("goal_mail.intro"), say("goal_mail.raise"), say("goal_mail.once")},
                           language);
}

MailTexts news_mail(const Messages& messages, Language language, const SiteSettings& site,
                    const NewsMail& news) {
    const Placeholders values{{"title", news.petition_title}, {"site", site.name}};
    const auto say = [&](std::string_view key) {
        return fill(messages.text(language, key), values);
    };
    MailTexts mail;
    mail.subject = (news.test ? say("news_mail.test_prefix") + " " : std::string()) + news.subject;
    const auto lead = say("news_mail.lead_" + news.kind);
    const auto read_online = say("news_mail.read_online");
    const auto why = say("news_mail.why");
    const auto leave = say("news_mail.leave");
    const auto sign_off = say("mail.sign_off");
    // The Markdown as written reads well as plain text: it is the text part.
    mail.text = lead + "\n\n" + news.body_markdown + "\n\n" + read_online + " " + news.page_link +
                "\n\n-- \n" + why + "\n" + leave + " " + news.unsubscribe_link + "\n" + sign_off +
                "\n";

    // Rendered once per news and thread: a sending renders the same text for every signer.
    thread_local mu::mustache html(
        std::string(embedded::find("templates/mail/news.mustache").value_or("")));
    thread_local std::string rendered_source;
    thread_local std::string rendered_html;
    if (rendered_source != news.body_markdown) {
        rendered_html = render_markdown(news.body_markdown);
        rendered_source = news.body_markdown;
    }
    mu::data data;
    data.set("lang", std::string(code(language)));
    data.set("subject", mail.subject);
    data.set("lead", lead);
    data.set("body_html", rendered_html);
    data.set("page_link", news.page_link);
    data.set("read_online", read_online);
    data.set("why", why);
    data.set("leave", leave);
    data.set("unsubscribe_link", news.unsubscribe_link);
    data.set("leave_link_text", say("news_mail.leave_link"));
    data.set("sign_off", sign_off);
    mail.html = html.render(data);
    return mail;
}

MailTexts notice_texts(Language language, std::string subject,
                       const std::vector<std::string>& before, const std::string& link,
                       const std::string& link_text, const std::vector<std::string>& after,
                       const std::string& sign_off) {
    MailTexts mail;
    mail.subject = std::move(subject);
    for (const auto& paragraph : before) mail.text += paragraph + "\n\n";
    mail.text += link_text + ": " + link + "\n\n";
    for (const auto& paragraph : after) mail.text += paragraph + "\n\n";
    mail.text += "-- \n" + sign_off + "\n";
    thread_local mu::mustache html(
        std::string(embedded::find("templates/mail/notice.mustache").value_or("")));
    const auto list = [](const std::vector<std::string>& texts) {
        mu::data items = mu::data::type::list;
        for (const auto& text : texts) {
            mu::data item;
            item.set("text", text);
            items.push_back(item);
        }
        return items;
    };
    mu::data data;
    data.set("lang", std::string(code(language)));
    data.set("subject", mail.subject);
    data.set("paragraphs", list(before));
    data.set("link", link);
    data.set("link_text", link_text);
    data.set("after", list(after));
    data.set("sign_off", sign_off);
    mail.html = html.render(data);
    return mail;
}

MailTexts answer_request_mail(const Messages& messages, Language language, const SiteSettings& site,
                              const AnswerRequest& request) {
    const Placeholders values{{"title", request.petition_title},
                              {"target", request.target},
                              {"count", format_number(language, request.count)},
                              {"site", site.name}};
    const auto say = [&](std::string_view key) {
        return fill(messages.text(language, key), values);
    };
    return notice_texts(language, say("answer_mail.request_subject"),
                        {say("answer_mail.request_intro"), say("answer_mail.request_how")},
                        request.link, say("answer_mail.request_link"),
                        {say("answer_mail.request_private")}, say("mail.sign_off"));
}

MailTexts answer_received_mail(const Messages& messages, Language language,
                               const SiteSettings& site, const AnswerReceived& received) {
    const Placeholders values{
        {"title", received.petition_title}, {"target", received.target}, {"site", site.name}};
    const auto say = [&](std::string_view key) {
        return fill(messages.text(language, key), values);
    };
    return notice_texts(language, say("answer_mail.received_subject"),
                        {say("answer_mail.received_intro")}, received.link,
                        say("answer_mail.received_link"), {say("answer_mail.received_next")},
                        say("mail.sign_off"));
}

}  // namespace rempart::render
