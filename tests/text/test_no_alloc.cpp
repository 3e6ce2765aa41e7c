// Tokenizing allocates nothing. This binary replaces the global operator new and,
// through the linker's --wrap (see CMakeLists.txt), malloc/calloc/realloc as called
// from its own objects, where the header-only tokenizer is compiled; each counts
// while `g_counting` is set.
#include <catch.hpp>

#include <cstdlib>
#include <new>
#include <string>

#include "corpus/text/tokenizer.hpp"

static bool g_counting = false;
static size_t g_allocations = 0;

extern "C" {
void* __real_malloc(size_t size);
void* __real_calloc(size_t n, size_t size);
void* __real_realloc(void* p, size_t size);
void* __wrap_malloc(size_t size) {
  if (g_counting) ++g_allocations;
  return __real_malloc(size);
}
void* __wrap_calloc(size_t n, size_t size) {
  if (g_counting) ++g_allocations;
  return __real_calloc(n, size);
}
void* __wrap_realloc(void* p, size_t size) {
  if (g_counting) ++g_allocations;
  return __real_realloc(p, size);
}
}

void* operator new(size_t size) {
  if (g_counting) ++g_allocations;
  void* p = std::malloc(size == 0 ? 1 : size);
  if (p == nullptr) throw std::bad_alloc();
  return p;
}
void* operator new[](size_t size) { return operator new(size); }
void* operator new(size_t size, const std::nothrow_t&) noexcept {
  if (g_counting) ++g_allocations;
  return std::malloc(size == 0 ? 1 : size);
}
void* operator new[](size_t size, const std::nothrow_t& t) noexcept { return operator new(size, t); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, size_t) noexcept { std::free(p); }
void operator delete[](void* p, size_t) noexcept { std::free(p); }

// Under ASan, the runtime's own new/delete pairing checks do not know our operator new.
extern "C" const char* __asan_default_options() { return "alloc_dealloc_mismatch=0"; }

TEST_CASE("the counting hooks see allocations (the test can fail)") {
  g_allocations = 0;
  g_counting = true;
  std::string* s = new std::string(100, 'x');
  void* m = std::malloc(10);
  g_counting = false;
  delete s;
  std::free(m);
  CHECK(g_allocations >= 2);
}

TEST_CASE("tokenizing, folding and stemming allocate nothing") {
  std::string text;
  for (int i = 0; i < 200; ++i) {
    text += "The Straße’s naïve “quotes” — ΆΣΟΣ λόγος Ёлка 中文 don't generously "
            "running skies 3.5 2,000 ﬁne \xFF\xC3 e\xCC\x81 ";
  }
  text += std::string(300, 'x');
  size_t tokens = 0, folded = 0, stemmed = 0;
  char out[corpus::text::kMaxTermBytes];
  char word[] = "generalizations";

  g_allocations = 0;
  g_counting = true;
  for (uint32_t bits = 0; bits < 4; ++bits) {
    corpus::text::Tokenizer t(text, corpus::text::TokenizerOptions::from_bits(bits));
    corpus::text::Token tok;
    while (t.next(&tok)) tokens += tok.length;
  }
  folded = corpus::text::fold_word(text, out, sizeof out);
  stemmed = corpus::text::stem_english(word, sizeof word - 1);
  const bool stop = corpus::text::is_stopword("the");
  g_counting = false;

  CHECK(g_allocations == 0);
  CHECK(tokens > 0);
  CHECK(folded > 0);
  CHECK(stemmed > 0);
  CHECK(stop);
}
