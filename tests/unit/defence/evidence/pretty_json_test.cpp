// Tests for the JSON layout people read: indents, empty containers, escapes, key order.
#include <gtest/gtest.h>
#include <boost/json.hpp>

#include "defence/evidence/pretty_json.hpp"

namespace rempart::defence::evidence {
namespace {

TEST(PrettyJson, IndentsKeepsKeyOrderAndEscapes) {
    boost::json::object root;
    root["z"] = 1;
    root["a"] = boost::json::array{"x\"\n", nullptr};
    root["empty"] = boost::json::object();
    root["none"] = boost::json::array();
    const auto text = pretty_json(root);
    EXPECT_EQ(text,
              "{\n"
              "  \"z\": 1,\n"
              "  \"a\": [\n"
              "    \"x\\\"\\n\",\n"
              "    null\n"
              "  ],\n"
              "  \"empty\": {},\n"
              "  \"none\": []\n"
              "}\n");
    EXPECT_EQ(boost::json::parse(text), boost::json::value(root));
}

TEST(PrettyJson, WritesBytesThatAreNotUtf8AsReplacementCharacters) {
    boost::json::object root;
    root["agent"] = "caf\xE9 \xC3";
    root["No\xEBl"] = boost::json::array{"\xED\xA0\x80"};
    const auto text = pretty_json(root);
    boost::system::error_code ec;
    const auto back = boost::json::parse(text, ec);
    ASSERT_FALSE(ec) << text;
    EXPECT_EQ(back.at("agent").as_string(), "caf\uFFFD \uFFFD");
    EXPECT_EQ(back.at("No\uFFFDl").at(0).as_string(), "\uFFFD\uFFFD\uFFFD");
}

}  // namespace
}  // namespace rempart::defence::evidence
