// An HTTP response as handlers build it; bodies may be shared with the page cache.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rempart::http {

// A body either owned by the response or shared with a cache that outlives it.
class Body {
  public:
    Body() = default;
    Body(std::string owned) : owned_(std::move(owned)) {}
    Body(std::shared_ptr<const std::string> shared) : shared_(std::move(shared)) {}
    std::string_view view() const { return shared_ ? std::string_view(*shared_) : owned_; }
    std::size_t size() const { return view().size(); }

  private:
    std::string owned_;
    std::shared_ptr<const std::string> shared_;
};

struct Response {
    unsigned status = 200;
    std::string content_type = "text/html; charset=utf-8";
    std::vector<std::pair<std::string, std::string>> headers;  // beyond the common ones
    Body body;
    bool close = false;  // ask the server to close the connection after this response
    // Counted in a summary by its handler (a refused signing attempt): the request log
    // gets no line of its own, so a flood of junk does not fill the disk with them.
    bool summarised = false;

    void set_header(std::string name, std::string value) {
        headers.emplace_back(std::move(name), std::move(value));
    }
};

}  // namespace rempart::http
