// Back-office pages: templates/admin/*.mustache rendered inside templates/admin/layout.mustache.
#pragma once

#include <kainjow/mustache.hpp>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "accounts/role.hpp"
#include "core/result.hpp"
#include "render/i18n.hpp"
#include "render/static_assets.hpp"
#include "web/live_settings.hpp"

namespace rempart::admin {

using PageData = kainjow::mustache::data;

// Who the page is for; none on the login page and on refusals before login.
struct PageViewer {
    std::string email;
    accounts::Role role = accounts::Role::moderator;
    std::string csrf_token;  // for the layout's logout button
};

struct PageFrame {
    std::string title_key;             // a message key: the page's <title> and heading
    std::optional<PageViewer> viewer;  // shows the navigation and the logout button
    std::string path = "/admin";       // where the language switch comes back to
};

// The message key of a role's name: admin.role_admin, admin.role_organiser...
std::string role_key(accounts::Role role);

// One {`field`: line} a line: the defence's reasons as sentences, as a list a template walks.
PageData lines_of(const std::vector<std::string>& lines, const std::string& field);

class AdminPages {
  public:
    // Reads every templates/admin/*.mustache compiled into the binary; one that does not
    // parse fails start-up, naming its file.
    static Result<std::unique_ptr<AdminPages>> load(const render::Messages& messages,
                                                    const render::StaticAssets& assets,
                                                    const web::LiveSettings& settings);

    // `content` names templates/admin/<content>.mustache. `data` gets the shared fields
    // (lang, site_name, csrf, user_email, user_role, is_admin) added before the content
    // renders, and reads the words (t.*) where render::shared_words keeps them; every value is
    // escaped unless a template says otherwise, which only the layout's content_html may. An
    // unknown template is a bug: it throws.
    std::string render(std::string_view content, render::Language language, const PageFrame& frame,
                       PageData data = {}) const;

    const render::Messages& messages() const { return messages_; }

  private:
    AdminPages(const render::Messages& messages, const render::StaticAssets& assets,
               const web::LiveSettings& settings)
        : messages_(messages), assets_(assets), settings_(settings) {}
    PageData shared_data(render::Language language, const PageFrame& frame,
                         const render::SiteSettings& site) const;

    const render::Messages& messages_;
    const render::StaticAssets& assets_;
    const web::LiveSettings& settings_;  // the site's name as an admin last saved it
    // Sources, parsed per render: a parsed kainjow template is not documented as safe to
    // render from several threads, and these pages are small and seldom asked for.
    std::map<std::string, std::string, std::less<>> sources_;
};

}  // namespace rempart::admin
