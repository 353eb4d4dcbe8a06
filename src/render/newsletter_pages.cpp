// Renders the newsletter's consent words, its pages and its confirmation mail.
#include "render/newsletter_pages.hpp"

#include "render/detail/page_parts.hpp"

namespace rempart::render {

using namespace detail;

namespace {

std::string organisation(const SiteSettings& site) {
    return site.controller.empty() ? site.name : site.controller;
}

}  // namespace

std::string newsletter_words(const Messages& messages, Language language, const SiteSettings& site,
                             std::string_view base_url, std::int64_t idle_days) {
    return fill(messages.text(language, "newsletter.words"),
                {{"org", organisation(site)},
                 {"my_data", std::string(base_url) + "/my-data"},
                 {"days", format_number(language, idle_days)}});
}

std::string render_newsletter(const SiteView& view, Language language, const NewsletterView& page) {
    using Step = NewsletterView::Step;
    auto data = page_data(view, language);
    data.set("confirm", page.step == Step::confirm);
    data.set("subscribed", page.step == Step::subscribed);
    data.set("leave", page.step == Step::leave);
    data.set("ended", page.step == Step::ended);
    data.set("done_now", page.done_now);
    data.set("words_changed", page.words_changed);
    data.set("token", page.token);
    data.set("leave_token", page.leave_token);
    data.set("words", page.words);
    data.set("words_version", page.words_version);
    data.set("address_text",
             fill(text(view, language, "newsletter.address"), {{"email", page.email}}));
    const auto content = render_page(view, language, *view.templates.parsed().newsletter, data);
    // As for a confirmation link, the language switch must not carry the token.
    return in_layout(view, language, {text(view, language, "newsletter.title"), "/"}, content);
}

MailTexts newsletter_confirm_mail(const Messages& messages, Language language,
                                  const SiteSettings& site, std::string_view confirm_link,
                                  std::string_view leave_link, std::int64_t days) {
    const Placeholders values{{"org", organisation(site)},
                              {"site", site.name},
                              {"days", format_number(language, days)},
                              {"leave", std::string(leave_link)}};
    const auto say = [&](std::string_view key) {
        return fill(messages.text(language, key), values);
    };
    return notice_texts(language, say("newsletter_mail.subject"),
                        {say("newsletter_mail.intro"), say("newsletter_mail.why")},
                        std::string(confirm_link), say("newsletter_mail.link"),
                        {say("newsletter_mail.expiry"), say("newsletter_mail.not_you")},
                        say("mail.sign_off"));
}

}  // namespace rempart::render
