// What config::File and its sections share: the parsed TOML, the keys the modules read, and
// what was wrong with them. toml++ stays behind this header, in core's own sources.
#pragma once

#include <toml++/toml.h>

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.hpp"

namespace rempart::config::detail {

using KeyName = std::pair<std::string, std::string>;  // section, key

struct Document {
    std::string source;  // the file's name, first in every message
    toml::table root;
    std::set<std::string, std::less<>> sections;  // opened by a module
    std::set<KeyName> known;                      // read by a module
    std::map<KeyName, Error> wrong;               // a key's first error
    std::vector<Error> refusals;                  // of keys that do not go together
};

// Where a key sits, for messages like "rempart.toml:4:1: [server] listen: ...".
struct Where {
    std::string_view file;
    toml::source_region region;
    std::string section;
    std::string key;
    std::string prefix() const;
    // "<prefix>[section] key: expected <expected>, got <what the file has>"
    Error error(std::string_view expected, const toml::node& got) const;
};

// Messages point at the key, where the reader's eye goes; a key toml++ made up itself (a
// dotted key's parent) has no place of its own, so its value's is used.
toml::source_region place_of(const toml::key& key, const toml::node& value);

}  // namespace rempart::config::detail
