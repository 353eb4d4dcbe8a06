// E-mail addresses as signers type them: checked, and reduced to one form per mailbox.
#include "signatures/email.hpp"

#include <idn2.h>

#include <algorithm>
#include <array>
#include <memory>

#include "core/text.hpp"

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

std::string lower_ascii(std::string_view text) {
    std::string out(text);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

Error invalid(std::string detail) {
    return make_error("email.invalid", std::move(detail));
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
        if (label.size() > max_label)
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

}  // namespace

std::string canonical_email(std::string_view local, std::string_view domain) {
    std::string d = lower_ascii(domain);
    if (d == "googlemail.com") d = "gmail.com";
    std::string l = lower_ascii(local);
    if (std::find(plus_tag_domains.begin(), plus_tag_domains.end(), d) != plus_tag_domains.end()) {
        l = l.substr(0, l.find('+'));
        if (d == "gmail.com") std::erase(l, '.');
    }
    return l + "@" + d;
}

// The domain as DNS knows it: A-labels (IDNA 2008, non-transitional), lowercase.
Result<std::string> ascii_domain(std::string_view domain) {
    const std::string text(domain);
    char* ascii = nullptr;
    const int code =
        idn2_to_ascii_8z(text.c_str(), &ascii, IDN2_NFC_INPUT | IDN2_NONTRANSITIONAL);
    std::unique_ptr<char, decltype(&idn2_free)> owned(ascii, &idn2_free);
    if (code != IDN2_OK)
        return invalid(std::string("the domain is not a valid international domain (") +
                       idn2_strerror(code) + ")");
    return lower_ascii(ascii);
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
    EmailAddress address;
    address.as_typed = std::string(text);
    address.local = std::string(local);
    address.domain = lower_ascii(domain);
    auto ascii = ascii_domain(domain);
    if (!ascii) return ascii.error();
    if (ascii->size() > 253) return invalid("the domain is longer than 253 bytes");
    address.ascii_domain = std::move(*ascii);
    address.canonical = canonical_email(local, address.ascii_domain);
    return address;
}

}  // namespace rempart::signatures
