// One client's HTTP connection to the server, kept open across requests.
#include "keep_alive_client.hpp"

#include <cctype>

namespace rempart::attack {

KeepAliveClient::KeepAliveClient(std::uint16_t port) : port_(port) {}
KeepAliveClient::~KeepAliveClient() = default;

HttpResponse KeepAliveClient::request(const std::string& method, const std::string& target,
                                      const std::string& body, const Headers& headers) {
    std::string text =
        method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port_) + "\r\n";
    for (const auto& [name, value] : headers) text += name + ": " + value + "\r\n";
    if (method == "POST" || !body.empty())
        text += "Content-Length: " + std::to_string(body.size()) + "\r\n";
    text += "\r\n" + body;
    // A kept connection may have been closed by the server while idle: one fresh try then.
    for (int attempt = 0; attempt < 2; ++attempt) {
        const bool fresh = !connection_;
        if (fresh) connection_ = std::make_unique<testing::RawConnection>(port_);
        std::optional<HttpResponse> response;
        if (connection_->send(text, std::chrono::seconds(10)))
            response = connection_->read_response(std::chrono::seconds(10));
        if (response) {
            std::string connection = response->header("connection");
            for (auto& c : connection) c = static_cast<char>(std::tolower(c));
            if (connection.find("close") != std::string::npos) connection_.reset();
            return *std::move(response);
        }
        connection_.reset();
        if (fresh) break;
    }
    return HttpResponse{};
}

}  // namespace rempart::attack
