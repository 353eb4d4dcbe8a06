// The form to trust a mail domain or a network, read and checked.
#include "admin/trust_form.hpp"

#include "core/text.hpp"
#include "signatures/errors.hpp"
#include "signatures/text_input.hpp"

namespace rempart::admin {

TrustInput read_trust(const std::vector<std::pair<std::string, std::string>>& form) {
    TrustInput input;
    for (const auto& [name, value] : form) {
        if (name == "kind")
            input.kind = trim(value);
        else if (name == "value")
            input.value = trim(value);
        else if (name == "scope")
            input.scope = trim(value);
        else if (name == "note")
            input.note = value;
    }
    return input;
}

TrustCheck check_trust(const TrustInput& input, const CatalogSnapshot& petitions) {
    TrustCheck check;
    if (const auto kind = defence::parse_trust_kind(input.kind)) {
        check.value.kind = *kind;
        auto normal = defence::detect::normalise_trusted(*kind, input.value);
        if (normal)
            check.value.value = std::move(*normal);
        else
            check.errors.push_back({"value", std::string(normal.error().code.name())});
    } else {
        check.errors.push_back({"kind", "admin.trust_kind_unknown"});
    }
    if (input.scope != whole_site) {
        if (const auto* petition = petitions.find(input.scope))
            check.value.petition_id = petition->id;
        else
            check.errors.push_back({"scope", "admin.trust_scope_unknown"});
    }
    auto note = signatures::clean_text(input.note, trust_note_chars, false);
    if (note)
        check.note = std::move(*note);
    else
        check.errors.push_back(
            {"note", note.error().code == signatures::SignatureError::input_too_long
                         ? "admin.trust_note_too_long"
                         : "admin.unreadable"});
    return check;
}

}  // namespace rempart::admin
