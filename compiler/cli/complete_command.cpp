// `corpusc complete FILE PREFIX`: search-as-you-type completions from a blob's index.
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/blob_file.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/volume_commands.hpp"
#include "corpus/search/search.hpp"

namespace corpusc {

namespace {

namespace cs = corpus::search;

struct CompleteArgs {
  std::string path, prefix;
  uint32_t n = 10;
  bool json = false, no_typos = false;
  std::vector<std::string> volumes;  // -V: volumes over the blob, in chain order
};

int run_complete(const CompleteArgs& a) {
  BlobFile file;
  if (!file.open(a.path)) {
    std::fprintf(stderr, "corpusc: %s\n", file.error().c_str());
    return kExitBadBlob;
  }
  cs::Index index;
  corpus::Status s = cs::Index::open(file.blob(), &index);
  if (s != corpus::Status::ok) {
    std::fprintf(stderr, "corpusc: %s: %s\n", a.path.c_str(),
                 s == corpus::Status::not_found ? "the blob has no search index" : corpus::status_message(s));
    return kExitBadBlob;
  }
  // Complete the last word; the words before it are kept as typed.
  size_t cut = a.prefix.find_last_of(" \t");
  std::string head = cut == std::string::npos ? "" : a.prefix.substr(0, cut + 1);
  std::string word = cut == std::string::npos ? a.prefix : a.prefix.substr(cut + 1);
  if (!a.volumes.empty()) {
    std::vector<std::string> paths{a.path};
    paths.insert(paths.end(), a.volumes.begin(), a.volumes.end());
    return run_volume_complete(paths, head, word, a.n, a.json);
  }
  std::vector<cs::Completion> out(a.n);
  uint32_t count = 0;
  auto rows = std::make_unique<cs::EditRows>();
  s = cs::complete(index, word, out.data(), a.n, &count, nullptr, a.no_typos ? nullptr : rows.get());
  if (s != corpus::Status::ok) {
    std::fprintf(stderr, "corpusc: complete: %s\n", corpus::status_message(s));
    return s == corpus::Status::bad_query ? kExitUsage : s == corpus::Status::limit_exceeded ? kExitLimit
                                                                                           : kExitBadBlob;
  }
  nlohmann::json j = nlohmann::json::array();
  for (uint32_t i = 0; i < count; ++i) {
    std::string text = head + std::string(out[i].view());
    if (a.json) j.push_back({{"text", text}, {"df", out[i].df}});
    else std::printf("%s\t%u\n", text.c_str(), out[i].df);
  }
  if (a.json) std::printf("%s\n", j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
  return kExitOk;
}

}  // namespace

void add_complete_command(CLI::App& app, Runner& run) {
  auto args = std::make_shared<CompleteArgs>();
  CLI::App* cmd = app.add_subcommand("complete", "Complete the last word of a partial query");
  cmd->footer("Prints completions of the last word, most frequent (document frequency) first,\n"
              "one a line: the completed text, a tab, the number of articles with it.\n"
              "When fewer words start with it, words it begins with one typo follow (for\n"
              "a word of 4+ letters: \"negotai\" offers \"negotiations\"); --no-typos: exact only.");
  cmd->add_option("file", args->path, "Blob")->required();
  cmd->add_option("prefix", args->prefix, "Partial query, e.g. \"lachin cor\"")->required();
  cmd->add_option("-n", args->n, "Completions to print")->check(CLI::Range(1u, 100u));
  cmd->add_flag("--json", args->json, "JSON output");
  add_volume_option(cmd, args->volumes);
  cmd->add_flag("--no-typos", args->no_typos, "Only words that start with the partial word");
  cmd->callback([args, &run] { run = [args] { return run_complete(*args); }; });
}

}  // namespace corpusc
