// A rejection reason as an admin types it: a label for the moderators, the words the author
// reads (and, unless hidden, every visitor of the refused petition), and whether it is
// hidden. Pure: what was typed in, the reason or what is wrong with each field out.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rempart {

inline constexpr std::size_t reason_label_chars = 80;
inline constexpr std::size_t reason_text_chars = 600;

struct ReasonForm {
    std::string label;
    std::string public_text;
    bool hidden = false;
};

struct ReasonError {
    std::string field;        // label, public_text
    std::string message_key;  // "admin.reason_label_required", ...
};

struct ReasonCheck {
    std::optional<ReasonForm> reason;  // cleaned, when nothing is wrong
    std::vector<ReasonError> errors;
};

// Both texts are required; the label is one line, the public text may have several. Text
// that is not UTF-8 is refused, never repaired: the admin sees it and types it again.
ReasonCheck check_reason_form(const ReasonForm& typed);

}  // namespace rempart
