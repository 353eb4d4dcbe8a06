// Tests for the dimensions: each is written and read back under one name, the store's.
#include "defence/model/dimension.hpp"

#include <gtest/gtest.h>

#include <string>

namespace rempart::defence {
namespace {

TEST(Dimension, EachNameReadsBackAsItsDimension) {
    for (std::size_t d = 0; d < dimension_count; ++d) {
        const auto dimension = static_cast<Dimension>(d);
        EXPECT_EQ(parse_dimension(to_string(dimension)), dimension) << d;
    }
    EXPECT_EQ(to_string(Dimension::email_domain), "email_domain");
    EXPECT_EQ(to_string(Dimension::as), "as");
    EXPECT_FALSE(parse_dimension("shoe_size"));
    EXPECT_FALSE(parse_dimension(""));
}

TEST(Dimension, OnlyNamesAndCommentsAreHashed) {
    EXPECT_TRUE(is_hashed(Dimension::name));
    EXPECT_TRUE(is_hashed(Dimension::comment));
    for (const auto shown :
         {Dimension::email_domain, Dimension::network, Dimension::as, Dimension::user_agent,
          Dimension::confirm_network, Dimension::automation})
        EXPECT_FALSE(is_hashed(shown)) << to_string(shown);
}

}  // namespace
}  // namespace rempart::defence
