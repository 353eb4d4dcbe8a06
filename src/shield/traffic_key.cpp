// Compact keys for counting a client's traffic by address, network and AS.
#include "shield/traffic_key.hpp"

namespace rempart::shield {
namespace {

// splitmix64's finaliser: every input bit moves every output bit, so keys that differ
// only in their last byte (neighbouring addresses) spread over shards and buckets.
std::uint64_t mix(std::uint64_t x) {
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ull;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebull;
    x ^= x >> 31;
    return x;
}

std::uint64_t read_64(const unsigned char* bytes) {
    std::uint64_t value = 0;
    for (int i = 0; i < 8; ++i) value = value << 8 | bytes[i];
    return value;
}

}  // namespace

std::size_t TrafficKeyHash::operator()(const TrafficKey& key) const noexcept {
    const auto tag = static_cast<std::uint64_t>(key.kind) << 1 | (key.v6 ? 1 : 0);
    return static_cast<std::size_t>(mix(key.low ^ mix(key.high ^ (tag << 56))));
}

TrafficKeys traffic_keys(const boost::asio::ip::address& input, std::uint32_t as) {
    using Kind = TrafficKey::Kind;
    auto a = input;
    if (a.is_v6() && a.to_v6().is_v4_mapped())
        a = boost::asio::ip::make_address_v4(boost::asio::ip::v4_mapped, a.to_v6());
    TrafficKeys keys;
    keys.as = as;
    if (a.is_v4()) {
        const std::uint64_t v4 = a.to_v4().to_uint();
        keys.address = {0, v4, Kind::address, false};
        keys.network = {0, v4 & 0xFFFFFF00u, Kind::network, false};
        keys.wide = keys.network;
        return keys;
    }
    const auto bytes = a.to_v6().to_bytes();
    const auto high = read_64(bytes.data());
    const auto low = read_64(bytes.data() + 8);
    keys.address = {high, low, Kind::address, true};
    keys.network = {high, 0, Kind::network, true};
    keys.wide = {high & ~0xFFFFull, 0, Kind::wide, true};
    return keys;
}

}  // namespace rempart::shield
