#include "write/blob_writer.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>

#include <xxhash.h>

#include "corpus/checksum.hpp"
#include "corpus/format.hpp"
#include "corpus/section_checksums.hpp"
#include "index/plan_indexer.hpp"

namespace corpusc {

namespace fb = corpus::fb;

namespace {

// Interns strings into one pool so repeated titles or tags are stored once.
class StringPool {
 public:
  fb::Range add(const std::string& s) {
    if (s.empty()) return fb::Range(0, 0);
    auto it = seen_.find(s);
    if (it != seen_.end()) return it->second;
    if (bytes_.size() + s.size() > corpus::kMaxBlobBytes) throw std::runtime_error("string pool exceeds 2 GiB");
    fb::Range r(static_cast<uint32_t>(bytes_.size()), static_cast<uint32_t>(s.size()));
    bytes_.insert(bytes_.end(), s.begin(), s.end());
    seen_.emplace(s, r);
    return r;
  }
  const std::vector<uint8_t>& bytes() const { return bytes_; }

 private:
  std::vector<uint8_t> bytes_;
  std::map<std::string, fb::Range> seen_;
};

uint32_t bit(fb::ArticleFlags f) { return static_cast<uint32_t>(f); }

std::string join_tags(const std::vector<std::string>& tags) {
  std::string s;
  for (const auto& t : tags) {
    if (!s.empty()) s += '\n';
    s += t;
  }
  return s;
}

// Writes every section checksum of the finished, unsealed blob in place, from
// corpus::kSectionChecksums (field i of the struct is its entry i).
void fill_checksums(std::vector<uint8_t>& blob) {
  if (!corpus::section_checksums_aligned()) {
    throw std::logic_error("kSectionChecksums does not follow SectionChecksums' field order");
  }
  const fb::Corpus* c = fb::GetCorpus(blob.data());
  const size_t at = static_cast<size_t>(reinterpret_cast<const uint8_t*>(c->checksums()) - blob.data());
  for (size_t i = 0; i < corpus::kSectionCount; ++i) {
    flatbuffers::WriteScalar<uint64_t>(blob.data() + at + 8 * i, corpus::kSectionChecksums[i].compute(*c));
  }
}

// Article indexes in id order, or nothing when the articles already are in id order
// (every build without --base): then the vector is written empty, so that the root
// table has the same size either way (see the frame_data comment in create_sections).
std::vector<uint32_t> id_order_of(const CorpusPlan& plan) {
  const auto& a = plan.articles;
  bool sorted = true;
  for (size_t i = 1; i < a.size() && sorted; ++i) sorted = a[i - 1].input.id < a[i].input.id;
  if (sorted) return {};
  std::vector<uint32_t> order(a.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](uint32_t x, uint32_t y) { return a[x].input.id < a[y].input.id; });
  return order;
}

}  // namespace

uint64_t build_fingerprint(const CorpusPlan& plan, const BuildSettings& s) {
  XXH64_state_t* st = XXH64_createState();
  XXH64_reset(st, 0);
  std::string knobs = s.profile + '|' + std::to_string(s.block_size) + '|' + std::to_string(s.level) + '|' +
                      std::to_string(s.dict_size) + '|' + std::to_string(s.stem_english) + '|' +
                      std::to_string(s.drop_stopwords) + '|' + CORPUS_VERSION;
  XXH64_update(st, knobs.data(), knobs.size() + 1);
  for (const auto& a : plan.articles) {
    XXH64_update(st, a.input.id.data(), a.input.id.size() + 1);
    XXH64_update(st, a.input.original.data(), a.input.original.size());
  }
  uint64_t h = XXH64_digest(st);
  XXH64_freeState(st);
  return h;
}

// Per article: its languages.h id; empty when no article has a language.
static std::vector<uint8_t> article_languages(const CorpusPlan& plan) {
  std::vector<uint8_t> out;
  bool any = false;
  for (const PlannedArticle& a : plan.articles) {
    out.push_back(a.language);
    any = any || a.language != 0;
  }
  if (!any) out.clear();
  return out;
}

namespace {

// The article table and what hangs off it: extras, dates, variants, tombstones, all
// strings interned in one pool (in this order, which fixes the pool's bytes).
struct ArticleTables {
  StringPool pool;
  std::vector<fb::Article> articles;
  std::vector<fb::ArticleExtra> extras;
  std::vector<int64_t> dates;  // empty when no article has a date
  std::vector<uint32_t> variant_list;
  std::vector<fb::Range> tombstones;
};

ArticleTables article_tables(const CorpusPlan& plan, const VolumeFields* volume) {
  ArticleTables t;
  bool any_date = false;
  t.articles.reserve(plan.articles.size());
  for (const auto& a : plan.articles) {
    uint32_t index = static_cast<uint32_t>(t.articles.size());
    uint32_t flags = a.flags | (a.input.date ? bit(fb::ArticleFlags::HasDate) : 0u) |
                     (a.repaired ? bit(fb::ArticleFlags::Utf8Repaired) : 0u);
    if (!a.input.url.empty() || !a.input.publisher.empty() || !a.input.tags.empty() || !a.variants.empty()) {
      flags |= bit(fb::ArticleFlags::HasExtra);
      fb::Range variants(static_cast<uint32_t>(t.variant_list.size()), static_cast<uint32_t>(a.variants.size()));
      t.variant_list.insert(t.variant_list.end(), a.variants.begin(), a.variants.end());
      t.extras.emplace_back(index, t.pool.add(a.input.url), t.pool.add(a.input.publisher),
                            t.pool.add(join_tags(a.input.tags)), variants);
    }
    any_date = any_date || a.input.date.has_value();
    t.dates.push_back(a.input.date.value_or(0));
    t.articles.emplace_back(t.pool.add(a.input.id), t.pool.add(a.input.title), a.text, a.original, a.canonical,
                            flags);
  }
  if (!any_date) t.dates.clear();
  if (volume) {
    for (const std::string& id : volume->tombstones) t.tombstones.push_back(t.pool.add(id));
  }
  return t;
}

// Boilerplate ranges of every text and where each text's start (both empty if none).
struct ChromeTables {
  std::vector<fb::Range> ranges;
  std::vector<uint32_t> start;
};

ChromeTables chrome_tables(const CorpusPlan& plan) {
  ChromeTables t;
  for (const auto& text : plan.texts) {
    t.start.push_back(static_cast<uint32_t>(t.ranges.size()));
    for (const auto& r : text.chrome) t.ranges.emplace_back(r.begin, r.end - r.begin);
  }
  t.start.push_back(static_cast<uint32_t>(t.ranges.size()));
  if (t.ranges.empty()) t.start.clear();
  return t;
}

// The frame table and the compressed frames' bytes, end to end.
struct FrameTables {
  std::vector<fb::Frame> frames;
  std::vector<uint8_t> data;
  uint32_t max_raw = 0;
};

FrameTables frame_tables(const BlobInputs& in) {
  FrameTables t;
  uint64_t raw_offset = 0;
  for (size_t i = 0; i < in.compressed->size(); ++i) {
    const std::string& c = (*in.compressed)[i];
    uint32_t raw = in.stream->frame_sizes[i];
    t.frames.emplace_back(t.data.size(), raw_offset, static_cast<uint32_t>(c.size()), raw);
    t.data.insert(t.data.end(), c.begin(), c.end());
    raw_offset += raw;
    t.max_raw = std::max(t.max_raw, raw);
    if (t.data.size() > corpus::kMaxBlobBytes) {
      throw std::runtime_error("compressed text exceeds the 2 GiB blob limit (FlatBuffers offsets are 32-bit)");
    }
  }
  return t;
}

flatbuffers::Offset<fb::BuildInfo> build_info(flatbuffers::FlatBufferBuilder& fbb, const BlobInputs& in) {
  const BuildSettings& s = *in.settings;
  const CorpusPlan& plan = *in.plan;
  return fb::CreateBuildInfo(
      fbb, fbb.CreateString(std::string("corpusc ") + CORPUS_VERSION), in.fingerprint, s.level, s.block_size,
      s.dict_size, fbb.CreateString(s.profile), in.input_files, static_cast<uint32_t>(plan.articles.size()),
      in.input_bytes, plan.counts.exact_duplicates, plan.counts.normalized_duplicates, plan.counts.near_duplicates,
      plan.counts.repaired_utf8, plan.counts.shared_blocks, plan.counts.shared_block_repeats,
      plan.counts.shared_block_bytes);
}

// Every section of the root table, created (the order fixes the bytes) before it.
struct RootSections {
  flatbuffers::Offset<flatbuffers::Vector<const fb::Frame*>> frames;
  flatbuffers::Offset<flatbuffers::Vector<uint64_t>> text_offsets;
  flatbuffers::Offset<flatbuffers::Vector<const fb::Article*>> articles;
  flatbuffers::Offset<flatbuffers::Vector<const fb::ArticleExtra*>> extras;
  flatbuffers::Offset<flatbuffers::Vector<int64_t>> dates;
  flatbuffers::Offset<flatbuffers::Vector<uint32_t>> variants, chrome_start, id_order;
  flatbuffers::Offset<flatbuffers::Vector<const fb::Range*>> chrome;
  flatbuffers::Offset<flatbuffers::Vector<uint8_t>> strings, languages, frame_data, dictionary;
  flatbuffers::Offset<fb::SearchIndex> index;
  flatbuffers::Offset<fb::VolumeInfo> volume;
  flatbuffers::Offset<fb::BuildInfo> build;
  uint32_t max_raw = 0;
};

RootSections create_sections(flatbuffers::FlatBufferBuilder& fbb, const BlobInputs& in, const ArticleTables& a,
                             const ChromeTables& ch, const FrameTables& f) {
  RootSections r;
  std::vector<uint64_t> text_offsets(in.stream->text_offsets);
  text_offsets.push_back(in.stream->size);
  r.frames = fbb.CreateVectorOfStructs(f.frames);
  r.text_offsets = fbb.CreateVector(text_offsets);
  r.articles = fbb.CreateVectorOfStructs(a.articles);
  if (!a.extras.empty()) r.extras = fbb.CreateVectorOfStructs(a.extras);
  if (!a.dates.empty()) r.dates = fbb.CreateVector(a.dates);
  r.variants = fbb.CreateVector(a.variant_list);
  if (!ch.ranges.empty()) r.chrome = fbb.CreateVectorOfStructs(ch.ranges);
  if (!ch.ranges.empty()) r.chrome_start = fbb.CreateVector(ch.start);
  r.strings = fbb.CreateVector(a.pool.bytes());
  const std::vector<uint8_t> languages = article_languages(*in.plan);
  if (!languages.empty()) r.languages = fbb.CreateVector(languages);
  r.id_order = fbb.CreateVector(id_order_of(*in.plan));
  r.index = write_search_index(fbb, *in.index);
  if (in.volume) {
    const VolumeFields& v = *in.volume;
    r.volume = fb::CreateVolumeInfo(fbb, v.extends_seal, v.base_seal, v.dictionary_fingerprint, v.depth,
                                    fbb.CreateVectorOfStructs(a.tombstones));
  }
  r.build = build_info(fbb, in);
  // Created last, so (FlatBuffers builds back to front) they come first in the file,
  // right after the fixed-size root table: the dictionary, then the frames. An
  // edition that keeps its base's dictionary and first frames (--base) then keeps
  // those bytes at the same offsets, and block-based updaters skip their blocks.
  // Each ends 8-aligned from the buffer's end, so the root table's alignment padding,
  // and with it both offsets, do not depend on the sizes of the sections before.
  const std::string& dict = *in.dictionary;
  fbb.PreAlign(f.data.size() + sizeof(flatbuffers::uoffset_t), 8);
  r.frame_data = fbb.CreateVector(f.data);
  fbb.PreAlign(dict.size() + sizeof(flatbuffers::uoffset_t), 8);
  r.dictionary = fbb.CreateVector(reinterpret_cast<const uint8_t*>(dict.data()), in.volume ? 0 : dict.size());
  r.max_raw = f.max_raw;
  return r;
}

void finish_root(flatbuffers::FlatBufferBuilder& fbb, const RootSections& r) {
  const fb::SectionChecksums sums;  // filled in the finished buffer (fill_checksums)
  fb::Seal seal(0);
  fb::CorpusBuilder root(fbb);
  root.add_format_major(corpus::kFormatMajor);
  root.add_format_minor(corpus::kFormatMinor);
  root.add_seal(&seal);
  root.add_checksums(&sums);
  root.add_build(r.build);
  root.add_max_frame_raw(r.max_raw);
  root.add_strings(r.strings);
  root.add_articles(r.articles);
  root.add_text_offsets(r.text_offsets);
  if (!r.extras.IsNull()) root.add_extras(r.extras);
  if (!r.dates.IsNull()) root.add_dates(r.dates);
  root.add_variant_list(r.variants);
  if (!r.chrome.IsNull()) {
    root.add_chrome(r.chrome);
    root.add_chrome_start(r.chrome_start);
  }
  root.add_frames(r.frames);
  root.add_dictionary(r.dictionary);
  root.add_frame_data(r.frame_data);
  root.add_index(r.index);
  if (!r.languages.IsNull()) root.add_article_languages(r.languages);
  root.add_id_order(r.id_order);
  if (!r.volume.IsNull()) root.add_volume(r.volume);
  fbb.Finish(root.Finish(), fb::CorpusIdentifier());
}

// Section checksums, then the seal over everything but its own 8 bytes.
void seal_blob(std::vector<uint8_t>& out) {
  fill_checksums(out);
  const fb::Corpus* c = fb::GetCorpus(out.data());
  size_t hole = static_cast<size_t>(reinterpret_cast<const uint8_t*>(c->seal()) - out.data());
  uint64_t h = corpus::seal_hash(out.data(), out.size(), hole);
  flatbuffers::WriteScalar<uint64_t>(out.data() + hole, h);
}

}  // namespace

std::vector<uint8_t> write_blob(const BlobInputs& in) {
  const CorpusPlan& plan = *in.plan;
  if (plan.articles.size() > corpus::kMaxArticles) {
    throw std::runtime_error("too many articles: " + std::to_string(plan.articles.size()) + " (limit " +
                             std::to_string(corpus::kMaxArticles) + ")");
  }
  const ArticleTables articles = article_tables(plan, in.volume);
  const ChromeTables chrome = chrome_tables(plan);
  const FrameTables frames = frame_tables(in);
  flatbuffers::FlatBufferBuilder fbb(frames.data.size() + articles.pool.bytes().size() + (1u << 20));
  finish_root(fbb, create_sections(fbb, in, articles, chrome, frames));
  if (fbb.GetSize() > corpus::kMaxBlobBytes) throw std::runtime_error("blob exceeds the 2 GiB FlatBuffers limit");
  std::vector<uint8_t> out(fbb.GetBufferPointer(), fbb.GetBufferPointer() + fbb.GetSize());
  seal_blob(out);
  return out;
}

}  // namespace corpusc
