// French postcodes, and the département each one belongs to.
#include "signatures/postcode.hpp"

#include <cctype>

namespace rempart::signatures {

Result<Postcode> parse_french_postcode(std::string_view typed) {
    std::string digits;
    int spaces_inside = 0;
    std::size_t first = typed.find_first_not_of(" \t");
    std::size_t last = typed.find_last_not_of(" \t");
    const auto invalid = [&] {
        return make_error("postcode.invalid",
                          "a French postcode is five digits, e.g. 75011 (got '" +
                              std::string(typed.substr(0, 20)) + "')");
    };
    if (first == std::string_view::npos) return invalid();
    for (std::size_t i = first; i <= last; ++i) {
        const char c = typed[i];
        if (c == ' ') {
            if (++spaces_inside > 1) return invalid();  // "75 011" is how some write it
            continue;
        }
        if (!std::isdigit(static_cast<unsigned char>(c))) return invalid();
        digits += c;
    }
    if (digits.size() != 5) return invalid();
    const int prefix2 = (digits[0] - '0') * 10 + (digits[1] - '0');
    const int prefix3 = prefix2 * 10 + (digits[2] - '0');
    Postcode postcode{digits, ""};
    if (prefix2 == 0 || prefix2 == 96 || prefix2 == 99) return invalid();
    if (prefix2 == 20) {
        // Corsica: 200xx and 201xx are Corse-du-Sud (Ajaccio 20000, Sartène 20100,
        // Porto-Vecchio 20137), 202xx to 206xx Haute-Corse (Bastia 20200, Corte 20250,
        // Calvi 20260, Biguglia 20620). A few communes straddle the line; a postcode cannot
        // tell them apart, and they are counted where their code points.
        postcode.department = prefix3 <= 201 ? "2A" : "2B";
        if (prefix3 > 206) return invalid();
    } else if (prefix2 == 97) {
        // Overseas départements and collectivities: 971 Guadeloupe to 976 Mayotte, 975
        // Saint-Pierre-et-Miquelon, 977 Saint-Barthélemy, 978 Saint-Martin.
        if (prefix3 < 971 || prefix3 > 978) return invalid();
        postcode.department = digits.substr(0, 3);
    } else if (prefix2 == 98) {
        // 980 Monaco (French postal codes, not a French département: counted as "MC"); 984
        // TAAF, 986 Wallis-et-Futuna, 987 French Polynesia, 988 New Caledonia.
        if (prefix3 == 980)
            postcode.department = "MC";
        else if (prefix3 == 984 || (prefix3 >= 986 && prefix3 <= 988))
            postcode.department = digits.substr(0, 3);
        else
            return invalid();
    } else {
        postcode.department = digits.substr(0, 2);
    }
    return postcode;
}

}  // namespace rempart::signatures
