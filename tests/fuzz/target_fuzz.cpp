// Fuzzes the request-target parser: what reaches a handler is a clean path and a raw query.
#include <string>

#include "core/text.hpp"
#include "fuzz_check.hpp"
#include "http/errors.hpp"
#include "http/target.hpp"

using namespace rempart;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto raw = fuzz::as_text(data, size);
    const auto target = http::parse_target(raw);
    if (target) {
        FUZZ_CHECK(target->path.starts_with('/'));
        FUZZ_CHECK(target->path.find('\0') == std::string::npos);
        FUZZ_CHECK(is_valid_utf8(target->path));
        FUZZ_CHECK(!http::has_dot_dot_segment(target->path));
        // The query views the request line, after its first '?'.
        const auto question = raw.find('?');
        if (question == std::string_view::npos) {
            FUZZ_CHECK(target->query.empty());
        } else {
            FUZZ_CHECK(target->query.data() == raw.data() + question + 1);
            FUZZ_CHECK(target->query.size() == raw.size() - question - 1);
        }
        // Handlers read the query as a form.
        if (const auto query = http::parse_form(target->query); query)
            for (const auto& [name, value] : *query)
                FUZZ_CHECK(is_valid_utf8(name) && is_valid_utf8(value));
    } else {
        FUZZ_CHECK(target.error().code == http::HttpError::bad_target);
    }

    // A "next" address taken from a query never leads to another site.
    const auto next = http::local_path_or_root(raw);
    FUZZ_CHECK(next.starts_with('/'));
    FUZZ_CHECK(next == "/" || next == raw);
    FUZZ_CHECK(!next.starts_with("//") && !next.starts_with("/\\"));
    for (const char c : next)
        FUZZ_CHECK(static_cast<unsigned char>(c) >= 0x20 && c != 0x7f && c != '\\');
    return 0;
}
