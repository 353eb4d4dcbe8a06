// Fuzzes the Cookie header reader. The input is the cookie's name, a NUL, then the header.
#include <string>

#include "core/text.hpp"
#include "fuzz_check.hpp"
#include "http/cookies.hpp"

using namespace rempart;

namespace {

bool is_token(std::string_view text) {
    if (text.empty()) return false;
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7f || c == ';' || c == '=' || c == '"' || c == ',' || c == '\\')
            return false;
    }
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto input = fuzz::as_text(data, size);
    const auto nul = input.find('\0');
    const auto name =
        nul == std::string_view::npos ? std::string_view("rempart_session") : input.substr(0, nul);
    const auto header = nul == std::string_view::npos ? input : input.substr(nul + 1);

    for (const auto wanted : {name, std::string_view("rempart_session"),
                              std::string_view("rempart_gate"), std::string_view()}) {
        const auto value = http::cookie_value(header, wanted);
        if (!value) continue;
        // The value views the header, holds no separator, and is trimmed.
        FUZZ_CHECK(value->data() >= header.data());
        FUZZ_CHECK(value->data() + value->size() <= header.data() + header.size());
        FUZZ_CHECK(value->find(';') == std::string_view::npos);
    }

    // What we set is what we read back, whatever other cookies sit around it.
    const auto value = header.substr(0, std::min<std::size_t>(header.size(), 64));
    if (is_token(name) && name != "other" && (value.empty() || is_token(value))) {
        static const http::CookiePolicy policy{"http://127.0.0.1:8080", false};
        const auto set = policy.set_cookie(name, value, {});
        const auto pair = set.substr(0, set.find(';'));
        const auto sent = "other=1; " + pair + "; " + std::string(name) + "=second";
        const auto read = http::cookie_value(sent, name);
        FUZZ_CHECK(read.has_value());
        FUZZ_CHECK(*read == value);
    }
    return 0;
}
