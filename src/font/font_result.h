// A value or the message saying why there is none. Used where a user can
// cause the failure (a font file missing, unreadable or not TrueType), so
// the caller turns it into a diagnostic instead of the process crashing.
#pragma once

#include <optional>
#include <string>
#include <utility>

namespace ucap::font {

template <class T>
class Result {
 public:
  static Result success(T value) { Result r; r.value_.emplace(std::move(value)); return r; }
  static Result failure(std::string message) { Result r; r.error_ = std::move(message); return r; }

  bool ok() const { return value_.has_value(); }
  explicit operator bool() const { return ok(); }
  T& value() { return *value_; }
  const T& value() const { return *value_; }
  T& operator*() { return *value_; }
  T* operator->() { return &*value_; }
  const std::string& error() const { return error_; }

 private:
  Result() = default;
  std::optional<T> value_;
  std::string error_;
};

}  // namespace ucap::font
