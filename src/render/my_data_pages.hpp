// The signer's own data without an account: the form asking for the link, the page it
// opens, and the mail that carries it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "render/mail_texts.hpp"
#include "render/pages.hpp"
#include "signatures/signer_record.hpp"

namespace rempart::render {

// GET /my-data, and the same answer after any address was sent (`sent`), or the form again
// with its error beside the field.
std::string render_my_data_request(const SiteView& view, Language language, bool sent,
                                   std::string_view typed_email, std::string_view error_key);

// The page /my-data/{token} opens: every signature of the mailbox with its state and what
// may be done with it.
struct MyDataView {
    std::string token;
    std::vector<signatures::SignerRecord> records;
    std::string done;  // withdrawn, erased, unsubscribed: the step just taken
    int hours_valid = 24;
    // The newsletter: "pending" or "subscribed" with its moment, or "" when none.
    std::string newsletter_state;
    std::int64_t newsletter_since = 0;
};
std::string render_my_data(const SiteView& view, Language language, const MyDataView& data);

// The mail with the link, in the site's words.
MailTexts my_data_mail(const Messages& messages, Language language, const SiteSettings& site,
                       std::string_view link, int hours_valid);

}  // namespace rempart::render
