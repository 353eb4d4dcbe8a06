// The interface words as templates read them ({{t.section.key}}), shared by every render.
#pragma once

#include <kainjow/mustache.hpp>

#include <memory>
#include <string>

#include "render/i18n.hpp"
#include "render/settings.hpp"

namespace rempart::render {

// The catalog of `language` as mustache data under "t", with the site's names filled in
// ({site}, {org}, {controller}, {hosting}). Built once for a catalog, a language and the
// site's names, then shared: it holds the whole catalog, and building it for each page
// took a third of the page's rendering.
std::shared_ptr<const kainjow::mustache::data> shared_words(const Messages& messages,
                                                            Language language,
                                                            const SiteSettings& site);

// Renders `page` with `data` over `words`: a name the data lacks (t.*) is looked up in the
// words, without copying them into the data.
std::string render_over_words(kainjow::mustache::mustache& page,
                              const kainjow::mustache::data& data,
                              const kainjow::mustache::data& words);

}  // namespace rempart::render
