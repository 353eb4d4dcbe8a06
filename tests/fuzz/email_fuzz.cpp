// Fuzzes e-mail address parsing and its canonical form, which decides duplicates.
#include <string>

#include "core/text.hpp"
#include "fuzz_check.hpp"
#include "signatures/email.hpp"
#include "signatures/errors.hpp"

using namespace rempart;
using namespace rempart::signatures;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto typed = fuzz::as_text(data, size);
    const auto address = parse_email(typed);
    if (!address) {
        FUZZ_CHECK(address.error().code == SignatureError::email_invalid);
    } else {
        FUZZ_CHECK(address->as_typed.size() <= 254);
        FUZZ_CHECK(is_valid_utf8(address->as_typed));
        FUZZ_CHECK(address->as_typed.starts_with(address->local + "@"));
        for (const char c : address->ascii_domain) {
            FUZZ_CHECK(static_cast<unsigned char>(c) < 0x80);
            FUZZ_CHECK(!(c >= 'A' && c <= 'Z'));
        }
        // The domain as typed and as DNS knows it are one domain, and A-labels stay put.
        const auto again = ascii_domain(address->domain);
        FUZZ_CHECK(again.ok() && *again == address->ascii_domain);
        const auto ascii = ascii_domain(address->ascii_domain);
        FUZZ_CHECK(ascii.ok() && *ascii == address->ascii_domain);
        FUZZ_CHECK(is_valid_utf8(address->canonical));
        FUZZ_CHECK(address->canonical.ends_with("@" + address->ascii_domain) ||
                   address->ascii_domain == "googlemail.com");
        // The same address typed again is the same mailbox; its canonical form is its own.
        const auto retyped = parse_email(address->as_typed);
        FUZZ_CHECK(retyped.ok() && retyped->canonical == address->canonical);
        const auto at = address->canonical.rfind('@');
        FUZZ_CHECK(at != std::string::npos);
        FUZZ_CHECK(canonical_email(address->canonical.substr(0, at),
                                   address->canonical.substr(at + 1)) == address->canonical);
    }
    // Any domain at all: refused, or lowercase ASCII that DNS can carry.
    if (const auto domain = ascii_domain(typed); domain) {
        FUZZ_CHECK(domain->size() <= 253);
        for (const char c : *domain) FUZZ_CHECK(static_cast<unsigned char>(c) < 0x80);
    }
    return 0;
}
