// gzip for pages and assets, compressed once and served many times.
#include "render/compress.hpp"

#include <zlib.h>

#include <stdexcept>

namespace rempart::render {

std::string gzip(std::string_view bytes) {
    z_stream stream{};
    // 15 + 16: a gzip wrapper rather than zlib's; level 9 since it is paid once per page.
    if (deflateInit2(&stream, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK)
        throw std::runtime_error("zlib could not start");
    std::string out(deflateBound(&stream, bytes.size()), '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    stream.avail_in = static_cast<uInt>(bytes.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    const int result = deflate(&stream, Z_FINISH);
    deflateEnd(&stream);
    if (result != Z_STREAM_END) throw std::runtime_error("zlib could not compress");
    out.resize(stream.total_out);
    return out;
}

}  // namespace rempart::render
