// The association's newsletter as its subscribers meet it: the words they agree to, the
// pages their mailed links open, and the mail asking for the second confirmation.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "render/mail_texts.hpp"
#include "render/pages.hpp"

namespace rempart::render {

// The words of the consent, filled with the association's name, the site's address and
// how long a subscription lasts without a real action: what the confirmation page shows
// and what its proof keeps (signatures::words_version names them).
std::string newsletter_words(const Messages& messages, Language language, const SiteSettings& site,
                             std::string_view base_url, std::int64_t idle_days);

// What a link opens, and what it just did.
struct NewsletterView {
    enum class Step {
        confirm,     // pending: the words and the button that gives consent
        subscribed,  // given (now, or before): how to stop
        leave,       // the leave link, while subscribed or pending: the button
        ended,       // stopped (now, or before), or expired
    };
    Step step = Step::confirm;
    bool done_now = false;    // the step was taken by this request
    std::string token;        // the link's own token
    std::string leave_token;  // for the button on the subscribed page
    std::string email;        // whose subscription, on the confirmation page
    std::string words;
    std::string words_version;
    bool words_changed = false;  // the words changed since the page was shown: read again
};
std::string render_newsletter(const SiteView& view, Language language, const NewsletterView& page);

// The mail asking for the second confirmation: the confirmation link, working while the
// request lasts (`days`, [retention] unconfirmed_days), and the link to never hear of it.
MailTexts newsletter_confirm_mail(const Messages& messages, Language language,
                                  const SiteSettings& site, std::string_view confirm_link,
                                  std::string_view leave_link, std::int64_t days);

}  // namespace rempart::render
