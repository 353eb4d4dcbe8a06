// GET /search: petitions holding every word typed, read from the store each time.
#include "web/search_routes.hpp"

#include "http/target.hpp"
#include "store/petition_search.hpp"
#include "web/errors.hpp"
#include "web/search_query.hpp"

namespace rempart::web {
namespace {

constexpr std::size_t max_results = 50;

http::Response search_page(const Site& site, const http::Request& request, unsigned status,
                           const render::SearchView& search) {
    http::Response response;
    response.status = status;
    const auto language = site.language_of(request.headers);
    response.body = http::Body(render::render_search(site.view(), language, search));
    // What a search finds changes with every petition: never kept on the way.
    response.set_header("Cache-Control", "no-store");
    response.set_header("Vary", "Accept-Language, Cookie");
    return response;
}

}  // namespace

void add_search_routes(http::Router& router, const Site& site, store::Readers& readers) {
    // Read from the store on every request: the first to go when the store falls behind.
    router.add(
        http::Method::get, "/search", "search",
        http::gated(http::Priority::low, http::TrafficFamily::page),
        [&site, &readers](const http::Request& request,
                          const http::Params&) -> boost::asio::awaitable<http::Response> {
            const auto form = http::parse_form(request.query);
            if (!form) {
                render::SearchView refused{"", false, {}, error_name(WebError::search_not_text)};
                co_return search_page(site, request, 400, refused);
            }
            const auto raw = http::form_value(*form, "q").value_or("");
            auto query = parse_search_query(raw);
            if (!query) {
                render::SearchView refused{"", false, {}, query.error().code.name()};
                co_return search_page(site, request, 400, refused);
            }
            render::SearchView found{query->text, !query->words.empty(), {}, {}};
            if (!query->words.empty()) {
                std::function<std::vector<Petition>(store::Database&)> read =
                    [words = query->words](store::Database& db) {
                        return store::search_petitions(db, words, max_results);
                    };
                found.petitions = co_await readers.read<std::vector<Petition>>(std::move(read));
            }
            co_return search_page(site, request, 200, found);
        });
}

}  // namespace rempart::web
