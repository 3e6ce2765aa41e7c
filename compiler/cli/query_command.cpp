// `corpusc query FILE "QUERY"` and `corpusc query FILE --queries QFILE`: searches a
// blob's index through the runtime (corpus/search/), exactly as a device would.
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <memory>
#include <string>
#include <vector>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include "cli/blob_file.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/query_batch.hpp"
#include "cli/volume_commands.hpp"
#include "corpus/search/search.hpp"
#include "dates.hpp"

namespace corpusc {

namespace {

namespace cs = corpus::search;
using json = nlohmann::json;

struct QueryArgs {
  std::string path, query, queries_file, sort = "relevance", from, to, language, language_filter;
  uint32_t k = 10;
  bool json = false, plain = false, no_snippets = false, no_typos = false;
  std::vector<std::string> volumes;  // -V: volumes over the blob, in chain order
};

// The query as searched, corrected words replaced (empty when nothing was corrected).
std::string corrected_text(const std::string& query, const cs::SearchResults& r) {
  if (r.corrections.count == 0) return "";
  std::string out(query.size() + r.corrections.count * sizeof(r.corrections.items[0].text), '\0');
  out.resize(cs::corrected_query(query, r.corrections, &out[0], out.size()));
  return out;
}

// "YYYY-MM-DD" (UTC midnight) -> seconds since the epoch; false if malformed.
bool parse_date(const std::string& s, bool end_of_day, int64_t* out) {
  int y, m, d;
  char tail;
  if (std::sscanf(s.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || m < 1 || m > 12 || d < 1 || d > 31) {
    return false;
  }
  *out = days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d)) * 86400 + (end_of_day ? 86399 : 0);
  return true;
}

// What went wrong, naming the limit when one was hit (the runtime only says which kind).
// Long queries are truncated, not refused: only their operators can exceed a limit.
std::string query_error(corpus::Status s) {
  if (s != corpus::Status::limit_exceeded) return corpus::status_message(s);
  return "the query's operators (phrases, prefixes, +required, -excluded, title:) exceed the limit of " +
         std::to_string(cs::kMaxQueryTerms) + " terms or " + std::to_string(cs::kMaxClauses) +
         " clauses even with every plain word left out (--plain reads a query as plain words)";
}

// The line that says a query was cut to its most selective words (empty if it was not).
std::string truncation_note(const cs::Query& q) {
  if (!q.truncated) return "";
  uint32_t words = 0;
  for (uint32_t c = 0; c < q.clause_count; ++c) {
    const cs::Clause& cl = q.clauses[c];
    words += cl.kind == cs::ClauseKind::term && cl.occur == cs::Occur::should && !cl.title_only;
  }
  std::string note = "query truncated: its operators and its " + std::to_string(words) +
                     " most selective words were kept";
  if (q.omitted_words > 0) note += "; " + std::to_string(q.omitted_words) + " word(s) left out";
  if (q.omitted_bytes > 0) {
    note += "; " + std::to_string(q.omitted_bytes) + " byte(s) past the " + std::to_string(cs::kMaxQueryBytes) +
            "-byte limit not read";
  }
  return note;
}

// One JSON line; bytes that are not UTF-8 (in a query or an id) become U+FFFD
// instead of an exception.
std::string dump_line(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

bool blob_has_dates(const corpus::Blob& blob) {
  for (uint32_t i = 0; i < blob.article_count(); ++i) {
    if (blob.article(i).has_date) return true;
  }
  return false;
}

int exit_for(corpus::Status s) {
  switch (s) {
    case corpus::Status::bad_query: return kExitUsage;
    case corpus::Status::limit_exceeded: return kExitLimit;
    default: return kExitBadBlob;
  }
}

struct Session {
  BlobFile file;
  cs::Index index;
  corpus::Reader reader;
  std::unique_ptr<cs::SearchWorkspace> ws = std::make_unique<cs::SearchWorkspace>();
  cs::SnippetScratch scratch;
  cs::SearchOptions options;
  std::string no_dates;  // why --sort/--from/--to cannot work on this blob, if so
};

// One interactive query: a ranked list with titles and snippets (or one JSON object).
int run_one(Session& ss, const QueryArgs& a) {
  corpus::Status s = cs::search(ss.index, a.query, ss.options, ss.ws.get());
  if (s != corpus::Status::ok) {
    std::fprintf(stderr, "corpusc: query: %s\n", query_error(s).c_str());
    return exit_for(s);
  }
  const cs::SearchResults& r = ss.ws->results;
  const std::string corrected = corrected_text(a.query, r);
  if (!a.json && !corrected.empty() && r.count > 0) std::printf("showing results for %s\n", corrected.c_str());
  json out = json::array();
  for (uint32_t i = 0; i < r.count; ++i) {
    const cs::SearchHit& h = r.hits[i];
    corpus::ArticleInfo info = ss.file.blob().article(h.article);
    char snip[1024];
    size_t n = 0;
    if (!a.no_snippets) {
      cs::SnippetRequest req{&ss.ws->query, h.article, {}, &r.corrections};
      if (!a.json && isatty(fileno(stdout))) req.options.open = "\x1b[1m", req.options.close = "\x1b[0m";
      cs::SnippetOutput so{snip, sizeof snip, 0};
      if (cs::snippet(ss.index, ss.reader, req, &ss.scratch, &so) == corpus::Status::ok) n = so.written;
    }
    if (a.json) {
      json hit = {{"rank", i + 1}, {"id", std::string(info.id)}, {"title", std::string(info.title)},
                  {"score", h.score}};
      const std::string_view language = corpus::text::language_code(ss.file.blob().language(h.article));
      hit["language"] = language.empty() ? json() : json(std::string(language));
      if (h.has_date) hit["date"] = format_utc(h.date, "%Y-%m-%d");
      if (!a.no_snippets) hit["snippet"] = std::string(snip, n);
      out.push_back(hit);
    } else {
      std::printf("%2u. %.*s  (score %u%s%s)\n    %.*s\n", i + 1, int(info.id.size()), info.id.data(), h.score,
                  h.has_date ? ", " : "", h.has_date ? format_utc(h.date, "%Y-%m-%d").c_str() : "", int(info.title.size()),
                  info.title.data());
      if (n > 0) std::printf("    %.*s\n", int(n), snip);
    }
  }
  const std::string note = truncation_note(ss.ws->query);
  if (a.json) {
    json j = {{"query", a.query}, {"matched", r.matched}, {"truncated", ss.ws->query.truncated}, {"results", out}};
    if (!note.empty()) j["note"] = note;
    if (!corrected.empty()) j[r.count > 0 ? "corrected_query" : "suggestion"] = corrected;
    if (!ss.no_dates.empty()) j["warning"] = ss.no_dates;
    std::printf("%s\n", dump_line(j).c_str());
  } else {
    if (r.count == 0) std::printf("no results\n");
    if (r.count == 0 && !corrected.empty()) std::printf("did you mean: %s\n", corrected.c_str());
    if (!note.empty()) std::printf("(%s)\n", note.c_str());
  }
  if (r.flags & cs::kPrefixTruncated) {
    std::fprintf(stderr,
                 "corpusc: note: a prefix matched more terms than fit (%u per prefix, %u cursors in all); "
                 "the most frequent were used\n",
                 cs::kMaxPrefixTerms, cs::kMaxCursors);
  }
  return kExitOk;
}

// Batch: one query a line (plain text, or JSONL with "_id" and "text"); one JSON
// line out per query: {"id": ..., "results": [article ids, best first]}.
int run_batch(Session& ss, const QueryArgs& a) {
  return for_each_batch_query(a.queries_file, [&ss](const std::string& id, const std::string& text) {
    corpus::Status s = cs::search(ss.index, text, ss.options, ss.ws.get());
    json ids = json::array();
    for (uint32_t i = 0; s == corpus::Status::ok && i < ss.ws->results.count; ++i) {
      ids.push_back(std::string(ss.file.blob().article(ss.ws->results.hits[i].article).id));
    }
    json row = {{"id", id}, {"results", ids}};
    if (s != corpus::Status::ok) {
      row = {{"id", id}, {"error", query_error(s)}};
    } else if (ss.ws->query.truncated) {
      row["truncated"] = true;
    }
    const std::string corrected = s == corpus::Status::ok ? corrected_text(text, ss.ws->results) : "";
    if (!corrected.empty()) row["corrected_query"] = corrected;
    if (!ss.no_dates.empty()) row["warning"] = ss.no_dates;
    std::printf("%s\n", dump_line(row).c_str());
    return s == corpus::Status::ok ? kExitOk : kExitInput;
  });
}

// An ISO 639-1 option into its languages.h id (0 when not given); false, with a
// message, for an unknown code.
bool language_option(const char* name, const std::string& code, uint8_t* id) {
  *id = 0;
  if (code.empty()) return true;
  *id = corpus::text::language_from_code(code);
  if (*id != corpus::text::kUnknownLanguage) return true;
  std::fprintf(stderr, "corpusc: error: %s: unknown language code '%s' (ISO 639-1 such as de, fr, zh)\n", name,
               code.c_str());
  return false;
}

int run_query(const QueryArgs& a) {
  Session ss;
  if (!ss.file.open(a.path)) {
    std::fprintf(stderr, "corpusc: %s\n", ss.file.error().c_str());
    return kExitBadBlob;
  }
  corpus::Status s = cs::Index::open(ss.file.blob(), &ss.index);
  if (s == corpus::Status::ok) s = ss.reader.init(ss.file.blob(), ss.file.workspace(), ss.file.workspace_size());
  if (s == corpus::Status::stemmer_unavailable) {
    std::fprintf(stderr, "corpusc: %s: blob needs stemmer '%s'; this runtime was built without it\n", a.path.c_str(),
                 std::string(corpus::text::language_code(cs::Index::missing_language(ss.file.blob()))).c_str());
    return kExitBadBlob;
  }
  if (s != corpus::Status::ok) {
    std::fprintf(stderr, "corpusc: %s: %s\n", a.path.c_str(),
                 s == corpus::Status::not_found ? "the blob has no search index" : corpus::status_message(s));
    return kExitBadBlob;
  }
  ss.options.k = a.k;
  if (!language_option("--language", a.language, &ss.options.language) ||
      !language_option("--language-filter", a.language_filter, &ss.options.language_filter)) {
    return kExitUsage;
  }
  ss.options.parse.operators = !a.plain;
  ss.options.typos = !a.no_typos;
  ss.options.sort = a.sort == "newest" ? cs::SortOrder::newest_first
                  : a.sort == "oldest" ? cs::SortOrder::oldest_first : cs::SortOrder::relevance;
  if (!a.from.empty() || !a.to.empty()) {
    ss.options.date_filter = true;
    if ((!a.from.empty() && !parse_date(a.from, false, &ss.options.date_from)) ||
        (!a.to.empty() && !parse_date(a.to, true, &ss.options.date_to))) {
      std::fprintf(stderr, "corpusc: dates are YYYY-MM-DD\n");
      return kExitUsage;
    }
  }
  if ((!a.from.empty() || !a.to.empty() || a.sort != "relevance") && !blob_has_dates(ss.file.blob())) {
    ss.no_dates = "this blob has no dates: ";
    ss.no_dates += !a.from.empty() || !a.to.empty() ? "--from/--to match no article" : "results are in relevance order";
    std::fprintf(stderr, "corpusc: %s\n", ss.no_dates.c_str());
  }
  if (!a.volumes.empty()) {
    VolumeQuery vq{{a.path}, a.query, a.queries_file, ss.options, a.json, a.no_snippets};
    vq.paths.insert(vq.paths.end(), a.volumes.begin(), a.volumes.end());
    return run_volume_query(vq);
  }
  if (!a.queries_file.empty()) return run_batch(ss, a);
  return run_one(ss, a);
}

}  // namespace

namespace {

// A query starting with '-' ("-brown blair") reaches CLI11 as an unknown short
// option; the subcommand allows extras, and this takes such an argument back as the
// query. Anything else that is not an option stays an error, as CLI11 would say it.
void take_query_from_extras(const std::vector<std::string>& extras, bool have_query, std::string* query) {
  std::vector<std::string> items;
  for (const std::string& e : extras) {
    if (e != "--") items.push_back(e);
  }
  if (items.empty()) return;
  const std::string& first = items.front();
  if (items.size() > 1 || have_query || first.rfind("--", 0) == 0) throw CLI::ExtrasError(items);
  *query = first;
}

}  // namespace

void add_query_command(CLI::App& app, Runner& run) {
  auto args = std::make_shared<QueryArgs>();
  CLI::App* cmd = app.add_subcommand("query", "Search a blob's full-text index");
  cmd->footer("Query language: words (ranked, any term), \"exact phrase\", prefix*, +required,\n"
              "-excluded, title:word. Results are ranked by BM25F (title counts more) unless\n"
              "--sort newest|oldest. --queries runs a file of queries (one a line, or JSONL\n"
              "with _id and text) and prints one JSON line per query with the ranked ids.\n"
              "A query may start with '-' (corpusc query news.crp '-brown blair'); one that\n"
              "starts with -k or -h goes after --. A query of any length answers: past " +
              std::to_string(cs::kMaxQueryTerms) + " terms\nor " + std::to_string(cs::kMaxQueryBytes) +
              " bytes its most selective words (lowest document frequency) are kept\n"
              "and the output says \"truncated\". Exit 2 for a query that parses to nothing,\n"
              "6 when its operators alone exceed the limits (3 in batch mode, with an \"error\" line).");
  cmd->allow_extras();
  cmd->add_option("file", args->path, "Blob")->required();
  auto* q = cmd->add_option("query", args->query, "The query");
  auto* qf = cmd->add_option("--queries", args->queries_file, "File of queries (batch mode)");
  q->excludes(qf);
  cmd->add_option("-k", args->k, "Results per query")->check(CLI::Range(1u, cs::kMaxResults));
  cmd->add_flag("--json", args->json, "JSON output");
  add_volume_option(cmd, args->volumes);
  cmd->add_flag("--plain", args->plain, "Treat queries as plain text: no operators");
  cmd->add_flag("--no-snippets", args->no_snippets, "Do not print snippets");
  cmd->add_flag("--no-typos", args->no_typos,
                "Do not correct words that match nothing (by default a word of 4+ letters is\n"
                "searched as the indexed words 1 edit away, 8+ letters 2 edits)");
  cmd->add_option("--sort", args->sort, "relevance, newest or oldest")
      ->check(CLI::IsMember({"relevance", "newest", "oldest"}));
  cmd->add_option("--language", args->language,
                  "Stem the query in this language (ISO 639-1; default: every language the blob holds)");
  cmd->add_option("--language-filter", args->language_filter,
                  "Only articles in this language (ISO 639-1), like lang:CODE in the query");
  cmd->add_option("--from", args->from, "Only articles dated on or after YYYY-MM-DD");
  cmd->add_option("--to", args->to, "Only articles dated on or before YYYY-MM-DD");
  cmd->callback([args, &run, cmd, q, qf] {
    take_query_from_extras(cmd->remaining(), q->count() > 0, &args->query);
    const bool have_query = q->count() > 0 || !args->query.empty();
    if (!have_query && qf->count() == 0) throw CLI::RequiredError("query or --queries");
    if (have_query && qf->count() > 0) throw CLI::ExcludesError("query", "--queries");
    run = [args] { return run_query(*args); };
  });
}

}  // namespace corpusc
