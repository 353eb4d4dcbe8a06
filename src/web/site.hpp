// The public site: pages from memory, static assets, the language switch and error pages.
#pragma once

#include <memory>
#include <string_view>
#include <unordered_map>

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
#include "web/page_cache.hpp"

namespace rempart::web {

// The settings the site and the back office read while answering: views into the whole
// configuration, which the caller keeps alive as long as the site.
struct Settings {
    const net::ServerSettings& server;
    const render::SiteSettings& site;
    const mail::MailSettings& mail;
    const accounts::AdminSettings& admin;
};

class Site {
  public:
    // Parses the templates, prepares the assets and reads the share cards' fonts; fails at
    // start-up, never later.
    static Result<std::unique_ptr<Site>> create(const Settings& config, const Catalog& catalog);

    // The error page for `status` in the client's language; JSON under /api/.
    http::Response error_page(unsigned status, const http::HeaderView& headers,
                              std::string_view target) const;

    render::Language language_of(const http::HeaderView& headers) const;
    const Settings& config() const { return config_; }
    // Every Set-Cookie of the site goes through it: public pages, the gate, the back office.
    const http::CookiePolicy& cookies() const { return cookies_; }
    const Catalog& catalog() const { return catalog_; }
    const render::StaticAssets& assets() const { return *assets_; }
    const render::SiteView& view() const { return *view_; }
    const render::Messages& messages() const { return *messages_; }
    PageCache& pages() const { return pages_; }

    struct StaticFile {
        std::shared_ptr<const CachedPage> page;
        std::string content_type;
    };
    // An asset by its hashed URL, ready to serve; null for anything else.
    const StaticFile* static_file(std::string_view url_path) const;

  private:
    Site(const Settings& config, const Catalog& catalog)
        : config_(config),
          catalog_(catalog),
          cookies_(config.server.base_url, !config.server.tls_cert.empty()) {}

    const Settings config_;
    const Catalog& catalog_;
    http::CookiePolicy cookies_;
    std::unique_ptr<render::Messages> messages_;
    std::unique_ptr<render::Templates> templates_;
    std::unique_ptr<render::StaticAssets> assets_;
    std::unique_ptr<render::SiteView> view_;
    render::Language default_language_ = render::Language::fr;
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
