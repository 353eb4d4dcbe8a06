// What every public page shares, for the files that render them: the parsed templates,
// the words and the site's fields, a petition's card, and the layout around a page.
#pragma once

#include <kainjow/mustache.hpp>

#include <memory>
#include <string>
#include <string_view>

#include "render/pages.hpp"

namespace rempart::render {

struct Templates::Parsed {
    std::unique_ptr<kainjow::mustache::mustache> layout, home, petition, privacy, terms, error,
        thanks, confirm, gate, search, history, unsubscribe, answer, propose, propose_link, author,
        report, support, support_confirm, my_data, my_data_list, newsletter;
    std::string progress_source;  // kainjow takes partials as source text
    std::string share_source;
    std::string proposal_fields_source;
};

namespace detail {

namespace mu = kainjow::mustache;

// Mustache treats an empty string as true, so every optional text also gets has_<name>.
void set_text(mu::data& data, const std::string& name, const std::string& value);
// Fields every page shares: language, site and assets.
mu::data page_data(const SiteView& view, Language language);
// Renders `page` with `data` over the words ({{t.section.key}}), which every page shares.
std::string render_page(const SiteView& view, Language language, mu::mustache& page,
                        const mu::data& data);
// The fields of one petition, for its card on the home page and for its own page.
void set_petition(mu::data& data, const SiteView& view, Language language,
                  const Petition& petition);
// Renders `page` with the progress bar available as a partial.
std::string render_with_progress(const SiteView& view, Language language, mu::mustache& page,
                                 mu::data& data);

struct PageHead {
    std::string title;
    std::string path;      // where the language switch comes back to
    bool signing = false;  // loads the proof-of-work widget
    bool gate = false;     // and sends the gate's form when it is solved
    // > 0: a browser without JavaScript reloads to the gate's wait address after that long.
    // Inside <noscript>: with JavaScript the widget passes, and a page that reloads by
    // itself under a reader who did not ask for it fails WCAG 2.2.1 (axe's meta-refresh).
    int refresh_seconds = 0;
    bool sharing = false;    // loads the share section's buttons
    bool proposing = false;  // loads the proposal form's suggestions
    // Open Graph and Twitter card tags, when the page is one to be shared.
    std::string card_title;
    std::string card_description;
    std::string card_url;
    std::string card_image;  // the share card's address; empty: a small card without one
};

// The share links of a petition (its address, mail, messaging, social networks, QR code):
// for templates/web/share.mustache.
void set_sharing(mu::data& data, const SiteView& view, const Petition& petition);

std::string in_layout(const SiteView& view, Language language, const PageHead& head,
                      const std::string& content_html);
std::string text(const SiteView& view, Language language, std::string_view key);
std::string version_text(const SiteView& view, Language language, const std::string& version);

}  // namespace detail
}  // namespace rempart::render
