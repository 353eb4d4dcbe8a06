// What both signing handlers share: the client and the event of a request, and
// the plain answers they give (a redirect, an uncacheable page).
#include "web/signing_request.hpp"

namespace rempart::web::signing {

namespace asio = boost::asio;
using http::Request;
using http::Response;
using signatures::SigningEvent;

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
    return client;
}

SigningEvent base_event(const Request& request, const Client& client, const Petition* petition) {
    SigningEvent event;
    event.at_ms = unix_now_ms();
    if (petition) event.petition_id = petition->id;
    event.ip = request.client_ip;
    event.network = client.keys.narrow;
    if (client.as) event.asn = client.as->number;
    event.user_agent = std::string(request.headers["User-Agent"].substr(0, 256));
    return event;
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

}  // namespace rempart::web::signing
