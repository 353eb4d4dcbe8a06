// rempart-asn-image: turns the npm IP-to-AS CSV files into the table's compact form, at build time.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>

#include "shield/asn_table.hpp"

// Usage: rempart-asn-image OUT CSV... ; each CSV is added in turn, as the server would.
int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: rempart-asn-image OUT CSV...\n";
        return 2;
    }
    rempart::shield::AsnTable table;
    for (int i = 2; i < argc; ++i) {
        std::ifstream in(argv[i], std::ios::binary);
        if (!in) {
            std::cerr << "rempart-asn-image: cannot read " << argv[i] << "\n";
            return 1;
        }
        const std::string text{std::istreambuf_iterator<char>(in), {}};
        if (auto added = table.add(text, argv[i]); !added) {
            std::cerr << "rempart-asn-image: " << added.error().detail << "\n";
            return 1;
        }
    }
    // Written beside the target and renamed, so that a failed run leaves no half image.
    const std::string out = argv[1];
    const std::string part = out + ".part";
    const auto image = table.image();
    std::ofstream(part, std::ios::binary | std::ios::trunc).write(image.data(),
                                                                  static_cast<long>(image.size()));
    if (std::ifstream(part, std::ios::binary | std::ios::ate).tellg() !=
            static_cast<std::streamoff>(image.size()) ||
        std::rename(part.c_str(), out.c_str()) != 0) {
        std::cerr << "rempart-asn-image: cannot write " << out << "\n";
        return 1;
    }
    std::cout << "rempart-asn-image: " << table.ranges() << " ranges, " << image.size()
              << " bytes\n";
    return 0;
}
