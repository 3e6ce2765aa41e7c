#include "clean/shared_blocks.hpp"

#include <string_view>
#include <unordered_map>

#include <xxhash.h>

namespace corpusc {

namespace {

bool is_blank(std::string_view line) {
  for (char c : line) {
    if (c != ' ' && c != '\t' && c != '\r') return false;
  }
  return true;
}

// Calls emit(begin, end) for every block of `text` (see the header), in offset order.
template <typename Emit>
void for_each_block(std::string_view text, Emit&& emit_line_range) {
  auto emit = [&](size_t b, size_t e) {  // a CRLF line break is not part of the block
    if (e > b && text[e - 1] == '\r') --e;
    emit_line_range(b, e);
  };
  size_t para_begin = 0, para_end = 0, lines = 0;  // current paragraph; lines == 0: none
  auto close_paragraph = [&] {
    if (lines == 0) return;
    if (lines == 1 || para_end - para_begin <= kSplitParagraphBytes) {
      emit(para_begin, para_end);
    } else {
      for (size_t b = para_begin; b < para_end;) {
        size_t e = text.find('\n', b);
        if (e == std::string_view::npos || e > para_end) e = para_end;
        emit(b, e);
        b = e + 1;
      }
    }
    lines = 0;
  };
  for (size_t pos = 0; pos < text.size();) {
    size_t nl = text.find('\n', pos);
    size_t end = nl == std::string_view::npos ? text.size() : nl;
    if (is_blank(text.substr(pos, end - pos))) {
      close_paragraph();
    } else {
      if (lines == 0) para_begin = pos;
      para_end = end;
      ++lines;
    }
    pos = end + 1;
  }
  close_paragraph();
}

// One distinct block content, in order of first occurrence.
struct Distinct {
  uint32_t text, begin, end;   // first occurrence
  uint32_t next = UINT32_MAX;  // next distinct content with the same hash
  uint32_t count = 0;          // occurrences, all texts
  uint32_t texts = 0;          // different texts it occurs in
  uint32_t last_text = 0;      // text of the latest occurrence (texts are visited in order)
  uint32_t shared = UINT32_MAX;  // shared block number, once known
};

struct Candidate {
  uint32_t text, begin, end, distinct;
};

}  // namespace

SharedBlocks find_shared_blocks(const std::vector<StoredText>& texts, uint32_t min_bytes) {
  std::vector<Distinct> distinct;
  std::vector<Candidate> candidates;
  std::unordered_map<uint64_t, uint32_t> by_hash;  // hash -> first Distinct in its chain
  auto bytes_of = [&](uint32_t t, uint32_t b, uint32_t e) {
    return std::string_view(texts[t].bytes).substr(b, e - b);
  };

  for (uint32_t t = 0; t < texts.size(); ++t) {
    const std::string_view text(texts[t].bytes);
    for_each_block(text, [&](size_t b64, size_t e64) {
      if (e64 - b64 < min_bytes) return;
      const auto b = static_cast<uint32_t>(b64), e = static_cast<uint32_t>(e64);
      const std::string_view block = text.substr(b, e - b);
      const uint64_t h = XXH3_64bits(block.data(), block.size());
      auto [it, fresh] = by_hash.emplace(h, static_cast<uint32_t>(distinct.size()));
      uint32_t d = it->second;
      if (!fresh) {  // walk the chain; equal hash is not equal bytes
        for (;;) {
          const Distinct& x = distinct[d];
          if (bytes_of(x.text, x.begin, x.end) == block) break;
          if (x.next == UINT32_MAX) {
            distinct[d].next = static_cast<uint32_t>(distinct.size());
            d = distinct[d].next;
            fresh = true;
            break;
          }
          d = x.next;
        }
      }
      if (fresh) distinct.push_back(Distinct{t, b, e});
      Distinct& x = distinct[d];
      if (x.count == 0 || x.last_text != t) ++x.texts;
      x.last_text = t;
      ++x.count;
      candidates.push_back(Candidate{t, b, e, d});
    });
  }

  SharedBlocks out;
  for (Distinct& x : distinct) {  // in order of first occurrence: numbers are too
    if (x.texts < 2) continue;
    x.shared = out.stats.blocks++;
    out.stats.occurrences += x.count - 1;
    out.stats.repeated_bytes += uint64_t{x.count - 1} * (x.end - x.begin);
  }
  for (const Candidate& c : candidates) {  // already in (text, begin) order
    const Distinct& x = distinct[c.distinct];
    if (x.shared == UINT32_MAX) continue;
    BlockOccurrence o;
    o.text = c.text;
    o.range = TextRange{c.begin, c.end};
    o.block = x.shared;
    o.first = c.text == x.text && c.begin == x.begin;
    out.occurrences.push_back(o);
  }
  return out;
}

SharedBlockStats count_shared_blocks(const std::vector<StoredText>& texts, uint32_t min_bytes) {
  return find_shared_blocks(texts, min_bytes).stats;
}

}  // namespace corpusc
