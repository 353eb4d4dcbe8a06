// rempart-data-image: turns npm data lists into the forms the server reads at start, at build time.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>

#include "shield/asn_table.hpp"
#include "signatures/disposable_domains.hpp"

namespace {

std::optional<std::string> read_file(const char* path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::cerr << "rempart-data-image: cannot read " << path << "\n";
        return std::nullopt;
    }
    return std::string{std::istreambuf_iterator<char>(in), {}};
}

// Written beside the target and renamed, so that a failed run leaves no half file.
bool write_file(const std::string& path, std::string_view bytes) {
    const std::string part = path + ".part";
    std::ofstream(part, std::ios::binary | std::ios::trunc)
        .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (std::ifstream(part, std::ios::binary | std::ios::ate).tellg() !=
            static_cast<std::streamoff>(bytes.size()) ||
        std::rename(part.c_str(), path.c_str()) != 0) {
        std::cerr << "rempart-data-image: cannot write " << path << "\n";
        return false;
    }
    return true;
}

// asn OUT CSV...: the CSV files added in turn, as the server would, into one image.
int asn_image(int count, char** args) {
    rempart::shield::AsnTable table;
    for (int i = 1; i < count; ++i) {
        const auto text = read_file(args[i]);
        if (!text) return 1;
        if (auto added = table.add(*text, args[i]); !added) {
            std::cerr << "rempart-data-image: " << added.error().detail << "\n";
            return 1;
        }
    }
    const auto image = table.image();
    if (!write_file(args[0], image)) return 1;
    std::cout << "rempart-data-image: " << table.ranges() << " AS ranges, " << image.size()
              << " bytes\n";
    return 0;
}

// domains EXACT_OUT WILDCARD_OUT INDEX_JSON WILDCARD_JSON: the throwaway mail domains in
// A-labels, sorted, one a line.
int domain_lists(char** args) {
    const auto index = read_file(args[2]);
    const auto wildcard = read_file(args[3]);
    if (!index || !wildcard) return 1;
    const auto domains = rempart::signatures::DisposableDomains::load(*index, *wildcard, {}, {});
    if (!domains) {
        std::cerr << "rempart-data-image: " << domains.error().detail << "\n";
        return 1;
    }
    const auto [exact, with_subdomains] = domains->lines();
    if (!write_file(args[0], exact) || !write_file(args[1], with_subdomains)) return 1;
    std::cout << "rempart-data-image: " << domains->size() << " disposable domains\n";
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    const std::string_view mode = argc > 1 ? argv[1] : "";
    if (mode == "asn" && argc >= 4) return asn_image(argc - 2, argv + 2);
    if (mode == "domains" && argc == 6) return domain_lists(argv + 2);
    std::cerr << "usage: rempart-data-image asn OUT CSV...\n"
                 "       rempart-data-image domains EXACT_OUT WILDCARD_OUT INDEX_JSON "
                 "WILDCARD_JSON\n";
    return 2;
}
