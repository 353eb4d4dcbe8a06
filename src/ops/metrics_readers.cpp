// Who may read GET /metrics: clients of the allowed networks, with the token when one is set.
#include "ops/metrics_readers.hpp"

#include <sodium.h>

#include <boost/asio/ip/address.hpp>

#include <stdexcept>

#include "core/text.hpp"

namespace rempart::ops {
namespace {

std::array<unsigned char, 32> hash_of(std::string_view text) {
    std::array<unsigned char, 32> hash{};
    crypto_generichash(hash.data(), hash.size(),
                       reinterpret_cast<const unsigned char*>(text.data()), text.size(), nullptr,
                       0);
    return hash;
}

// "Bearer <token>" (RFC 6750, 2.1): the scheme in any case, then the token.
std::string_view bearer_token(std::string_view authorization) {
    authorization = trim_view(authorization);
    constexpr std::string_view scheme = "bearer ";
    if (authorization.size() <= scheme.size()) return {};
    for (std::size_t i = 0; i < scheme.size(); ++i) {
        const char c = authorization[i];
        if ((c >= 'A' && c <= 'Z' ? c + 32 : c) != scheme[i]) return {};
    }
    return trim_view(authorization.substr(scheme.size()));
}

}  // namespace

Result<MetricsReaders> MetricsReaders::create(const metrics::MetricsSettings& config) {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
    auto allow = NetworkList::parse(config.allow);
    if (!allow) return allow.error();
    MetricsReaders readers;
    readers.allow_ = std::move(*allow);
    readers.token_required_ = !config.bearer_token.empty();
    if (readers.token_required_) readers.token_hash_ = hash_of(config.bearer_token);
    return readers;
}

MetricsAccess MetricsReaders::decide(std::string_view client_ip,
                                     std::string_view authorization) const {
    boost::system::error_code ec;
    const auto client = boost::asio::ip::make_address(std::string(client_ip), ec);
    if (ec || !allow_.contains(client)) return MetricsAccess::forbidden;
    if (!token_required_) return MetricsAccess::allowed;
    const auto token = bearer_token(authorization);
    if (token.empty()) return MetricsAccess::unauthorized;
    const auto hash = hash_of(token);
    return sodium_memcmp(hash.data(), token_hash_.data(), hash.size()) == 0
               ? MetricsAccess::allowed
               : MetricsAccess::unauthorized;
}

}  // namespace rempart::ops
