// Tests for net/client_address: who a request stands for, behind our trusted proxies.
#include "net/client_address.hpp"

#include <gtest/gtest.h>

#include <map>

namespace rempart::net {
namespace {

using boost::asio::ip::make_address;

NetworkList trusted(std::vector<std::string> cidrs) {
    auto list = NetworkList::parse(cidrs);
    EXPECT_TRUE(list.ok());
    return *list;
}

const auto proxy = make_address("127.0.0.1");

// Our proxies: the local one, a private network, an IPv6 range.
const NetworkList& ours() {
    static const auto list = trusted({"127.0.0.1/32", "10.0.0.0/8", "2001:db8:ffff::/48"});
    return list;
}

std::string xff(std::vector<std::string_view> lines, const boost::asio::ip::address& peer = proxy) {
    return client_address(peer, ForwardingHeaders{{}, std::move(lines)}, ours()).to_string();
}

std::string forwarded(std::vector<std::string_view> lines) {
    return client_address(proxy, ForwardingHeaders{std::move(lines), {}}, ours()).to_string();
}

TEST(ClientAddress, IgnoresForwardingHeadersFromUntrustedPeers) {
    const auto outsider = make_address("203.0.113.9");
    EXPECT_EQ(xff({"198.51.100.1"}, outsider), "203.0.113.9");
    EXPECT_EQ(
        client_address(outsider, ForwardingHeaders{{"for=198.51.100.1"}, {}}, ours()).to_string(),
        "203.0.113.9");
}

TEST(ClientAddress, TakesTheRightmostAddressNotAddedByOurProxies) {
    // The leftmost entry is whatever the client typed; the proxies appended the rest.
    EXPECT_EQ(xff({"6.6.6.6, 198.51.100.1, 10.1.2.3"}), "198.51.100.1");
}

TEST(ClientAddress, AProxyAddingItsOwnLineIsReadAfterTheClientsForgedOne) {
    // HAProxy's option forwardfor: the client's line first, the proxy's own after it.
    EXPECT_EQ(xff({"6.6.6.6", "198.51.100.1"}), "198.51.100.1");
    EXPECT_EQ(xff({"6.6.6.6, 7.7.7.7", "198.51.100.1", "10.0.0.2"}), "198.51.100.1");
    // Three lines, the client forging a trusted address: still not believed.
    EXPECT_EQ(xff({"10.9.9.9", "203.0.113.50", "10.0.0.2, 10.0.0.3"}), "203.0.113.50");
}

TEST(ClientAddress, AcceptsPortsAndIpv6InXForwardedFor) {
    EXPECT_EQ(xff({"198.51.100.1:4711"}), "198.51.100.1");
    EXPECT_EQ(xff({"[2001:db8::7]:443"}), "2001:db8::7");
    EXPECT_EQ(xff({"[2001:db8::7]"}), "2001:db8::7");
    EXPECT_EQ(xff({"2001:db8::8"}), "2001:db8::8");
    EXPECT_EQ(xff({"::ffff:192.0.2.5"}), "192.0.2.5");
    EXPECT_EQ(xff({"2001:db8::9, 2001:db8:ffff::1"}), "2001:db8::9");
}

TEST(ClientAddress, GarbageReachedIsAnUnknownClientNeverTheProxy) {
    for (const auto* garbage :
         {"nonsense", "unknown", "1.2.3.4.5", "[2001:db8::1", "[::1]x", "198.51.100.1:port",
          "198.51.100.1:123456", "\"198.51.100.1\"", "[198.51.100.1]"})
        EXPECT_EQ(xff({garbage}), "0.0.0.0") << garbage;
    // Behind garbage nobody can tell, even when a trusted proxy wrote a good hop after it.
    EXPECT_EQ(xff({"198.51.100.1, nonsense, 10.0.0.2"}), "0.0.0.0");
    EXPECT_TRUE(ours().contains(proxy));
    EXPECT_FALSE(ours().contains(unknown_client()));
    EXPECT_FALSE(unknown_client().is_loopback());
}

TEST(ClientAddress, GarbageLeftOfTheClientIsNeverRead) {
    EXPECT_EQ(xff({"nonsense, ;;\"[, 198.51.100.1"}), "198.51.100.1");
    EXPECT_EQ(xff({"\x01\x7f\xff", "198.51.100.1"}), "198.51.100.1");
}

TEST(ClientAddress, EmptyHeadersLeaveThePeer) {
    EXPECT_EQ(xff({}), "127.0.0.1");
    EXPECT_EQ(xff({""}), "127.0.0.1");
    EXPECT_EQ(xff({" , ,", ""}), "127.0.0.1");
    EXPECT_EQ(xff({" , 198.51.100.1 ,"}), "198.51.100.1");
}

TEST(ClientAddress, OnlyOurProxiesListedMeansTheLeftmostOfThem) {
    EXPECT_EQ(xff({"10.0.0.5, 10.0.0.6"}), "10.0.0.5");
}

TEST(ClientAddress, ReadsForwardedLikeRfc7239) {
    EXPECT_EQ(forwarded({"for=198.51.100.17"}), "198.51.100.17");
    EXPECT_EQ(forwarded({"For=\"198.51.100.17:4711\";proto=https;by=10.0.0.1"}), "198.51.100.17");
    EXPECT_EQ(forwarded({"for=\"[2001:db8:cafe::17]:4711\""}), "2001:db8:cafe::17");
    EXPECT_EQ(forwarded({"for=\"[2001:db8:cafe::17]\""}), "2001:db8:cafe::17");
    EXPECT_EQ(forwarded({"proto=https;for=198.51.100.17;host=example.org"}), "198.51.100.17");
    EXPECT_EQ(forwarded({"for=\"\\1\\98.51.100.17\""}), "198.51.100.17");  // escapes undone
    // Several elements, several lines, our proxies' hops skipped from the right.
    EXPECT_EQ(forwarded({"for=6.6.6.6, for=198.51.100.17", "for=10.0.0.2;by=10.0.0.3"}),
              "198.51.100.17");
    EXPECT_EQ(forwarded({"for=6.6.6.6 ,for=198.51.100.17 , ,"}), "198.51.100.17");
}

TEST(ClientAddress, AHiddenOrUnknownForwardedHopIsAnUnknownClient) {
    EXPECT_EQ(forwarded({"for=unknown"}), "0.0.0.0");
    EXPECT_EQ(forwarded({"for=_hidden"}), "0.0.0.0");
    EXPECT_EQ(forwarded({"for=\"_gazonk\""}), "0.0.0.0");
    EXPECT_EQ(forwarded({"for=198.51.100.17, proto=https"}), "0.0.0.0");  // said nothing of whom
    // Past a trusted hop with an obfuscated port, the client is still read.
    EXPECT_EQ(forwarded({"for=198.51.100.17, for=\"10.0.0.2:_abc\""}), "198.51.100.17");
}

TEST(ClientAddress, AMalformedForwardedLineIsAnUnknownHop) {
    for (const auto* garbage :
         {"for=\"198.51.100.17", "for=", "for", "=198.51.100.17", "for=1.2.3.4;for=5.6.7.8",
          "for=1.2.3.4 x", "for = 1.2.3.4", "for=\"[2001:db8::1]:80\"x", "for=a\"b\"",
          "for=\"2001:db8::1]\"", "for=\"[1.2.3.4]\"", "for=\"1.2.3.4:99999999\"", "\\", "\""})
        EXPECT_EQ(forwarded({garbage}), "0.0.0.0") << garbage;
}

TEST(ClientAddress, AClientsBrokenForwardedLineCannotSwallowTheProxysOwn) {
    // Joined into one value, the open quote would run over the proxy's element.
    EXPECT_EQ(forwarded({"for=\"6.6.6.6", "for=198.51.100.17"}), "198.51.100.17");
    EXPECT_EQ(forwarded({"for=198.51.100.17", "for=\"6.6.6.6"}), "0.0.0.0");
}

TEST(ClientAddress, BothHeadersMustNameTheSameClient) {
    const auto both = [](std::vector<std::string_view> f, std::vector<std::string_view> x) {
        return client_address(proxy, ForwardingHeaders{std::move(f), std::move(x)}, ours())
            .to_string();
    };
    // A proxy writing both agrees with itself.
    EXPECT_EQ(both({"for=198.51.100.17"}, {"198.51.100.17"}), "198.51.100.17");
    EXPECT_EQ(both({"for=\"198.51.100.17:80\""}, {"6.6.6.6, 198.51.100.17, 10.0.0.2"}),
              "198.51.100.17");
    // nginx writes X-Forwarded-For and passes the client's Forwarded on untouched, and a
    // proxy writing Forwarded may pass the client's X-Forwarded-For: neither can win.
    EXPECT_EQ(both({"for=6.6.6.6"}, {"198.51.100.17"}), "0.0.0.0");
    EXPECT_EQ(both({"for=198.51.100.17"}, {"6.6.6.6"}), "0.0.0.0");
    EXPECT_EQ(both({"for=unknown"}, {"198.51.100.17"}), "0.0.0.0");
    // An empty header is no header.
    EXPECT_EQ(both({""}, {"198.51.100.17"}), "198.51.100.17");
    EXPECT_EQ(both({"for=198.51.100.17"}, {" "}), "198.51.100.17");
}

TEST(ClientAddress, MappedIpv4ComesOutAsIpv4) {
    const NetworkList none;
    EXPECT_EQ(
        client_address(make_address("::ffff:192.0.2.5"), ForwardingHeaders{}, none).to_string(),
        "192.0.2.5");
    EXPECT_EQ(xff({"198.51.100.1"}, make_address("::ffff:127.0.0.1")), "198.51.100.1");
}

TEST(ClientAddress, ReadsEveryLineOfARequestsHeaders) {
    using Lines = std::multimap<std::string, std::string, std::less<>>;
    const Lines lines{{"X-Forwarded-For", "6.6.6.6"}, {"X-Forwarded-For", "198.51.100.1"}};
    const auto first = [](const void* f, std::string_view name) -> std::string_view {
        const auto& map = *static_cast<const Lines*>(f);
        const auto it = map.find(name);
        return it == map.end() ? std::string_view() : std::string_view(it->second);
    };
    const auto all = [](const void* f, std::string_view name) {
        const auto& map = *static_cast<const Lines*>(f);
        std::vector<std::string_view> out;
        const auto [from, to] = map.equal_range(name);
        for (auto it = from; it != to; ++it) out.emplace_back(it->second);
        return out;
    };
    const http::HeaderView headers(&lines, first, all);
    EXPECT_EQ(client_address(proxy, headers, ours()).to_string(), "198.51.100.1");
    // A view that knows only one line per name reads that one.
    const http::HeaderView first_only(&lines, first);
    EXPECT_EQ(client_address(proxy, first_only, ours()).to_string(), "6.6.6.6");
}

}  // namespace
}  // namespace rempart::net
