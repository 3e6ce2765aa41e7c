// `corpusc cat FILE ID [--original]`: prints one article, read through the runtime.
#include <algorithm>
#include <cstdint>
#include <cstdio>

#include "cli/blob_file.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"

namespace corpusc {

namespace {

struct CatArgs {
  std::string path, id;
  bool original = false;
  bool full = false;
};

// Streams [offset, end) of a text through a fixed buffer: memory is bounded by the
// buffer, not the article. `main` reads in main-text coordinates.
corpus::Status copy_out(corpus::Reader& reader, uint32_t text, uint64_t offset, uint64_t end, bool main) {
  char buf[1 << 16];
  while (offset < end) {
    size_t n = 0;
    size_t want = static_cast<size_t>(std::min<uint64_t>(sizeof buf, end - offset));
    corpus::Status s = main ? reader.read_main(text, offset, buf, want, &n) : reader.read(text, offset, buf, want, &n);
    if (s != corpus::Status::ok) return s;
    if (n == 0) break;
    if (std::fwrite(buf, 1, n, stdout) != n) return corpus::Status::buffer_too_small;
    offset += n;
  }
  return corpus::Status::ok;
}

// The whole text with each chrome range wrapped in markers.
corpus::Status copy_full(const corpus::Blob& blob, corpus::Reader& reader, uint32_t text) {
  corpus::TextSpan span;
  corpus::Status s = blob.text(text, &span);
  uint64_t pos = 0;
  for (uint32_t k = 0; s == corpus::Status::ok && k < blob.chrome_count(text); ++k) {
    corpus::Range c = blob.chrome(text, k);
    s = copy_out(reader, text, pos, c.offset(), false);
    std::fputs("\n[chrome]\n", stdout);
    if (s == corpus::Status::ok) s = copy_out(reader, text, c.offset(), uint64_t{c.offset()} + c.length(), false);
    std::fputs("\n[/chrome]\n", stdout);
    pos = uint64_t{c.offset()} + c.length();
  }
  return s == corpus::Status::ok ? copy_out(reader, text, pos, span.length, false) : s;
}

int run_cat(const CatArgs& a) {
  BlobFile file;
  if (!file.open(a.path)) {
    std::fprintf(stderr, "corpusc: %s\n", file.error().c_str());
    return kExitBadBlob;
  }
  uint32_t index;
  if (file.blob().find(a.id, &index) != corpus::Status::ok) {
    std::fprintf(stderr, "corpusc: %s: no article with id '%s'\n", a.path.c_str(), a.id.c_str());
    return kExitNotFound;
  }
  corpus::ArticleInfo info = file.blob().article(index);
  corpus::Reader reader;
  corpus::Status s = reader.init(file.blob(), file.workspace(), file.workspace_size());
  if (s == corpus::Status::ok) {
    if (a.original) s = copy_out(reader, info.original, 0, UINT64_MAX, false);
    else if (a.full) s = copy_full(file.blob(), reader, info.text);
    else s = copy_out(reader, info.text, 0, UINT64_MAX, true);
  }
  if (s != corpus::Status::ok) {
    std::fprintf(stderr, "corpusc: %s: %s: %s\n", a.path.c_str(), a.id.c_str(), corpus::status_message(s));
    return kExitBadBlob;
  }
  return std::fflush(stdout) == 0 ? kExitOk : kExitError;
}

}  // namespace

void add_cat_command(CLI::App& app, Runner& run) {
  auto args = std::make_shared<CatArgs>();
  CLI::App* cmd = app.add_subcommand("cat", "Print one article's text");
  cmd->footer("Prints the article's main text: normalized (UTF-8, NFC, LF) with page\n"
              "boilerplate left out, as search sees it. --full prints everything, each\n"
              "boilerplate range between [chrome] and [/chrome] lines; --original prints\n"
              "the input's exact bytes. Exit 5 if the id is unknown.");
  cmd->add_option("file", args->path, "Blob")->required();
  cmd->add_option("id", args->id, "Article id, e.g. business/001.txt")->required();
  auto* orig = cmd->add_flag("--original", args->original, "Print the input's exact bytes");
  cmd->add_flag("--full", args->full, "Print the whole text with boilerplate marked")->excludes(orig);
  cmd->callback([args, &run] { run = [args] { return run_cat(*args); }; });
}

}  // namespace corpusc
