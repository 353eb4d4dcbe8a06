// A petition's address as a QR code for flyers: SVG for print, PNG for everything else,
// made on the server with libqrencode (and libpng), never by a third-party service.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace rempart::render {

// The modules of a QR code, row by row, true for dark; `size` modules a side.
struct QrCode {
    int size = 0;
    std::vector<bool> dark;
    bool at(int x, int y) const { return dark[static_cast<std::size_t>(y * size + x)]; }
};

// Medium error correction (15 %), which survives a fold or a smudge on a flyer; the text
// is encoded as 8-bit data. RenderError::qr_failed when the text is too long for a code.
Result<QrCode> make_qr(std::string_view text);

// A black-on-white SVG with the standard quiet zone of 4 modules, one path for the dark
// modules: scales to any size without blurring.
std::string qr_svg(const QrCode& code);

// A black-on-white 1-bit PNG with the quiet zone, `scale` pixels a module.
Result<std::string> qr_png(const QrCode& code, int scale = 8);

}  // namespace rempart::render
