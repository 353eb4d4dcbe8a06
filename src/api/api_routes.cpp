// The public JSON API: GET /api/petitions and GET /api/petitions/{slug}.
#include "api/api_routes.hpp"

#include "api/petitions_json.hpp"
#include "store/petition_repository.hpp"

namespace rempart::api {

http::Response json_response(unsigned status, std::string body) {
    http::Response response;
    response.status = status;
    response.content_type = "application/json";
    response.set_header("Cache-Control", "no-cache");
    response.body = http::Body(std::move(body));
    return response;
}

void add_api_routes(http::Router& router, const Catalog& catalog, std::string base_url,
                    store::Readers* readers) {
    // Scripts read the API and cannot pass a gate: it is limited apart, and shed instead.
    constexpr auto api_read = http::never_gated(http::Priority::normal, http::TrafficFamily::api);
    router.add(http::Method::get, "/api/petitions", "api_petitions", api_read,
               [&catalog, base_url](const http::Request&,
                                    const http::Params&) -> boost::asio::awaitable<http::Response> {
                   co_return json_response(200, petition_list_json(*catalog.current(), base_url));
               });
    router.add(
        http::Method::get, "/api/petitions/{slug}", "api_petition", api_read,
        [&catalog, base_url, readers](const http::Request&, const http::Params& params)
            -> boost::asio::awaitable<http::Response> {
            const auto snapshot = catalog.current();
            const auto* petition = snapshot->find(params[0]);
            if (petition == nullptr)
                co_return json_response(
                    404, error_json("not_found", "There is no petition with this slug."));
            // A refused petition is its state and reason, which the catalog holds already.
            if (readers == nullptr || is_refused(*petition))
                co_return json_response(200, petition_json(*petition, base_url));
            // Built apart from the co_await: GCC 12 mishandles temporaries in it.
            std::function<std::optional<Petition>(store::Database&)> read =
                [slug = petition->slug](store::Database& db) {
                    return store::find_petition_with_counts(db, slug);
                };
            const auto exact = co_await readers->read<std::optional<Petition>>(std::move(read));
            // Refused meanwhile: the catalog's view, until it catches up, tells no more.
            const bool use_exact =
                exact && !is_refused(*exact) && exact->state != PetitionState::pending;
            co_return json_response(200, petition_json(use_exact ? *exact : *petition, base_url));
        });
}

}  // namespace rempart::api
