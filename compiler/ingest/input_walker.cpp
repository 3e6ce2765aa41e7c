#include "ingest/input_walker.hpp"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include <sys/stat.h>

#include "errors.hpp"

namespace fs = std::filesystem;

namespace corpusc {

static bool ends_with(const std::string& s, const char* suffix) {
  std::string x(suffix);
  if (s.size() < x.size()) return false;
  return std::equal(x.rbegin(), x.rend(), s.rbegin(),
                    [](char a, char b) { return a == std::tolower(static_cast<unsigned char>(b)); });
}

InputFormat format_of(const std::string& path) {
  if (ends_with(path, ".txt") || ends_with(path, ".md")) return InputFormat::text;
  if (ends_with(path, ".jsonl")) return InputFormat::jsonl;
  if (ends_with(path, ".html") || ends_with(path, ".htm") || ends_with(path, ".html.gz")) {
    return InputFormat::html;
  }
  return InputFormat::unsupported;
}

namespace {

struct FileIdentity {
  bool known = false;
  dev_t dev = 0;
  ino_t ino = 0;
};

FileIdentity identity_of(const fs::path& p) {
  struct stat st;
  if (::stat(p.c_str(), &st) != 0) return {};
  return {true, st.st_dev, st.st_ino};
}

bool same_file(const FileIdentity& a, const FileIdentity& b) {
  return a.known && b.known && a.dev == b.dev && a.ino == b.ino;
}

// The build's output, identified by device and inode, and its temporary files' names.
struct OutputGuard {
  std::string spelled;  // as given, for messages
  FileIdentity file, folder;
  std::string temp_prefix;  // "<name>.tmp-"

  explicit OutputGuard(const std::string& output) : spelled(output) {
    if (output.empty()) return;
    fs::path p(output);
    file = identity_of(p);
    folder = identity_of(p.parent_path().empty() ? fs::path(".") : p.parent_path());
    temp_prefix = p.filename().string() + ".tmp-";
  }

  // True when `p` must not be read; throws when it is the output and an input format.
  bool excludes(const fs::path& p, bool given_as_input, Diagnostics& diag) const {
    if (!file.known && !folder.known) return false;
    if (same_file(identity_of(p), file)) {
      if (given_as_input || format_of(p.string()) != InputFormat::unsupported) {
        throw CompileError(ErrorKind::usage, "output " + spelled + " is the input " + p.string() +
                                                 " (the same file): writing it would destroy the input; choose another -o");
      }
      diag.note(p.string(), 0, "not read: it is this build's output");
      return true;
    }
    const std::string name = p.filename().string();
    if (name.compare(0, temp_prefix.size(), temp_prefix) == 0 && name.size() > temp_prefix.size() &&
        same_file(identity_of(p.parent_path().empty() ? fs::path(".") : p.parent_path()), folder)) {
      diag.note(p.string(), 0, "not read: a temporary file of this build's output");
      return true;
    }
    return false;
  }
};

// Absolute and normal, without a trailing separator ("a/b/" -> "/cwd/a/b").
fs::path normal_absolute(const std::string& input) {
  std::error_code ec;
  fs::path p = fs::absolute(fs::path(input), ec).lexically_normal();
  if (ec) p = fs::path(input).lexically_normal();
  if (p.filename().empty() && p.has_relative_path()) p = p.parent_path();
  return p;
}

// The deepest folder that holds every input (each input's parent folder, in common).
fs::path common_parent(const std::vector<std::string>& inputs) {
  fs::path common = normal_absolute(inputs.front()).parent_path();
  for (size_t i = 1; i < inputs.size(); ++i) {
    const fs::path parent = normal_absolute(inputs[i]).parent_path();
    fs::path shared;
    for (auto a = common.begin(), b = parent.begin(); a != common.end() && b != parent.end() && *a == *b; ++a, ++b) {
      shared /= *a;
    }
    common = shared;
  }
  return common;
}

// What the ids of `input`'s files start with: nothing with one input, else the
// input's path relative to the common parent ("business", or "business/001.txt").
fs::path id_prefix(const std::string& input, const std::vector<std::string>& inputs, const fs::path& common) {
  if (inputs.size() == 1) return {};
  fs::path rel = normal_absolute(input).lexically_relative(common);
  return rel == "." ? fs::path() : rel;
}

void add_file(const fs::path& p, const fs::path& id, std::vector<InputFile>& out) {
  out.push_back({p.string(), id.generic_string(), format_of(p.string())});
}

void walk_folder(const fs::path& root, const fs::path& prefix, const OutputGuard& guard, Diagnostics& diag,
                 std::vector<InputFile>& out) {
  std::error_code ec;
  std::vector<InputFile> found;
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    const fs::path& p = it->path();
    if (p.filename().string().rfind('.', 0) == 0) {
      if (it->is_directory()) it.disable_recursion_pending();
      continue;
    }
    // Unsupported files stay in the list: the reader skips them with a warning, so
    // the summary counts them as inputs.
    if (!it->is_regular_file() || guard.excludes(p, false, diag)) continue;
    add_file(p, prefix / p.lexically_relative(root), found);
  }
  if (ec) diag.error(root.string(), 0, "cannot read folder: " + ec.message());
  std::sort(found.begin(), found.end(), [](const InputFile& a, const InputFile& b) { return a.id < b.id; });
  out.insert(out.end(), found.begin(), found.end());
}

}  // namespace

std::vector<InputFile> walk_inputs(const std::vector<std::string>& inputs, Diagnostics& diag,
                                   const std::string& output) {
  std::vector<InputFile> out;
  if (inputs.empty()) return out;
  const OutputGuard guard(output);
  const fs::path common = common_parent(inputs);
  for (const auto& input : inputs) {
    std::error_code ec;
    fs::path root(input);
    auto st = fs::status(root, ec);
    if (ec || !fs::exists(st)) {
      diag.error(input, 0, "no such file or directory");
      continue;
    }
    const fs::path prefix = id_prefix(input, inputs, common);
    if (fs::is_regular_file(st)) {
      if (!guard.excludes(root, true, diag)) add_file(root, prefix.empty() ? root.filename() : prefix, out);
      continue;
    }
    walk_folder(root, prefix, guard, diag, out);
  }
  return out;
}

}  // namespace corpusc
