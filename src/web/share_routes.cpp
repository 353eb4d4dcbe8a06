// GET /petitions/{slug}/qr.svg and /qr.png: the petition's address as a QR code.
#include "web/share_routes.hpp"

#include <spdlog/spdlog.h>

#include "core/log_events.hpp"
#include "render/qr_code.hpp"

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
            if (petition == nullptr || petition->state == PetitionState::archived)
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

}  // namespace

void add_share_routes(http::Router& router, const Site& site) {
    add_qr_route(router, site, "svg");
    add_qr_route(router, site, "png");
}

}  // namespace rempart::web
