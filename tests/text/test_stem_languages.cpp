// Our Snowball stemmers (generated C + the allocation-free runtime in
// runtime/snowball/) against Debian's libstemmer, the same algorithms with upstream's
// heap runtime, on every distinct word of real text in each language: Debian's word
// lists and hunspell dictionaries (installed by scripts/install-deps.sh), the Finnish
// aptitude manual, aspell's Tamil list, and ../shared's MLQA paragraphs where present.
// A language with no source on this machine is reported, not counted as checked.
#include <catch.hpp>
#include <iconv.h>
#include <libstemmer.h>
#include <utf8proc.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <unordered_set>
#include <vector>

#include "corpus/text/snowball_stemmer.h"

namespace fs = std::filesystem;

namespace {

enum class Kind { lines, dictionary, text, command };  // dictionary: hunspell, "word/FLAGS"

struct Source {
  std::string path;  // a file, a folder (every file in it) or, for Kind::command, a shell command
  const char* encoding;
  Kind kind;
};

struct LanguageSources {
  const char* name;
  int id;
  std::vector<Source> sources;
};

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string run_command(const std::string& command) {
  std::string out;
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  if (!pipe) return out;
  char buf[65536];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe.get())) > 0) out.append(buf, n);
  return out;
}

std::string to_utf8(const std::string& bytes, const char* encoding) {
  if (std::strcmp(encoding, "UTF-8") == 0) return bytes;
  iconv_t cd = iconv_open("UTF-8", encoding);
  REQUIRE(cd != reinterpret_cast<iconv_t>(-1));
  std::string out(bytes.size() * 4 + 16, '\0');
  char* in = const_cast<char*>(bytes.data());
  size_t in_left = bytes.size(), out_left = out.size();
  char* dst = out.data();
  while (in_left > 0 && iconv(cd, &in, &in_left, &dst, &out_left) == static_cast<size_t>(-1)) {
    ++in;  // an unmappable byte: skip it
    --in_left;
  }
  iconv_close(cd);
  out.resize(out.size() - out_left);
  return out;
}

// Lowercased runs of letters and marks (Snowball's input is one lowercase word).
void add_words(const std::string& text, std::unordered_set<std::string>* words) {
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  utf8proc_ssize_t i = 0, n = static_cast<utf8proc_ssize_t>(text.size());
  std::string word;
  while (i <= n) {
    utf8proc_int32_t cp = -1;
    utf8proc_ssize_t w = i < n ? utf8proc_iterate(p + i, n - i, &cp) : 0;
    const auto cat = cp >= 0 ? utf8proc_category(cp) : UTF8PROC_CATEGORY_CN;
    const bool letter = cp >= 0 && cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_ME;
    if (letter) {
      utf8proc_uint8_t enc[4];
      word.append(reinterpret_cast<char*>(enc), static_cast<size_t>(utf8proc_encode_char(utf8proc_tolower(cp), enc)));
    } else if (!word.empty()) {
      if (word.size() <= CORPUS_STEM_MAX_INPUT) words->insert(word);
      word.clear();
    }
    i += w > 0 ? w : 1;
  }
}

std::string dictionary_words(const std::string& text) {
  std::string out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) out += line.substr(0, line.find_first_of("/\t")) + "\n";
  return out;
}

std::string strip_markup(std::string text) {
  bool in_tag = false;
  for (char& c : text) {
    if (c == '<') in_tag = true;
    if (in_tag || c == '&') {
      if (c == '>') in_tag = false;
      c = ' ';
    }
  }
  return text;
}

bool load(const Source& s, std::unordered_set<std::string>* words) {
  if (s.kind == Kind::command) {
    std::string out = run_command(s.path);
    add_words(out, words);
    return !out.empty();
  }
  std::vector<std::string> files;
  if (fs::is_directory(s.path)) {
    for (const auto& e : fs::directory_iterator(s.path)) files.push_back(e.path().string());
  } else if (fs::exists(s.path)) {
    files.push_back(s.path);
  }
  for (const auto& f : files) {
    std::string text = to_utf8(read_all(f), s.encoding);
    if (s.kind == Kind::dictionary) text = dictionary_words(text);
    if (s.kind == Kind::text) text = strip_markup(text);
    add_words(text, words);
  }
  return !files.empty();
}

std::vector<LanguageSources> language_sources() {
  const std::string dict = "/usr/share/dict/", hun = "/usr/share/hunspell/";
  const std::string mlqa = std::string(CORPUS_SHARED_DIR) + "/corpora/mlqa-r/";
  auto words = [](std::string p, const char* enc = "UTF-8") { return Source{std::move(p), enc, Kind::lines}; };
  auto dic = [&](const char* f, const char* enc = "UTF-8") { return Source{hun + f, enc, Kind::dictionary}; };
  auto paragraphs = [&](const char* l) { return Source{mlqa + l + "/corpus.jsonl", "UTF-8", Kind::text}; };
  return {
      {"arabic", CORPUS_LANG_arabic, {dic("ar.dic"), paragraphs("ar")}},
      {"armenian", CORPUS_LANG_armenian, {dic("hy.dic")}},
      {"basque", CORPUS_LANG_basque, {dic("eu.dic")}},
      {"catalan", CORPUS_LANG_catalan, {words(dict + "catalan")}},
      {"danish", CORPUS_LANG_danish, {words(dict + "danish")}},
      {"dutch", CORPUS_LANG_dutch, {words(dict + "dutch")}},
      {"english", CORPUS_LANG_english, {words(dict + "words"), paragraphs("en")}},
      {"finnish", CORPUS_LANG_finnish, {{"/usr/share/doc/aptitude/html/fi", "UTF-8", Kind::text}}},
      {"french", CORPUS_LANG_french, {words(dict + "french")}},
      {"german", CORPUS_LANG_german, {words(dict + "ngerman"), paragraphs("de")}},
      {"greek", CORPUS_LANG_greek, {dic("el_GR.dic", "ISO-8859-7")}},
      {"hindi", CORPUS_LANG_hindi, {dic("hi_IN.dic"), paragraphs("hi")}},
      {"hungarian", CORPUS_LANG_hungarian, {dic("hu_HU.dic")}},
      {"indonesian", CORPUS_LANG_indonesian, {dic("id_ID.dic", "ISO-8859-1")}},
      {"irish", CORPUS_LANG_irish, {words(dict + "irish")}},
      {"italian", CORPUS_LANG_italian, {words(dict + "italian")}},
      {"lithuanian", CORPUS_LANG_lithuanian, {dic("lt_LT.dic", "ISO-8859-13")}},
      {"nepali", CORPUS_LANG_nepali, {dic("ne_NP.dic")}},
      {"norwegian", CORPUS_LANG_norwegian, {words(dict + "bokmål")}},
      {"portuguese", CORPUS_LANG_portuguese, {words(dict + "portuguese")}},
      {"romanian", CORPUS_LANG_romanian, {dic("ro_RO.dic")}},
      {"russian", CORPUS_LANG_russian, {dic("ru_RU.dic")}},
      {"serbian", CORPUS_LANG_serbian, {dic("sr_RS.dic"), dic("sr_Latn_RS.dic")}},
      {"spanish", CORPUS_LANG_spanish, {words(dict + "spanish"), paragraphs("es")}},
      {"swedish", CORPUS_LANG_swedish, {words(dict + "swedish", "ISO-8859-1")}},
      {"tamil", CORPUS_LANG_tamil,
       {{"zcat /usr/share/aspell/ta.cwl.gz 2>/dev/null | prezip-bin -d 2>/dev/null", "UTF-8", Kind::command}}},
      {"turkish", CORPUS_LANG_turkish, {dic("tr_TR.dic")}},
      {"yiddish", CORPUS_LANG_yiddish, {}},  // Debian packages no Yiddish word list or text
  };
}

// Sanitizer builds check every 16th word (the release build checks them all), to keep
// the debug suite's time in bounds.
#if defined(__SANITIZE_ADDRESS__)
constexpr size_t kWordStride = 16;
#else
constexpr size_t kWordStride = 1;
#endif

// Compares every word; returns the number that differ (the first few are printed).
size_t compare(const LanguageSources& lang, const std::unordered_set<std::string>& words) {
  sb_stemmer* oracle = sb_stemmer_new(lang.name, "UTF_8");
  REQUIRE(oracle != nullptr);
  alignas(8) unsigned char workspace[CORPUS_STEM_WORKSPACE_BYTES];
  size_t mismatches = 0, seen = 0;
  for (const std::string& w : words) {
    if (seen++ % kWordStride != 0) continue;
    const auto* in = reinterpret_cast<const unsigned char*>(w.data());
    const unsigned char* ours = nullptr;
    int ours_len = 0;
    int rc = corpus_stem(lang.id, in, static_cast<int>(w.size()), workspace, sizeof workspace, &ours, &ours_len);
    const sb_symbol* theirs = sb_stemmer_stem(oracle, in, static_cast<int>(w.size()));
    std::string a(reinterpret_cast<const char*>(ours), static_cast<size_t>(ours_len));
    std::string b(reinterpret_cast<const char*>(theirs), static_cast<size_t>(sb_stemmer_length(oracle)));
    if (rc != CORPUS_STEM_OK || a != b) {
      if (++mismatches <= 5) UNSCOPED_INFO(lang.name << ": '" << w << "' -> ours '" << a << "' (" << rc << "), libstemmer '" << b << "'");
    }
  }
  sb_stemmer_delete(oracle);
  return mismatches;
}

}  // namespace

TEST_CASE("every Snowball stemmer agrees with libstemmer on real words of its language") {
  size_t checked_languages = 0, checked_words = 0;
  std::string unchecked;
  for (const LanguageSources& lang : language_sources()) {
    if (!corpus_stemmer_available(lang.id)) {
      unchecked += std::string(" ") + lang.name + " (not compiled in)";
      continue;
    }
    std::unordered_set<std::string> words;
    for (const Source& s : lang.sources) load(s, &words);
    if (words.size() < 1000) {
      unchecked += std::string(" ") + lang.name + " (" + std::to_string(words.size()) + " words found)";
      continue;
    }
    CHECK(compare(lang, words) == 0);
    ++checked_languages;
    checked_words += words.size();
  }
  WARN("checked " << checked_languages << " languages, " << checked_words << " distinct words; unchecked:"
                  << (unchecked.empty() ? std::string(" none") : unchecked));
  CHECK(checked_languages >= 20);  // install-deps.sh installs sources for 27 of the 28
}

TEST_CASE("corpus_stem reports what it cannot do and leaves the word usable") {
  alignas(8) unsigned char workspace[CORPUS_STEM_WORKSPACE_BYTES];
  const unsigned char word[] = "running";
  const unsigned char* stem = nullptr;
  int len = 0;
  CHECK(corpus_stem(0, word, 7, workspace, sizeof workspace, &stem, &len) == CORPUS_STEM_NO_LANGUAGE);
  CHECK((stem == word && len == 7));
  CHECK(corpus_stem(CORPUS_LANG_count_, word, 7, workspace, sizeof workspace, &stem, &len) == CORPUS_STEM_NO_LANGUAGE);
  CHECK(corpus_stem(CORPUS_LANG_english, word, 7, workspace + 1, sizeof workspace - 1, &stem, &len) ==
        CORPUS_STEM_BAD_WORKSPACE);
  CHECK(corpus_stem(CORPUS_LANG_english, word, 7, workspace, 16, &stem, &len) == CORPUS_STEM_BAD_WORKSPACE);
  std::string long_word(CORPUS_STEM_MAX_INPUT + 1, 'a');
  CHECK(corpus_stem(CORPUS_LANG_english, reinterpret_cast<const unsigned char*>(long_word.data()),
                    static_cast<int>(long_word.size()), workspace, sizeof workspace, &stem, &len) ==
        CORPUS_STEM_TOO_LONG);
  CHECK(len == static_cast<int>(long_word.size()));
  REQUIRE(corpus_stem(CORPUS_LANG_english, word, 7, workspace, sizeof workspace, &stem, &len) == CORPUS_STEM_OK);
  CHECK(std::string(reinterpret_cast<const char*>(stem), static_cast<size_t>(len)) == "run");
}

TEST_CASE("stemmers survive arbitrary bytes") {
  alignas(8) unsigned char workspace[CORPUS_STEM_WORKSPACE_BYTES];
  uint32_t state = 12345;
  unsigned char word[CORPUS_STEM_MAX_INPUT];
  for (int round = 0; round < 20000; ++round) {
    const int n = static_cast<int>(state % (CORPUS_STEM_MAX_INPUT + 1));
    for (int k = 0; k < n; ++k) {
      state = state * 1664525u + 1013904223u;
      word[k] = static_cast<unsigned char>(state >> 24);
    }
    for (int lang = 1; lang < CORPUS_LANG_count_; ++lang) {
      const unsigned char* stem = nullptr;
      int len = -1;
      int rc = corpus_stem(lang, word, n, workspace, sizeof workspace, &stem, &len);
      REQUIRE((rc == CORPUS_STEM_OK || rc == CORPUS_STEM_TOO_LONG || rc == CORPUS_STEM_NO_LANGUAGE));
      REQUIRE((len >= 0 && len <= CORPUS_STEM_MAX_INPUT + CORPUS_STEM_GROWTH));
    }
    state = state * 1664525u + 1013904223u;
  }
}
