// Compiled with -fno-exceptions -fno-rtti and the project's warnings (see
// CMakeLists.txt): the tokenizer headers must build as firmware builds them.
#include "corpus/text/tokenizer.hpp"

size_t corpus_text_freestanding_check(const char* text, size_t size, char* out) {
  corpus::text::Tokenizer t({text, size}, corpus::text::TokenizerOptions{});
  corpus::text::Token token;
  size_t n = 0;
  while (t.next(&token)) ++n;
  n += corpus::text::fold_word({text, size}, out, corpus::text::kMaxTermBytes);
  return n + (corpus::text::is_stopword("the") ? 1u : 0u);
}
