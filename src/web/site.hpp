// The public site: pages from memory, static assets, the language switch and error pages.
#pragma once

#include <atomic>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "accounts/settings.hpp"
#include "core/result.hpp"
#include "http/cookies.hpp"
#include "http/router.hpp"
#include "mail/settings.hpp"
#include "metrics/metrics.hpp"
#include "net/settings.hpp"
#include "petitions/catalog.hpp"
#include "render/i18n.hpp"
#include "render/pages.hpp"
#include "render/settings.hpp"
#include "render/static_assets.hpp"
#include "signatures/retention.hpp"
#include "web/live_settings.hpp"
#include "web/page_cache.hpp"

namespace rempart::web {

// What the site starts from: views into the whole configuration, which the caller keeps
// alive as long as the site.
struct StartSettings {
    const net::ServerSettings& server;
    const render::SiteSettings& site;
    const mail::MailSettings& mail;
    const accounts::AdminSettings& admin;
    bool submissions_open = false;  // [submissions] open, which the back office may change
    RetentionSettings retention{};  // the periods the privacy page gives
    std::int64_t backup_hours = 0;  // how long the server's own backups keep a copy; 0: none
};

// The settings the site and the back office read while answering. Server and admin are the
// config file's for the whole run; site and mail are the live settings at the moment
// Site::config() was called, kept whole by `now` as long as the caller holds this.
struct Settings {
    const net::ServerSettings& server;
    const accounts::AdminSettings& admin;
    std::shared_ptr<const EditableSettings> now;
    const render::SiteSettings& site;
    const mail::MailSettings& mail;
};

class Site {
  public:
    // Parses the templates, prepares the assets and reads the share cards' fonts; fails at
    // start-up, never later. `stored`: what the back office saved (store::read_settings),
    // over the config file's site and mail settings.
    static Result<std::unique_ptr<Site>> create(
        const StartSettings& config, const Catalog& catalog,
        const std::vector<std::pair<std::string, std::string>>& stored = {});

    // The error page for `status` in the client's language; JSON under /api/.
    http::Response error_page(unsigned status, const http::HeaderView& headers,
                              std::string_view target) const;

    render::Language language_of(const http::HeaderView& headers) const;
    Settings config() const;
    const LiveSettings& live_settings() const { return live_; }
    // Applies settings an admin saved, the `order`-th save the store wrote (see
    // LiveSettings::replace): pages and mails composed from now on use them, and no page
    // rendered with the old ones is served again. The site is shared read-only by every
    // handler; its live settings are the one thing an admin changes while it runs.
    void replace_settings(EditableSettings next, std::uint64_t order) const;
    // Every Set-Cookie of the site goes through it: public pages, the gate, the back office.
    const http::CookiePolicy& cookies() const { return cookies_; }
    // [retention], for the privacy page's periods.
    const RetentionSettings& retention() const { return periods_.retention; }
    // With the backups' period: what the privacy page and the register promise.
    const PromisedPeriods& periods() const { return periods_; }
    const Catalog& catalog() const { return catalog_; }
    const render::StaticAssets& assets() const { return *assets_; }
    // The words, templates and assets with the site's settings of this moment.
    render::SiteView view() const;
    const render::Messages& messages() const { return *messages_; }
    PageCache& pages() const { return pages_; }

    struct StaticFile {
        std::shared_ptr<const CachedPage> page;
        std::string content_type;
    };
    // An asset by its hashed URL, ready to serve; null for anything else.
    const StaticFile* static_file(std::string_view url_path) const;

  private:
    Site(const StartSettings& config, const Catalog& catalog, EditableSettings editable)
        : server_(config.server),
          admin_(config.admin),
          live_(EditableSettings{config.site, config.mail}, std::move(editable)),
          catalog_(catalog),
          cookies_(config.server.base_url, !config.server.tls_cert.empty()),
          periods_{config.retention, config.backup_hours} {}

    const net::ServerSettings& server_;
    const accounts::AdminSettings& admin_;
    mutable LiveSettings live_;
    const Catalog& catalog_;
    http::CookiePolicy cookies_;
    PromisedPeriods periods_;
    std::unique_ptr<render::Messages> messages_;
    std::unique_ptr<render::Templates> templates_;
    std::unique_ptr<render::StaticAssets> assets_;
    mutable std::atomic<render::Language> default_language_ = render::Language::fr;
    mutable PageCache pages_;
    // Error pages do not depend on the petitions: kept apart, so that a change to a
    // petition never makes a flood of 404s render again.
    mutable PageCache error_pages_;
    std::unordered_map<std::string, StaticFile> static_files_;
};

// rempart_page_cache_total{result="hit|render"}: how often a public page came from memory.
void add_page_metrics(metrics::Registry& metrics, const Site& site);

// GET /, /petitions/{slug}, /privacy, /terms, /lang/{code}, /static/{file}, /robots.txt.
void add_web_routes(http::Router& router, const Site& site);

}  // namespace rempart::web
