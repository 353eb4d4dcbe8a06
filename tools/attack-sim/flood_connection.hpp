// One HTTP/1.1 connection of the flood's asynchronous client: kept alive across requests,
// opened again when the server closes it, from 127.0.0.1 or bound to a source address of
// 127.0.0.0/8 (each bot its own connection). The only file of the simulator that
// instantiates Beast's templates; the rest sees whole requests and these answers.
#pragma once

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace rempart::attack {

struct FloodAnswer {
    unsigned status = 0;                  // 0: no answer
    bool timed_out = false;               // no answer within the time given
    bool gate = false;                    // `X-Rempart-Gate: challenge`
    std::chrono::seconds retry_after{0};  // 0 when absent
    std::string clearance;                // the value of a `rempart_clearance` cookie set
    std::string location;
    std::string body;  // only when asked for
};

class FloodConnection {
  public:
    // `source`: the 32-bit IPv4 address to bind to; 0 lets the system choose (127.0.0.1).
    FloodConnection(boost::asio::any_io_executor executor, std::uint16_t port,
                    std::uint32_t source = 0);
    ~FloodConnection();
    FloodConnection(const FloodConnection&) = delete;
    FloodConnection& operator=(const FloodConnection&) = delete;

    // Writes `request` (its whole bytes) and reads the answer, each step within `timeout`.
    // A kept connection the server closed meanwhile is opened again once.
    boost::asio::awaitable<FloodAnswer> exchange(std::string_view request,
                                                 std::chrono::milliseconds timeout,
                                                 bool keep_body = false);
    bool is_open() const;
    void close();
    // Connections opened so far (the first included).
    std::uint64_t opened() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace rempart::attack
