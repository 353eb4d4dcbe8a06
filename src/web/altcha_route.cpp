// GET /altcha/challenge: a fresh proof-of-work challenge for the signing form's widget.
#include "web/altcha_route.hpp"

#include <ctime>

namespace rempart::web {

void add_altcha_route(http::Router& router, const shield::ProofOfWork& pow,
                      const ShieldConfig& shield) {
    router.add(http::Method::get, "/altcha/challenge", "altcha_challenge",
               [&pow, &shield](const http::Request&,
                               const http::Params&) -> boost::asio::awaitable<http::Response> {
                   const auto now = static_cast<std::int64_t>(std::time(nullptr));
                   const auto challenge =
                       pow.create(shield.pow_max_number, now + shield.pow_expiry.count());
                   http::Response response;
                   response.content_type = "application/json";
                   // Each visitor, each time, its own challenge: nothing to cache.
                   response.set_header("Cache-Control", "no-store");
                   response.body = http::Body(shield::to_json(challenge));
                   co_return response;
               });
}

}  // namespace rempart::web
