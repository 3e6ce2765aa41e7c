#include "ingest/input_walker.hpp"

#include <algorithm>
#include <filesystem>
#include <system_error>

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

// Unsupported files stay in the list: the reader skips them with a warning, so the
// summary counts them as inputs.
static void add_file(const fs::path& p, std::string id, std::vector<InputFile>& out) {
  out.push_back({p.string(), std::move(id), format_of(p.string())});
}

std::vector<InputFile> walk_inputs(const std::vector<std::string>& inputs, Diagnostics& diag) {
  std::vector<InputFile> out;
  for (const auto& input : inputs) {
    std::error_code ec;
    fs::path root(input);
    auto st = fs::status(root, ec);
    if (ec || !fs::exists(st)) {
      diag.error(input, 0, "no such file or directory");
      continue;
    }
    if (fs::is_regular_file(st)) {
      add_file(root, root.filename().string(), out);
      continue;
    }
    std::vector<InputFile> found;
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
      const fs::path& p = it->path();
      if (p.filename().string().rfind('.', 0) == 0) {
        if (it->is_directory()) it.disable_recursion_pending();
        continue;
      }
      if (!it->is_regular_file()) continue;
      add_file(p, p.lexically_relative(root).generic_string(), found);
    }
    if (ec) diag.error(input, 0, "cannot read folder: " + ec.message());
    std::sort(found.begin(), found.end(), [](const InputFile& a, const InputFile& b) { return a.id < b.id; });
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

}  // namespace corpusc
