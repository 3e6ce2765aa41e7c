// `corpusc build INPUT... -o FILE`
#include <chrono>
#include <cstdio>
#include <exception>
#include <memory>

#include <unistd.h>

#include "build_pipeline.hpp"
#include "cli/commands.hpp"
#include "clean/article_languages.hpp"
#include "cli/exit_codes.hpp"
#include "corpus/text/language_codes.hpp"
#include "errors.hpp"
#include "volume/volume_base.hpp"
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
  std::vector<std::string> extends;  // --extends: the chain a volume extends, base first
  std::vector<std::string> removals; // --remove: ids the volume removes
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

// Warnings and errors always show, -q or not: each one is an input that was dropped
// or changed, or a reason the build fails. -q leaves out notes, progress and summary.
void print_diagnostics(const Diagnostics& diag, bool quiet) {
  for (const auto& d : diag.all()) {
    if (quiet && d.level == Diagnostic::Level::note) continue;
    std::fprintf(stderr, "%s\n", Diagnostics::format(d).c_str());
  }
}

// Prints what happened and returns the exit code of a build that ends in an exception.
int report_failure(const Diagnostics& diag, bool quiet, ErrorKind kind, const char* what) {
  print_diagnostics(diag, quiet);
  std::fprintf(stderr, "corpusc: error: %s\n", what);
  return exit_code_for(kind);
}

StageProgress progress_line(bool tty) {
  // Redraw at most 10 times a second, and always at a stage's end.
  auto last_draw = std::chrono::steady_clock::now() - std::chrono::seconds(1);
  return [tty, last_draw](const char* stage, size_t done, size_t total) mutable {
    auto now = std::chrono::steady_clock::now();
    if (!tty || (done != total && now - last_draw < std::chrono::milliseconds(100))) return;
    last_draw = now;
    std::fprintf(stderr, "\r\033[K%s %zu/%zu", stage, done, total);
    if (done == total) std::fputc('\n', stderr);
  };
}

int run_build(BuildArgs& a) {
  a.settings.stem_english = !a.no_stem;
  a.settings.cleaning.detect_boilerplate = !a.keep_boilerplate;
  a.settings.cleaning.near_duplicates = a.settings.cleaning.near.min_jaccard > 0.0;
  a.settings.output_path = a.output;
  auto t0 = std::chrono::steady_clock::now();
  Diagnostics diag;
  BuildReport report;
  std::vector<uint8_t> blob;
  std::unique_ptr<VolumeBase> volume;
  try {
    if (!a.extends.empty()) {
      volume = std::make_unique<VolumeBase>(a.extends, a.removals);
      a.settings.volume = volume.get();
      a.settings.tokenizer_bits = volume->tokenizer_bits();
    }
    blob = compile_corpus(a.inputs, a.settings, diag, report, progress_line(!a.quiet && isatty(STDERR_FILENO)));
  } catch (const CompileError& e) {
    return report_failure(diag, a.quiet, e.kind(), e.what());
  } catch (const std::exception& e) {
    return report_failure(diag, a.quiet, ErrorKind::internal, e.what());
  }
  print_diagnostics(diag, a.quiet);
  if (a.settings.strict && diag.warnings() > 0) {
    std::fprintf(stderr, "corpusc: error: %zu warning(s) with --strict; %s not written\n", diag.warnings(),
                 a.output.c_str());
    return exit_code_for(ErrorKind::bad_input);
  }
  try {
    write_file_atomically(a.output, blob);
  } catch (const CompileError& e) {
    std::fprintf(stderr, "corpusc: error: %s\n", e.what());
    return exit_code_for(e.kind());
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (!a.quiet) print_summary(report, a.output, secs);
  return kExitOk;
}

constexpr const char* kBuildFooter =
    "Inputs: files or folders, read recursively in sorted order (hidden files ignored).\n"
    ".txt/.md: the first non-empty line is the title. .jsonl: one object a line with\n"
    "_id|id, title, text|body, optional date, url, tags, lang. .html/.htm/.html.gz: one page.\n\n"
    "Ids: with one input, a file's id is its path relative to that folder\n"
    "(business/001.txt), or its name when the input is a file. With several inputs, it\n"
    "is the path relative to the inputs' common parent folder: bbc/business bbc/sport\n"
    "give business/001.txt and sport/001.txt. A JSONL article's id is its _id or id.\n"
    "A repeated id is an error naming both sources (exit 3, nothing written) unless\n"
    "--allow-duplicate-ids. The output file is never read as input, and an output that\n"
    "is one of the inputs is refused (exit 2).\n\n"
    "Same input and settings give byte-identical output, whatever --threads is.\n\n"
    "Example: corpusc build examples/corpus -o news.crp --level 19";

void add_build_options(CLI::App* cmd, BuildArgs& a) {
  cmd->add_option("inputs", a.inputs, "Input files or folders")->required();
  cmd->add_option("-o,--output", a.output, "Output blob (written atomically)")->required();
  cmd->add_option("--profile", a.profile, "Device profile: default (128 KiB frames) or small (16 KiB)")
      ->capture_default_str();
  cmd->add_option("--block-size", a.settings.block_size,
                  "Max raw bytes per zstd frame (default: the profile's, 131072 or 16384)")
      ->check(CLI::Range(1024u, 16u << 20));
  cmd->add_option("--level", a.settings.level, "zstd compression level")->check(CLI::Range(1, 22))
      ->capture_default_str();
  cmd->add_option("--dict-size", a.settings.dict_size,
                  "zstd dictionary bytes; 0 for none (default: the profile's, 65536 or 32768)")
      ->check(CLI::Range(0u, 4u << 20));
  cmd->add_option("--threads", a.settings.threads, "Compression threads (0: all cores)")->capture_default_str();
  cmd->add_flag("--strict", a.settings.strict, "Fail (exit 3) on any warning instead of skipping (default: off)");
  cmd->add_flag("--allow-duplicate-ids", a.settings.allow_duplicate_ids,
                "A repeated id keeps the first article in input order; each other one is a\n"
                "warning (default: off, a repeated id is an error)");
  cmd->add_option("--language", a.settings.language,
                  "ISO 639-1 code (de, fr, zh, pt-BR...) of the articles that do not state one\n"
                  "(JSONL lang/language, HTML lang); auto: detect each one's")
      ->capture_default_str();
  cmd->add_flag("--no-stem", a.no_stem, "Index words without stemming (default: each article stemmed in its language)");
  cmd->add_flag("--stopwords", a.settings.drop_stopwords, "Leave English stop words out of the index (default: kept)");
  cmd->add_option("--near-threshold", a.settings.cleaning.near.min_jaccard,
                  "Near-duplicate threshold: estimated Jaccard similarity of 5-word shingles\n"
                  "of the main texts at or above which articles are one result (0: off)")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  cmd->add_flag("--keep-boilerplate", a.keep_boilerplate,
                "Index and show page template (repeated blocks, teaser tails) as article text\n"
                "(default: off, template is detected and left out)");
  CLI::Option* base = cmd->add_option("--base", a.settings.base_path,
                  "Previous edition (a valid blob): keep its article places, unchanged frames and\n"
                  "dictionary so the new blob patches small (README \"Updates\"); never overwritten\n"
                  "(default: none)");
  cmd->add_flag("--retrain", a.settings.retrain, "With --base: train a new dictionary anyway (default: keep the base's)")
      ->needs(base);
  cmd->add_option("--extends", a.extends,
                  "Write a volume over this blob: only new and changed articles and the removals;\n"
                  "repeat for a chain (base first, then its volumes in order)");
  cmd->add_option("--remove", a.removals, "With --extends: the volume removes this id (repeatable)");
  cmd->add_flag("-q,--quiet", a.quiet, "No progress, notes or summary; warnings and errors still print (default: off)");
}

}  // namespace

void add_build_command(CLI::App& app, Runner& run) {
  auto args = std::make_shared<BuildArgs>();
  CLI::App* cmd = app.add_subcommand("build", "Compile articles into one blob");
  cmd->footer(kBuildFooter);
  add_build_options(cmd, *args);
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
      if (a.settings.language != kAutoLanguage) {
        const uint8_t id = corpus::text::language_from_code(a.settings.language);
        if (id == corpus::text::kUnknownLanguage) {
          std::fprintf(stderr, "corpusc: error: --language: unknown language code '%s' (ISO 639-1 such as de, fr, zh; or auto)\n",
                       a.settings.language.c_str());
          return static_cast<int>(kExitUsage);
        }
        a.settings.language = std::string(corpus::text::language_code(id));
      }
      if (block_given) a.settings.block_size = explicit_sizes.block_size;
      if (dict_given) a.settings.dict_size = explicit_sizes.dict_size;
      if (!a.extends.empty() && !a.settings.base_path.empty()) {
        std::fprintf(stderr, "corpusc: error: --base and --extends exclude each other (an edition is a full blob; a volume extends one)\n");
        return static_cast<int>(kExitUsage);
      }
      if (!a.removals.empty() && a.extends.empty()) {
        std::fprintf(stderr, "corpusc: error: --remove needs --extends (it removes ids from a base)\n");
        return static_cast<int>(kExitUsage);
      }
      return run_build(a);
    };
  });
}

}  // namespace corpusc
