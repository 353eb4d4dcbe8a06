// What an incident is about: signatures on one petition, or the proposals or the reports
// sent anywhere on the site. One enum, written to the store and read back through one pair
// of functions.
#pragma once

#include <optional>
#include <string_view>

namespace rempart::defence {

// Signatures are watched petition by petition: a crowd signs one petition at a time.
// Proposals and reports are few and go to the whole site, so one window each watches them
// all, and their incidents name no petition.
enum class Subject { signatures, proposals, reports };

// The proof-of-work keys of the site's forms that send proposals and reports, where a
// signature's is its petition's slug (no slug starts with "~"): the defence raises the
// work asked under the key of the subject attacked.
inline constexpr std::string_view proposals_pow_key = "~propose";
inline constexpr std::string_view reports_pow_key = "~report";

// As the store, the logs and the messages' keys name it: "signatures", "proposals".
std::string_view to_string(Subject subject);
std::optional<Subject> parse_subject(std::string_view text);

}  // namespace rempart::defence
