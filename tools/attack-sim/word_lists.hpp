// The words scenarios draw from: French first and last names, the seed's celebrities and
// comment, a crowd's comments, mail providers by share, browsers' user agents.
#pragma once

#include <span>
#include <string_view>

#include "random.hpp"

namespace rempart::attack {

std::span<const std::string_view> first_names();
std::span<const std::string_view> last_names();
// The seed's flood signed as these, Jeff Bezos and Bill Gates first and most.
std::span<const std::string_view> celebrities();
std::span<const double> celebrity_weights();
inline constexpr std::string_view seed_comment = "déso pas déso";
// What real signers write, when they write anything.
std::span<const std::string_view> crowd_comments();
// Mail providers most French signers use, with their share, and a long tail of small
// domains (associations, companies, universities, personal domains).
std::span<const std::string_view> big_mail_providers();
std::span<const double> big_mail_provider_weights();
std::span<const std::string_view> small_mail_domains();
// A crowd member's mail domain: a big provider by its share (85 %), or the long tail.
std::string crowd_mail_domain(Random& random);
// A big provider by its share, for a crowd that uses nothing else.
std::string big_mail_provider(Random& random);
// Domains a flood's throwaway addresses use: not on the disposable list, no history.
std::span<const std::string_view> throwaway_domains();
// Catch-all domains an attacker owns (their MX accepts any local part).
std::span<const std::string_view> attacker_catch_all_domains();
std::span<const std::string_view> browser_user_agents();
inline constexpr std::string_view script_user_agent = "python-requests/2.25.1";

// "Émilie Lefèvre", with the occasional compound first name.
std::string real_looking_name(Random& random);
// The mailbox a person with that name might have: "emilie.lefevre", "e.lefevre84", ...
std::string mailbox_for(std::string_view name, Random& random);
// The plain "first.last" mailbox an association or a university hands its members.
std::string plain_mailbox(std::string_view name);
// Random lowercase letters and digits, like a script's throwaway local part.
std::string random_token(Random& random, std::size_t length);
// A French postcode: a département (01-95) and a commune.
std::string random_postcode(Random& random);
// A postcode of one département (1-95): a local association's members live near it.
std::string postcode_in(unsigned department, Random& random);

}  // namespace rempart::attack
