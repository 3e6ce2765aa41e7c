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
// table has the same size either way (see the frame_data comment in write_blob).
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

std::vector<uint8_t> write_blob(const BlobInputs& in) {
  const CorpusPlan& plan = *in.plan;
  if (plan.articles.size() > corpus::kMaxArticles) {
    throw std::runtime_error("too many articles: " + std::to_string(plan.articles.size()) + " (limit " +
                             std::to_string(corpus::kMaxArticles) + ")");
  }
  StringPool pool;
  std::vector<fb::Article> articles;
  std::vector<fb::ArticleExtra> extras;
  std::vector<int64_t> dates;
  std::vector<uint32_t> variant_list;
  bool any_date = false;
  articles.reserve(plan.articles.size());
  for (const auto& a : plan.articles) {
    uint32_t index = static_cast<uint32_t>(articles.size());
    uint32_t flags = a.flags | (a.input.date ? bit(fb::ArticleFlags::HasDate) : 0u) |
                     (a.repaired ? bit(fb::ArticleFlags::Utf8Repaired) : 0u);
    if (!a.input.url.empty() || !a.input.publisher.empty() || !a.input.tags.empty() || !a.variants.empty()) {
      flags |= bit(fb::ArticleFlags::HasExtra);
      fb::Range variants(static_cast<uint32_t>(variant_list.size()), static_cast<uint32_t>(a.variants.size()));
      variant_list.insert(variant_list.end(), a.variants.begin(), a.variants.end());
      extras.emplace_back(index, pool.add(a.input.url), pool.add(a.input.publisher),
                          pool.add(join_tags(a.input.tags)), variants);
    }
    any_date = any_date || a.input.date.has_value();
    dates.push_back(a.input.date.value_or(0));
    articles.emplace_back(pool.add(a.input.id), pool.add(a.input.title), a.text, a.original, a.canonical, flags);
  }
  if (!any_date) dates.clear();
  std::vector<fb::Range> tombstones;
  if (in.volume) {
    for (const std::string& id : in.volume->tombstones) tombstones.push_back(pool.add(id));
  }
  std::vector<fb::Range> chrome;
  std::vector<uint32_t> chrome_start;
  for (const auto& t : plan.texts) {
    chrome_start.push_back(static_cast<uint32_t>(chrome.size()));
    for (const auto& r : t.chrome) chrome.emplace_back(r.begin, r.end - r.begin);
  }
  chrome_start.push_back(static_cast<uint32_t>(chrome.size()));
  if (chrome.empty()) chrome_start.clear();
  std::vector<uint64_t> text_offsets(in.stream->text_offsets);
  text_offsets.push_back(in.stream->size);
  std::vector<fb::Frame> frames;
  std::vector<uint8_t> frame_data;
  uint64_t raw_offset = 0;
  uint32_t max_raw = 0;
  for (size_t i = 0; i < in.compressed->size(); ++i) {
    const std::string& c = (*in.compressed)[i];
    uint32_t raw = in.stream->frame_sizes[i];
    frames.emplace_back(frame_data.size(), raw_offset, static_cast<uint32_t>(c.size()), raw);
    frame_data.insert(frame_data.end(), c.begin(), c.end());
    raw_offset += raw;
    max_raw = std::max(max_raw, raw);
    if (frame_data.size() > corpus::kMaxBlobBytes) {
      throw std::runtime_error("compressed text exceeds the 2 GiB blob limit (FlatBuffers offsets are 32-bit)");
    }
  }
  const std::string& dict = *in.dictionary;

  flatbuffers::FlatBufferBuilder fbb(frame_data.size() + pool.bytes().size() + (1u << 20));
  auto v_frames = fbb.CreateVectorOfStructs(frames);
  auto v_text_offsets = fbb.CreateVector(text_offsets);
  auto v_articles = fbb.CreateVectorOfStructs(articles);
  auto v_extras = extras.empty() ? 0 : fbb.CreateVectorOfStructs(extras);
  auto v_dates = dates.empty() ? 0 : fbb.CreateVector(dates);
  auto v_variants = fbb.CreateVector(variant_list);
  auto v_chrome = chrome.empty() ? 0 : fbb.CreateVectorOfStructs(chrome);
  auto v_chrome_start = chrome.empty() ? 0 : fbb.CreateVector(chrome_start);
  auto v_strings = fbb.CreateVector(pool.bytes());
  const std::vector<uint8_t> languages = article_languages(plan);
  auto v_languages = languages.empty() ? 0 : fbb.CreateVector(languages);
  const std::vector<uint32_t> id_order = id_order_of(plan);
  auto v_id_order = fbb.CreateVector(id_order);
  const auto index = write_search_index(fbb, *in.index);
  const BuildSettings& s = *in.settings;
  flatbuffers::Offset<fb::VolumeInfo> volume;
  if (in.volume) {
    const VolumeFields& v = *in.volume;
    volume = fb::CreateVolumeInfo(fbb, v.extends_seal, v.base_seal, v.dictionary_fingerprint, v.depth,
                                  fbb.CreateVectorOfStructs(tombstones));
  }
  auto build = fb::CreateBuildInfo(
      fbb, fbb.CreateString(std::string("corpusc ") + CORPUS_VERSION), in.fingerprint, s.level, s.block_size,
      s.dict_size, fbb.CreateString(s.profile), in.input_files, static_cast<uint32_t>(plan.articles.size()),
      in.input_bytes,
      plan.counts.exact_duplicates, plan.counts.normalized_duplicates, plan.counts.near_duplicates,
      plan.counts.repaired_utf8, plan.counts.shared_blocks, plan.counts.shared_block_repeats,
      plan.counts.shared_block_bytes);
  // Created last, so (FlatBuffers builds back to front) they come first in the file,
  // right after the fixed-size root table: the dictionary, then the frames. An
  // edition that keeps its base's dictionary and first frames (--base) then keeps
  // those bytes at the same offsets, and block-based updaters skip their blocks.
  // Each ends 8-aligned from the buffer's end, so the root table's alignment padding,
  // and with it both offsets, do not depend on the sizes of the sections before.
  fbb.PreAlign(frame_data.size() + sizeof(flatbuffers::uoffset_t), 8);
  auto v_frame_data = fbb.CreateVector(frame_data);
  fbb.PreAlign(dict.size() + sizeof(flatbuffers::uoffset_t), 8);
  auto v_dict = fbb.CreateVector(reinterpret_cast<const uint8_t*>(dict.data()), in.volume ? 0 : dict.size());
  const fb::SectionChecksums sums;  // filled in the finished buffer (fill_checksums)
  fb::Seal seal(0);
  fb::CorpusBuilder root(fbb);
  root.add_format_major(corpus::kFormatMajor);
  root.add_format_minor(corpus::kFormatMinor);
  root.add_seal(&seal);
  root.add_checksums(&sums);
  root.add_build(build);
  root.add_max_frame_raw(max_raw);
  root.add_strings(v_strings);
  root.add_articles(v_articles);
  root.add_text_offsets(v_text_offsets);
  if (!extras.empty()) root.add_extras(v_extras);
  if (!dates.empty()) root.add_dates(v_dates);
  root.add_variant_list(v_variants);
  if (!chrome.empty()) {
    root.add_chrome(v_chrome);
    root.add_chrome_start(v_chrome_start);
  }
  root.add_frames(v_frames);
  root.add_dictionary(v_dict);
  root.add_frame_data(v_frame_data);
  root.add_index(index);
  if (!languages.empty()) root.add_article_languages(v_languages);
  root.add_id_order(v_id_order);
  if (in.volume) root.add_volume(volume);
  fbb.Finish(root.Finish(), fb::CorpusIdentifier());

  if (fbb.GetSize() > corpus::kMaxBlobBytes) throw std::runtime_error("blob exceeds the 2 GiB FlatBuffers limit");
  std::vector<uint8_t> out(fbb.GetBufferPointer(), fbb.GetBufferPointer() + fbb.GetSize());
  fill_checksums(out);
  const fb::Corpus* c = fb::GetCorpus(out.data());
  size_t hole = static_cast<size_t>(reinterpret_cast<const uint8_t*>(c->seal()) - out.data());
  uint64_t h = corpus::seal_hash(out.data(), out.size(), hole);
  flatbuffers::WriteScalar<uint64_t>(out.data() + hole, h);
  return out;
}

}  // namespace corpusc
