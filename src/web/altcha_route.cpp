// GET /altcha/challenge: a fresh proof-of-work challenge for the signing form's widget.
#include "web/altcha_route.hpp"

#include <boost/asio/ip/address.hpp>

#include <ctime>

#include "http/target.hpp"
#include "shield/network.hpp"

namespace rempart::web {

DifficultyKeys difficulty_keys(std::string_view petition_slug, std::string_view client_ip) {
    DifficultyKeys keys;
    keys.petition = "petition:" + std::string(petition_slug);
    boost::system::error_code ec;
    const auto address = boost::asio::ip::make_address(client_ip, ec);
    if (ec) {
        keys.address = keys.narrow = keys.wide = "ip:" + std::string(client_ip);
        return keys;
    }
    const auto network = shield::network_keys(address);
    keys.address = network.address;
    keys.narrow = network.narrow;
    keys.wide = network.wide;
    return keys;
}

std::uint64_t required_difficulty(const shield::Difficulty& difficulty, const DifficultyKeys& keys,
                                  std::int64_t now) {
    return difficulty.required({keys.petition, keys.address, keys.narrow, keys.wide}, now);
}

void add_altcha_route(http::Router& router, const shield::ProofOfWork& pow,
                      const shield::Difficulty& difficulty, const shield::ShieldSettings& shield) {
    // Part of signing: possible under any load and behind no gate.
    router.add(http::Method::get, "/altcha/challenge", "altcha_challenge",
               http::never_gated(http::Priority::critical, http::TrafficFamily::page),
               [&pow, &difficulty, &shield](const http::Request& request, const http::Params&)
                   -> boost::asio::awaitable<http::Response> {
                   const auto now = static_cast<std::int64_t>(std::time(nullptr));
                   std::string petition;
                   if (auto query = http::parse_form(request.query); query)
                       petition = std::string(http::form_value(*query, "petition").value_or(""));
                   const auto max_number = required_difficulty(
                       difficulty, difficulty_keys(petition, request.client_ip), now);
                   const auto challenge = pow.create(max_number, now + shield.pow_expiry.count());
                   http::Response response;
                   response.content_type = "application/json";
                   // Each visitor, each time, its own challenge: nothing to cache.
                   response.set_header("Cache-Control", "no-store");
                   response.body = http::Body(shield::to_json(challenge));
                   co_return response;
               });
}

}  // namespace rempart::web
