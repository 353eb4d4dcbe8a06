// JSON written for people: two-space indents, one member a line, keys in the order built.
#include "defence/evidence/pretty_json.hpp"

#include <boost/json/serialize.hpp>

#include "core/text.hpp"

namespace rempart::defence::evidence {
namespace {

// Boost.JSON writes a string's bytes as they are, and its own parser (like every other)
// then refuses the file: a User-Agent is stored as the client sent it, in any bytes.
std::string quoted(std::string_view text) {
    const auto valid = to_valid_utf8(text);
    return boost::json::serialize(boost::json::string_view(valid.data(), valid.size()));
}

void write(std::string& out, const boost::json::value& value, std::size_t depth) {
    const std::string indent(2 * (depth + 1), ' ');
    const std::string closing(2 * depth, ' ');
    if (value.is_object()) {
        const auto& object = value.get_object();
        if (object.empty()) {
            out += "{}";
            return;
        }
        out += "{\n";
        bool first = true;
        for (const auto& member : object) {
            if (!first) out += ",\n";
            first = false;
            out += indent;
            out += quoted(member.key());
            out += ": ";
            write(out, member.value(), depth + 1);
        }
        out += "\n" + closing + "}";
    } else if (value.is_array()) {
        const auto& array = value.get_array();
        if (array.empty()) {
            out += "[]";
            return;
        }
        out += "[\n";
        bool first = true;
        for (const auto& element : array) {
            if (!first) out += ",\n";
            first = false;
            out += indent;
            write(out, element, depth + 1);
        }
        out += "\n" + closing + "]";
    } else if (value.is_string()) {
        out += quoted(value.get_string());
    } else {
        out += boost::json::serialize(value);
    }
}

}  // namespace

std::string pretty_json(const boost::json::value& value) {
    std::string out;
    write(out, value, 0);
    out += "\n";
    return out;
}

}  // namespace rempart::defence::evidence
