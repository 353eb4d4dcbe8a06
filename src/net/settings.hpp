// [server] and [limits]: where the server listens, for whom, and what one client may cost.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "net/limits.hpp"

namespace rempart::config {
class File;
}

namespace rempart::net {

struct ServerSettings {
    std::string listen = "127.0.0.1:8080";
    std::string base_url = "http://127.0.0.1:8080";  // kept without a trailing slash
    std::vector<std::string> trusted_proxies;  // CIDR; X-Forwarded-For honoured from these only
    unsigned threads = 0;                      // io threads; 0 means one per core
    std::chrono::seconds shutdown_grace{10};   // in-flight requests get this long on SIGTERM
    // PEM files; both set: Rempart speaks HTTPS itself (and sends HSTS). Usually a reverse
    // proxy holds the certificate and both stay empty.
    std::filesystem::path tls_cert;
    std::filesystem::path tls_key;
};

ServerSettings read_server_settings(config::File& file);
Limits read_limits(config::File& file);

}  // namespace rempart::net
