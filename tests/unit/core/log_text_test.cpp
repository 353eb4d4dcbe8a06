// Tests for the one way outside text is written into a log line.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "core/log_text.hpp"

namespace rempart {
namespace {

TEST(LogText, OrdinaryTextIsQuotedAsItIs) {
    EXPECT_EQ(fmt::format("email={}", log_text("marie@example.org")),
              "email=\"marie@example.org\"");
    EXPECT_EQ(fmt::format("detail={}", log_text("")), "detail=\"\"");
    EXPECT_EQ(quote_for_log("élan ✓"), "\"élan ✓\"");
}

TEST(LogText, TypedTextCannotEndItsValueNorForgeALine) {
    // What an attacker types in the login form's e-mail field.
    const auto typed = "x\" ip=203.0.113.9 actor=cli\n2026-12-05 info ADMIN_LOGIN user=1";
    const auto line =
        fmt::format("ADMIN_LOGIN_REFUSED email={} ip={}", log_text(typed), "192.0.2.1");
    EXPECT_EQ(line,
              "ADMIN_LOGIN_REFUSED email=\"x\\\" ip=203.0.113.9 actor=cli\\n2026-12-05 info "
              "ADMIN_LOGIN user=1\" ip=192.0.2.1");
    EXPECT_EQ(line.find('\n'), std::string::npos);
}

TEST(LogText, BackslashesAndControlBytesAreEscaped) {
    EXPECT_EQ(quote_for_log("a\\b"), "\"a\\\\b\"");
    EXPECT_EQ(quote_for_log("a\tb\rc"), "\"a\\tb\\rc\"");
    EXPECT_EQ(quote_for_log(std::string_view("\x00\x1b\x7f", 3)), "\"\\x00\\x1b\\x7f\"");
}

}  // namespace
}  // namespace rempart
