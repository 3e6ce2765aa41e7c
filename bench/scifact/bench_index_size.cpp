// bench_index_size: what the search index costs, and what other codecs would cost.
//
// Compiles the input (default: the BBC corpus) with corpusc's own pipeline, then
// decodes the whole index back through the runtime (every term, posting and
// position: a full read-back check) and reports
//  * the blob size against the input, and the index sections' sizes;
//  * bytes per posting (doc id + frequency + title flags + skip data) and per position;
//  * the same streams under other codecs, computed on the decoded values:
//    varint (LEB128), binary packing per 128-block (width of the block's largest
//    value), Elias-gamma, Elias-Fano per block (doc ids), Rice with the best k per
//    block (what the index uses), Rice per posting with k from the document length
//    (positions), and the uniform-placement entropy bound log2 C(len, tf) (positions).
//
//   bench_index_size [INPUT...]
#include <chrono>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "build_pipeline.hpp"
#include "corpus/search/search.hpp"
#include "index/bit_writer.hpp"

namespace {

namespace cs = corpus::search;

uint64_t varint_bits(uint32_t v) {
  uint64_t n = 8;
  while (v >= 0x80) {
    v >>= 7;
    n += 8;
  }
  return n;
}
uint64_t gamma_bits(uint32_t v) { return 2 * corpusc::bit_width(uint64_t{v} + 1) - 1; }

// Costs of one stream under each codec, in bits; values come in blocks.
struct Costs {
  uint64_t varint = 0, packed = 0, gamma = 0, rice = 0, n = 0;
  void block(const std::vector<uint32_t>& v, unsigned max_k) {
    if (v.empty()) return;
    uint32_t mx = 0;
    for (uint32_t x : v) {
      varint += varint_bits(x);
      gamma += gamma_bits(x);
      mx = std::max(mx, x);
    }
    packed += 5 + uint64_t{corpusc::bit_width(mx)} * v.size();
    unsigned k = corpusc::BitWriter::best_rice_k(v, max_k);
    rice += 5;
    for (uint32_t x : v) rice += corpusc::BitWriter::rice_bits(x, k);
    n += v.size();
  }
  void print(const char* name) const {
    auto b = [&](uint64_t bits) { return n ? double(bits) / double(n) : 0.0; };
    std::printf("  %-22s %9llu values: varint %5.2f  packed %5.2f  gamma %5.2f  rice %5.2f bits/value\n", name,
                (unsigned long long)n, b(varint), b(packed), b(gamma), b(rice));
  }
};

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> inputs;
  for (int i = 1; i < argc; ++i) inputs.push_back(argv[i]);
  if (inputs.empty()) inputs.push_back(std::string(CORPUS_SHARED_DIR) + "/corpora/bbc-news");
  corpusc::BuildSettings settings;
  corpusc::Diagnostics diag;
  corpusc::BuildReport report;
  std::vector<uint8_t> bytes;
  try {
    bytes = corpusc::compile_corpus(inputs, settings, diag, report);
  } catch (const std::exception& e) {
    std::printf("SKIP: %s\n", e.what());
    return 0;
  }
  std::vector<uint64_t> aligned(bytes.size() / 8 + 1);
  std::memcpy(aligned.data(), bytes.data(), bytes.size());
  corpus::Blob blob;
  cs::Index index;
  if (corpus::Blob::open(aligned.data(), bytes.size(), &blob) != corpus::Status::ok ||
      cs::Index::open(blob, &index) != corpus::Status::ok) {
    std::fprintf(stderr, "blob or index does not open\n");
    return 1;
  }
  const auto& r = corpus::search::detail::table(index);
  const uint64_t index_bytes = r.norm_k()->size() * 4 + r.doc_norms()->size() + r.doc_title_tokens()->size() +
                               r.term_blocks()->size() * 4 + r.terms()->size() + r.postings()->size() +
                               r.positions()->size();
  std::printf("input %llu bytes, blob %zu bytes = %.3f x input; text frames %llu + dictionary %llu\n",
              (unsigned long long)report.input_bytes, bytes.size(), double(bytes.size()) / double(report.input_bytes),
              (unsigned long long)report.compressed_bytes, (unsigned long long)report.dictionary_bytes);
  std::printf("index %llu bytes = %.3f x input: terms %u (dictionary %u + top level %u), postings %u, positions "
              "%u, per-document tables %u\n",
              (unsigned long long)index_bytes, double(index_bytes) / double(report.input_bytes), index.term_count(),
              r.terms()->size(), r.term_blocks()->size() * 4, r.postings()->size(), r.positions()->size(),
              r.norm_k()->size() * 4 + r.doc_norms()->size() + r.doc_title_tokens()->size());

  // Decode everything back; gather the streams for the codec comparison.
  Costs gaps, tfs, pos, pos_len_rice;
  uint64_t alt_k2 = 0, alt_first = 0, tf1_positions = 0;
  uint64_t ef_bits = 0, bound_bits = 0, postings = 0, positions = 0, title_postings = 0;
  cs::TermIterator it(index);
  auto t0 = std::chrono::steady_clock::now();
  for (corpus::Status s = it.rewind(); !it.at_end(); s = it.next()) {
    if (s != corpus::Status::ok) {
      std::fprintf(stderr, "dictionary does not decode\n");
      return 1;
    }
    cs::PostingCursor c;
    c.open(index, it.entry());
    std::vector<uint32_t> g, f, p;
    uint32_t prev = 0, first_doc = 0;
    bool first = true;
    auto flush = [&](uint32_t last_doc) {
      gaps.block(g, 24);
      tfs.block(f, 15);
      pos.block(p, 24);
      if (!g.empty()) {
        double u = double(last_doc - first_doc + 1), n = double(g.size());
        ef_bits += uint64_t(n * (2.0 + std::max(0.0, std::ceil(std::log2(u / n)))));
      }
      g.clear();
      f.clear();
      p.clear();
    };
    uint32_t last_doc = 0;
    for (; c.doc() != cs::kEndDoc; c.next()) {
      if (g.size() == cs::kPostingsPerBlock) flush(last_doc);
      if (g.empty()) first_doc = c.doc();
      g.push_back(first ? c.doc() : c.doc() - prev - 1);
      f.push_back(c.tf() - 1);
      first = false;
      prev = last_doc = c.doc();
      ++postings;
      if (c.title_tf()) ++title_postings;
      // Positions: gaps, and the per-posting Rice alternative with k from the length.
      cs::PositionReader pr = c.positions();
      uint32_t q, last = 0, count = 0;
      const uint32_t len = cs::norm_to_length(r.doc_norms()->Get(c.doc())) + index.title_tokens(c.doc()) + 1;
      unsigned k = corpusc::bit_width(std::max<uint32_t>(1, len / (c.tf() + 1))) - 1;
      unsigned k2 = corpusc::bit_width(std::max<uint32_t>(1, len / c.tf())) - 1;
      unsigned kf = corpusc::bit_width(std::max<uint32_t>(1, len)) - 1;
      std::vector<uint32_t> one;
      while (pr.next(&q)) {
        uint32_t v = count == 0 ? q : q - last - 1;
        p.push_back(v);
        one.push_back(v);
        last = q;
        ++count;
      }
      for (uint32_t v : one) pos_len_rice.rice += corpusc::BitWriter::rice_bits(v, k);
      for (uint32_t v : one) alt_k2 += corpusc::BitWriter::rice_bits(v, k2);
      for (size_t i = 0; i < one.size(); ++i) alt_first += corpusc::BitWriter::rice_bits(one[i], i == 0 ? kf - (kf > 0) : k);
      if (count == 1) tf1_positions++;
      pos_len_rice.n += one.size();
      positions += count;
      double L = std::max<double>(len, count);
      bound_bits += uint64_t((std::lgamma(L + 1) - std::lgamma(count + 1.0) - std::lgamma(L - count + 1)) / std::log(2.0));
      if (count != c.tf()) {
        std::fprintf(stderr, "positions do not decode\n");
        return 1;
      }
    }
    flush(last_doc);
    if (c.bad()) {
      std::fprintf(stderr, "postings do not decode\n");
      return 1;
    }
  }
  auto t1 = std::chrono::steady_clock::now();
  const double np = double(postings), nq = double(positions);
  std::printf("decoded %llu postings (%llu with title occurrences), %llu positions in %.0f ms\n",
              (unsigned long long)postings, (unsigned long long)title_postings, (unsigned long long)positions,
              std::chrono::duration<double, std::milli>(t1 - t0).count());
  std::printf("bytes per posting %.3f (postings section / postings), per position %.3f (positions section / "
              "positions); dictionary %.2f bytes per term\n",
              double(r.postings()->size()) / np, double(r.positions()->size()) / nq,
              double(r.terms()->size() + 4 * r.term_blocks()->size()) / index.term_count());
  std::printf("codec comparison (bits per value, block = %u postings):\n", cs::kPostingsPerBlock);
  gaps.print("doc gaps");
  std::printf("  %-22s elias-fano %5.2f bits/doc\n", "doc ids", double(ef_bits) / np);
  tfs.print("tf - 1");
  pos.print("position gaps");
  std::printf("  %-22s rice, k from doc length per posting %5.2f; uniform bound log2 C(len,tf) %5.2f bits/position\n",
              "positions", double(pos_len_rice.rice) / nq, double(bound_bits) / nq);
  std::printf("  variants: k=log2(len/tf) %5.2f; first position k=log2(len)-1 %5.2f; positions in tf=1 postings %.1f%%\n",
              double(alt_k2) / nq, double(alt_first) / nq, 100.0 * double(tf1_positions) / nq);
  return 0;
}
