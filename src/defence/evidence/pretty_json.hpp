// JSON written for people: two-space indents, one member a line, keys in the order built.
#pragma once

#include <boost/json/value.hpp>

#include <string>

namespace rempart::defence::evidence {

// Boost.JSON 1.81 writes compact text only. Strings are escaped by Boost.JSON itself, bytes
// that are not UTF-8 in them written as U+FFFD; the text ends with a newline.
std::string pretty_json(const boost::json::value& value);

}  // namespace rempart::defence::evidence
