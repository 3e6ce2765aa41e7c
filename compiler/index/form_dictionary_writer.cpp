#include "index/form_dictionary_writer.hpp"

#include <algorithm>
#include <stdexcept>

#include "corpus/search/index_format.hpp"
#include "corpus/text/tokenizer.hpp"
#include "index/bit_writer.hpp"

namespace corpusc {

namespace {

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
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

void FormDictionaryWriter::add_term(std::string_view term, uint32_t ordinal,
                                    const std::vector<std::string_view>& forms) {
  for (std::string_view f : forms_to_keep(term, forms)) {
    if (f.size() > corpus::text::kMaxTermBytes) throw std::invalid_argument("form dictionary: form too long");
    forms_.emplace_back(std::string(f), ordinal);
  }
}

void FormDictionaryWriter::finish() {
  std::sort(forms_.begin(), forms_.end());
  std::string_view previous;
  uint32_t previous_ordinal = 0;
  for (size_t i = 0; i < forms_.size(); ++i) {
    const std::string_view form = forms_[i].first;
    const bool first = i % corpus::search::kTermsPerBlock == 0;
    if (first) {
      blocks_.push_back(static_cast<uint32_t>(bytes_.size()));
      bytes_.push_back(static_cast<uint8_t>(form.size()));
      bytes_.insert(bytes_.end(), form.begin(), form.end());
    } else {
      size_t shared = 0;
      while (shared < previous.size() && shared < form.size() && previous[shared] == form[shared]) ++shared;
      bytes_.push_back(static_cast<uint8_t>(shared));
      bytes_.push_back(static_cast<uint8_t>(form.size() - shared));
      bytes_.insert(bytes_.end(), form.begin() + static_cast<std::ptrdiff_t>(shared), form.end());
    }
    const uint32_t ordinal = forms_[i].second;
    put_varint(bytes_, first ? ordinal : corpus::search::encode_ordinal_delta(previous_ordinal, ordinal));
    previous = form;
    previous_ordinal = ordinal;
  }
}

}  // namespace corpusc
