// The keys a signing attempt is counted under, and that a cluster, a watch and a hold name:
// one enum, written to the store and read back through one pair of functions.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace rempart::defence {

// `confirm_network` is where confirmations come from: a script reading a catch-all
// mailbox confirms from its own few addresses, a crowd from everywhere.
// `automation` is the attempt's strongest sign of automation (see detect/traits.hpp), so
// that a slow attacker who repeats no value still shows as many attempts from data centres.
enum class Dimension {
    name,
    comment,
    email_domain,
    network,
    as,
    user_agent,
    confirm_network,
    automation
};
inline constexpr std::size_t dimension_count = 8;

// As the store, the logs, the messages' keys and the config name it: "email_domain", "as".
std::string_view to_string(Dimension dimension);
std::optional<Dimension> parse_dimension(std::string_view text);

// Names and comments are counted as keyed hashes: the value means nothing to a reader, so
// the pages show what a signer typed and the mails leave it out.
bool is_hashed(Dimension dimension);

}  // namespace rempart::defence
