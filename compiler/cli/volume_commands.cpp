#include "cli/volume_commands.hpp"

#include <algorithm>
#include <cstdio>
#include <memory>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include "cli/exit_codes.hpp"
#include "cli/query_batch.hpp"
#include "corpus/search/collection_search.hpp"
#include "corpus/search/snippet.hpp"
#include "corpus/verify.hpp"
#include "corpus/volume.hpp"
#include "volume/blob_chain.hpp"

namespace corpusc {

namespace {

namespace cs = corpus::search;
using json = nlohmann::json;

bool open_chain(BlobChain& chain, const std::vector<std::string>& paths) {
  if (chain.open(paths)) return true;
  std::fprintf(stderr, "corpusc: %s\n", chain.error().c_str());
  return false;
}

std::string dump_line(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

struct QuerySession {
  BlobChain chain;
  std::unique_ptr<cs::SearchWorkspace> ws = std::make_unique<cs::SearchWorkspace>();
  std::unique_ptr<cs::CollectionResults> results = std::make_unique<cs::CollectionResults>();
  cs::SnippetScratch scratch;
};

// ws->query holds the last part's parse, which marks any part's words: every part is
// tokenized as the base.
std::string hit_snippet(QuerySession& ss, const cs::CollectionHit& h, bool color) {
  corpus::Reader reader;
  if (ss.chain.collection().init_reader(h.ref.part, &reader, ss.chain.workspace(), ss.chain.workspace_size()) !=
      corpus::Status::ok) {
    return "";
  }
  char snip[1024];
  // The last part's corrections: each part corrects against its own dictionary.
  cs::SnippetRequest req{&ss.ws->query, h.ref.index, {}, &ss.ws->results.corrections};
  if (color) req.options.open = "\x1b[1m", req.options.close = "\x1b[0m";
  cs::SnippetOutput so{snip, sizeof snip, 0};
  if (cs::snippet(*ss.chain.collection().index(h.ref.part), reader, req, &ss.scratch, &so) != corpus::Status::ok) {
    return "";
  }
  return std::string(snip, so.written);
}

int print_results(QuerySession& ss, const VolumeQuery& q) {
  const cs::CollectionResults& r = *ss.results;
  json out = json::array();
  const bool color = !q.json && isatty(fileno(stdout));
  for (uint32_t i = 0; i < r.count; ++i) {
    const cs::CollectionHit& h = r.hits[i];
    const corpus::ArticleInfo info = ss.chain.part(h.ref.part).article(h.ref.index);
    const std::string snip = q.no_snippets ? "" : hit_snippet(ss, h, color);
    if (q.json) {
      json hit = {{"rank", i + 1}, {"id", std::string(info.id)}, {"title", std::string(info.title)},
                  {"score", h.score}, {"part", h.ref.part}};
      if (!q.no_snippets) hit["snippet"] = snip;
      out.push_back(hit);
    } else {
      std::printf("%2u. %.*s  (score %u, %s)\n    %.*s\n", i + 1, int(info.id.size()), info.id.data(), h.score,
                  ss.chain.path(h.ref.part).c_str(), int(info.title.size()), info.title.data());
      if (!snip.empty()) std::printf("    %s\n", snip.c_str());
    }
  }
  if (q.json) {
    std::printf("%s\n", dump_line({{"query", q.query}, {"matched", r.matched}, {"results", out}}).c_str());
  } else if (r.count == 0) {
    std::printf("no results\n");
  }
  return kExitOk;
}

int run_batch(QuerySession& ss, const VolumeQuery& q) {
  return for_each_batch_query(q.queries_file, [&ss, &q](const std::string& id, const std::string& text) {
    corpus::Status s = cs::search(ss.chain.collection(), text, q.options, ss.ws.get(), ss.results.get());
    json ids = json::array();
    for (uint32_t i = 0; s == corpus::Status::ok && i < ss.results->count; ++i) {
      const cs::CollectionHit& h = ss.results->hits[i];
      ids.push_back(std::string(corpus::volume::article_id(ss.chain.part(h.ref.part), h.ref.index)));
    }
    json row = {{"id", id}, {"results", ids}};
    if (s != corpus::Status::ok) row = {{"id", id}, {"error", corpus::status_message(s)}};
    std::printf("%s\n", dump_line(row).c_str());
    return s == corpus::Status::ok ? kExitOk : kExitInput;
  });
}

}  // namespace

int run_volume_query(const VolumeQuery& q) {
  QuerySession ss;
  if (!open_chain(ss.chain, q.paths)) return kExitBadBlob;
  if (!ss.chain.collection().has_index()) {
    std::fprintf(stderr, "corpusc: %s: the blob has no search index\n", q.paths[0].c_str());
    return kExitBadBlob;
  }
  if (!q.queries_file.empty()) return run_batch(ss, q);
  corpus::Status s = cs::search(ss.chain.collection(), q.query, q.options, ss.ws.get(), ss.results.get());
  if (s != corpus::Status::ok) {
    std::fprintf(stderr, "corpusc: query: %s\n", corpus::status_message(s));
    return s == corpus::Status::bad_query ? kExitUsage : s == corpus::Status::limit_exceeded ? kExitLimit : kExitBadBlob;
  }
  return print_results(ss, q);
}

int run_volume_complete(const std::vector<std::string>& paths, const std::string& head, const std::string& word,
                        uint32_t n, bool as_json) {
  BlobChain chain;
  if (!open_chain(chain, paths)) return kExitBadBlob;
  if (!chain.collection().has_index()) {
    std::fprintf(stderr, "corpusc: %s: the blob has no search index\n", paths[0].c_str());
    return kExitBadBlob;
  }
  std::vector<cs::Completion> out(n), scratch(n);
  uint32_t count = 0;
  corpus::Status s = cs::complete(chain.collection(), word, out.data(), n, &count, scratch.data());
  if (s != corpus::Status::ok) {
    std::fprintf(stderr, "corpusc: complete: %s\n", corpus::status_message(s));
    return s == corpus::Status::bad_query ? kExitUsage : s == corpus::Status::limit_exceeded ? kExitLimit : kExitBadBlob;
  }
  json j = json::array();
  for (uint32_t i = 0; i < count; ++i) {
    const std::string text = head + std::string(out[i].view());
    if (as_json) j.push_back({{"text", text}, {"df", out[i].df}});
    else std::printf("%s\t%u\n", text.c_str(), out[i].df);
  }
  if (as_json) std::printf("%s\n", dump_line(j).c_str());
  return kExitOk;
}

namespace {

json describe_part(const BlobChain& chain, uint32_t i) {
  const corpus::Blob& b = chain.part(i);
  const corpus::fb::VolumeInfo* v = corpus::volume::info(b);
  uint32_t live = 0;
  for (uint32_t a = 0; a < b.article_count(); ++a) live += chain.collection().hidden(i, a) ? 0 : 1;
  char seal[24];
  std::snprintf(seal, sizeof seal, "%016llx", static_cast<unsigned long long>(b.seal()));
  return {{"path", chain.path(i)}, {"role", v ? "volume" : "base"}, {"depth", v ? v->depth() : 0},
          {"bytes", b.size()}, {"articles", b.article_count()}, {"live_articles", live},
          {"removes", corpus::volume::tombstone_count(b)}, {"seal", seal}};
}

}  // namespace

int run_volume_inspect(const std::vector<std::string>& paths, bool as_json, bool ids) {
  BlobChain chain;
  if (!open_chain(chain, paths)) return kExitBadBlob;
  const corpus::Collection& c = chain.collection();
  if (ids) {
    std::vector<std::string> live;
    for (uint32_t p = 0; p < c.part_count(); ++p) {
      for (uint32_t a = 0; a < c.part(p).article_count(); ++a) {
        if (!c.hidden(p, a)) live.emplace_back(corpus::volume::article_id(c.part(p), a));
      }
    }
    std::sort(live.begin(), live.end());
    for (const std::string& id : live) std::printf("%s\n", id.c_str());
    return kExitOk;
  }
  json j = {{"parts", json::array()}, {"live_articles", c.live_article_count()},
            {"indexed_documents", c.has_index() ? c.stats().doc_count : 0}};
  for (uint32_t i = 0; i < c.part_count(); ++i) j["parts"].push_back(describe_part(chain, i));
  if (as_json) {
    std::printf("%s\n", j.dump(2).c_str());
    return kExitOk;
  }
  std::printf("%u live articles in %u blobs (%u indexed documents)\n", j["live_articles"].get<uint32_t>(),
              c.part_count(), j["indexed_documents"].get<uint32_t>());
  for (const json& p : j["parts"]) {
    std::printf("  %-6s %u  %s: %llu bytes, %u articles (%u live), removes %u, seal %s\n",
                p["role"].get<std::string>().c_str(), p["depth"].get<uint32_t>(), p["path"].get<std::string>().c_str(),
                p["bytes"].get<unsigned long long>(), p["articles"].get<uint32_t>(), p["live_articles"].get<uint32_t>(),
                p["removes"].get<uint32_t>(), p["seal"].get<std::string>().c_str());
  }
  return kExitOk;
}

int run_volume_verify(const std::vector<std::string>& paths, bool quiet) {
  BlobChain chain;
  if (!open_chain(chain, paths)) return kExitBadBlob;
  for (uint32_t i = 0; i < chain.part_count(); ++i) {
    const corpus::Blob& b = chain.part(i);
    corpus::VerifyReport rep =
        corpus::verify(b.data(), b.size(), chain.workspace(), chain.workspace_size(), i > 0 ? &chain.part(0) : nullptr);
    if (rep.status != corpus::Status::ok) {
      std::fprintf(stderr, "corpusc: %s: %s (in %s", paths[i].c_str(), corpus::status_message(rep.status), rep.section);
      if (rep.item != corpus::kNone) std::fprintf(stderr, ", item %u", rep.item);
      std::fprintf(stderr, ")\n");
      return kExitBadBlob;
    }
    if (!quiet) {
      std::printf("%s: ok (%u articles, %u frames, %zu bytes%s)\n", paths[i].c_str(), b.article_count(),
                  b.frame_count(), b.size(), i > 0 ? ", extends the blob before it" : "");
    }
  }
  return kExitOk;
}

}  // namespace corpusc
