// A value, or the diagnostics that say why there is none: the one shape of
// "result or error" inside the library. A failure always carries at least
// one diagnostic, so a caller that gives up can pass on what went wrong
// with its code and position instead of a bare message.
//
//   Result<SourceFile> read = read_source_file(path);
//   if (!read) return keep(read.diagnostics());
//   use(read.value());
#pragma once

#include <cassert>
#include <optional>
#include <utility>
#include <vector>

#include "ucap/diagnostic.h"

namespace ucap {

template <class T>
class Result {
 public:
  // A success: implicit, so a function returns its value as it is.
  Result(T value) : value_(std::move(value)) {}  // NOLINT(google-explicit-constructor)

  static Result failure(Diagnostic diagnostic) { return failure(std::vector<Diagnostic>{std::move(diagnostic)}); }
  static Result failure(std::vector<Diagnostic> diagnostics) {
    assert(!diagnostics.empty());
    Result r;
    r.diagnostics_ = std::move(diagnostics);
    return r;
  }

  bool ok() const noexcept { return value_.has_value(); }
  explicit operator bool() const noexcept { return ok(); }

  // The value; only when ok().
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T& operator*() & { return *value_; }
  const T& operator*() const& { return *value_; }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }

  // Why there is no value; empty when ok().
  const std::vector<Diagnostic>& diagnostics() const& noexcept { return diagnostics_; }
  std::vector<Diagnostic>&& diagnostics() && noexcept { return std::move(diagnostics_); }

 private:
  Result() = default;
  std::optional<T> value_;
  std::vector<Diagnostic> diagnostics_;
};

}  // namespace ucap
