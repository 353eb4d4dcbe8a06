// The Date header's value, formatted once a second per thread.
#pragma once

#include <string_view>

namespace rempart::net::detail {

std::string_view http_date();

}  // namespace rempart::net::detail
