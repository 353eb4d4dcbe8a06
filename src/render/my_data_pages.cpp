// Renders the signer's own data pages and the mail with their link.
#include "render/my_data_pages.hpp"

#include "core/text.hpp"
#include "render/detail/page_parts.hpp"

namespace rempart::render {

using namespace detail;

std::string render_my_data_request(const SiteView& view, Language language, bool sent,
                                   std::string_view typed_email, std::string_view error_key) {
    auto data = page_data(view, language);
    data.set("sent", sent);
    data.set("typed_email", to_valid_utf8(typed_email));
    set_text(data, "error", error_key.empty() ? std::string() : text(view, language, error_key));
    const auto content = render_page(view, language, *view.templates.parsed().my_data, data);
    return in_layout(view, language, {text(view, language, "my_data.title"), "/my-data"}, content);
}

std::string render_my_data(const SiteView& view, Language language, const MyDataView& page) {
    auto data = page_data(view, language);
    const auto say = [&](std::string_view key) { return text(view, language, key); };
    data.set("token", page.token);
    set_text(data, "done_text",
             page.done.empty() ? std::string() : say("my_data.done_" + page.done));
    data.set("valid_text",
             fill(say("my_data.valid"), {{"hours", std::to_string(page.hours_valid)}}));
    mu::data records = mu::data::type::list;
    bool any_active = false;
    bool any_news = false;
    for (const auto& record : page.records) {
        mu::data item;
        item.set("id", std::to_string(record.id));
        item.set("petition_title", record.petition_title);
        item.set("petition_slug", record.petition_slug);
        item.set("state", say("my_data.state_" + record.state));
        item.set("signed", format_date(language, record.created_at));
        item.set("name", record.name);
        item.set("email", record.email);
        set_text(item, "postcode", record.postcode);
        set_text(item, "comment", record.comment);
        item.set("public_name", say(record.public_name ? "my_data.yes" : "my_data.no"));
        item.set("updates", say(record.updates ? "my_data.yes" : "my_data.no"));
        const bool active = record.state == "pending" || record.state == "confirmed" ||
                            record.state == "quarantined";
        item.set("active", active);
        any_active = any_active || active;
        any_news = any_news || record.updates || record.newsletter_at;
        records.push_back(item);
    }
    const bool newsletter = !page.newsletter_state.empty();
    any_news = any_news || newsletter;
    data.set("has_newsletter", newsletter);
    if (newsletter)
        data.set("newsletter_text",
                 fill(say("my_data.newsletter_" + page.newsletter_state),
                      {{"date", format_date(language, page.newsletter_since)}}));
    data.set("records", records);
    data.set("has_records", !page.records.empty());
    data.set("any_active", any_active);
    data.set("any_news", any_news);
    const auto content = render_page(view, language, *view.templates.parsed().my_data_list, data);
    return in_layout(view, language, {say("my_data.list_title"), "/my-data"}, content);
}

MailTexts my_data_mail(const Messages& messages, Language language, const SiteSettings& site,
                       std::string_view link, int hours_valid) {
    const Placeholders values{{"site", site.name}, {"hours", std::to_string(hours_valid)}};
    const auto say = [&](std::string_view key) {
        return fill(messages.text(language, key), values);
    };
    return notice_texts(language, say("my_data_mail.subject"), {say("my_data_mail.intro")},
                        std::string(link), say("my_data_mail.link"), {say("my_data_mail.not_you")},
                        say("mail.sign_off"));
}

}  // namespace rempart::render
