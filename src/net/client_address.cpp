// Finds the client's address: the socket peer, or what our trusted proxies say of it.
#include "net/client_address.hpp"

#include <algorithm>
#include <optional>

#include "core/text.hpp"

namespace rempart::net {
namespace {

using boost::asio::ip::address;

// One hop of a forwarding chain: an address, or none when the hop is unknown, hidden or
// could not be read. Past such a hop nobody can tell who is behind it.
using Hop = std::optional<address>;

bool is_ows(char c) {
    return c == ' ' || c == '\t';
}

bool iequals(std::string_view a, std::string_view b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
        return (x >= 'A' && x <= 'Z' ? x + 32 : x) == (y >= 'A' && y <= 'Z' ? y + 32 : y);
    });
}

// RFC 9110 token characters: what a parameter name or an unquoted value is made of.
bool is_tchar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

bool is_port(std::string_view text) {
    if (text.starts_with('_')) return text.size() > 1;  // an obfuscated port (RFC 7239, 6.3)
    return !text.empty() && text.size() <= 5 &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

Hop parse_address(std::string_view text) {
    boost::system::error_code ec;
    const auto parsed = boost::asio::ip::make_address(std::string(text), ec);
    if (ec) return std::nullopt;
    return unmapped(parsed);
}

// A node as either header writes it: "192.0.2.1", "192.0.2.1:4711", "[2001:db8::1]",
// "[2001:db8::1]:4711", or a bare "2001:db8::1". "unknown" and obfuscated names ("_hidden")
// are hops that chose not to say.
Hop parse_node(std::string_view node) {
    if (node.starts_with('[')) {
        const auto close = node.find(']');
        if (close == std::string_view::npos) return std::nullopt;
        const auto rest = node.substr(close + 1);
        if (!rest.empty() && !(rest.front() == ':' && is_port(rest.substr(1)))) return std::nullopt;
        const auto v6 = parse_address(node.substr(1, close - 1));
        return v6 && v6->is_v6() ? v6 : std::nullopt;
    }
    const auto colons = std::count(node.begin(), node.end(), ':');
    if (colons == 1) {
        const auto colon = node.find(':');
        if (!is_port(node.substr(colon + 1))) return std::nullopt;
        const auto v4 = parse_address(node.substr(0, colon));
        return v4 && v4->is_v4() ? v4 : std::nullopt;
    }
    return parse_address(node);
}

// X-Forwarded-For: addresses separated by commas; empty entries are no hop (RFC 9110's
// list rule), anything else that is not an address is an unknown hop.
void read_x_forwarded_for(std::string_view line, std::vector<Hop>& hops) {
    while (true) {
        const auto comma = line.find(',');
        const auto entry = trim_view(line.substr(0, comma));
        if (!entry.empty()) hops.push_back(parse_node(entry));
        if (comma == std::string_view::npos) return;
        line.remove_prefix(comma + 1);
    }
}

// Reads one Forwarded line (RFC 7239, 4): elements separated by commas, each pairs
// `name=value` separated by semicolons, values a token or a quoted string. Returns
// nothing when the line is malformed: where an element ends can then not be known.
class ForwardedLine {
  public:
    explicit ForwardedLine(std::string_view line) : text_(line) {}

    std::optional<std::vector<Hop>> hops() {
        std::vector<Hop> hops;
        while (true) {
            skip_ows();
            if (at_end()) return hops;
            if (peek() == ',') {  // an empty element
                ++at_;
                continue;
            }
            auto hop = element();
            if (!hop) return std::nullopt;
            hops.push_back(*hop);
            skip_ows();
            if (at_end()) return hops;
            if (peek() != ',') return std::nullopt;
            ++at_;
        }
    }

  private:
    // One element's hop: its for= node, or an unknown hop when it has none. Nothing when
    // the element is malformed.
    std::optional<Hop> element() {
        std::optional<std::string> for_value;
        while (true) {
            skip_ows();
            if (at_end() || peek() == ',') break;
            if (peek() == ';') {
                ++at_;
                continue;
            }
            const auto name = token();
            if (name.empty() || at_end() || peek() != '=') return std::nullopt;
            ++at_;
            auto read = value();
            if (!read) return std::nullopt;
            if (iequals(name, "for")) {
                // Each parameter once an element (RFC 7239, 4): two for= are two stories.
                if (for_value) return std::nullopt;
                for_value = std::move(*read);
            }
            skip_ows();
            if (at_end() || peek() == ',') break;
            if (peek() != ';') return std::nullopt;
            ++at_;
        }
        if (!for_value) return Hop{};
        return parse_node(*for_value);
    }

    std::string_view token() {
        const auto start = at_;
        while (!at_end() && is_tchar(peek())) ++at_;
        return text_.substr(start, at_ - start);
    }

    // A token, or a quoted string with its backslash escapes undone. A node such as
    // 192.0.2.1:80 is not a token, yet proxies write it unquoted: everything up to the
    // next delimiter is taken, which is never ambiguous.
    std::optional<std::string> value() {
        if (at_end()) return std::nullopt;
        if (peek() != '"') {
            const auto start = at_;
            while (!at_end() && peek() != ';' && peek() != ',' && peek() != '"' && !is_ows(peek()))
                ++at_;
            if (at_ == start) return std::nullopt;
            return std::string(text_.substr(start, at_ - start));
        }
        ++at_;
        std::string out;
        while (!at_end()) {
            const char c = text_[at_++];
            if (c == '"') return out;
            if (c == '\\') {
                if (at_end()) return std::nullopt;
                out += text_[at_++];
            } else {
                out += c;
            }
        }
        return std::nullopt;  // unterminated
    }

    void skip_ows() {
        while (!at_end() && is_ows(peek())) ++at_;
    }
    bool at_end() const { return at_ >= text_.size(); }
    char peek() const { return text_[at_]; }

    std::string_view text_;
    std::size_t at_ = 0;
};

// Each line on its own: a quoted string never runs into the next line, so a client's
// broken line cannot swallow the element a proxy added on a line of its own. A broken
// line is one unknown hop.
std::vector<Hop> forwarded_hops(const std::vector<std::string_view>& lines) {
    std::vector<Hop> hops;
    for (const auto line : lines) {
        auto read = ForwardedLine(line).hops();
        if (!read) {
            hops.push_back(std::nullopt);
            continue;
        }
        hops.insert(hops.end(), read->begin(), read->end());
    }
    return hops;
}

std::vector<Hop> x_forwarded_for_hops(const std::vector<std::string_view>& lines) {
    std::vector<Hop> hops;
    for (const auto line : lines) read_x_forwarded_for(line, hops);
    return hops;
}

// From the right, past our own proxies, to the first hop they did not add.
Hop walk(const std::vector<Hop>& hops, const NetworkList& trusted_proxies) {
    Hop client;
    for (auto hop = hops.rbegin(); hop != hops.rend(); ++hop) {
        if (!*hop) return std::nullopt;
        client = *hop;
        if (!trusted_proxies.contains(*client)) return client;
    }
    return client;
}

}  // namespace

address unknown_client() {
    return boost::asio::ip::address_v4::any();
}

address client_address(const address& peer, const ForwardingHeaders& headers,
                       const NetworkList& trusted_proxies) {
    const address direct = unmapped(peer);
    if (!trusted_proxies.contains(direct)) return direct;
    const auto forwarded = forwarded_hops(headers.forwarded);
    const auto x_forwarded_for = x_forwarded_for_hops(headers.x_forwarded_for);
    if (forwarded.empty() && x_forwarded_for.empty()) return direct;
    if (x_forwarded_for.empty()) return walk(forwarded, trusted_proxies).value_or(unknown_client());
    if (forwarded.empty()) return walk(x_forwarded_for, trusted_proxies).value_or(unknown_client());
    const auto one = walk(forwarded, trusted_proxies);
    const auto other = walk(x_forwarded_for, trusted_proxies);
    return one && other && *one == *other ? *one : unknown_client();
}

address client_address(const address& peer, const http::HeaderView& headers,
                       const NetworkList& trusted_proxies) {
    if (!trusted_proxies.contains(unmapped(peer))) return unmapped(peer);
    return client_address(
        peer, ForwardingHeaders{headers.all("Forwarded"), headers.all("X-Forwarded-For")},
        trusted_proxies);
}

}  // namespace rempart::net
