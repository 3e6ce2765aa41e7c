// FormDictionaryWriter: the optional surface-form section of a search index
// (corpus/search/index_format.hpp, "Surface forms", index format 4): the folded
// words a prefix may end inside of, sorted bytewise and front-coded in blocks cut by
// content, each naming its term by bytes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace corpusc {

class FormDictionaryWriter {
 public:
  /// Records the surface forms of `term`; keeps only the forms a prefix query needs
  /// (see forms_to_keep()).
  void add_term(std::string_view term, const std::vector<std::string_view>& forms);
  /// Sorts and encodes what was added; call once, after the last add_term().
  void finish();

  const std::vector<uint8_t>& bytes() const { return bytes_; }
  const std::vector<uint32_t>& block_offsets() const { return blocks_; }
  uint32_t form_count() const { return static_cast<uint32_t>(forms_.size()); }

 private:
  std::vector<std::pair<std::string, std::string>> forms_;  // (form, term)
  std::vector<uint8_t> bytes_;
  std::vector<uint32_t> blocks_;
};

/// The forms of `term` a prefix needs: those that do not start the term (a prefix
/// of such a form is a prefix of the term, which the dictionary range finds) and
/// that no other kept form starts with (its prefixes are that form's). Sorted.
std::vector<std::string_view> forms_to_keep(std::string_view term, std::vector<std::string_view> forms);

}  // namespace corpusc
