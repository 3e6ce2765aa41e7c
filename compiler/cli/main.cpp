// corpusc: compiles articles into one verified, compressed, searchable blob.
#include <cstdio>
#include <exception>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"

int main(int argc, char** argv) {
  CLI::App app{
      "corpusc " CORPUS_VERSION " - compile article archives into one blob for embedded devices.\n\n"
      "  corpusc build articles/ -o news.crp         compile a folder (.txt .md .jsonl .html)\n"
      "  corpusc inspect news.crp                    sizes, duplicates, build and tokenizer settings\n"
      "  corpusc query news.crp 'lachin corridor'    ranked search with snippets (--json, --queries)\n"
      "  corpusc query news.crp '+karabakh -talks'   required and excluded words\n"
      "  corpusc complete news.crp 'lachin cor'      search-as-you-type completions\n"
      "  corpusc cat news.crp business/001.txt       print one article (--json: its metadata too)\n"
      "  corpusc verify news.crp                     full integrity check\n"
      "  corpusc embed news.crp -o news.c            the blob as a C array for firmware\n\n"
      "Exit codes: 0 ok, 1 error, 2 usage, 3 bad input, 4 bad blob, 5 not found, 6 limit exceeded."};
  app.require_subcommand(1);
  // Every option's help shows its default; subcommands inherit this when added.
  app.option_defaults()->always_capture_default();
  app.set_version_flag("--version", "corpusc " CORPUS_VERSION);
  corpusc::Runner run;
  corpusc::add_build_command(app, run);
  corpusc::add_inspect_command(app, run);
  corpusc::add_cat_command(app, run);
  corpusc::add_verify_command(app, run);
  corpusc::add_embed_command(app, run);
  corpusc::add_query_command(app, run);
  corpusc::add_complete_command(app, run);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? corpusc::kExitOk : corpusc::kExitUsage;
  }
  try {
    return run ? run() : corpusc::kExitUsage;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "corpusc: error: %s\n", e.what());
    return corpusc::kExitError;
  }
}
