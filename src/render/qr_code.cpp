// A petition's address as a QR code: libqrencode for the code, libpng for the picture.
#include "render/qr_code.hpp"

#include <png.h>
#include <qrencode.h>

#include <memory>

#include "render/errors.hpp"

namespace rempart::render {
namespace {

constexpr int quiet_zone = 4;  // modules of white around the code, as ISO/IEC 18004 asks

void append_to_string(png_structp png, png_bytep data, png_size_t length) {
    auto* out = static_cast<std::string*>(png_get_io_ptr(png));
    out->append(reinterpret_cast<const char*>(data), length);
}

}  // namespace

Result<QrCode> make_qr(std::string_view text) {
    const std::unique_ptr<QRcode, decltype(&QRcode_free)> encoded(
        QRcode_encodeData(static_cast<int>(text.size()),
                          reinterpret_cast<const unsigned char*>(text.data()), 0, QR_ECLEVEL_M),
        &QRcode_free);
    if (!encoded)
        return make_error(RenderError::qr_failed,
                          "no QR code holds this text (" + std::to_string(text.size()) + " bytes)");
    QrCode code;
    code.size = encoded->width;
    code.dark.resize(static_cast<std::size_t>(code.size * code.size));
    // libqrencode's lowest bit of each byte tells dark from light.
    for (std::size_t i = 0; i < code.dark.size(); ++i) code.dark[i] = (encoded->data[i] & 1) != 0;
    return code;
}

std::string qr_svg(const QrCode& code) {
    const auto side = std::to_string(code.size + 2 * quiet_zone);
    std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + side + " " +
                      side + "\" shape-rendering=\"crispEdges\">";
    svg += "<rect width=\"" + side + "\" height=\"" + side + "\" fill=\"#fff\"/><path d=\"";
    // One horizontal run of dark modules a subpath: a tenth of the size of one square each.
    for (int y = 0; y < code.size; ++y)
        for (int x = 0; x < code.size;) {
            if (!code.at(x, y)) {
                ++x;
                continue;
            }
            int run = 1;
            while (x + run < code.size && code.at(x + run, y)) ++run;
            svg += "M" + std::to_string(x + quiet_zone) + " " + std::to_string(y + quiet_zone) +
                   "h" + std::to_string(run) + "v1h-" + std::to_string(run) + "z";
            x += run;
        }
    svg += "\" fill=\"#000\"/></svg>\n";
    return svg;
}

Result<std::string> qr_png(const QrCode& code, int scale) {
    const int side = (code.size + 2 * quiet_zone) * scale;
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    if (!png) return make_error(RenderError::qr_failed, "libpng could not start");
    png_infop info = png_create_info_struct(png);
    std::string out;
    // libpng reports its errors by longjmp: nothing with a destructor may live between here
    // and the end of the writing but `out` and `row`, made before the jump point.
    std::vector<png_byte> row(static_cast<std::size_t>((side + 7) / 8));
    if (!info || setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, info ? &info : nullptr);
        return make_error(RenderError::qr_failed, "libpng could not write the QR code");
    }
    png_set_write_fn(png, &out, &append_to_string, nullptr);
    png_set_IHDR(png, info, static_cast<png_uint_32>(side), static_cast<png_uint_32>(side), 1,
                 PNG_COLOR_TYPE_GRAY, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
                 PNG_FILTER_TYPE_DEFAULT);
    png_write_info(png, info);
    for (int py = 0; py < side; ++py) {
        std::fill(row.begin(), row.end(), png_byte{0xff});  // 1 is white in a gray PNG
        const int y = py / scale - quiet_zone;
        for (int px = 0; px < side; ++px) {
            const int x = px / scale - quiet_zone;
            if (x >= 0 && y >= 0 && x < code.size && y < code.size && code.at(x, y))
                row[static_cast<std::size_t>(px / 8)] &= static_cast<png_byte>(~(0x80 >> (px % 8)));
        }
        png_write_row(png, row.data());
    }
    png_write_end(png, nullptr);
    png_destroy_write_struct(&png, &info);
    return out;
}

}  // namespace rempart::render
