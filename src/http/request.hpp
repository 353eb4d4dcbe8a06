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
    using LookupAll = std::vector<std::string_view> (*)(const void* fields, std::string_view name);
    HeaderView() = default;
    HeaderView(const void* fields, Lookup lookup, LookupAll lookup_all = nullptr)
        : fields_(fields), lookup_(lookup), lookup_all_(lookup_all) {}
    // The field's first line, or empty when absent. Names compare case-insensitively.
    std::string_view operator[](std::string_view name) const {
        return fields_ ? lookup_(fields_, name) : std::string_view();
    }
    // Every line of the field, in the order received: a list header (X-Forwarded-For,
    // Forwarded) may come in several, which together make one list.
    std::vector<std::string_view> all(std::string_view name) const {
        if (!fields_) return {};
        if (lookup_all_) return lookup_all_(fields_, name);
        const auto first = lookup_(fields_, name);
        if (first.empty()) return {};
        return {first};
    }

  private:
    const void* fields_ = nullptr;
    Lookup lookup_ = nullptr;
    LookupAll lookup_all_ = nullptr;
};

struct Request {
    Method method = Method::get;
    std::string_view method_text;  // as sent, for logs
    std::string_view target;       // raw request-target, e.g. "/petitions/x?lang=en"
    std::string path;              // percent-decoded, valid UTF-8, without the query
    std::string_view query;        // raw query string, without '?'
    HeaderView headers;
    std::string_view body;
    std::string client_ip;   // the socket peer, or who our trusted proxies say it relays
    std::string request_id;  // also sent back in X-Request-Id and written in the log line
    bool tls = false;
};

}  // namespace rempart::http
