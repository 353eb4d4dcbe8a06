// One client's HTTP connection to the server, kept open across requests as a browser or a
// script would keep it, and opened again when the server closes it.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "client/http_client.hpp"

namespace rempart::attack {

using testing::Headers;
using testing::HttpResponse;

class KeepAliveClient {
  public:
    explicit KeepAliveClient(std::uint16_t port);
    ~KeepAliveClient();

    // Status 0 when no answer came within 10 s, even after one new connection.
    HttpResponse request(const std::string& method, const std::string& target,
                         const std::string& body, const Headers& headers);

  private:
    std::uint16_t port_;
    std::unique_ptr<testing::RawConnection> connection_;
};

}  // namespace rempart::attack
