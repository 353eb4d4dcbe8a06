// Tests for core/error_code: a code compares with its enum, never with a string, and keeps
// its stable name for logs and locales.
#include "core/error_code.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "core/result.hpp"

namespace rempart {
namespace {

enum class ShelfError { empty, full };
constexpr std::string_view error_name(ShelfError error) {
    return error == ShelfError::empty ? "shelf.empty" : "shelf.full";
}

// Same numbers as ShelfError: only the type tells them apart.
enum class DrawerError { stuck, locked };
constexpr std::string_view error_name(DrawerError error) {
    return error == DrawerError::stuck ? "drawer.stuck" : "drawer.locked";
}

enum class NotAnError { one };  // no error_name: cannot become a code

template <class T>
concept ComparesWithCode = requires(const ErrorCode& code, const T& other) {
    code == other;
};

static_assert(ComparesWithCode<ShelfError>);
static_assert(!ComparesWithCode<const char*>);
static_assert(!ComparesWithCode<std::string>);
static_assert(!ComparesWithCode<std::string_view>);
static_assert(!std::is_convertible_v<NotAnError, ErrorCode>);
static_assert(!std::is_convertible_v<const char*, ErrorCode>);

TEST(ErrorCode, EqualsItsOwnValueOnly) {
    const ErrorCode code = ShelfError::full;
    EXPECT_EQ(code, ShelfError::full);
    EXPECT_TRUE(ShelfError::full == code);
    EXPECT_NE(code, ShelfError::empty);
    EXPECT_EQ(code, ErrorCode(ShelfError::full));
    EXPECT_NE(code, ErrorCode(ShelfError::empty));
}

TEST(ErrorCode, TwoEnumsWithTheSameNumbersStayDifferent) {
    const ErrorCode shelf = ShelfError::empty;
    const ErrorCode drawer = DrawerError::stuck;
    EXPECT_NE(shelf, drawer);
    EXPECT_NE(shelf, DrawerError::stuck);
    EXPECT_NE(drawer, ShelfError::empty);
}

TEST(ErrorCode, KeepsTheStableNameForLogsAndLocales) {
    EXPECT_EQ(ErrorCode(ShelfError::empty).name(), "shelf.empty");
    EXPECT_EQ(ErrorCode(DrawerError::locked).name(), "drawer.locked");
    std::ostringstream printed;
    printed << ErrorCode(DrawerError::stuck);
    EXPECT_EQ(printed.str(), "drawer.stuck");
}

TEST(ErrorCode, NoErrorIsNoneOfTheCodes) {
    const ErrorCode none;
    EXPECT_EQ(none.name(), "");
    EXPECT_NE(none, ShelfError::empty);
    EXPECT_EQ(none, ErrorCode());
}

TEST(ErrorCode, MakeErrorCarriesTheCodeAndTheDetail) {
    const Result<int> refused = make_error(ShelfError::full, "no room for a twelfth jar");
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ShelfError::full);
    EXPECT_EQ(refused.error().detail, "no room for a twelfth jar");
}

}  // namespace
}  // namespace rempart
