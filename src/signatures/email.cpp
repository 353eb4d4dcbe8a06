// E-mail addresses as signers type them: checked, and reduced to one form per mailbox.
#include "signatures/email.hpp"

#include <idn2.h>
#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <memory>

#include "core/text.hpp"
#include "signatures/errors.hpp"

namespace rempart::signatures {
namespace {

constexpr std::size_t max_address = 254;  // RFC 5321's path limit less the angle brackets
constexpr std::size_t max_local = 64;
constexpr std::size_t max_label = 63;

// Providers that deliver "name+anything@" to "name@" (sub-addressing).
constexpr std::array<std::string_view, 12> plus_tag_domains = {
    "gmail.com", "outlook.com",  "hotmail.com",    "live.com",  "msn.com", "icloud.com",
    "me.com",    "fastmail.com", "protonmail.com", "proton.me", "pm.me",   "yandex.ru",
};

bool is_atext(unsigned char c) {
    if (c >= 0x80) return true;  // UTF-8, already checked as a whole
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
    return std::string_view("!#$%&'*+/=?^_`{|}~-").find(static_cast<char>(c)) !=
           std::string_view::npos;
}

Error invalid(std::string detail) {
    return make_error(SignatureError::email_invalid, std::move(detail));
}

Result<void> check_local(std::string_view local) {
    if (local.empty()) return invalid("the part before @ is empty");
    if (local.size() > max_local) return invalid("the part before @ is longer than 64 bytes");
    if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string_view::npos)
        return invalid("dots may not start, end or double in the part before @");
    for (const char c : local)
        if (c != '.' && !is_atext(static_cast<unsigned char>(c)))
            return invalid("the part before @ holds a character addresses cannot have");
    return {};
}

Result<void> check_domain(std::string_view domain) {
    if (domain.empty()) return invalid("the part after @ is empty");
    if (domain.front() == '[') return invalid("addresses with a bare IP address are not accepted");
    std::size_t labels = 0;
    std::size_t start = 0;
    while (start <= domain.size()) {
        const auto end = std::min(domain.find('.', start), domain.size());
        const auto label = domain.substr(start, end - start);
        if (label.empty()) return invalid("the domain has an empty part between dots");
        // An international label is measured once in A-labels, by libidn2: "é" is two
        // bytes typed but may cost less than that encoded.
        const bool ascii = std::all_of(label.begin(), label.end(),
                                       [](char c) { return static_cast<unsigned char>(c) < 0x80; });
        if (ascii && label.size() > max_label)
            return invalid("a part of the domain is longer than 63 bytes");
        if (label.front() == '-' || label.back() == '-')
            return invalid("a part of the domain starts or ends with a dash");
        for (const char c : label) {
            const auto u = static_cast<unsigned char>(c);
            const bool ok = u >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                            (c >= '0' && c <= '9') || c == '-';
            if (!ok) return invalid("the domain holds a character domains cannot have");
        }
        ++labels;
        start = end + 1;
    }
    if (labels < 2) return invalid("the domain needs a dot, as in example.org");
    return {};
}

// What libidn2 allocates, freed on every path.
using Idn2Text = std::unique_ptr<char, decltype(&idn2_free)>;

enum class Alphabet { none, latin, greek, cyrillic };

// The three alphabets whose letters look alike (Latin a, Cyrillic а, Greek α); other
// scripts mix with Latin in real domains (Japanese names with ASCII words).
Alphabet alphabet_of(utf8proc_int32_t c) {
    if ((c >= 'a' && c <= 'z') || (c >= 0xC0 && c <= 0x24F) || (c >= 0x1E00 && c <= 0x1EFF))
        return Alphabet::latin;
    if ((c >= 0x370 && c <= 0x3FF) || (c >= 0x1F00 && c <= 0x1FFF)) return Alphabet::greek;
    if ((c >= 0x400 && c <= 0x52F) || (c >= 0x1C80 && c <= 0x1C8F) ||
        (c >= 0x2DE0 && c <= 0x2DFF) || (c >= 0xA640 && c <= 0xA69F))
        return Alphabet::cyrillic;
    return Alphabet::none;
}

// Registries refuse labels such as "pаypal" with a Cyrillic а, IDNA 2008 does not: an
// address using one is a disguise, never a mailbox someone reads.
bool mixes_lookalike_alphabets(std::string_view unicode_domain) {
    Alphabet seen = Alphabet::none;
    const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(unicode_domain.data());
    auto left = static_cast<utf8proc_ssize_t>(unicode_domain.size());
    while (left > 0) {
        utf8proc_int32_t c = 0;
        const auto n = utf8proc_iterate(p, left, &c);
        if (n <= 0) return false;
        p += n;
        left -= n;
        if (c == '.') {
            seen = Alphabet::none;
            continue;
        }
        const auto alphabet = alphabet_of(c);
        if (alphabet == Alphabet::none) continue;
        if (seen != Alphabet::none && seen != alphabet) return true;
        seen = alphabet;
    }
    return false;
}

// Lowercase, then NFC, for Unicode local parts, so "LÉA" and "léa" typed two ways are one.
// Composing last keeps the result in NFC even where a lowercase letter composes with the
// mark after it and its capital did not.
std::string lower_unicode(std::string_view text) {
    if (std::all_of(text.begin(), text.end(),
                    [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
        return to_lower_ascii(text);
    std::string lowered;
    lowered.reserve(text.size());
    const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
    auto left = static_cast<utf8proc_ssize_t>(text.size());
    while (left > 0) {
        utf8proc_int32_t c = 0;
        const auto n = utf8proc_iterate(p, left, &c);
        if (n <= 0) return to_lower_ascii(text);
        p += n;
        left -= n;
        utf8proc_uint8_t bytes[4];
        const auto size = utf8proc_encode_char(utf8proc_tolower(c), bytes);
        lowered.append(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(size));
    }
    utf8proc_uint8_t* composed = nullptr;
    const auto length =
        utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(lowered.data()),
                     static_cast<utf8proc_ssize_t>(lowered.size()), &composed,
                     static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
    std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owned(composed, &std::free);
    if (length < 0) return lowered;
    return std::string(reinterpret_cast<const char*>(composed), static_cast<std::size_t>(length));
}

// ASCII with no label reserved by IDNA ("xn--" and any other "??--"): libidn2 passes such a
// domain through as it is, so the checks of check_domain are all it needs.
bool is_plain_ascii_domain(std::string_view domain) {
    std::size_t label_start = 0;
    for (std::size_t i = 0; i < domain.size(); ++i) {
        const char c = domain[i];
        if (static_cast<unsigned char>(c) >= 0x80) return false;
        if (c == '.') label_start = i + 1;
        if (c == '-' && i == label_start + 3 && domain[i - 1] == '-') return false;
    }
    return true;
}

// An A-label domain as its reader sees it, refused if it mixes lookalike alphabets.
Result<std::string> unicode_domain(const std::string& ascii) {
    char* unicode = nullptr;
    const int code = idn2_to_unicode_8z8z(ascii.c_str(), &unicode, 0);
    const Idn2Text owned(unicode, &idn2_free);
    if (code != IDN2_OK)
        return invalid(std::string("the domain cannot be read back (") + idn2_strerror(code) + ")");
    if (mixes_lookalike_alphabets(unicode))
        return invalid("a part of the domain mixes Latin, Greek or Cyrillic letters");
    return std::string(unicode);
}

}  // namespace

std::string canonical_email(std::string_view local, std::string_view domain) {
    std::string d = to_lower_ascii(domain);
    if (d == "googlemail.com") d = "gmail.com";
    std::string l(local);
    if (std::find(plus_tag_domains.begin(), plus_tag_domains.end(), d) != plus_tag_domains.end()) {
        l = l.substr(0, l.find('+'));
        if (d == "gmail.com") std::erase(l, '.');
    }
    // Only once the dots are gone: "e.\u0301" becomes "e\u0301", which composes to "é".
    return lower_unicode(l) + "@" + d;
}

std::string mailbox_key(std::string_view local, std::string_view domain) {
    auto canonical = canonical_email(local, domain);
    const auto at = canonical.rfind('@');
    const auto plus = canonical.find('+');
    if (plus < at) canonical.erase(plus, at - plus);
    return canonical;
}

// Non-transitional, with no fallback to transitional: "faß.de" and "fass.de" are two
// domains with two owners (DENIC registers both), and transitional processing would send
// a signer's confirmation to the wrong one. curl falls back for IDNA 2003 names; a signer
// whose domain is refused sees why and can type it again.
Result<std::string> ascii_domain(std::string_view domain) {
    std::string result;
    if (is_plain_ascii_domain(domain)) {
        // libidn2 would return it as it is, after its NFC pass and table lookups: 1.7 % of
        // a signing request's time, for the domains nearly every signer types.
        result = to_lower_ascii(domain);
    } else {
        const std::string text(domain);
        char* ascii = nullptr;
        const int code =
            idn2_to_ascii_8z(text.c_str(), &ascii,
                             IDN2_NFC_INPUT | IDN2_NONTRANSITIONAL | IDN2_USE_STD3_ASCII_RULES);
        const Idn2Text owned(ascii, &idn2_free);
        if (code != IDN2_OK)
            return invalid(std::string("the domain is not a valid international domain (") +
                           idn2_strerror(code) + ")");
        result = to_lower_ascii(ascii);
    }
    // libidn2 passes ASCII labels through unchecked: hostname rules (letters, digits,
    // inner hyphens) are checked here for callers that did not parse an address first.
    if (auto ok = check_domain(result); !ok) return ok.error();
    if (result.size() > 253) return invalid("the domain is longer than 253 bytes");
    return result;
}

Result<EmailAddress> parse_email(std::string_view typed) {
    const auto text = trim_view(typed);
    if (text.empty()) return invalid("the address is empty");
    if (text.size() > max_address) return invalid("the address is longer than 254 bytes");
    if (!is_valid_utf8(text)) return invalid("the address is not valid UTF-8");
    const auto at = text.rfind('@');
    if (at == std::string_view::npos) return invalid("the address has no @");
    const auto local = text.substr(0, at);
    const auto domain = text.substr(at + 1);
    if (auto ok = check_local(local); !ok) return ok.error();
    if (auto ok = check_domain(domain); !ok) return ok.error();
    auto ascii = ascii_domain(domain);
    if (!ascii) return ascii.error();
    EmailAddress address;
    if (is_plain_ascii_domain(*ascii)) {
        address.domain = *ascii;  // its Unicode form is itself, in Latin letters alone
    } else if (auto unicode = unicode_domain(*ascii); !unicode) {
        return unicode.error();
    } else {
        address.domain = std::move(*unicode);
    }
    address.as_typed = std::string(text);
    address.local = std::string(local);
    address.ascii_domain = std::move(*ascii);
    address.canonical = canonical_email(local, address.ascii_domain);
    return address;
}

}  // namespace rempart::signatures
