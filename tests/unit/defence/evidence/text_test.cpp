// Tests for how the exports write times and e-mail addresses.
#include <gtest/gtest.h>

#include "defence/evidence/text.hpp"

namespace rempart::defence::evidence {
namespace {

TEST(UtcText, IsIso8601WithMilliseconds) {
    EXPECT_EQ(utc_text(0), "1970-01-01T00:00:00.000Z");
    EXPECT_EQ(utc_text(1605906185123), "2020-11-20T21:03:05.123Z");
    EXPECT_EQ(utc_text(1605906185007), "2020-11-20T21:03:05.007Z");
}

TEST(MaskEmail, KeepsTheFirstCharacterAndTheDomain) {
    EXPECT_EQ(mask_email("jeff.bezos@catchall.example"), "j***@catchall.example");
    EXPECT_EQ(mask_email("j@catchall.example"), "j***@catchall.example");
    EXPECT_EQ(mask_email("élodie@exemple.fr"), "é***@exemple.fr");  // a whole character
    EXPECT_EQ(mask_email("\"a@b\"@x.example"), "\"***@x.example");  // the last @ splits
    EXPECT_EQ(mask_email("@x.example"), "***@x.example");
    EXPECT_EQ(mask_email("nodomain"), "n***");
}

}  // namespace
}  // namespace rempart::defence::evidence
