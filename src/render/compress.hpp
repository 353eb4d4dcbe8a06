// gzip for pages and assets, compressed once and served many times.
#pragma once

#include <string>
#include <string_view>

namespace rempart::render {

std::string gzip(std::string_view bytes);

}  // namespace rempart::render
