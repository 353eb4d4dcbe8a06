// French postcodes, and the département each one belongs to.
#include "signatures/postcode.hpp"

#include "core/text.hpp"
#include "signatures/errors.hpp"

namespace rempart::signatures {
namespace {

// The first digits of a postcode name the département of the post office that delivers
// it, not always the commune's own: Laveyrune, in Ardèche (07), is 48250 because its mail
// comes from Lozère. Such border communes are counted where their postcode points; only
// the INSEE code, which signers do not know, would tell them apart.
std::string_view department_of(std::string_view digits) {
    const int two = (digits[0] - '0') * 10 + (digits[1] - '0');
    const int three = two * 10 + (digits[2] - '0');
    if (two == 20) {
        // Corsica has two départements under one prefix: 200xx and 201xx are Corse-du-Sud
        // (Ajaccio 20000 and 20090, Sartène 20100, Porto-Vecchio 20137), 202xx to 206xx
        // Haute-Corse (Bastia 20200 and 20600, Corte 20250, Calvi 20260, Biguglia 20620).
        if (three <= 201) return "2A";
        if (three <= 206) return "2B";
        return {};
    }
    if (two == 97) {
        // Saint-Barthélemy and Saint-Martin left Guadeloupe in 2007 but kept its postcodes.
        if (digits == "97133") return "977";
        if (digits == "97150") return "978";
        if (three >= 971 && three <= 976) return digits.substr(0, 3);  // 975: St-Pierre
        return {};
    }
    if (two == 98) {
        // Monaco is not France but is served by La Poste with 980xx codes: its residents
        // sign, counted apart as "MC". 984 is the French Southern Lands, 986 Wallis and
        // Futuna, 987 French Polynesia, 988 New Caledonia; 985 was Mayotte's until 976.
        if (three == 980) return "MC";
        if (three == 984 || (three >= 986 && three <= 988)) return digits.substr(0, 3);
        return {};
    }
    if (two == 0 || two > 95) return {};  // 96 was never used; 99 is abroad for INSEE only
    return digits.substr(0, 2);
}

}  // namespace

Result<Postcode> parse_french_postcode(std::string_view typed) {
    const auto text = trim_view(typed);
    const auto invalid = [&] {
        return make_error(SignatureError::postcode_invalid,
                          "a French postcode is five digits, as in 75011 (got '" +
                              std::string(text.substr(0, 20)) + "')");
    };
    std::string digits;
    bool inner_space = false;
    for (const char c : text) {
        if (c == ' ' && !inner_space) {
            inner_space = true;  // "75 011", as some write it
            continue;
        }
        if (c < '0' || c > '9' || digits.size() == 5) return invalid();
        digits += c;
    }
    if (digits.size() != 5) return invalid();
    std::string department(department_of(digits));
    if (department.empty()) return invalid();
    return Postcode{std::move(digits), std::move(department)};
}

}  // namespace rempart::signatures
