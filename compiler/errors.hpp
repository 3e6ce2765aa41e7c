// Typed compile errors: every fatal problem of `corpusc build` says what kind it is,
// and cli/exit_codes.hpp maps the kind to the documented exit code in one place
// (no guessing from message text).
#pragma once

#include <stdexcept>
#include <string>

namespace corpusc {

enum class ErrorKind {
  io,         // a file could not be read or written (the message names it)
  internal,   // a bug or an impossible state
  usage,      // the command line asks for something that cannot be done
  bad_input,  // missing paths, no articles, duplicate ids, warnings under --strict
  limit,      // a documented limit (README "Limits") was exceeded
};

class CompileError : public std::runtime_error {
 public:
  CompileError(ErrorKind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
  ErrorKind kind() const noexcept { return kind_; }

 private:
  ErrorKind kind_;
};

}  // namespace corpusc
