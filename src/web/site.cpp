// The public site: pages from memory, static assets, the language switch and error pages.
#include "web/site.hpp"

#include "api/api_routes.hpp"
#include "api/petitions_json.hpp"
#include "http/cookies.hpp"
#include "http/target.hpp"
#include "metrics/prometheus_text.hpp"
#include "render/errors.hpp"
#include "render/proposal_pages.hpp"
#include "render/share_card.hpp"
#include "web/handler_names.hpp"

namespace rempart::web {
namespace {

constexpr std::string_view page_cache_control = "no-cache";

// Pages from memory: never shed, but the under-attack gate may stand before them.
constexpr auto public_page = http::gated(http::Priority::high, http::TrafficFamily::page);
// A page pulls several assets: they are neither gated nor shed, nor counted against the
// client's limits.
constexpr auto asset = http::never_gated(http::Priority::critical, http::TrafficFamily::none);

std::string page_key(std::string_view page, render::Language language) {
    return std::string(page) + "|" + std::string(render::code(language));
}

}  // namespace

Result<std::unique_ptr<Site>> Site::create(
    const StartSettings& config, const Catalog& catalog,
    const std::vector<std::pair<std::string, std::string>>& stored) {
    std::unique_ptr<Site> site(new Site(
        config, catalog,
        with_stored(EditableSettings{config.site, config.mail, config.submissions_open}, stored)));
    auto messages = render::Messages::load();
    if (!messages) return messages.error();
    site->messages_ = std::move(*messages);
    auto templates = render::Templates::load();
    if (!templates) return templates.error();
    site->templates_ = std::move(*templates);
    // Read now, so that a missing font stops start-up instead of failing every share card.
    if (auto fonts = render::load_share_card_fonts(); !fonts) return fonts.error();
    site->assets_ = render::StaticAssets::load();
    if (!site->assets_)
        return make_error(render::RenderError::assets_failed,
                          "the static assets could not be prepared");
    for (const auto& [name, url] : site->assets_->urls()) {
        const auto* asset = site->assets_->find(url);
        site->static_files_.emplace(url, StaticFile{std::make_shared<CachedPage>(CachedPage{
                                                        asset->bytes, asset->gzipped, asset->etag}),
                                                    asset->content_type});
    }
    site->default_language_ = render::parse_language(site->live_.current()->site.default_language)
                                  .value_or(render::Language::fr);
    return site;
}

Settings Site::config() const {
    auto now = live_.current();
    const auto& editable = *now;
    return Settings{server_, admin_, std::move(now), editable.site, editable.mail};
}

render::SiteView Site::view() const {
    auto now = live_.current();
    return render::SiteView{std::shared_ptr<const render::SiteSettings>(now, &now->site),
                            *messages_,
                            *templates_,
                            *assets_,
                            server_.base_url,
                            periods_.retention.unconfirmed_days};
}

void Site::replace_settings(EditableSettings next, std::uint64_t order) const {
    if (!live_.replace(std::move(next), order)) return;
    default_language_ = render::parse_language(live_.current()->site.default_language)
                            .value_or(render::Language::fr);
    // After the replacement: a render that read the old settings finishes under the old
    // epoch, and its page is not kept.
    pages_.clear();
    error_pages_.clear();
}

const Site::StaticFile* Site::static_file(std::string_view url_path) const {
    const auto it = static_files_.find(std::string(url_path));
    return it == static_files_.end() ? nullptr : &it->second;
}

render::Language Site::language_of(const http::HeaderView& headers) const {
    const auto cookie = http::cookie_value(headers["Cookie"], "lang").value_or("");
    return render::choose_language(cookie, headers["Accept-Language"],
                                   default_language_.load(std::memory_order_relaxed));
}

http::Response Site::error_page(unsigned status, const http::HeaderView& headers,
                                std::string_view target) const {
    if (target.starts_with("/api/")) {
        auto response = api::json_response(
            status, api::error_json(status == 404 ? "not_found" : "error",
                                    messages_->text(render::Language::en,
                                                    "error.title_" + std::to_string(status))));
        return response;
    }
    const auto language = language_of(headers);
    const auto page =
        error_pages_.get(page_key("error" + std::to_string(status), language), 0,
                         [&] { return render::render_error(view(), language, status); });
    auto response =
        cached_response(http::Request{}, page, status, "text/html; charset=utf-8", "no-store");
    if (status == 429 || status == 503) response.set_header("Retry-After", "10");
    return response;
}

void add_page_metrics(metrics::Registry& metrics, const Site& site) {
    metrics.add_collector([&site](metrics::PrometheusText& text) {
        auto& cache = text.family("rempart_page_cache_total", metrics::MetricType::counter,
                                  "Public pages served from memory (hit) or rendered (render).");
        cache.sample({{"result", "hit"}}, site.pages().hits());
        cache.sample({{"result", "render"}}, site.pages().renders());
    });
}

void add_web_routes(http::Router& router, const Site& site) {
    // `version` moves when what the page shows changes: the catalog's generation for the
    // list, a petition's own revision for its page, 0 for pages of the site's settings.
    const auto page = [&site](const Request& request, std::string key, std::uint64_t version,
                              const std::function<std::string(render::Language)>& render) {
        const auto language = site.language_of(request.headers);
        auto cached =
            site.pages().get(page_key(key, language), version, [&] { return render(language); });
        // The language comes from the cookie or Accept-Language: caches must keep them apart.
        return cached_response(request, std::move(cached), 200, "text/html; charset=utf-8",
                               std::string(page_cache_control),
                               "Accept-Encoding, Accept-Language, Cookie");
    };

    router.add(Method::get, "/", "home", public_page,
               [&site, page](const Request& request, const Params&) -> Awaitable {
                   const auto snapshot = site.catalog().current();
                   co_return page(request, "home", snapshot->generation,
                                  [&](render::Language language) {
                                      const auto open = snapshot->open_petitions();
                                      return render::render_home(site.view(), language, open);
                                  });
               });

    router.add(
        Method::get, "/petitions/{slug}", "petition", public_page,
        [&site, page](const Request& request, const Params& params) -> Awaitable {
            const auto snapshot = site.catalog().current();
            const auto* petition = snapshot->find(params[0]);
            if (petition == nullptr)
                co_return site.error_page(404, request.headers, request.target);
            if (is_refused(*petition)) {
                const auto language = site.language_of(request.headers);
                co_return cached_response(
                    request,
                    site.pages().get(
                        page_key("refused/" + petition->slug, language),
                        snapshot->revision_of(*petition),
                        [&] { return render::render_refused(site.view(), language, *petition); }),
                    410, "text/html; charset=utf-8", std::string(page_cache_control),
                    "Accept-Encoding, Accept-Language, Cookie");
            }
            // Back from a confirmation link: the same page with a word of thanks.
            std::string_view notice;
            if (auto query = http::parse_form(request.query); query) {
                if (http::form_value(*query, "confirmed")) notice = "sign.confirmed_notice";
                if (http::form_value(*query, "withdrawn")) notice = "sign.withdrawn_notice";
            }
            co_return page(request, "petition/" + petition->slug + "|" + std::string(notice),
                           snapshot->revision_of(*petition), [&](render::Language language) {
                               return render::render_petition(site.view(), language, *petition, {},
                                                              notice);
                           });
        });

    router.add(Method::get, "/privacy", "privacy", public_page,
               [&site, page](const Request& request, const Params&) -> Awaitable {
                   co_return page(request, "privacy", 0, [&](render::Language language) {
                       return render::render_privacy(site.view(), language, site.periods());
                   });
               });

    router.add(Method::get, "/terms", "terms", public_page,
               [&site, page](const Request& request, const Params&) -> Awaitable {
                   co_return page(request, "terms", 0, [&](render::Language language) {
                       return render::render_terms(site.view(), language);
                   });
               });

    router.add(
        Method::get, "/lang/{code}", "language", public_page,
        [&site](const Request& request, const Params& params) -> Awaitable {
            const auto language = render::parse_language(params[0]);
            if (!language) co_return site.error_page(404, request.headers, request.target);
            std::string next = "/";
            if (auto form = http::parse_form(request.query); form)
                next = http::local_path_or_root(http::form_value(*form, "next").value_or("/"));
            Response response;
            response.status = 303;
            response.set_header("Location", next);
            http::CookieOptions options;
            options.max_age = std::chrono::hours(24 * 365);
            response.set_header(
                "Set-Cookie", site.cookies().set_cookie("lang", render::code(*language), options));
            response.set_header("Cache-Control", "no-store");
            co_return response;
        });

    router.add(Method::get, "/static/{file}", "static", asset,
               [&site](const Request& request, const Params&) -> Awaitable {
                   const auto* file = site.static_file(request.path);
                   if (file == nullptr)
                       co_return site.error_page(404, request.headers, request.target);
                   // The name changes with the content, so the browser may keep it for a year.
                   co_return cached_response(request, file->page, 200, file->content_type,
                                             "public, max-age=31536000, immutable");
               });

    router.add(Method::get, "/robots.txt", "robots", asset,
               [](const Request&, const Params&) -> Awaitable {
                   Response response;
                   response.content_type = "text/plain; charset=utf-8";
                   response.body = http::Body(
                       std::string("User-agent: *\nDisallow: /lang/\nDisallow: /api/\n"));
                   co_return response;
               });
}

}  // namespace rempart::web
