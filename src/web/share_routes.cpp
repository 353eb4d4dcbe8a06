// GET /petitions/{slug}/qr.svg and /qr.png, the petition's address as a QR code, and
// /card.png, the picture a shared link shows.
#include "web/share_routes.hpp"

#include <spdlog/spdlog.h>

#include <chrono>

#include "core/log_events.hpp"
#include "core/log_text.hpp"
#include "render/qr_code.hpp"
#include "render/share_card.hpp"

namespace rempart::web {
namespace {

// A QR code changes only with the site's address, which needs a restart: kept a day by
// browsers, forever in memory.
constexpr std::string_view qr_cache_control = "public, max-age=86400";

void add_qr_route(http::Router& router, const Site& site, std::string format) {
    const bool svg = format == "svg";
    router.add(
        http::Method::get, "/petitions/{slug}/qr." + format, "petition_qr_" + format,
        http::gated(http::Priority::high, http::TrafficFamily::page),
        [&site, svg, format](const http::Request& request,
                             const http::Params& params) -> boost::asio::awaitable<http::Response> {
            const auto snapshot = site.catalog().current();
            const auto* petition = snapshot->find(params[0]);
            if (petition == nullptr || petition->state == PetitionState::archived ||
                is_refused(*petition))
                co_return site.error_page(404, request.headers, request.target);
            const auto url = site.config().server.base_url + "/petitions/" + petition->slug;
            bool failed = false;
            auto page = site.pages().get("qr." + format + "|" + petition->slug, 0, [&] {
                auto code = render::make_qr(url);
                if (!code) {
                    failed = true;
                    return std::string();
                }
                if (svg) return render::qr_svg(*code);
                auto png = render::qr_png(*code);
                failed = !png;
                return png ? std::move(*png) : std::string();
            });
            if (failed || page->body.empty()) {
                spdlog::error("{} slug={}", log_event::qr_failed, petition->slug);
                co_return site.error_page(500, request.headers, request.target);
            }
            co_return cached_response(request, std::move(page), 200,
                                      svg ? "image/svg+xml" : "image/png",
                                      std::string(qr_cache_control));
        });
}

// A card shows the count, which moves each second on a petition going round, and drawing
// one costs milliseconds where serving it from memory costs microseconds: it is drawn again
// at most every 10 s, and caches on the way may keep it as long. The exact count at the
// time it was drawn, never more than seconds behind the page; networks fetch it once per
// post anyway. A new title waits the same few seconds.
constexpr auto card_kept = std::chrono::seconds(10);
constexpr std::string_view card_cache_control = "public, max-age=10";

void add_card_route(http::Router& router, const Site& site) {
    router.add(http::Method::get, "/petitions/{slug}/card.png", "petition_card",
               http::gated(http::Priority::high, http::TrafficFamily::page),
               [&site](const http::Request& request,
                       const http::Params& params) -> boost::asio::awaitable<http::Response> {
                   const auto snapshot = site.catalog().current();
                   const auto* petition = snapshot->find(params[0]);
                   if (petition == nullptr || !render::has_share_card(*petition))
                       co_return site.error_page(404, request.headers, request.target);
                   std::string error;
                   // The revision moves with the title, the goal, the language and the count.
                   auto page = site.pages().get(
                       "card.png|" + petition->slug, snapshot->revision_of(*petition),
                       [&] {
                           auto png = render::share_card_png(render::share_card_text(
                               site.messages(), site.config().site.name, *petition));
                           if (png) return std::move(*png);
                           error = png.error().detail;
                           return std::string();
                       },
                       card_kept);
                   if (page->body.empty()) {
                       spdlog::error("{} slug={} error={}", log_event::card_failed, petition->slug,
                                     log_text(error));
                       co_return site.error_page(500, request.headers, request.target);
                   }
                   co_return cached_response(request, std::move(page), 200, "image/png",
                                             std::string(card_cache_control));
               });
}

}  // namespace

void add_share_routes(http::Router& router, const Site& site) {
    add_qr_route(router, site, "svg");
    add_qr_route(router, site, "png");
    add_card_route(router, site);
}

}  // namespace rempart::web
