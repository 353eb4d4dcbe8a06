// ErrorCode: the code of an expected failure, one value of a module's error enum.
//
// Each module lists its errors in an enum beside a function naming them, found by ADL:
//   enum class StoreError { busy, duplicate, newer };
//   constexpr std::string_view error_name(StoreError);  // "store.busy", ...
// An ErrorCode keeps the enum's type, its value and its name. It compares with the enum
// (`code == StoreError::busy`), never with a string: a misspelt or renamed code fails to
// compile instead of silently never matching. The name is the stable text for logs, pages
// and the key of the message in locales/, given by `code.name()`.
#pragma once

#include <concepts>
#include <ostream>
#include <string_view>
#include <type_traits>

namespace rempart {

template <class E>
concept ErrorEnum = std::is_enum_v<E> && requires(E e) {
    { error_name(e) } -> std::convertible_to<std::string_view>;
};

class ErrorCode {
  public:
    // No error: what a Result<void> that succeeded holds.
    constexpr ErrorCode() = default;

    template <ErrorEnum E>
    constexpr ErrorCode(E value)  // implicit: make_error(StoreError::busy, ...) reads plainly
        : type_(&type_tag<E>), value_(static_cast<int>(value)), name_(error_name(value)) {}

    // Stable text such as "store.busy": a log field, a locale key, a JSON value.
    constexpr std::string_view name() const { return name_; }

    template <ErrorEnum E>
    constexpr bool operator==(E value) const {
        return type_ == &type_tag<E> && value_ == static_cast<int>(value);
    }
    constexpr bool operator==(const ErrorCode& other) const {
        return type_ == other.type_ && value_ == other.value_;
    }

    friend std::ostream& operator<<(std::ostream& out, const ErrorCode& code) {
        return out << code.name_;
    }

  private:
    // One address per enum type, the same in every translation unit (an inline variable):
    // two enums whose values share a number stay different codes.
    template <class E>
    static constexpr char type_tag = 0;

    const void* type_ = nullptr;
    int value_ = 0;
    std::string_view name_;
};

}  // namespace rempart
