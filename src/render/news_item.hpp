// A news's sending as the back office and the author's page both show it.
#pragma once

#include <kainjow/mustache.hpp>

#include "petitions/news.hpp"
#include "render/i18n.hpp"

namespace rempart::render {

// Into `item`: the sending's word ("sending"), the flags its forms follow (is_draft,
// is_sending, is_paused), the progress bar's percent and its sentence, and the text as HTML.
void set_news_sending(kainjow::mustache::data& item, const Messages& messages, Language language,
                      const News& news);

}  // namespace rempart::render
