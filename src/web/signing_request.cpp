// What both signing handlers share: the client and the event of a request, and
// the plain answers they give (a redirect, an uncacheable page).
#include "web/signing_request.hpp"

#include <algorithm>

#include "core/ip_network.hpp"
#include "web/handler_names.hpp"

namespace rempart::web::signing {

namespace asio = boost::asio;
using signatures::SigningEvent;

namespace {

bool on_the_internet(const asio::ip::address& address) {
    const auto any = unmapped(address);
    if (any.is_loopback() || any.is_unspecified() || any.is_multicast()) return false;
    if (any.is_v6()) {
        const auto bytes = any.to_v6().to_bytes();
        const bool link_local = bytes[0] == 0xfe && (bytes[1] & 0xc0) == 0x80;
        const bool unique_local = (bytes[0] & 0xfe) == 0xfc;
        return !link_local && !unique_local;
    }
    const auto b = any.to_v4().to_bytes();
    return !(b[0] == 10 || (b[0] == 172 && (b[1] & 0xf0) == 16) || (b[0] == 192 && b[1] == 168) ||
             (b[0] == 169 && b[1] == 254) || (b[0] == 100 && (b[1] & 0xc0) == 64));
}

}  // namespace

Client identify(const Request& request, const shield::AsnTable& asn_table) {
    Client client;
    boost::system::error_code ec;
    const auto address = asio::ip::make_address(request.client_ip, ec);
    if (ec) {
        client.keys = {"ip:" + request.client_ip, "net:" + request.client_ip,
                       "net:" + request.client_ip};
        return client;
    }
    client.address = address;
    client.keys = shield::network_keys(address);
    client.as = asn_table.lookup(address);
    client.as_looked_up = asn_table.ranges() > 0 && on_the_internet(address);
    return client;
}

SigningEvent base_event(const Request& request, const Client& client, const Petition* petition) {
    SigningEvent event;
    event.at_ms = unix_now_ms();
    if (petition) event.petition_id = petition->id;
    event.ip = request.client_ip;
    event.network = client.keys.narrow;
    if (client.as) event.asn = client.as->number;
    event.as_looked_up = client.as_looked_up;
    event.user_agent = std::string(request.headers["User-Agent"].substr(0, 256));
    return event;
}

SigningEvent submission_event(const Request& request, const Client& client, SigningEvent::Kind kind,
                              const shield::PowClaims& solved) {
    auto event = base_event(request, client, nullptr);
    event.kind = kind;
    event.verdict = "accepted";
    event.pow_verdict = "accepted";
    event.pow_difficulty = static_cast<std::int64_t>(solved.difficulty);
    event.pow_number = solved.number;
    event.pow_took_ms = solved.took_ms;
    return event;
}

std::optional<std::chrono::seconds> ban_wait(const shield::BanList* bans, const Client& client,
                                             std::int64_t now_ms) {
    if (bans == nullptr) return std::nullopt;
    const auto as_key = client.as ? "as:" + std::to_string(client.as->number) : std::string();
    const auto until = bans->banned_until({client.keys.narrow, as_key}, now_ms);
    if (!until) return std::nullopt;
    return std::chrono::seconds((*until - now_ms + 999) / 1000);
}

Response redirect(std::string location) {
    Response response;
    response.status = 303;
    response.set_header("Location", std::move(location));
    response.set_header("Cache-Control", "no-store");
    return response;
}

Response html(unsigned status, std::string body) {
    Response response;
    response.status = status;
    response.body = http::Body(std::move(body));
    response.set_header("Cache-Control", "no-store");
    return response;
}

Response private_page(unsigned status, std::string body) {
    auto response = html(status, std::move(body));
    response.set_header("X-Robots-Tag", "noindex, nofollow");
    return response;
}

void set_retry_after(Response& response, std::chrono::seconds wait) {
    std::erase_if(response.headers,
                  [](const auto& header) { return header.first == "Retry-After"; });
    response.set_header("Retry-After", std::to_string(std::max<std::int64_t>(1, wait.count())));
}

}  // namespace rempart::web::signing
