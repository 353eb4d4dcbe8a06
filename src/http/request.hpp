// A parsed HTTP request as handlers see it, independent of the wire library.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rempart::http {

enum class Method { get, head, post, put, patch, delete_, options, other };

std::string_view to_string(Method method);

// Header lookup without copying the parser's fields: the server passes a view of its own.
class HeaderView {
  public:
    using Lookup = std::string_view (*)(const void* fields, std::string_view name);
    HeaderView() = default;
    HeaderView(const void* fields, Lookup lookup) : fields_(fields), lookup_(lookup) {}
    // The field's value, or empty when absent. Names compare case-insensitively.
    std::string_view operator[](std::string_view name) const {
        return fields_ ? lookup_(fields_, name) : std::string_view();
    }

  private:
    const void* fields_ = nullptr;
    Lookup lookup_ = nullptr;
};

struct Request {
    Method method = Method::get;
    std::string_view method_text;  // as sent, for logs
    std::string_view target;       // raw request-target, e.g. "/petitions/x?lang=en"
    std::string path;              // percent-decoded, valid UTF-8, without the query
    std::string_view query;        // raw query string, without '?'
    HeaderView headers;
    std::string_view body;
    std::string client_ip;   // the socket peer, or X-Forwarded-For from a trusted proxy
    std::string request_id;  // also sent back in X-Request-Id and written in the log line
    bool tls = false;
};

}  // namespace rempart::http
