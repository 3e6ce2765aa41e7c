// Diagnostics: warnings and errors that name the file (and line) they are about.
// Every stage reports here instead of printing, so the CLI decides what to show and
// --strict can turn warnings into a failing exit code.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

namespace corpusc {

struct Diagnostic {
  enum class Level { note, warning, error } level;  // notes never fail a build
  std::string file;   // empty when not about a file
  uint32_t line = 0;  // 1-based; 0 = whole file
  std::string message;
};

class Diagnostics {
 public:
  void note(std::string file, uint32_t line, std::string message) {
    add({Diagnostic::Level::note, std::move(file), line, std::move(message)});
  }
  void warn(std::string file, uint32_t line, std::string message) {
    add({Diagnostic::Level::warning, std::move(file), line, std::move(message)});
  }
  void error(std::string file, uint32_t line, std::string message) {
    add({Diagnostic::Level::error, std::move(file), line, std::move(message)});
  }
  const std::vector<Diagnostic>& all() const { return items_; }
  size_t warnings() const { return count(Diagnostic::Level::warning); }
  size_t errors() const { return count(Diagnostic::Level::error); }

  /// "file:line: warning: message" (line omitted when 0).
  static std::string format(const Diagnostic& d) {
    std::string s = d.file;
    if (d.line) s += ":" + std::to_string(d.line);
    if (!s.empty()) s += ": ";
    s += d.level == Diagnostic::Level::note ? "note: " : d.level == Diagnostic::Level::warning ? "warning: " : "error: ";
    return s + d.message;
  }

 private:
  void add(Diagnostic d) {
    std::lock_guard<std::mutex> lock(mu_);
    items_.push_back(std::move(d));
  }
  size_t count(Diagnostic::Level l) const {
    size_t n = 0;
    for (const auto& d : items_) n += d.level == l;
    return n;
  }
  std::mutex mu_;
  std::vector<Diagnostic> items_;
};

}  // namespace corpusc
