// GET /petitions/{slug}/history and GET /preview/{token}: petition pages read from the store.
#include "web/petition_history_routes.hpp"

#include "accounts/tokens.hpp"
#include "store/petition_repository.hpp"

namespace rempart::web {
namespace {

// A page read from the store for this request alone.
http::Response store_page_response(std::string body, std::string_view cache_control) {
    http::Response response;
    response.body = http::Body(std::move(body));
    response.set_header("Cache-Control", std::string(cache_control));
    response.set_header("Vary", "Accept-Language, Cookie");
    return response;
}

}  // namespace

void add_petition_history_routes(http::Router& router, const Site& site, store::Readers& readers) {
    // Read from the store each time, and seldom asked for: shed before the pages.
    router.add(
        http::Method::get, "/petitions/{slug}/history", "petition_history",
        http::gated(http::Priority::normal, http::TrafficFamily::page),
        [&site, &readers](const http::Request& request,
                          const http::Params& params) -> boost::asio::awaitable<http::Response> {
            const auto snapshot = site.catalog().current();
            const auto* known = snapshot->find(params[0]);
            if (known == nullptr || is_refused(*known))
                co_return site.error_page(404, request.headers, request.target);
            std::function<std::vector<store::PetitionChange>(store::Database&)> read =
                [id = known->id](store::Database& db) {
                    return store::petition_history(db, id, true);
                };
            const auto changes =
                co_await readers.read<std::vector<store::PetitionChange>>(std::move(read));
            std::vector<render::PublicChange> shown;
            for (const auto& change : changes)
                shown.push_back(
                    {change.at, change.change.field, change.change.before, change.change.after});
            const auto language = site.language_of(request.headers);
            co_return store_page_response(
                render::render_history(site.view(), language, *known, shown), "no-cache");
        });

    // The token is the only key: whoever holds the link may read the draft, nobody may
    // find it. Never kept by a cache, never indexed; the site's Referrer-Policy
    // (same-origin) keeps it from the sites the draft links to.
    router.add(
        http::Method::get, "/preview/{token}", "petition_preview",
        http::gated(http::Priority::normal, http::TrafficFamily::page),
        [&site, &readers](const http::Request& request,
                          const http::Params& params) -> boost::asio::awaitable<http::Response> {
            const auto token = params[0];
            if (!accounts::looks_like_session_token(token))
                co_return site.error_page(404, request.headers, request.target);
            std::function<std::optional<Petition>(store::Database&)> read =
                [key = accounts::session_token_hash(token)](store::Database& db) {
                    return store::find_petition_by_preview_key(db, key);
                };
            const auto petition = co_await readers.read<std::optional<Petition>>(std::move(read));
            if (!petition) co_return site.error_page(404, request.headers, request.target);
            const auto language = site.language_of(request.headers);
            auto response = store_page_response(
                render::render_preview(site.view(), language, *petition), "no-store");
            response.set_header("X-Robots-Tag", "noindex, nofollow");
            co_return response;
        });
}

}  // namespace rempart::web
