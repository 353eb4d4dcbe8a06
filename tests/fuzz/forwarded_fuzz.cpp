// Fuzzes the reading of X-Forwarded-For and Forwarded behind a trusted proxy. The input is
// header lines separated by newlines; a line starting with "F:" is a Forwarded line, any
// other an X-Forwarded-For line.
#include <boost/asio/ip/address.hpp>

#include <string>
#include <vector>

#include "fuzz_check.hpp"
#include "net/client_address.hpp"

using namespace rempart;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const auto trusted = *NetworkList::parse({"127.0.0.1/32", "10.0.0.0/8"});
    static const auto proxy = boost::asio::ip::make_address("127.0.0.1");
    static const auto stranger = boost::asio::ip::make_address("198.51.100.77");
    const auto input = fuzz::as_text(data, size);
    net::ForwardingHeaders headers;
    std::size_t start = 0;
    while (start <= input.size()) {
        auto end = input.find('\n', start);
        if (end == std::string_view::npos) end = input.size();
        const auto line = input.substr(start, end - start);
        if (line.starts_with("F:"))
            headers.forwarded.push_back(line.substr(2));
        else
            headers.x_forwarded_for.push_back(line);
        start = end + 1;
    }
    const auto client = net::client_address(proxy, headers, trusted);
    // Without a line, the peer itself.
    if (headers.forwarded.empty() && headers.x_forwarded_for.size() == 1 &&
        headers.x_forwarded_for.front().empty())
        FUZZ_CHECK(client == proxy);
    // A peer we do not trust is the client, whatever it sends.
    FUZZ_CHECK(net::client_address(stranger, headers, trusted) == stranger);
    // The same lines give the same answer: no hidden state.
    FUZZ_CHECK(net::client_address(proxy, headers, trusted) == client);
    return 0;
}
