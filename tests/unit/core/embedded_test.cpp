// Tests for core/embedded: released pages read back the same bytes.
#include "core/embedded.hpp"

#include <gtest/gtest.h>

#include <array>
#include <numeric>

namespace rempart::embedded {
namespace {

// Read-only data of this binary, as the embedded files are: several pages of it.
constexpr auto make_table() {
    std::array<unsigned char, 64 * 1024> table{};
    for (std::size_t i = 0; i < table.size(); ++i)
        table[i] = static_cast<unsigned char>(i * 31 + 7);
    return table;
}
constexpr auto table = make_table();

TEST(Embedded, ReleasedDataReadsBackTheSame) {
    const std::string_view bytes(reinterpret_cast<const char*>(table.data()), table.size());
    const auto before = std::accumulate(bytes.begin(), bytes.end(), std::uint64_t{0});
    release(bytes);
    const auto after = std::accumulate(bytes.begin(), bytes.end(), std::uint64_t{0});
    EXPECT_EQ(before, after);
    EXPECT_EQ(static_cast<unsigned char>(bytes[4096 * 3 + 5]), table[4096 * 3 + 5]);
    release(bytes.substr(10, 20));  // less than a page: nothing to give back, nothing broken
    release({});
}

}  // namespace
}  // namespace rempart::embedded
