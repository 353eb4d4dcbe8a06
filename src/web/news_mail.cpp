// A petition's news as a mail.
#include "web/news_mail.hpp"

#include "render/i18n.hpp"
#include "render/mail_texts.hpp"
#include "web/site_mail.hpp"

namespace rempart::web {

std::string compose_news_mail(const Site& site, const store::NewsParts& news, std::string_view to,
                              std::string_view unsubscribe_url, bool test) {
    const auto& config = site.config();
    const auto language = render::parse_language(news.language)
                              .value_or(render::parse_language(config.site.default_language)
                                            .value_or(render::Language::fr));
    render::NewsMail parts;
    parts.petition_title = news.petition_title;
    parts.kind = news.kind;
    parts.subject = news.subject;
    parts.body_markdown = news.body_markdown;
    parts.page_link = config.server.base_url + "/petitions/" + news.petition_slug + "#news-" +
                      std::to_string(news.number);
    parts.unsubscribe_link = std::string(unsubscribe_url);
    parts.test = test;
    const auto texts = render::news_mail(site.messages(), language, config.site, parts);
    return compose_site_mail(config.mail, config.site, to, language, texts, unsubscribe_url);
}

}  // namespace rempart::web
