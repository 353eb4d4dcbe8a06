// Finds the client's address: the socket peer, or what our trusted proxies say of it.
#pragma once

#include <boost/asio/ip/address.hpp>

#include <string_view>
#include <vector>

#include "core/ip_network.hpp"
#include "http/request.hpp"

namespace rempart::net {

// The forwarding headers as received: every line of each, in order. A proxy may extend
// the client's line or add a line of its own after it (HAProxy, several CDNs); either way
// the lines read in order are one list (RFC 9110, 5.3).
struct ForwardingHeaders {
    std::vector<std::string_view> forwarded;        // RFC 7239: for=192.0.2.1;proto=https
    std::vector<std::string_view> x_forwarded_for;  // 192.0.2.1, 10.0.0.2
};

// Who a request stands for when our proxies relayed it but do not tell from whom: a
// garbled entry, "unknown" or an obfuscated name, or the two headers naming different
// clients. 0.0.0.0: never loopback nor one of our proxies, so a relayed request cannot
// borrow their standing (/metrics answers loopback), and all such requests share one
// budget in the shield.
boost::asio::ip::address unknown_client();

// A peer that is not a trusted proxy is the client, whatever it sends. From a trusted
// proxy, each header is walked from the right past our own proxies, and the first address
// they did not add is the client: entries further left are the client's own word and can
// be forged. Only Forwarded, or only X-Forwarded-For: that one is read. Both: they must
// name the same client, or it is unknown_client(); a proxy passes on the header it does
// not write untouched, so neither can be preferred without letting the client choose.
// Neither, or only empty lines: the peer. When every address listed is one of our
// proxies, the leftmost is the client. IPv4-mapped IPv6 addresses come out as IPv4.
boost::asio::ip::address client_address(const boost::asio::ip::address& peer,
                                        const ForwardingHeaders& headers,
                                        const NetworkList& trusted_proxies);

// The same, from a request's headers; an untrusted peer's are not even read.
boost::asio::ip::address client_address(const boost::asio::ip::address& peer,
                                        const http::HeaderView& headers,
                                        const NetworkList& trusted_proxies);

}  // namespace rempart::net
