// `corpusc build INPUT... -o FILE`
#include <chrono>
#include <cstdio>
#include <stdexcept>

#include <unistd.h>

#include "build_pipeline.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "write/atomic_file.hpp"

namespace corpusc {

namespace {

struct BuildArgs {
  std::vector<std::string> inputs;
  std::string output;
  std::string profile = "default";
  BuildSettings settings;
  bool quiet = false;
  bool no_stem = false;
  bool keep_boilerplate = false;
};

void print_summary(const BuildReport& r, const std::string& out, double seconds) {
  auto n = [](uint64_t v) { return std::to_string(v); };
  char ratio[32], secs[32];
  std::snprintf(ratio, sizeof ratio, "%.3f x input", r.input_bytes ? double(r.blob_bytes) / double(r.input_bytes) : 0.0);
  std::snprintf(secs, sizeof secs, "%.2f", seconds);
  const std::pair<const char*, std::string> rows[] = {
      {"input files", n(r.files)},
      {"articles", n(r.articles)},
      {"skipped (see warnings)", n(r.skipped)},
      {"exact duplicates", n(r.counts.exact_duplicates)},
      {"normalized duplicates", n(r.counts.normalized_duplicates)},
      {"near-duplicate groups merged", n(r.counts.near_duplicates)},
      {"repaired (not UTF-8)", n(r.counts.repaired_utf8)},
      {"input bytes", n(r.input_bytes)},
      {"stored text bytes (raw)", n(r.stream_bytes) + "  (" + n(r.frames) + " frames)"},
      {"dictionary bytes", n(r.dictionary_bytes)},
      {"blob bytes", n(r.blob_bytes) + "  (" + ratio + ")"},
      {"seconds", secs},
  };
  std::fprintf(stderr, "\n%-30s %s\n", "corpusc build", out.c_str());
  for (const auto& [name, value] : rows) std::fprintf(stderr, "%-30s %s\n", name, value.c_str());
}

int run_build(BuildArgs& a) {
  a.settings.stem_english = !a.no_stem;
  a.settings.cleaning.detect_boilerplate = !a.keep_boilerplate;
  a.settings.cleaning.near_duplicates = a.settings.cleaning.near.min_jaccard > 0.0;
  const bool tty = !a.quiet && isatty(STDERR_FILENO);
  // Redraw at most 10 times a second, and always at a stage's end.
  auto last_draw = std::chrono::steady_clock::now() - std::chrono::seconds(1);
  StageProgress progress = [&](const char* stage, size_t done, size_t total) {
    auto now = std::chrono::steady_clock::now();
    if (!tty || (done != total && now - last_draw < std::chrono::milliseconds(100))) return;
    last_draw = now;
    std::fprintf(stderr, "\r\033[K%s %zu/%zu", stage, done, total);
    if (done == total) std::fputc('\n', stderr);
  };
  auto t0 = std::chrono::steady_clock::now();
  Diagnostics diag;
  BuildReport report;
  std::vector<uint8_t> blob;
  try {
    blob = compile_corpus(a.inputs, a.settings, diag, report, progress);
  } catch (const std::exception& e) {
    for (const auto& d : diag.all()) std::fprintf(stderr, "%s\n", Diagnostics::format(d).c_str());
    std::fprintf(stderr, "corpusc: error: %s\n", e.what());
    return std::string(e.what()).find("limit") != std::string::npos ? kExitLimit : kExitInput;
  }
  if (!a.quiet || diag.errors()) {
    for (const auto& d : diag.all()) std::fprintf(stderr, "%s\n", Diagnostics::format(d).c_str());
  }
  if (diag.errors() > 0 || (a.settings.strict && diag.warnings() > 0)) {
    std::fprintf(stderr, "corpusc: error: %zu error(s), %zu warning(s)%s; %s not written\n", diag.errors(),
                 diag.warnings(), a.settings.strict ? " with --strict" : "", a.output.c_str());
    return kExitInput;
  }
  write_file_atomically(a.output, blob);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (!a.quiet) print_summary(report, a.output, secs);
  return kExitOk;
}

}  // namespace

void add_build_command(CLI::App& app, Runner& run) {
  auto args = std::make_shared<BuildArgs>();
  CLI::App* cmd = app.add_subcommand("build", "Compile articles into one blob");
  cmd->footer(
      "Inputs: files or folders, read recursively in sorted order. .txt/.md: the first\n"
      "non-empty line is the title; the id is the path relative to the folder given.\n"
      ".jsonl: one object a line with _id|id, title, text|body, optional date, url, tags.\n"
      "Same input and settings give byte-identical output, whatever --threads is.\n\n"
      "Example: corpusc build examples/corpus -o news.crp --level 19");
  cmd->add_option("inputs", args->inputs, "Input files or folders")->required();
  cmd->add_option("-o,--output", args->output, "Output blob (written atomically)")->required();
  cmd->add_option("--profile", args->profile, "Device profile: default (128 KiB frames) or small (16 KiB)")
      ->capture_default_str();
  cmd->add_option("--block-size", args->settings.block_size, "Max raw bytes per zstd frame (overrides profile)")
      ->check(CLI::Range(1024u, 16u << 20));
  cmd->add_option("--level", args->settings.level, "zstd compression level")->check(CLI::Range(1, 22));
  cmd->add_option("--dict-size", args->settings.dict_size, "zstd dictionary bytes; 0 for none")
      ->check(CLI::Range(0u, 4u << 20));
  cmd->add_option("--threads", args->settings.threads, "Compression threads (0: all cores)");
  cmd->add_flag("--strict", args->settings.strict, "Fail (exit 3) on any warning instead of skipping");
  cmd->add_flag("--no-stem", args->no_stem, "Index words without English stemming");
  cmd->add_flag("--stopwords", args->settings.drop_stopwords, "Leave English stop words out of the index");
  cmd->add_option("--near-threshold", args->settings.cleaning.near.min_jaccard,
                  "Near-duplicate threshold: estimated Jaccard similarity of 5-word shingles\n"
                  "of the main texts at or above which articles are one result (0: off)")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  cmd->add_flag("--keep-boilerplate", args->keep_boilerplate,
                "Index and show page template (repeated blocks, teaser tails) as article text");
  cmd->add_flag("-q,--quiet", args->quiet, "Print errors only");
  cmd->callback([args, &run, cmd] {
    // Explicit sizes win over the profile's.
    BuildSettings explicit_sizes = args->settings;
    bool block_given = cmd->count("--block-size") > 0, dict_given = cmd->count("--dict-size") > 0;
    run = [args, explicit_sizes, block_given, dict_given] {
      BuildArgs& a = *args;
      if (!apply_profile(a.settings, a.profile)) {
        std::fprintf(stderr, "corpusc: error: unknown profile '%s' (expected default or small)\n",
                     a.profile.c_str());
        return static_cast<int>(kExitUsage);
      }
      if (block_given) a.settings.block_size = explicit_sizes.block_size;
      if (dict_given) a.settings.dict_size = explicit_sizes.dict_size;
      return run_build(a);
    };
  });
}

}  // namespace corpusc
