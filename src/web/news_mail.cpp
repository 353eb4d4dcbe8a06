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

store::MailToQueue news_test_mail(const Site& site, const Petition& petition, const News& news,
                                  std::string_view to) {
    store::NewsParts parts;
    parts.language = petition.language;
    parts.petition_title = petition.title;
    parts.petition_slug = petition.slug;
    parts.news_id = news.id;
    parts.number = news.number;
    parts.kind = std::string(to_string(news.kind));
    parts.subject = news.subject;
    parts.body_markdown = news.body_markdown;
    const auto& config = site.config();
    return {"news_test", config.mail.from, std::string(to),
            compose_news_mail(site, parts, to,
                              config.server.base_url + std::string(test_unsubscribe_path), true)};
}

std::optional<store::MailToQueue> answer_request_to_target(const Site& site,
                                                           const Petition& petition,
                                                           std::string_view link) {
    if (petition.target_email.empty()) return std::nullopt;
    const auto& config = site.config();
    const auto language = render::parse_language(petition.language)
                              .value_or(render::parse_language(config.site.default_language)
                                            .value_or(render::Language::fr));
    const auto texts = render::answer_request_mail(
        site.messages(), language, config.site,
        {petition.title, petition.target_name, petition.signature_count, std::string(link)});
    return store::MailToQueue{
        "answer_request", config.mail.from, petition.target_email,
        compose_site_mail(config.mail, config.site, petition.target_email, language, texts)};
}

}  // namespace rempart::web
