// Tests for http/target: decoding paths and forms, refusing what cannot be trusted.
#include "http/target.hpp"

#include <gtest/gtest.h>

#include "http/errors.hpp"

namespace rempart::http {
namespace {

TEST(Target, SplitsPathAndQuery) {
    const auto target = parse_target("/petitions/x?lang=en&a=b");
    ASSERT_TRUE(target.ok());
    EXPECT_EQ(target->path, "/petitions/x");
    EXPECT_EQ(target->query, "lang=en&a=b");
}

TEST(Target, DecodesPercentEscapesInThePath) {
    const auto target = parse_target("/p%C3%A9tition");
    ASSERT_TRUE(target.ok());
    EXPECT_EQ(target->path, "/p\xC3\xA9tition");
}

TEST(Target, RefusesAbsoluteAndAsteriskForms) {
    EXPECT_FALSE(parse_target("http://example.org/").ok());
    EXPECT_FALSE(parse_target("*").ok());
    EXPECT_FALSE(parse_target("").ok());
}

TEST(Target, RefusesMalformedEscapes) {
    EXPECT_FALSE(parse_target("/a%").ok());
    EXPECT_FALSE(parse_target("/a%4").ok());
    EXPECT_FALSE(parse_target("/a%zz").ok());
}

TEST(Target, RefusesInvalidUtf8AfterDecoding) {
    const auto target = parse_target("/%C3%28");
    ASSERT_FALSE(target.ok());
    EXPECT_EQ(target.error().code, HttpError::bad_target);
    EXPECT_FALSE(parse_target("/%ED%A0%80").ok());  // a UTF-16 surrogate
    EXPECT_FALSE(parse_target("/%C0%AF").ok());     // an overlong '/'
}

TEST(Target, RefusesNulAndControlCharacters) {
    EXPECT_FALSE(parse_target("/a%00b").ok());
    EXPECT_FALSE(parse_target(std::string_view("/a\x01", 3)).ok());
}

TEST(Target, RefusesDotDotSegmentsEvenEncoded) {
    EXPECT_FALSE(parse_target("/static/../CMakeLists.txt").ok());
    EXPECT_FALSE(parse_target("/static/%2e%2e/CMakeLists.txt").ok());
    EXPECT_FALSE(parse_target("/static/%2E%2E").ok());
    EXPECT_TRUE(parse_target("/static/a..b.css").ok());
}

TEST(Form, DecodesPlusAndEscapes) {
    const auto form = parse_form("name=Jean+Dupont&city=Saint-%C3%89tienne&empty=&flag");
    ASSERT_TRUE(form.ok());
    ASSERT_EQ(form->size(), 4u);
    EXPECT_EQ(form_value(*form, "name"), "Jean Dupont");
    EXPECT_EQ(form_value(*form, "city"), "Saint-\xC3\x89tienne");
    EXPECT_EQ(form_value(*form, "empty"), "");
    EXPECT_EQ(form_value(*form, "flag"), "");
    EXPECT_EQ(form_value(*form, "missing"), std::nullopt);
}

TEST(Form, RefusesBadEscapesAndInvalidUtf8) {
    EXPECT_FALSE(parse_form("a=%G1").ok());
    const auto bad = parse_form("a=%FF");
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().code, HttpError::bad_form);
}

}  // namespace
}  // namespace rempart::http
