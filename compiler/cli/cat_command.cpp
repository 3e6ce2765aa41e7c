// `corpusc cat FILE ID [--original]`: prints one article, read through the runtime.
#include <cstdio>

#include "cli/blob_file.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"

namespace corpusc {

namespace {

struct CatArgs {
  std::string path, id;
  bool original = false;
};

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
  uint32_t text = a.original ? info.original : info.text;
  // Stream in pieces: the output buffer bounds memory, not the article size.
  char buf[1 << 16];
  for (uint64_t off = 0; s == corpus::Status::ok;) {
    size_t n = 0;
    s = reader.read(text, off, buf, sizeof buf, &n);
    if (s != corpus::Status::ok || n == 0) break;
    if (std::fwrite(buf, 1, n, stdout) != n) return kExitError;
    off += n;
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
  cmd->footer("Prints the normalized text (UTF-8, NFC, LF) that search sees; --original\n"
              "prints the input's exact bytes. Exit 5 if the id is unknown.");
  cmd->add_option("file", args->path, "Blob")->required();
  cmd->add_option("id", args->id, "Article id, e.g. business/001.txt")->required();
  cmd->add_flag("--original", args->original, "Print the input's exact bytes");
  cmd->callback([args, &run] { run = [args] { return run_cat(*args); }; });
}

}  // namespace corpusc
