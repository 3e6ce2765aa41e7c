#include "build_pipeline.hpp"

#include <malloc.h>

#include <cstdio>
#include <filesystem>

#include <future>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "clean/article_languages.hpp"
#include <xxhash.h>

#include "clean/cleaning_stage.hpp"
#include "corpus/text/language_codes.hpp"
#include "clean/deduplicator.hpp"
#include "clean/shared_blocks.hpp"
#include "compress/edition_layout.hpp"
#include "compress/frame_packer.hpp"
#include "compress/text_layout.hpp"
#include "compress/zstd_compressor.hpp"
#include "corpus/format.hpp"
#include "errors.hpp"
#include "fingerprint.hpp"
#include "index/plan_indexer.hpp"
#include "ingest/article_ids.hpp"
#include "ingest/article_reader.hpp"
#include "ingest/input_walker.hpp"
#include "write/base_edition.hpp"
#include "volume/volume_base.hpp"
#include "write/blob_writer.hpp"

namespace corpusc {

static std::vector<InputArticle> read_all(const std::vector<InputFile>& files, Diagnostics& diag,
                                          BuildReport& report, const StageProgress& progress) {
  std::vector<InputArticle> articles;
  for (size_t i = 0; i < files.size(); ++i) {
    ReadResult r = read_articles(files[i], diag);
    report.input_bytes += r.bytes;
    report.skipped += r.skipped;
    for (auto& a : r.articles) {
      if (a.original.size() > corpus::kMaxArticleBytes) {
        diag.warn(a.source, a.line, "skipped: article of " + std::to_string(a.original.size()) +
                                        " bytes exceeds the limit of " + std::to_string(corpus::kMaxArticleBytes));
        ++report.skipped;
        continue;
      }
      if (a.id.size() > corpus::kMaxIdBytes) {
        diag.warn(a.source, a.line, "skipped: id longer than " + std::to_string(corpus::kMaxIdBytes) + " bytes");
        ++report.skipped;
        continue;
      }
      articles.push_back(std::move(a));
    }
    if (progress) progress("read", i + 1, files.size());
  }
  return articles;
}

// Peak memory: each copy of the corpus is freed as soon as the next stage holds what
// it needs (the 100x BBC build held ~13x its input before). The index reads only the
// normalized texts and titles; the writer only sizes and compressed frames.
template <typename Strings>
static void release_all(Strings& strings) {
  for (std::string& s : strings) std::string().swap(s);
}

static void release_inputs(CorpusPlan& plan) {
  for (PlannedArticle& a : plan.articles) {
    std::string().swap(a.input.original);  // stored in plan.texts where it differs
    std::string().swap(a.input.body);      // normalized holds what is indexed
  }
}

// ingest -> clean -> stream layout: the plan every later stage reads.
// The id of --language, kUnknownLanguage for "auto"; an unknown code is a usage error.
static uint8_t build_language(const BuildSettings& settings) {
  if (settings.language == kAutoLanguage) return corpus::text::kUnknownLanguage;
  const uint8_t id = corpus::text::language_from_code(settings.language);
  if (id == corpus::text::kUnknownLanguage) {
    throw CompileError(ErrorKind::usage, "--language: unknown language code \"" + settings.language +
                                             "\" (ISO 639-1, such as de, fr, zh; or auto)");
  }
  return id;
}

static CorpusPlan plan_corpus(const std::vector<std::string>& inputs, const BuildSettings& settings,
                              Diagnostics& diag, BuildReport& report, const StageProgress& progress) {
  std::vector<InputFile> files = walk_inputs(inputs, diag, settings.output_path);
  report.files = static_cast<uint32_t>(files.size());
  std::vector<InputArticle> articles = read_all(files, diag, report, progress);
  const uint32_t repeated_ids = keep_first_of_each_id(articles, settings.allow_duplicate_ids, diag);
  report.skipped += repeated_ids;
  if (settings.volume) settings.volume->select(articles, diag);
  if (diag.errors() > 0) {
    throw CompileError(ErrorKind::bad_input, std::to_string(diag.errors()) + " error(s) in the input");
  }
  if (articles.empty() && !(settings.volume && settings.volume->has_tombstones())) {
    throw CompileError(ErrorKind::bad_input, settings.volume ? "nothing new, changed or removed: no volume to write"
                                                             : "no articles in the input");
  }
  if (articles.size() > corpus::kMaxArticles) {
    throw CompileError(ErrorKind::limit, "too many articles: " + std::to_string(articles.size()) + " (limit " +
                                             std::to_string(corpus::kMaxArticles) + ")");
  }
  CorpusPlan plan = group_duplicates(std::move(articles), diag);
  plan.counts.duplicate_ids = repeated_ids;
  clean_corpus(plan, settings.cleaning);
  assign_languages(plan, build_language(settings), diag);
  layout_texts(plan);
  const SharedBlockStats shared = count_shared_blocks(plan.texts);
  plan.counts.shared_blocks = shared.blocks;
  plan.counts.shared_block_repeats = shared.occurrences;
  plan.counts.shared_block_bytes = shared.repeated_bytes;
  if (progress) progress("deduplicate", plan.articles.size(), plan.articles.size());
  return plan;
}

// The index stage reports a size it cannot encode as std::length_error, the writer
// (blob_writer.hpp) every exceeded limit as std::runtime_error: both are limits.
static std::unique_ptr<IndexBuilder> finish_index(std::future<std::unique_ptr<IndexBuilder>>& index) {
  try {
    return index.get();
  } catch (const std::length_error& e) {
    throw CompileError(ErrorKind::limit, e.what());
  }
}

static std::vector<uint8_t> write_limited(const BlobInputs& in) {
  try {
    return write_blob(in);
  } catch (const std::runtime_error& e) {
    throw CompileError(ErrorKind::limit, e.what());
  }
}

// With a base, its dictionary is kept unless follow_base decided otherwise (--retrain,
// none in the base, or it no longer fits: edition_layout.hpp). Says which on stderr.
static std::string edition_dictionary(const PackedStream& stream, const BuildSettings& settings,
                                      const BaseEdition& base, const EditionLayout& layout, Diagnostics& diag) {
  char what[200];
  std::snprintf(what, sizeof what,
                "edition: %u kept, %u new, %u removed articles; new and dead texts %.1f %% of the stream (%u dead "
                "texts kept)",
                layout.kept_articles, layout.new_articles, layout.removed_articles, 100.0 * layout.changed_share,
                layout.dead_texts);
  if (settings.dict_size == 0) {
    diag.note(base.path, 0, std::string(what) + "; no dictionary (--dict-size 0)");
    return {};
  }
  if (layout.keep_dictionary) {
    diag.note(base.path, 0, std::string(what) + "; the base's dictionary is kept");
    return base.dictionary;
  }
  diag.note(base.path, 0, std::string(what) + "; dictionary retrained (" + layout.retrain_reason + ")");
  return train_dictionary(stream.frames, settings.dict_size, diag);
}

static void check_base_settings(const BaseEdition& base, const BuildSettings& settings, Diagnostics& diag) {
  if (base.block_size != settings.block_size || base.level != settings.level) {
    diag.note(base.path, 0, "edition: the base was built with --block-size " + std::to_string(base.block_size) +
                                " --level " + std::to_string(base.level) +
                                "; other settings recompress its frames differently");
  }
}

// The base is read before anything is written, and never overwritten: -o onto the
// base is refused like -o onto an input.
static std::unique_ptr<BaseEdition> open_base(const BuildSettings& settings, Diagnostics& diag) {
  if (settings.base_path.empty()) return nullptr;
  std::error_code ec;
  if (!settings.output_path.empty() && std::filesystem::equivalent(settings.output_path, settings.base_path, ec)) {
    throw CompileError(ErrorKind::usage, "output " + settings.output_path + " is the base " + settings.base_path +
                                             " (an edition is written next to its base, never over it)");
  }
  auto base = std::make_unique<BaseEdition>(load_base_edition(settings.base_path));
  check_base_settings(*base, settings, diag);
  return base;
}

static uint64_t mix_base(uint64_t fingerprint, const BaseEdition& base) {
  const uint64_t words[2] = {fingerprint, base.seal};
  return XXH64(words, sizeof words, 0);
}

std::vector<uint8_t> compile_corpus(const std::vector<std::string>& inputs, const BuildSettings& settings,
                                    Diagnostics& diag, BuildReport& report, const StageProgress& progress) {
  report = BuildReport();
  std::unique_ptr<BaseEdition> base = open_base(settings, diag);
  CorpusPlan plan = plan_corpus(inputs, settings, diag, report, progress);
  EditionLayout layout;
  if (base) {
    EditionOptions options;
    options.retrain = settings.retrain || settings.dict_size == 0;
    options.compact = settings.retrain;
    layout = follow_base(plan, *base, options);
    if (layout.retired_articles > 0) {
      diag.note(base->path, 0, "edition: " + std::to_string(layout.retired_articles) +
                                   " article(s) no longer indexed keep their postings as retired documents "
                                   "(never found; --retrain drops them)");
    }
  }
  BlobInputs in;
  in.fingerprint = corpus_fingerprint(plan, settings);
  if (base) in.fingerprint = mix_base(in.fingerprint, *base);
  if (settings.volume) in.fingerprint ^= settings.volume->fingerprint_salt();
  for (const PlannedArticle& a : plan.articles) in.input_bytes += a.input.original.size();
  release_inputs(plan);
  malloc_trim(0);  // glibc keeps freed memory in the main arena; the index thread uses its own

  // The index only reads the plan: build it while the dictionary trains and the
  // frames compress (its own thread; the output does not depend on the timing).
  std::future<std::unique_ptr<IndexBuilder>> index =
      std::async(std::launch::async,
                 [&plan, &settings, &layout] { return index_plan(plan, settings, &layout.retired); });
  PackedStream stream = pack_frames(plan.texts, settings.block_size, base ? &layout.opens_frame : nullptr);
  for (StoredText& t : plan.texts) std::string().swap(t.bytes);  // the frames hold them now
  std::string dict = settings.volume ? settings.volume->dictionary()
                    : base           ? edition_dictionary(stream, settings, *base, layout, diag)
                                     : train_dictionary(stream.frames, settings.dict_size, diag);
  base.reset();
  if (progress) progress("train dictionary", 1, 1);
  unsigned threads = settings.threads ? settings.threads : std::max(1u, std::thread::hardware_concurrency());
  size_t nframes = stream.frames.size();
  std::mutex progress_mu;  // compress_frames reports from its worker threads
  std::vector<std::string> compressed =
      compress_frames(stream.frames, dict, settings.level, threads, [&](size_t done) {
        std::lock_guard<std::mutex> lock(progress_mu);
        if (progress) progress("compress", done, nframes);
      });
  release_all(stream.frames);

  in.plan = &plan;
  in.stream = &stream;
  in.compressed = &compressed;
  in.dictionary = &dict;
  in.settings = &settings;
  std::unique_ptr<IndexBuilder> index_builder = finish_index(index);
  if (progress) progress("index", 1, 1);
  in.index = index_builder.get();
  in.input_files = report.files;
  in.volume = settings.volume ? &settings.volume->fields() : nullptr;
  std::vector<uint8_t> blob = write_limited(in);
  if (settings.volume) settings.volume->check(blob);

  report.articles = static_cast<uint32_t>(plan.articles.size());
  report.texts = static_cast<uint32_t>(plan.texts.size());
  report.frames = static_cast<uint32_t>(nframes);
  report.stream_bytes = stream.size;
  for (const auto& c : compressed) report.compressed_bytes += c.size();
  report.dictionary_bytes = settings.volume ? 0 : dict.size();  // a volume stores none
  report.blob_bytes = blob.size();
  report.counts = plan.counts;
  return blob;
}

}  // namespace corpusc
