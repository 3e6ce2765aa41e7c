// `corpusc cat FILE ID [--original|--full|--json]`: prints one article, read through
// the runtime.
#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <string>

#include <nlohmann/json.hpp>

#include "cli/blob_file.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "corpus/text/language_codes.hpp"
#include "dates.hpp"
#include "cli/volume_commands.hpp"
#include "volume/blob_chain.hpp"

namespace corpusc {

namespace {

struct CatArgs {
  std::string path, id;
  bool original = false;
  bool full = false;
  bool json = false;
  std::vector<std::string> volumes;  // -V: volumes over the blob, in chain order
};

// Where the text goes: stdout, or a string (for --json). A failed write to stdout
// (closed pipe, full disk) is an I/O error, kept apart from the blob's status.
struct TextSink {
  std::string* into = nullptr;
  int write_errno = 0;
  bool put(const char* p, size_t n) {
    if (into) {
      into->append(p, n);
      return true;
    }
    errno = 0;
    if (std::fwrite(p, 1, n, stdout) == n) return true;
    write_errno = errno != 0 ? errno : EIO;
    return false;
  }
  bool put(const char* s) { return put(s, std::strlen(s)); }
};

// Streams [offset, end) of a text through a fixed buffer: memory is bounded by the
// buffer, not the article. `main` reads in main-text coordinates. Stops (ok) at the
// first failed write; the sink keeps its errno.
corpus::Status copy_out(corpus::Reader& reader, uint32_t text, uint64_t offset, uint64_t end, bool main,
                        TextSink& sink) {
  char buf[1 << 16];
  while (offset < end) {
    size_t n = 0;
    size_t want = static_cast<size_t>(std::min<uint64_t>(sizeof buf, end - offset));
    corpus::Status s = main ? reader.read_main(text, offset, buf, want, &n) : reader.read(text, offset, buf, want, &n);
    if (s != corpus::Status::ok) return s;
    if (n == 0 || !sink.put(buf, n)) break;
    offset += n;
  }
  return corpus::Status::ok;
}

// The whole text with each chrome range wrapped in markers.
corpus::Status copy_full(const corpus::Blob& blob, corpus::Reader& reader, uint32_t text, TextSink& sink) {
  corpus::TextSpan span;
  corpus::Status s = blob.text(text, &span);
  uint64_t pos = 0;
  for (uint32_t k = 0; s == corpus::Status::ok && k < blob.chrome_count(text) && sink.write_errno == 0; ++k) {
    const corpus::Range c = blob.chrome(text, k);
    const uint64_t begin = c.offset(), end = begin + c.length();
    s = copy_out(reader, text, pos, begin, false, sink);
    sink.put("\n[chrome]\n");
    if (s == corpus::Status::ok) s = copy_out(reader, text, begin, end, false, sink);
    sink.put("\n[/chrome]\n");
    pos = end;
  }
  return s == corpus::Status::ok ? copy_out(reader, text, pos, span.length, false, sink) : s;
}

nlohmann::ordered_json flag_names(uint32_t flags) {
  static const std::pair<uint32_t, const char*> names[] = {
      {corpus::kArticleHasDate, "has_date"},
      {corpus::kArticleExactDuplicate, "exact_duplicate"},
      {corpus::kArticleNormalizedDuplicate, "normalized_duplicate"},
      {corpus::kArticleNearDuplicate, "near_duplicate"},
      {corpus::kArticleUtf8Repaired, "utf8_repaired"},
      {corpus::kArticleHasExtra, "has_extra"}};
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const auto& [bit, name] : names) {
    if (flags & bit) out.push_back(name);
  }
  return out;
}

// Everything `cat` knows about one article, its main text included, as JSON.
nlohmann::ordered_json describe_article(const corpus::Blob& blob, const corpus::ArticleInfo& info,
                                        const std::string& text) {
  nlohmann::ordered_json j;
  j["id"] = std::string(info.id);
  j["title"] = std::string(info.title);
  j["url"] = std::string(info.url);
  auto tags = nlohmann::ordered_json::array();
  std::string_view rest = info.tags, tag;
  while (corpus::next_tag(rest, tag)) tags.push_back(std::string(tag));
  j["tags"] = tags;
  j["date"] = info.has_date ? nlohmann::ordered_json(format_utc(info.date, "%Y-%m-%dT%H:%M:%SZ")) : nlohmann::ordered_json();
  j["source"] = std::string(info.source);
  const std::string_view language = corpus::text::language_code(blob.language(info.index));
  j["language"] = language.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(std::string(language));
  j["flags"] = flag_names(info.flags);
  j["canonical"] = info.canonical != corpus::kNone ? std::string(blob.article(info.canonical).id) : std::string();
  auto variants = nlohmann::ordered_json::array();
  for (uint32_t i = 0; i < info.variants_count; ++i) {
    const uint32_t v = blob.variant(info, i);
    if (v != corpus::kNone) variants.push_back(std::string(blob.article(v).id));
  }
  j["variants"] = variants;
  j["text"] = text;
  return j;
}

// Prints article `index` of `blob` (bound to `reader`, or the reader's init status
// `s` when that failed) as the arguments ask.
int print_article(const CatArgs& a, const corpus::Blob& blob, uint32_t index, corpus::Reader& reader,
                  corpus::Status s) {
  corpus::ArticleInfo info = blob.article(index);
  std::string text;
  TextSink sink;
  if (a.json) sink.into = &text;
  if (s == corpus::Status::ok) {
    if (a.original) s = copy_out(reader, info.original, 0, UINT64_MAX, false, sink);
    else if (a.full) s = copy_full(blob, reader, info.text, sink);
    else s = copy_out(reader, info.text, 0, UINT64_MAX, true, sink);
  }
  if (s != corpus::Status::ok) {
    std::fprintf(stderr, "corpusc: %s: %s: %s\n", a.path.c_str(), a.id.c_str(), corpus::status_message(s));
    return kExitBadBlob;
  }
  if (a.json) {
    // error_handler::replace: a --original text need not be UTF-8.
    const std::string out = describe_article(blob, info, text)
                                .dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
    sink.into = nullptr;
    sink.put(out.data(), out.size());
  }
  errno = 0;
  if (sink.write_errno == 0 && std::fflush(stdout) != 0) sink.write_errno = errno != 0 ? errno : EIO;
  if (sink.write_errno != 0) {
    std::fprintf(stderr, "corpusc: cat: cannot write to stdout: %s\n", std::strerror(sink.write_errno));
    return kExitError;
  }
  return kExitOk;
}

// With -V: the newest version of the id in the chain; removed or absent, exit 5.
int run_cat_chain(const CatArgs& a) {
  BlobChain chain;
  std::vector<std::string> paths{a.path};
  paths.insert(paths.end(), a.volumes.begin(), a.volumes.end());
  if (!chain.open(paths)) {
    std::fprintf(stderr, "corpusc: %s\n", chain.error().c_str());
    return kExitBadBlob;
  }
  corpus::ArticleRef ref;
  if (chain.collection().find(a.id, &ref) != corpus::Status::ok) {
    std::fprintf(stderr, "corpusc: %s: no article with id '%s' (or removed by a volume)\n", a.path.c_str(),
                 a.id.c_str());
    return kExitNotFound;
  }
  corpus::Reader reader;
  corpus::Status s = chain.collection().init_reader(ref.part, &reader, chain.workspace(), chain.workspace_size());
  return print_article(a, chain.part(ref.part), ref.index, reader, s);
}

int run_cat(const CatArgs& a) {
  std::signal(SIGPIPE, SIG_IGN);  // a closed pipe is a write error with a message, not a silent death
  if (!a.volumes.empty()) return run_cat_chain(a);
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
  corpus::Reader reader;
  corpus::Status s = reader.init(file.blob(), file.workspace(), file.workspace_size());
  return print_article(a, file.blob(), index, reader, s);
}

}  // namespace

void add_cat_command(CLI::App& app, Runner& run) {
  auto args = std::make_shared<CatArgs>();
  CLI::App* cmd = app.add_subcommand("cat", "Print one article's text");
  cmd->footer("Prints the article's main text: normalized (UTF-8, NFC, LF) with page\n"
              "boilerplate left out, as search sees it. --full prints everything, each\n"
              "boilerplate range between [chrome] and [/chrome] lines; --original prints\n"
              "the input's exact bytes. --json prints the metadata and the text as one JSON\n"
              "object. Exit 5 if the id is unknown, 1 if stdout cannot be written.");
  cmd->add_option("file", args->path, "Blob")->required();
  cmd->add_option("id", args->id, "Article id, e.g. business/001.txt")->required();
  add_volume_option(cmd, args->volumes);
  auto* orig = cmd->add_flag("--original", args->original, "Print the input's exact bytes");
  cmd->add_flag("--full", args->full, "Print the whole text with boilerplate marked")->excludes(orig);
  cmd->add_flag("--json", args->json,
                "Print the article as JSON: id, title, url, tags, date, source, language, flags, canonical, variants and "
                "its text (main text, or as --original/--full select)");
  cmd->callback([args, &run] { run = [args] { return run_cat(*args); }; });
}

}  // namespace corpusc
