// Compact keys for counting a client's traffic by address, network and AS: two integers
// and a kind, so counting a request allocates nothing and a key costs a few bytes.
#pragma once

#include <boost/asio/ip/address.hpp>

#include <cstddef>
#include <cstdint>

namespace rempart::shield {

struct TrafficKey {
    enum class Kind : std::uint8_t { none, address, network, wide, as };
    std::uint64_t high = 0;  // IPv6: the first 64 bits; IPv4: 0
    std::uint64_t low = 0;   // IPv6: the last 64 bits; IPv4: the address; AS: its number
    Kind kind = Kind::none;
    bool v6 = false;

    bool operator==(const TrafficKey&) const = default;
};

struct TrafficKeyHash {
    std::size_t operator()(const TrafficKey& key) const noexcept;
};

// Everything a request is counted under. IPv4: the address and its /24 (`wide` is the
// /24 too); IPv6: the address, its /64 and its /48. IPv4-mapped IPv6 counts as IPv4.
struct TrafficKeys {
    TrafficKey address;
    TrafficKey network;
    TrafficKey wide;
    std::uint32_t as = 0;  // 0 when the AS table does not know the address

    bool wide_differs() const { return !(wide == network); }
    TrafficKey as_key() const { return {0, as, TrafficKey::Kind::as, false}; }
};

TrafficKeys traffic_keys(const boost::asio::ip::address& address, std::uint32_t as = 0);

}  // namespace rempart::shield
