// A petition's news page in the back office: read from the store, shown with each sending's
// progress and the form.
#include "admin/news_page.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "core/log_events.hpp"
#include "core/log_text.hpp"
#include "petitions/errors.hpp"
#include "render/news_item.hpp"
#include "store/news_repository.hpp"
#include "store/petition_repository.hpp"

namespace rempart::admin {

boost::asio::awaitable<std::optional<NewsView>> read_news_view(AdminServices& s, std::int64_t id) {
    std::function<std::optional<NewsView>(store::Database&)> read =
        [id](store::Database& db) -> std::optional<NewsView> {
        auto petition = store::find_petition_by_id(db, id);
        if (!petition) return std::nullopt;
        return NewsView{std::move(*petition), store::list_news(db, id),
                        store::count_news_recipients(db, id)};
    };
    co_return co_await s.store.readers().read<std::optional<NewsView>>(std::move(read));
}

Response news_missing(const AdminServices& s, const AdminContext& context) {
    return admin_notice(s, context.language, 404, "admin.petition_missing_title",
                        "admin.petition_missing");
}

Response news_store_busy(const AdminServices& s, const AdminContext& context, const Error& error) {
    spdlog::error("{} error={}", log_event::store_write_failed, log_text(error.detail));
    return admin_notice(s, context.language, 503, "admin.busy_title", "admin.store_busy");
}

std::string news_base_path(std::int64_t id) {
    return "/admin/petitions/" + std::to_string(id) + "/updates";
}

NewsForm read_news_form(const FormFields& fields) {
    NewsForm form;
    for (const auto& [name, value] : fields) {
        if (name == "kind") form.kind = value;
        if (name == "subject") form.subject = value;
        if (name == "text") form.text = value;
        if (name == "action") form.action = value;
    }
    return form;
}

PageData news_page_data(const AdminServices& s, const AdminContext& context, const NewsView& view,
                        const NewsForm& form, const std::vector<FieldError>& errors) {
    const auto& petition = view.petition;
    const auto number = [&](std::int64_t value) {
        return render::format_number(context.language, value);
    };
    PageData data;
    data.set("id", std::to_string(petition.id));
    data.set("title", petition.title);
    data.set("public_url", "/petitions/" + petition.slug);
    data.set("takes_news", takes_news(petition.state));
    data.set("recipients", number(view.recipients));
    data.set("has_recipients", view.recipients > 0);
    data.set("may_manage", accounts::may(context.user.role, accounts::Action::manage_petitions));
    data.set("target_has_email", !petition.target_email.empty());

    data.set("subject", form.subject);
    data.set("text", form.text);
    PageData kinds = PageData::type::list;
    for (const auto kind : {NewsKind::update, NewsKind::answer, NewsKind::victory}) {
        if (kind == NewsKind::victory && petition.won_at) continue;
        const std::string code(to_string(kind));
        PageData item;
        item.set("code", code);
        item.set("label", say(s, context, "admin.news_kind_" + code));
        item.set("selected", form.kind == code);
        kinds.push_back(item);
    }
    data.set("kinds", kinds);
    set_field_errors(data, s, context, errors);

    PageData all = PageData::type::list;
    for (const auto& news : view.news) {
        PageData item;
        item.set("number", std::to_string(news.number));
        item.set("subject", news.subject);
        item.set("kind", say(s, context, "admin.news_kind_" + std::string(to_string(news.kind))));
        item.set("created", utc_time(news.created_at * 1000));
        // An organiser's address, or who wrote it without an account.
        item.set("author", news.author == news_by_author   ? say(s, context, "admin.news_by_author")
                           : news.author == news_by_target ? say(s, context, "admin.news_by_target")
                                                           : news.author);
        render::set_news_sending(item, s.pages.messages(), context.language, news);
        all.push_back(item);
    }
    data.set("news", all);
    data.set("has_news", !view.news.empty());
    // The page follows a sending by itself (static/news-progress.js) while one runs.
    data.set("follows_progress",
             std::any_of(view.news.begin(), view.news.end(),
                         [](const News& news) { return news.sending == NewsSending::sending; }));
    return data;
}

Response news_page(const AdminServices& s, const AdminContext& context, unsigned status,
                   PageData data) {
    return admin_page(s, context, status, "admin.news_title", "news", std::move(data));
}

}  // namespace rempart::admin
