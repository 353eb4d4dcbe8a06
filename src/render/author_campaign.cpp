// The author's page once the petition is published: how it does, the news to its signers
// and the author's forms, in the words of the page's language.
#include "render/detail/author_campaign.hpp"

#include <algorithm>

#include "core/text.hpp"
#include "render/markdown.hpp"
#include "render/news_item.hpp"

namespace rempart::render::detail {
namespace {

mu::data news_item(const SiteView& view, Language language, const News& news) {
    const auto say = [&](std::string_view key) { return text(view, language, key); };
    mu::data item;
    item.set("number", std::to_string(news.number));
    item.set("subject", news.subject);
    item.set("kind", say("news.kind_" + std::string(to_string(news.kind))));
    item.set("created", format_date(language, news.created_at));
    item.set("by_target", news.author == news_by_target);
    item.set("by_organisers", news.author != news_by_target && news.author != news_by_author);
    set_news_sending(item, view.messages, language, news);
    return item;
}

}  // namespace

void set_author_campaign(mu::data& data, const SiteView& view, Language language,
                         const Petition& petition, const AuthorCampaignView& campaign) {
    const auto say = [&](std::string_view key) { return text(view, language, key); };
    const auto number = [&](std::int64_t value) { return format_number(language, value); };
    mu::data c;
    c.set("open", petition.state == PetitionState::published);
    c.set("takes_news", takes_news(petition.state));
    c.set("has_goal", petition.goal.has_value());
    if (petition.goal && *petition.goal > 0)
        c.set("goal_text",
              fill(say("admin.campaign_goal"),
                   {{"goal", number(*petition.goal)},
                    {"percent", std::to_string(campaign.confirmed * 100 / *petition.goal)}}));
    c.set("confirmed", number(campaign.confirmed));
    c.set("waiting", number(campaign.waiting));
    c.set("set_aside", number(campaign.set_aside));
    c.set("chart_html", campaign.chart_svg);
    mu::data regions = mu::data::type::list;
    for (const auto& [name, count] : campaign.regions) {
        mu::data item;
        item.set("name", name);
        item.set("count", number(count));
        regions.push_back(item);
    }
    c.set("regions", regions);
    c.set("has_regions", !campaign.regions.empty());

    c.set("recipients_text",
          fill(say("author.news_recipients"), {{"count", number(campaign.recipients)}}));
    mu::data all = mu::data::type::list;
    for (const auto& news : campaign.news) all.push_back(news_item(view, language, news));
    c.set("news", all);
    c.set("has_news", !campaign.news.empty());
    const bool may_send = !campaign.next_sending_at;
    c.set("may_send", may_send);
    if (!may_send) {
        const auto hours = (*campaign.next_sending_at - campaign.now + 3599) / 3600;
        c.set("next_sending_text",
              fill(say("author.news_next_sending"), {{"hours", number(hours)}}));
    }

    const auto& form = campaign.news_form;
    c.set("news_subject", to_valid_utf8(form.subject));
    c.set("news_text", to_valid_utf8(form.text));
    mu::data kinds = mu::data::type::list;
    for (const auto kind : {NewsKind::update, NewsKind::answer, NewsKind::victory}) {
        if (kind == NewsKind::victory && petition.won_at) continue;
        const std::string code(to_string(kind));
        mu::data item;
        item.set("code", code);
        item.set("label", say("admin.news_kind_" + code));
        item.set("selected", form.kind == code);
        kinds.push_back(item);
    }
    c.set("kinds", kinds);
    mu::data errors = mu::data::type::list;
    for (const auto& error : campaign.news_errors) {
        const auto message = say(error.message);
        mu::data item;
        item.set("field", "news-" + error.field);
        item.set("message", message);
        errors.push_back(item);
        c.set("news_error_" + error.field, message);
    }
    c.set("news_errors", errors);
    c.set("has_news_errors", !campaign.news_errors.empty());
    c.set("previewing", campaign.previewing);
    if (campaign.previewing) c.set("body_html", render_markdown(to_valid_utf8(form.text)));

    set_text(c, "answer_link", campaign.answer_link);
    c.set("close_unconfirmed", campaign.close_unconfirmed);
    set_text(c, "done_text",
             campaign.done.empty() ? std::string() : say("author.done_" + campaign.done));
    data.set("campaign", c);
}

}  // namespace rempart::render::detail
