#include "index/form_dictionary_writer.hpp"

#include <algorithm>
#include <stdexcept>

#include "corpus/search/index_format.hpp"
#include "corpus/text/tokenizer.hpp"

namespace corpusc {

namespace {

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

size_t common_prefix(std::string_view a, std::string_view b) {
  size_t n = 0;
  while (n < a.size() && n < b.size() && a[n] == b[n]) ++n;
  return n;
}

}  // namespace

std::vector<std::string_view> forms_to_keep(std::string_view term, std::vector<std::string_view> forms) {
  std::sort(forms.begin(), forms.end());
  forms.erase(std::unique(forms.begin(), forms.end()), forms.end());
  std::vector<std::string_view> keep;
  for (size_t i = 0; i < forms.size(); ++i) {
    if (forms[i].empty() || starts_with(term, forms[i])) continue;
    // Sorted: the forms that start with forms[i] follow it directly.
    if (i + 1 < forms.size() && starts_with(forms[i + 1], forms[i])) continue;
    keep.push_back(forms[i]);
  }
  return keep;
}

void FormDictionaryWriter::add_term(std::string_view term, const std::vector<std::string_view>& forms) {
  if (term.size() > corpus::text::kMaxTermBytes) throw std::invalid_argument("form dictionary: term too long");
  for (std::string_view f : forms_to_keep(term, forms)) {
    if (f.size() > corpus::text::kMaxTermBytes) throw std::invalid_argument("form dictionary: form too long");
    forms_.emplace_back(std::string(f), std::string(term));
  }
}

void FormDictionaryWriter::finish() {
  namespace cs = corpus::search;
  std::sort(forms_.begin(), forms_.end());
  std::string_view previous;
  uint32_t in_block = 0;  // forms written to the current block
  for (const auto& [form, term] : forms_) {
    if (in_block == 0) {
      blocks_.push_back(static_cast<uint32_t>(bytes_.size()));
      bytes_.push_back(static_cast<uint8_t>(form.size()));
      bytes_.insert(bytes_.end(), form.begin(), form.end());
    } else {
      const size_t shared = common_prefix(previous, form);
      bytes_.push_back(static_cast<uint8_t>(shared));
      bytes_.push_back(static_cast<uint8_t>(form.size() - shared));
      bytes_.insert(bytes_.end(), form.begin() + static_cast<std::ptrdiff_t>(shared), form.end());
    }
    const size_t keep = common_prefix(form, term);
    uint8_t code[cs::kMaxFormTermCodeBytes];
    const unsigned code_bytes = cs::encode_form_term(static_cast<uint32_t>(form.size() - keep),
                                                     static_cast<uint32_t>(term.size() - keep), code);
    bytes_.insert(bytes_.end(), code, code + code_bytes);
    bytes_.insert(bytes_.end(), term.begin() + static_cast<std::ptrdiff_t>(keep), term.end());
    previous = form;
    ++in_block;
    if (cs::form_block_ends_after(form.data(), form.size(), in_block)) in_block = 0;
  }
}

}  // namespace corpusc
