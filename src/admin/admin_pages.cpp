// Back-office pages inside their own layout.
#include "admin/admin_pages.hpp"

#include <cctype>
#include <stdexcept>

#include "core/embedded.hpp"
#include "core/text.hpp"
#include "render/errors.hpp"
#include "render/words.hpp"

namespace rempart::admin {
namespace mu = kainjow::mustache;
namespace {

constexpr std::string_view folder = "templates/admin/";
constexpr std::string_view suffix = ".mustache";

}  // namespace

PageData lines_of(const std::vector<std::string>& lines, const std::string& field) {
    PageData list = PageData::type::list;
    for (const auto& line : lines) {
        PageData item;
        item.set(field, line);
        list.push_back(item);
    }
    return list;
}

Result<std::unique_ptr<AdminPages>> AdminPages::load(const render::Messages& messages,
                                                     const render::StaticAssets& assets,
                                                     const web::LiveSettings& settings) {
    std::unique_ptr<AdminPages> pages(new AdminPages(messages, assets, settings));
    for (const auto& file : embedded::files()) {
        if (!file.path.starts_with(folder) || !file.path.ends_with(suffix)) continue;
        auto name = file.path.substr(folder.size());
        name.remove_suffix(suffix.size());
        const mu::mustache parsed{std::string(file.bytes)};
        if (!parsed.is_valid())
            return make_error(render::RenderError::template_invalid,
                              std::string(file.path) + ": " + parsed.error_message());
        pages->sources_.emplace(std::string(name), std::string(file.bytes));
    }
    if (!pages->sources_.contains("layout"))
        return make_error(render::RenderError::template_missing,
                          "templates/admin/layout.mustache is not in this build");
    return pages;
}

std::string role_key(accounts::Role role) {
    return "admin.role_" + std::string(accounts::to_string(role));
}

PageData AdminPages::shared_data(render::Language language, const PageFrame& frame,
                                 const render::SiteSettings& site) const {
    PageData data;
    data.set("lang", std::string(render::code(language)));
    data.set("site_name", site.name);
    data.set("asset_pico", std::string(assets_.url("pico.css")));
    data.set("asset_rempart", std::string(assets_.url("rempart.css")));
    data.set("asset_favicon", std::string(assets_.url("favicon.svg")));
    data.set("asset_news_progress", std::string(assets_.url("news-progress.js")));
    data.set("page_title", std::string(messages_.text(language, frame.title_key)));
    data.set("logged_in", frame.viewer.has_value());
    if (frame.viewer) {
        data.set("user_email", frame.viewer->email);
        const auto role = frame.viewer->role;
        data.set("user_role", std::string(messages_.text(language, role_key(role))));
        data.set("is_admin", role == accounts::Role::admin);
        // The navigation shows only what the viewer may open.
        data.set("may_view_incidents", accounts::may(role, accounts::Action::view_incidents));
        data.set("may_view_petitions", accounts::may(role, accounts::Action::view_petitions));
        data.set("may_manage_users", accounts::may(role, accounts::Action::manage_users));
        data.set("may_view_audit", accounts::may(role, accounts::Action::view_audit));
        data.set("may_change_settings", accounts::may(role, accounts::Action::change_settings));
        data.set("may_moderate", accounts::may(role, accounts::Action::moderate_petitions));
        data.set("may_act_on_incidents", accounts::may(role, accounts::Action::act_on_incidents));
        data.set("may_manage_petitions", accounts::may(role, accounts::Action::manage_petitions));
        data.set("may_export_subscribers",
                 accounts::may(role, accounts::Action::export_subscribers));
        data.set("csrf", frame.viewer->csrf_token);
    }
    PageData languages = PageData::type::list;
    for (const auto other : render::all_languages) {
        PageData entry;
        entry.set("code", std::string(render::code(other)));
        entry.set("label", std::string(messages_.text(other, "site.language_name")));
        entry.set("current", other == language);
        entry.set("next", percent_encode(frame.path));
        languages.push_back(entry);
    }
    data.set("languages", languages);
    return data;
}

std::string AdminPages::render(std::string_view content, render::Language language,
                               const PageFrame& frame, PageData data) const {
    const auto source = sources_.find(content);
    if (source == sources_.end())
        throw std::logic_error("no template templates/admin/" + std::string(content) + ".mustache");
    const auto settings = settings_.current();
    auto shared = shared_data(language, frame, settings->site);
    // The page's own fields win over the shared ones of the same name.
    if (data.is_object())
        for (const char* name :
             {"lang", "site_name", "page_title", "logged_in", "user_email", "user_role", "is_admin",
              "csrf", "may_view_incidents", "may_act_on_incidents", "may_view_petitions",
              "may_manage_petitions", "may_manage_users", "may_view_audit", "may_change_settings",
              "may_moderate", "may_export_subscribers"})
            if (const auto* value = shared.get(name); value && !data.get(name))
                data.set(name, *value);
    // A page that follows a running job asks the layout for the script that does it.
    if (data.is_object())
        if (const auto* follows = data.get("follows_progress"))
            shared.set("follows_progress", *follows);
    // The words (t.*), the same as the public pages', are read where they are kept.
    const auto words = render::shared_words(messages_, language, settings->site);
    mu::mustache page{source->second};
    shared.set("content_html", render::render_over_words(page, data, *words));
    mu::mustache layout{sources_.find("layout")->second};
    return render::render_over_words(layout, shared, *words);
}

}  // namespace rempart::admin
