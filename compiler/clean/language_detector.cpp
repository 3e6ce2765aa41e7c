#include "clean/language_detector.hpp"

#include <utf8proc.h>

#include <array>
#include <cstdint>
#include <string>
#include <unordered_map>

namespace corpusc {
namespace {

enum Script : uint8_t { latin, cyrillic, greek, arabic, hebrew, armenian, devanagari, tamil, thai, hangul, kana, han, other, kScripts };

Script script_of(int32_t cp) {
  if (cp < 0x250 || (cp >= 0x1E00 && cp < 0x1F00)) return latin;
  if (cp >= 0x370 && cp < 0x400) return greek;
  if (cp >= 0x400 && cp < 0x530) return cyrillic;
  if (cp >= 0x530 && cp < 0x590) return armenian;
  if (cp >= 0x590 && cp < 0x600) return hebrew;
  if ((cp >= 0x600 && cp < 0x800) || (cp >= 0xFB50 && cp < 0xFF00 && cp != 0xFEFF)) return arabic;
  if (cp >= 0x900 && cp < 0x980) return devanagari;
  if (cp >= 0xB80 && cp < 0xC00) return tamil;
  if (cp >= 0xE00 && cp < 0xE80) return thai;
  if ((cp >= 0x1100 && cp < 0x1200) || (cp >= 0xAC00 && cp < 0xD7B0)) return hangul;
  if (cp >= 0x3040 && cp < 0x3100) return kana;
  if ((cp >= 0x3400 && cp < 0xA000) || (cp >= 0x20000 && cp < 0x2FA20)) return han;
  return other;
}

// Languages decided by frequent words, with the script they are written in.
struct Candidate {
  const char* code;
  Script script;
  const char* words;  // very frequent function words, space-separated, lowercase
};

constexpr std::array<Candidate, 27> kCandidates{{
    {"en", latin, "the of and to a in is that for it was on with as by at from his are be this an which or have not were"},
    {"de", latin, "der die und das ist nicht ein eine zu den mit von sich des auf für im dem auch es als wird wurde sind"},
    {"fr", latin, "le la les des est et une un du dans que qui pour pas sur au avec par il sont ce plus aux elle"},
    {"es", latin, "el la los las de que y en del se por un una con para es al lo como más su fue entre sus"},
    {"it", latin, "il di che la le per non una un del della è sono con gli da nel alla anche come dei delle"},
    {"pt", latin, "de que não os as um uma do da em para com se no na por mais dos das foi é ao pelo"},
    {"nl", latin, "de het een van en is dat niet op te met zijn voor die wordt er aan ook werd naar bij"},
    {"sv", latin, "och att det är som en på av för med den till inte har om ett var jag också från"},
    {"da", latin, "og at det er som en på af for med den til ikke har om et var jeg blev også fra efter hvad"},
    {"no", latin, "og at det er som en på av for med den til ikke har om et var jeg ble også fra etter hva"},
    {"fi", latin, "ja on ei että se oli hän mutta kun ovat myös tai sen joka kuin niin ole tämä ovat hänen"},
    {"hu", latin, "a az és hogy nem is egy meg van volt de ez csak már mint azt el ki ha vagy"},
    {"tr", latin, "ve bir bu da de için ile olarak çok daha gibi en olan ne kadar sonra ama var değil"},
    {"ro", latin, "și în de la cu pe nu din că un o este care mai se au fost sunt pentru lui"},
    {"ca", latin, "el la els les de i que en del un una és per amb no als són com al seu"},
    {"eu", latin, "eta da ez du bat ere dira zen dute baina egin hau izan bere beste behar zuen"},
    {"ga", latin, "agus an na is ar a le go bhí sé ag ní sin seo do ach í"},
    {"id", latin, "yang dan di dari ini itu dengan untuk tidak dalam akan pada juga adalah ada ke oleh"},
    {"lt", latin, "ir kad yra bet su iš tai į kaip buvo jo jis ne o per ar nuo"},
    {"sr", latin, "je i u da se na su za od koji sa ne kao ali to bio biti"},
    {"vi", latin, "và của là có các được trong cho không những một người với này đã để"},
    {"ru", cyrillic, "и в не на что с по как он это к из а но у за от то для был"},
    {"sr", cyrillic, "и у да је се на су за од који са не као али то био"},
    {"hi", devanagari, "के है में की और से को का एक पर यह भी हैं लिए था नहीं"},
    {"ne", devanagari, "र को मा छ पनि छन् भएको गरेको हो यो तथा भने गर्न थियो"},
    {"yi", hebrew, "און דער די איז ניט פֿון מיט אַ דאָס אויף"},
    {"he", hebrew, "של את על הוא לא עם זה כי גם היה"},
}};

// Letters only some candidates use: one vote each (capped) for those candidates.
struct LetterHint {
  int32_t first, last;  // code point range
  const char* codes;    // space-separated candidate codes
};

constexpr std::array<LetterHint, 19> kLetterHints{{
    {0xDF, 0xDF, "de"},             {0xF1, 0xF1, "es"},          {0xE3, 0xE3, "pt"},
    {0xF5, 0xF5, "pt"},             {0x131, 0x131, "tr"},        {0x11F, 0x11F, "tr"},
    {0x15F, 0x15F, "tr"},           {0x151, 0x151, "hu"},        {0x171, 0x171, "hu"},
    {0x219, 0x21B, "ro"},           {0x103, 0x103, "ro vi"},     {0x117, 0x117, "lt"},
    {0x12F, 0x12F, "lt"},           {0x173, 0x173, "lt"},        {0x111, 0x111, "sr vi"},
    {0x1A1, 0x1B0, "vi"},           {0x1EA0, 0x1EF9, "vi"},      {0xE5, 0xE5, "sv no da"},
    {0x452, 0x45F, "sr"},  // ђ ѓ є ѕ і ї ј љ њ ћ ќ ѝ ў џ: ђ ј љ њ ћ џ are Serbian's
}};
constexpr unsigned kMaxLetterVotes = 20;
constexpr unsigned kWordVote = LanguageDetector::kWordVotes;

using Mask = uint32_t;  // bit i: kCandidates[i]
static_assert(kCandidates.size() <= 32);

// Calls f(word) for each space-separated word of `list`.
template <typename F>
void for_each_word(std::string_view list, F f) {
  while (!list.empty()) {
    size_t sp = list.find(' ');
    f(list.substr(0, sp));
    list = sp == std::string_view::npos ? std::string_view() : list.substr(sp + 1);
  }
}

Mask codes_mask(std::string_view codes, Script script) {
  Mask m = 0;
  for_each_word(codes, [&](std::string_view c) {
    for (size_t i = 0; i < kCandidates.size(); ++i) {
      if (kCandidates[i].code == c && kCandidates[i].script == script) m |= Mask{1} << i;
    }
  });
  return m;
}

const std::unordered_map<std::string, Mask>& frequent_words() {
  static const std::unordered_map<std::string, Mask> table = [] {
    std::unordered_map<std::string, Mask> t;
    for (size_t i = 0; i < kCandidates.size(); ++i) {
      for_each_word(kCandidates[i].words, [&](std::string_view w) { t[std::string(w)] |= Mask{1} << i; });
    }
    return t;
  }();
  return table;
}

struct Evidence {
  std::array<unsigned, kScripts> letters{};
  std::array<unsigned, kCandidates.size()> word_votes{};
  std::array<unsigned, kCandidates.size()> letter_votes{};
};

void add_word(const std::string& word, Evidence* e) {
  auto it = frequent_words().find(word);
  if (it == frequent_words().end()) return;
  for (size_t i = 0; i < kCandidates.size(); ++i) {
    if (it->second & (Mask{1} << i)) e->word_votes[i] += kWordVote;
  }
}

void add_letter(int32_t cp, Script s, Evidence* e) {
  e->letters[s]++;
  for (const LetterHint& h : kLetterHints) {
    if (cp < h.first || cp > h.last) continue;
    Mask m = codes_mask(h.codes, s);
    for (size_t i = 0; i < kCandidates.size(); ++i) {
      if ((m & (Mask{1} << i)) && e->letter_votes[i] < kMaxLetterVotes) e->letter_votes[i]++;
    }
  }
}

Evidence gather(std::string_view text) {
  Evidence e;
  if (text.size() > LanguageDetector::kMaxBytes) text = text.substr(0, LanguageDetector::kMaxBytes);
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  const auto n = static_cast<utf8proc_ssize_t>(text.size());
  std::string word;
  bool capital = false;  // the word's first letter was uppercase
  for (utf8proc_ssize_t i = 0; i <= n;) {
    utf8proc_int32_t cp = -1;
    utf8proc_ssize_t w = i < n ? utf8proc_iterate(p + i, n - i, &cp) : 1;
    const auto cat = cp >= 0 ? utf8proc_category(cp) : UTF8PROC_CATEGORY_CN;
    if (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_ME) {
      if (word.empty()) capital = cat == UTF8PROC_CATEGORY_LU;
      cp = utf8proc_tolower(cp);
      if (cat <= UTF8PROC_CATEGORY_LO) add_letter(cp, script_of(cp), &e);
      utf8proc_uint8_t enc[4];
      word.append(reinterpret_cast<char*>(enc), static_cast<size_t>(utf8proc_encode_char(cp, enc)));
    } else if (!word.empty()) {
      // A capital letter alone is an initial or an abbreviation ("U. aurea"), not
      // the one-letter word of a language ("u", "a", "i").
      if (!(capital && word.size() == 1)) add_word(word, &e);
      word.clear();
    }
    i += w > 0 ? w : 1;
  }
  return e;
}

// A Han, Kana or Hangul letter carries about a word's worth of text (a Latin word
// is about five letters), so it weighs kSyllabicWeight letters in choosing the script.
constexpr unsigned kSyllabicWeight = 3;

unsigned script_weight(const Evidence& e, size_t s) {
  return e.letters[s] * (s == han || s == kana || s == hangul ? kSyllabicWeight : 1);
}

// The script with the most (weighted) letters; Han with enough Kana is Japanese.
Script dominant_script(const Evidence& e) {
  size_t best = 0;
  for (size_t s = 1; s < other; ++s) {
    if (script_weight(e, s) > script_weight(e, best)) best = s;
  }
  if (best == han && e.letters[kana] * 10 > e.letters[han]) return kana;
  return static_cast<Script>(best);
}

}  // namespace

LanguageGuess LanguageDetector::detect(std::string_view utf8_text) {
  const Evidence e = gather(utf8_text);
  const Script s = dominant_script(e);
  if (e.letters[s] < kMinLetters) return {};
  switch (s) {
    case greek: return {"el", 0};
    case armenian: return {"hy", 0};
    case tamil: return {"ta", 0};
    case thai: return {"th", 0};
    case hangul: return {"ko", 0};
    case kana: return {"ja", 0};
    case han: return {"zh", 0};
    case arabic: return {"ar", 0};
    default: break;
  }
  LanguageGuess best;
  for (size_t i = 0; i < kCandidates.size(); ++i) {
    if (kCandidates[i].script != s) continue;
    unsigned votes = e.word_votes[i] + e.letter_votes[i];
    if (votes > best.votes) best = {kCandidates[i].code, votes};
  }
  return best;
}

}  // namespace corpusc
