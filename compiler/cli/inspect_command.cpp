// `corpusc inspect FILE [--json]`: sections, counts, duplicates, build settings.
#include <cstdio>

#include <nlohmann/json.hpp>

#include "cli/blob_file.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"

namespace corpusc {

namespace {

nlohmann::ordered_json describe(const BlobFile& file) {
  const corpus::fb::Corpus& r = file.blob().root();
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
  if (b) {
    auto& d = j["duplicates"];
    d["exact"] = b->exact_duplicates();
    d["normalized"] = b->normalized_duplicates();
    d["near"] = b->near_duplicates();
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
  if (j.contains("duplicates")) {
    const auto& d = j["duplicates"];
    std::printf("\nduplicates: %u exact, %u normalized, %u near; %u input(s) repaired from non-UTF-8\n",
                d["exact"].get<unsigned>(), d["normalized"].get<unsigned>(), d["near"].get<unsigned>(),
                j["repaired_utf8"].get<unsigned>());
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
  CLI::App* cmd = app.add_subcommand("inspect", "Show a blob's sections, counts and build settings");
  cmd->add_option("file", *path, "Blob")->required();
  cmd->add_flag("--json", *json, "Machine-readable output");
  cmd->callback([=, &run] {
    run = [=] {
      BlobFile file;
      if (!file.open(*path)) {
        std::fprintf(stderr, "corpusc: %s\n", file.error().c_str());
        return static_cast<int>(kExitBadBlob);
      }
      auto j = describe(file);
      if (*json) std::printf("%s\n", j.dump(2).c_str());
      else print_text(j);
      return static_cast<int>(kExitOk);
    };
  });
}

}  // namespace corpusc
