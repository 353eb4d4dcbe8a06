// A rejection reason as an admin types it, checked.
#include "petitions/reason_form.hpp"

#include "signatures/errors.hpp"
#include "signatures/text_input.hpp"

namespace rempart {

ReasonCheck check_reason_form(const ReasonForm& typed) {
    ReasonCheck check;
    ReasonForm reason;
    reason.hidden = typed.hidden;
    const auto field = [&](std::string_view name, const std::string& raw, std::size_t max,
                           bool multiline, std::string& into) {
        const std::string prefix = "admin.reason_" + std::string(name);
        auto cleaned = signatures::clean_text(raw, max, multiline);
        if (!cleaned) {
            const bool too_long =
                cleaned.error().code == signatures::SignatureError::input_too_long;
            check.errors.push_back(
                {std::string(name), prefix + (too_long ? "_too_long" : "_unreadable")});
            return;
        }
        if (cleaned->empty()) {
            check.errors.push_back({std::string(name), prefix + "_required"});
            return;
        }
        into = std::move(*cleaned);
    };
    field("label", typed.label, reason_label_chars, false, reason.label);
    field("public_text", typed.public_text, reason_text_chars, true, reason.public_text);
    if (check.errors.empty()) check.reason = std::move(reason);
    return check;
}

}  // namespace rempart
