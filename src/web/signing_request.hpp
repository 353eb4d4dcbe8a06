// What both signing handlers share: the client and the event of a request, and
// the plain answers they give (a redirect, an uncacheable page).
#pragma once

#include <boost/asio/ip/address.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "core/clock.hpp"
#include "http/request.hpp"
#include "http/response.hpp"
#include "petitions/petition.hpp"
#include "shield/asn_table.hpp"
#include "shield/ban_list.hpp"
#include "shield/network.hpp"
#include "shield/proof_of_work.hpp"
#include "signatures/signing_event.hpp"

namespace rempart::web::signing {

// What a client is known by, read once per request.
struct Client {
    std::optional<boost::asio::ip::address> address;
    shield::NetworkKeys keys;
    std::optional<shield::AsInfo> as;
    // An AS table was there and the address is one of the Internet's (not loopback or a
    // private range, which no AS announces and which only a proxy's set-up explains).
    bool as_looked_up = false;
};
Client identify(const http::Request& request, const shield::AsnTable& asn_table);

// How long the client's network or AS stays banned, when an incident banned it: the wait
// its answer's Retry-After says. None when neither is banned, or without a ban list.
std::optional<std::chrono::seconds> ban_wait(const shield::BanList* bans, const Client& client,
                                             std::int64_t now_ms);

// The event of an attempt, with what the request tells; the handler adds the rest.
signatures::SigningEvent base_event(const http::Request& request, const Client& client,
                                    const Petition* petition);
// The event of a proposal or a report (`kind`), with what its proof of work tells, for the
// defence to watch as it watches signing.
signatures::SigningEvent submission_event(const http::Request& request, const Client& client,
                                          signatures::SigningEvent::Kind kind,
                                          const shield::PowClaims& solved);

// 303 to `location`, never cached.
http::Response redirect(std::string location);
// A page for this visitor only, never cached.
http::Response html(unsigned status, std::string body);
// A page whose address holds a secret (a link from a mail): never cached, never indexed.
http::Response private_page(unsigned status, std::string body);
// The error page says "wait a moment"; the header says how long, from the bucket itself.
void set_retry_after(http::Response& response, std::chrono::seconds wait);

}  // namespace rempart::web::signing
