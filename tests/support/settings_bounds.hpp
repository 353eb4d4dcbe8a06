// The bounds of a settings section, checked row by row: the value at a bound is taken, one
// past it is refused with an error that names the file, the section and the key.
#pragma once

#include <gtest/gtest.h>

#include <span>
#include <string>

#include "core/errors.hpp"

namespace rempart::testing {

struct Bound {
    std::string key;
    std::string at;    // the last value taken
    std::string past;  // the first value refused
};

// `parse` reads `key = value` as the second line of rempart.toml, under `[section]`.
template <typename Parse>
void expect_bounds(std::span<const Bound> rows, const std::string& section, Parse parse) {
    ASSERT_FALSE(rows.empty()) << "no bounds to check for [" << section << "]";
    for (const auto& [key, at, past] : rows) {
        const auto taken = parse(key + " = " + at);
        EXPECT_TRUE(taken.ok()) << key << " = " << at << "\n  gave: " << taken.error().detail;
        const auto refused = parse(key + " = " + past);
        ASSERT_FALSE(refused.ok()) << key << " = " << past;
        EXPECT_EQ(refused.error().code, ConfigError::bad_value) << key;
        EXPECT_NE(refused.error().detail.find("rempart.toml:2:1: [" + section + "] " + key +
                                              ": expected"),
                  std::string::npos)
            << refused.error().detail;
    }
}

}  // namespace rempart::testing
