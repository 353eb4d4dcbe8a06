// Who may read GET /metrics: clients of the allowed networks, with the token when one is set.
#pragma once

#include <array>
#include <string_view>

#include "core/ip_network.hpp"
#include "core/result.hpp"
#include "metrics/settings.hpp"

namespace rempart::ops {

enum class MetricsAccess {
    allowed,
    forbidden,     // 403: not from an allowed network, whatever the token
    unauthorized,  // 401 with WWW-Authenticate: Bearer: the token is missing or wrong
};

class MetricsReaders {
  public:
    static Result<MetricsReaders> create(const metrics::MetricsSettings& config);

    // `client_ip` as found behind the trusted proxies; `authorization` the header's value.
    MetricsAccess decide(std::string_view client_ip, std::string_view authorization) const;

  private:
    NetworkList allow_;
    bool token_required_ = false;
    // The token's hash: comparing hashes in constant time tells nothing of the token's
    // length or of how much of a guess was right.
    std::array<unsigned char, 32> token_hash_{};
};

}  // namespace rempart::ops
