// Result<T>: the value of an operation that may fail in an expected way (bad input, a limit).
#pragma once

#include <string>
#include <utility>
#include <variant>

#include "core/error_code.hpp"

namespace rempart {

// An expected failure. `code` is a value of the module's error enum (e.g.
// PetitionError::slug_taken); its name is stable and names a message in locales/
// ("petition.slug_taken"). `detail` is plain English for logs and the command line.
struct Error {
    ErrorCode code;
    std::string detail;
};

template <class T>
class [[nodiscard]] Result {
  public:
    Result(T value) : state_(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : state_(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return state_.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<0>(state_); }
    const T& value() const& { return std::get<0>(state_); }
    T&& value() && { return std::get<0>(std::move(state_)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    const Error& error() const { return std::get<1>(state_); }

  private:
    std::variant<T, Error> state_;
};

template <>
class [[nodiscard]] Result<void> {
  public:
    Result() = default;
    Result(Error error) : error_(std::move(error)), failed_(true) {}

    bool ok() const { return !failed_; }
    explicit operator bool() const { return ok(); }
    const Error& error() const { return error_; }

  private:
    Error error_;
    bool failed_ = false;
};

inline Error make_error(ErrorCode code, std::string detail) {
    return Error{code, std::move(detail)};
}

}  // namespace rempart
