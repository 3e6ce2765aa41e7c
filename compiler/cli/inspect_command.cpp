// `corpusc inspect FILE [--json]`: sections, counts, duplicates, build settings.
#include <cstdio>

#include <nlohmann/json.hpp>

#include "cli/blob_file.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/volume_commands.hpp"
#include "corpus/search/search.hpp"

namespace corpusc {

namespace {

namespace cs = corpus::search;

// Chrome (boilerplate) ranges: kept in storage, left out of the index and of `cat`.
void describe_chrome(const corpus::Blob& blob, nlohmann::ordered_json& j) {
  uint64_t ranges = 0, bytes = 0, texts = 0;
  for (uint32_t t = 0; t < blob.text_count(); ++t) {
    const uint32_t n = blob.chrome_count(t);
    texts += n > 0;
    ranges += n;
    for (uint32_t k = 0; k < n; ++k) bytes += blob.chrome(t, k).length();
  }
  auto& c = j["boilerplate"];
  c["texts"] = texts;
  c["ranges"] = ranges;
  c["bytes"] = bytes;
  const uint64_t stream = blob.stream_size();
  c["share_of_text"] = stream ? static_cast<double>(bytes) / static_cast<double>(stream) : 0.0;
}

// The tokenizer settings the index was built with (queries are tokenized the same
// way); folding and the script rules are fixed (text/tokenizer.hpp).
void describe_tokenizer(corpus::text::TokenizerOptions options, uint32_t bits, nlohmann::ordered_json& k) {
  auto& t = k["tokenizer"];
  t["bits"] = bits;
  t["stemming"] = options.stem_by_language ? "each article in its language (Snowball; English: Porter2)"
                 : options.stem_english   ? "english (Porter2)"
                                          : "none";
  t["stop_words"] = options.drop_stopwords ? "dropped (english list)" : "kept";
  t["folding"] = "lowercase, diacritics removed (Latin, Greek, Cyrillic)";
  t["cjk"] = "one token per ideograph; kana and Hangul runs as words";
  t["max_term_bytes"] = corpus::text::kMaxTermBytes;
}

// Index sections and the posting/position counts behind "bytes per posting".
// Walks every posting list once (a few ms per MB of index); no positions decoded.
void describe_index(const corpus::Blob& blob, nlohmann::ordered_json& j) {
  cs::Index index;
  if (cs::Index::open(blob, &index) != corpus::Status::ok) return;
  const corpus::fb::SearchIndex& x = *corpus::detail::root(blob).index();
  auto& s = j["sections"];
  s["index.terms"] = corpus::vector_bytes(x.terms()) + corpus::vector_bytes(x.term_blocks());
  s["index.postings"] = corpus::vector_bytes(x.postings());
  s["index.positions"] = corpus::vector_bytes(x.positions());
  s["index.per_doc"] = corpus::vector_bytes(x.doc_norms()) + corpus::vector_bytes(x.doc_title_tokens()) +
                       corpus::vector_bytes(x.norm_k());
  if (x.forms()) s["index.forms"] = corpus::vector_bytes(x.forms()) + corpus::vector_bytes(x.form_blocks());
  if (x.language_stats()) {  // format 1.4, mixed-language indexes only
    s["index.languages"] = corpus::vector_bytes(x.language_stats()) + corpus::vector_bytes(x.language_norm_k()) +
                           corpus::vector_bytes(x.language_df_terms()) + corpus::vector_bytes(x.language_df());
  }
  uint64_t postings = 0, positions = 0;
  cs::TermIterator it(index);
  for (corpus::Status st = it.rewind(); !it.at_end(); st = it.next()) {
    if (st != corpus::Status::ok) break;
    cs::PostingCursor c;
    c.open(index, it.entry());
    for (; c.doc() != cs::kEndDoc && !c.bad(); c.next()) {
      ++postings;
      positions += c.tf();
    }
  }
  auto& k = j["index"];
  k["documents"] = x.doc_count();
  k["retired_documents"] = index.retired_count();
  k["terms"] = x.term_count();
  k["forms"] = index.form_count();
  k["postings"] = postings;
  k["positions"] = positions;
  k["bytes_per_posting"] = postings ? static_cast<double>(corpus::vector_bytes(x.postings())) / static_cast<double>(postings) : 0.0;
  k["bytes_per_position"] = positions ? static_cast<double>(corpus::vector_bytes(x.positions())) / static_cast<double>(positions) : 0.0;
  k["title_weight"] = x.title_weight();
  k["k1"] = x.k1_milli() / 1000.0;
  k["b"] = x.b_milli() / 1000.0;
  describe_tokenizer(index.tokenizer(), x.tokenizer(), k);
  auto& stemmed = k["tokenizer"]["languages"];
  stemmed = nlohmann::ordered_json::array();
  for (uint32_t i = 0; i < index.language_count(); ++i) {
    const std::string_view code = corpus::text::language_code(index.language(i));
    stemmed.push_back(code.empty() ? "und" : std::string(code));
  }
}

// Articles per language (languages.h code; "und" for undetermined), in id order.
void describe_languages(const corpus::Blob& blob, nlohmann::ordered_json& j) {
  const auto* per_article = corpus::detail::root(blob).article_languages();
  j["sections"]["article_languages"] = corpus::vector_bytes(per_article);
  uint32_t counts[256] = {};
  for (uint32_t i = 0; i < blob.article_count(); ++i) ++counts[blob.language(i)];
  auto& l = j["languages"];
  l = nlohmann::ordered_json::object();
  for (uint32_t id = 0; id < 256; ++id) {
    if (counts[id] == 0) continue;
    const std::string_view code = corpus::text::language_code(static_cast<uint8_t>(id));
    l[code.empty() ? "und" : std::string(code)] = counts[id];
  }
}

nlohmann::ordered_json describe(const BlobFile& file) {
  const corpus::fb::Corpus& r = corpus::detail::root(file.blob());
  const corpus::fb::BuildInfo* b = r.build();
  nlohmann::ordered_json j;
  j["format"] = std::to_string(r.format_major()) + "." + std::to_string(r.format_minor());
  j["blob_bytes"] = file.size();
  uint64_t input = b ? b->input_bytes() : 0;
  j["input_bytes"] = input;
  j["ratio"] = input ? static_cast<double>(file.size()) / static_cast<double>(input) : 0.0;
  j["articles"] = file.blob().article_count();
  j["texts"] = file.blob().text_count();
  j["frames"] = file.blob().frame_count();
  j["stream_bytes"] = file.blob().stream_size();
  j["max_frame_raw"] = r.max_frame_raw();
  auto& s = j["sections"];
  s["frame_data"] = corpus::vector_bytes(r.frame_data());
  s["dictionary"] = corpus::vector_bytes(r.dictionary());
  s["strings"] = corpus::vector_bytes(r.strings());
  s["articles"] = corpus::vector_bytes(r.articles());
  s["text_offsets"] = corpus::vector_bytes(r.text_offsets());
  s["extras"] = corpus::vector_bytes(r.extras());
  s["dates"] = corpus::vector_bytes(r.dates());
  s["chrome"] = corpus::vector_bytes(r.chrome()) + corpus::vector_bytes(r.chrome_start());
  s["frames"] = corpus::vector_bytes(r.frames());
  s["variant_list"] = corpus::vector_bytes(r.variant_list());
  describe_languages(file.blob(), j);
  describe_index(file.blob(), j);
  describe_chrome(file.blob(), j);
  if (b) {
    auto& d = j["duplicates"];
    d["exact"] = b->exact_duplicates();
    d["normalized"] = b->normalized_duplicates();
    d["near"] = b->near_duplicates();
    auto& sb = j["shared_blocks"];
    sb["blocks"] = b->shared_blocks();
    sb["repeats"] = b->shared_block_repeats();
    sb["repeated_bytes"] = b->shared_block_bytes();
    j["repaired_utf8"] = b->repaired_utf8();
    auto& k = j["build"];
    k["tool"] = b->tool() ? b->tool()->str() : "";
    char fp[17];
    std::snprintf(fp, sizeof fp, "%016llx", static_cast<unsigned long long>(b->fingerprint()));
    k["fingerprint"] = fp;
    k["profile"] = b->profile() ? b->profile()->str() : "";
    k["level"] = b->level();
    k["block_size"] = b->block_size();
    k["dict_size"] = b->dict_size();
    k["input_files"] = b->input_files();
  }
  return j;
}

std::string join_codes(const nlohmann::ordered_json& codes) {
  std::string out;
  for (const auto& c : codes) out += (out.empty() ? "" : " ") + c.get<std::string>();
  return out;
}

void print_text(const nlohmann::ordered_json& j) {
  std::printf("format %s, %llu bytes (%.3f x %llu input bytes)\n", j["format"].get<std::string>().c_str(),
              j["blob_bytes"].get<unsigned long long>(), j["ratio"].get<double>(),
              j["input_bytes"].get<unsigned long long>());
  std::printf("%u articles, %u stored texts, %u frames (%llu raw bytes, largest %u)\n",
              j["articles"].get<unsigned>(), j["texts"].get<unsigned>(), j["frames"].get<unsigned>(),
              j["stream_bytes"].get<unsigned long long>(), j["max_frame_raw"].get<unsigned>());
  std::printf("\n%-16s %12s %7s\n", "section", "bytes", "share");
  double total = j["blob_bytes"].get<double>();
  for (auto& [name, v] : j["sections"].items()) {
    std::printf("%-16s %12llu %6.1f%%\n", name.c_str(), v.get<unsigned long long>(),
                total > 0 ? 100.0 * v.get<double>() / total : 0.0);
  }
  if (j.contains("index")) {
    const auto& k = j["index"];
    std::printf("\nindex: %u documents, %u terms, %llu postings (%.2f bytes each), %llu positions (%.2f bytes each)\n",
                k["documents"].get<unsigned>(), k["terms"].get<unsigned>(), k["postings"].get<unsigned long long>(),
                k["bytes_per_posting"].get<double>(), k["positions"].get<unsigned long long>(),
                k["bytes_per_position"].get<double>());
    if (k["retired_documents"].get<unsigned>() > 0) {
      std::printf("retired: %u documents no longer indexed keep their postings (never found; --retrain drops them)\n",
                  k["retired_documents"].get<unsigned>());
    }
    const auto& t = k["tokenizer"];
    std::printf("tokenizer: stemming %s, stop words %s, folding %s; %s; terms up to %u bytes\n",
                t["stemming"].get<std::string>().c_str(), t["stop_words"].get<std::string>().c_str(),
                t["folding"].get<std::string>().c_str(), t["cjk"].get<std::string>().c_str(),
                t["max_term_bytes"].get<unsigned>());
    if (!t["languages"].empty()) std::printf("stemmed in: %s\n", join_codes(t["languages"]).c_str());
  } else {
    std::printf("\nindex: none\n");
  }
  std::string languages;
  for (auto& [code, n] : j["languages"].items()) {
    languages += (languages.empty() ? "" : ", ") + code + " " + std::to_string(n.get<unsigned>());
  }
  std::printf("languages: %s articles\n", languages.c_str());
  const auto& c = j["boilerplate"];
  std::printf("boilerplate: %llu bytes (%.2f%% of stored text) in %llu ranges of %llu texts, kept for --full, not indexed\n",
              c["bytes"].get<unsigned long long>(), 100.0 * c["share_of_text"].get<double>(),
              c["ranges"].get<unsigned long long>(), c["texts"].get<unsigned long long>());
  if (j.contains("duplicates")) {
    const auto& d = j["duplicates"];
    std::printf("\nduplicates: %u exact, %u normalized, %u near; %u input(s) repaired from non-UTF-8\n",
                d["exact"].get<unsigned>(), d["normalized"].get<unsigned>(), d["near"].get<unsigned>(),
                j["repaired_utf8"].get<unsigned>());
    const auto& sb = j["shared_blocks"];
    std::printf("shared blocks: %u paragraphs repeated %u times across texts (%llu bytes), left to zstd's frames "
                "and dictionary\n",
                sb["blocks"].get<unsigned>(), sb["repeats"].get<unsigned>(),
                sb["repeated_bytes"].get<unsigned long long>());
    const auto& k = j["build"];
    std::printf("built by %s, profile %s, level %d, block %u, dictionary %u, %u input files, fingerprint %s\n",
                k["tool"].get<std::string>().c_str(), k["profile"].get<std::string>().c_str(),
                k["level"].get<int>(), k["block_size"].get<unsigned>(), k["dict_size"].get<unsigned>(),
                k["input_files"].get<unsigned>(), k["fingerprint"].get<std::string>().c_str());
  }
}

}  // namespace

void add_inspect_command(CLI::App& app, Runner& run) {
  auto path = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  auto ids = std::make_shared<bool>(false);
  auto volumes = std::make_shared<std::vector<std::string>>();
  CLI::App* cmd = app.add_subcommand("inspect", "Show a blob's sections, counts and build settings");
  cmd->add_option("file", *path, "Blob")->required();
  auto* json_flag = cmd->add_flag("--json", *json, "Machine-readable output");
  cmd->add_flag("--ids", *ids, "List every article id instead, one a line, in id order (for `cat`)")
      ->excludes(json_flag);
  add_volume_option(cmd, *volumes);
  cmd->callback([=, &run] {
    run = [=] {
      if (!volumes->empty()) {
        std::vector<std::string> paths{*path};
        paths.insert(paths.end(), volumes->begin(), volumes->end());
        return run_volume_inspect(paths, *json, *ids);
      }
      BlobFile file;
      if (!file.open(*path)) {
        std::fprintf(stderr, "corpusc: %s\n", file.error().c_str());
        return static_cast<int>(kExitBadBlob);
      }
      if (*ids) {
        for (uint32_t rank = 0; rank < file.blob().article_count(); ++rank) {
          const uint32_t i = file.blob().article_by_rank(rank);
          if (i == corpus::kNone) return static_cast<int>(kExitBadBlob);
          const std::string_view id = file.blob().article(i).id;
          std::printf("%.*s\n", static_cast<int>(id.size()), id.data());
        }
        return static_cast<int>(kExitOk);
      }
      auto j = describe(file);
      if (*json) std::printf("%s\n", j.dump(2).c_str());
      else print_text(j);
      return static_cast<int>(kExitOk);
    };
  });
}

}  // namespace corpusc
