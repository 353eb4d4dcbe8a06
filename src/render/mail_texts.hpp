// The words of the mails Rempart sends, in the signer's language, as text and as HTML.
#pragma once

#include <string>
#include <string_view>

#include "core/config.hpp"
#include "render/i18n.hpp"

namespace rempart::render {

struct MailTexts {
    std::string subject;
    std::string text;  // plain text, LF line ends: the mail composer makes them CRLF
    std::string html;  // every value escaped
};

// The confirmation mail: `link` is {base_url}/s/{token}, in both parts.
MailTexts confirmation_mail(const Messages& messages, Language language, const SiteConfig& site,
                            std::string_view petition_title, std::string_view signer_name,
                            std::string_view link);

}  // namespace rempart::render
