// What every public page shares: the words, the site's fields, a petition's card, the layout.
#include <kainjow/mustache.hpp>

#include <algorithm>
#include <cctype>
#include <ctime>

#include "core/text.hpp"
#include "render/detail/page_parts.hpp"
#include "render/share_card.hpp"
#include "render/words.hpp"

namespace rempart::render::detail {

void set_text(mu::data& data, const std::string& name, const std::string& value) {
    data.set(name, value);
    data.set("has_" + name, !value.empty());
}

mu::data page_data(const SiteView& view, Language language) {
    mu::data data;
    data.set("lang", std::string(code(language)));
    data.set("site_name", view.site->name);
    set_text(data, "controller", view.site->controller);
    set_text(data, "contact_email", view.site->contact_email);
    set_text(data, "postal_address", view.site->postal_address);
    set_text(data, "hosting_provider", view.site->hosting_provider);
    data.set("asset_pico", std::string(view.assets.url("pico.css")));
    data.set("asset_rempart", std::string(view.assets.url("rempart.css")));
    data.set("asset_favicon", std::string(view.assets.url("favicon.svg")));
    return data;
}

std::string render_page(const SiteView& view, Language language, mu::mustache& page,
                        const mu::data& data) {
    return render_over_words(page, data, *shared_words(view.messages, language, *view.site));
}

void set_petition(mu::data& data, const SiteView& view, Language language,
                  const Petition& petition) {
    const auto& messages = view.messages;
    data.set("slug", petition.slug);
    data.set("title", petition.title);
    // The petition's own language, which may differ from the interface's: screen readers
    // read its title and text with the right voice.
    data.set("petition_lang", petition.language == "en" ? std::string("en") : std::string("fr"));
    set_text(data, "summary", petition.summary);
    data.set("signatures", format_signatures(messages, language, petition.signature_count));
    const auto now = static_cast<std::int64_t>(std::time(nullptr));
    data.set("closed", !collects_signatures(petition, now));
    data.set("archived", petition.state == PetitionState::archived);
    set_text(data, "target",
             petition.target_function.empty() ? petition.target_name
             : petition.target_name.empty()
                 ? petition.target_function
                 : petition.target_name + ", " + petition.target_function);
    data.set("has_ends_on",
             petition.ends_at.has_value() && petition.state == PetitionState::published);
    if (petition.ends_at)
        data.set("ends_on", fill(messages.text(language, "petition.ends_on"),
                                 {{"date", format_date(language, *petition.ends_at - 1)}}));
    data.set("has_edited", petition.edited_at > 0);
    if (petition.edited_at > 0)
        data.set("edited_on", fill(messages.text(language, "petition.edited_on"),
                                   {{"date", format_date(language, petition.edited_at)}}));
    data.set("has_goal", petition.goal.has_value() && *petition.goal > 0);
    if (!petition.goal || *petition.goal <= 0) return;
    const auto goal = *petition.goal;
    const auto count = std::max<std::int64_t>(0, petition.signature_count);
    data.set("goal", std::to_string(goal));
    data.set("goal_text", fill(messages.text(language, "petition.goal"),
                               {{"goal", format_signatures(messages, language, goal)}}));
    data.set("progress_value", std::to_string(std::min(count, goal)));
    data.set("goal_reached", count >= goal);
    // Past the goal the bar stays full but the words say how far past.
    data.set("progress_text",
             fill(messages.text(language, "petition.progress"),
                  {{"percent",
                    format_number(language, count / goal * 100 + count % goal * 100 / goal)}}));
}

void set_sharing(mu::data& data, const SiteView& view, const Petition& petition) {
    const auto url = std::string(view.base_url) + "/petitions/" + petition.slug;
    const auto link = percent_encode(url);
    const auto title = percent_encode(petition.title);
    data.set("share_url", url);
    // Plain links: nothing is loaded from these sites until a visitor follows one.
    data.set("share_mail", "mailto:?subject=" + title + "&body=" + title + "%0A%0A" + link);
    data.set("share_whatsapp", "https://wa.me/?text=" + title + "%20" + link);
    data.set("share_facebook", "https://www.facebook.com/sharer/sharer.php?u=" + link);
    data.set("share_x", "https://x.com/intent/post?url=" + link + "&text=" + title);
    data.set("share_bluesky", "https://bsky.app/intent/compose?text=" + title + "%20" + link);
    data.set("share_linkedin", "https://www.linkedin.com/sharing/share-offsite/?url=" + link);
    data.set("share_qr_svg", "/petitions/" + petition.slug + "/qr.svg");
    data.set("share_qr_png", "/petitions/" + petition.slug + "/qr.png");
    data.set("sharing", true);
}

std::string render_with_progress(const SiteView& view, Language language, mu::mustache& page,
                                 mu::data& data) {
    const auto& source = view.templates.parsed().progress_source;
    data.set("progress", mu::partial([&source] { return source; }));
    const auto& share = view.templates.parsed().share_source;
    data.set("share", mu::partial([&share] { return share; }));
    return render_page(view, language, page, data);
}

std::string in_layout(const SiteView& view, Language language, const PageHead& head,
                      const std::string& content_html) {
    auto data = page_data(view, language);
    data.set("page_title", head.title);
    data.set("content_html", content_html);
    data.set("signing", head.signing);
    data.set("gate", head.gate);
    data.set("asset_gate_js", std::string(view.assets.url("gate.js")));
    data.set("refresh", head.refresh_seconds > 0);
    data.set("sharing", head.sharing);
    data.set("asset_share_js", std::string(view.assets.url("share.js")));
    data.set("proposing", head.proposing);
    data.set("asset_propose_js", std::string(view.assets.url("propose.js")));
    data.set("card", !head.card_url.empty());
    data.set("card_title", head.card_title);
    data.set("card_description", head.card_description);
    data.set("card_url", head.card_url);
    set_text(data, "card_image", head.card_image);
    data.set("card_image_width", std::to_string(share_card_width));
    data.set("card_image_height", std::to_string(share_card_height));
    data.set("refresh_seconds", std::to_string(head.refresh_seconds));
    if (head.signing) {
        data.set("asset_altcha_css", std::string(view.assets.url("altcha.css")));
        data.set("asset_altcha_js", std::string(view.assets.url("altcha.js")));
        data.set("asset_altcha_fr", std::string(view.assets.url("altcha-fr.js")));
        data.set("asset_signing_js", std::string(view.assets.url("signing.js")));
    }
    mu::data languages = mu::data::type::list;
    for (const auto other : all_languages) {
        mu::data entry;
        entry.set("code", std::string(code(other)));
        // Each language named in its own words, whatever the page's language.
        entry.set("label", std::string(view.messages.text(other, "site.language_name")));
        entry.set("current", other == language);
        entry.set("next", percent_encode(head.path));
        languages.push_back(entry);
    }
    data.set("languages", languages);
    return render_page(view, language, *view.templates.parsed().layout, data);
}

std::string text(const SiteView& view, Language language, std::string_view key) {
    return std::string(view.messages.text(language, key));
}

std::string version_text(const SiteView& view, Language language, const std::string& version) {
    return fill(view.messages.text(language, "legal.version"), {{"version", version}});
}

}  // namespace rempart::render::detail
