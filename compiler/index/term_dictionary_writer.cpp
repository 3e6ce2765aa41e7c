#include "index/term_dictionary_writer.hpp"

#include <stdexcept>

#include "corpus/search/index_format.hpp"
#include "corpus/text/tokenizer.hpp"
#include "index/bit_writer.hpp"

namespace corpusc {

namespace {

// The display byte (index_format.hpp); 0 when the surface is the term itself or
// cannot be expressed (then the term itself is shown).
uint8_t display_code(std::string_view term, std::string_view surface, std::string_view* tail) {
  *tail = {};
  if (surface.empty() || surface == term) return 0;
  size_t keep = 0;
  while (keep < term.size() && keep < surface.size() && term[keep] == surface[keep]) ++keep;
  uint8_t code = 0;
  if (!corpus::search::encode_display(static_cast<uint32_t>(term.size() - keep),
                                      static_cast<uint32_t>(surface.size() - keep), &code)) {
    return 0;
  }
  *tail = surface.substr(keep);
  return code;
}

}  // namespace

bool TermDictionaryWriter::starts_block() const {
  namespace cs = corpus::search;
  if (count_ == 0) return true;
  if (!cs::content_term_blocks(cuts_.format_version)) return count_ % cs::kTermsPerBlock == 0;
  if (in_block_ >= cuts_.max_terms) return true;
  return cuts_.by_hash && cs::term_block_ends_after(previous_.data(), static_cast<uint32_t>(previous_.size()));
}

void TermDictionaryWriter::add(const DictionaryTerm& t) {
  if (t.term.empty() || t.term.size() > corpus::text::kMaxTermBytes) {
    throw std::invalid_argument("term dictionary: term length out of range");
  }
  if (count_ > 0 && !(std::string_view(previous_) < t.term)) {
    throw std::logic_error("term dictionary: terms not strictly ascending");
  }
  if (doc_offset_ > UINT32_MAX || pos_offset_ > UINT32_MAX) {
    throw std::length_error("search index: postings exceed 4 GiB");
  }
  const bool first = starts_block();
  if (first) {
    blocks_.push_back(static_cast<uint32_t>(bytes_.size()));
    if (corpus::search::content_term_blocks(cuts_.format_version)) put_varint(bytes_, count_);
    in_block_ = 0;
    put_varint(bytes_, static_cast<uint32_t>(doc_offset_));
    put_varint(bytes_, static_cast<uint32_t>(pos_offset_));
    bytes_.push_back(static_cast<uint8_t>(t.term.size()));
    bytes_.insert(bytes_.end(), t.term.begin(), t.term.end());
  } else {
    size_t shared = 0;
    while (shared < previous_.size() && shared < t.term.size() && previous_[shared] == t.term[shared]) {
      ++shared;
    }
    bytes_.push_back(static_cast<uint8_t>(shared));
    bytes_.push_back(static_cast<uint8_t>(t.term.size() - shared));
    bytes_.insert(bytes_.end(), t.term.begin() + static_cast<std::ptrdiff_t>(shared), t.term.end());
  }
  put_varint(bytes_, t.df);
  put_varint(bytes_, t.doc_bytes);
  put_varint(bytes_, t.pos_bytes);
  bytes_.push_back(t.max_tfn);
  std::string_view tail;
  bytes_.push_back(display_code(t.term, t.surface, &tail));
  bytes_.insert(bytes_.end(), tail.begin(), tail.end());
  previous_.assign(t.term);
  doc_offset_ += t.doc_bytes;
  pos_offset_ += t.pos_bytes;
  ++count_;
  ++in_block_;
}

}  // namespace corpusc
