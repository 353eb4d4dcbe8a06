// A news's sending, in the words of the page's language.
#include "render/news_item.hpp"

#include <algorithm>

#include "render/markdown.hpp"

namespace rempart::render {

void set_news_sending(kainjow::mustache::data& item, const Messages& messages, Language language,
                      const News& news) {
    item.set("sending",
             std::string(messages.text(
                 language, "admin.news_sending_" + std::string(to_string(news.sending)))));
    item.set("is_draft", news.sending == NewsSending::draft);
    item.set("is_sending", news.sending == NewsSending::sending);
    item.set("is_paused", news.sending == NewsSending::paused);
    const auto percent = sending_percent(news);
    item.set("percent", std::to_string(percent));
    item.set("progress",
             fill(messages.text(language, "admin.news_progress"),
                  {{"delivered", format_number(language, news.delivered)},
                   {"total", format_number(language, std::max(news.recipients, news.queued))},
                   {"percent", std::to_string(percent)}}));
    item.set("body_html", render_markdown(news.body_markdown));
}

}  // namespace rempart::render
