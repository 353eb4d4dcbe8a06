// Why the defence acted on a repeated value, or only watched it: the reasons as a cluster
// or a watch keeps them ("evidence"), one a line, read back for the pages and the mails.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rempart::defence {

// What the defence may find in a cluster's attempts. Signs of automation come in three
// kinds: where from (data centres, unlisted addresses), what sent them (robots) and how
// fast (instant proofs, confirmations within seconds). What and how fast are the sender's
// own doing and act; where from is shown beside and never acts on its own: people sign
// through VPNs, which run in data centres too.
enum class Signal {
    repetition,                  // the value itself: a reason to look, not to act
    hosting,                     // sent from data centres
    unlisted,                    // sent from addresses no AS announces
    robot_agents,                // sent by HTTP libraries or headless browsers
    instant_proofs,              // proofs of work solved faster than a browser can
    confirmations_from_hosting,  // confirmed from data centres
    scripted_confirmations,      // confirmed by robots or within seconds of the mail
    few_networks,                // many attempts from few networks (a campus does this too)
};
std::string_view to_string(Signal signal);
std::optional<Signal> parse_signal(std::string_view text);

struct Reason {
    Signal signal = Signal::hosting;
    std::size_t count = 0;  // attempts (or confirmations) showing it
    std::size_t of = 0;     // out of (the window, for a repetition; networks, for few_networks)
    bool acts = false;      // it made the defence act (see Signal)
    // What is counted: "attempts" or "confirmations"; for a repetition, the dimension
    // that repeated ("comment", "email_domain", ...).
    std::string subject;
};

// As the store keeps them: one reason a line, "<signal> <count> <of> <subject>".
std::string reasons_text(const std::vector<Reason>& reasons);

// The reasons a reasons_text holds; a line that does not read (written by an older
// version) is left out. Whether a reason acted is not kept: it reads the same either way.
std::vector<Reason> read_reasons(std::string_view text);

}  // namespace rempart::defence
