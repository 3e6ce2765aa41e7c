// Script rules of the tokenizer: TokenizerOptions bits 8-15. Each rule is a bit
// recorded in the blob, so a runtime that lacks it refuses the blob (kKnownBits)
// instead of tokenizing queries differently from the index; an old blob (bits 8-15
// clear) tokenizes as before. No allocation, no tables beyond a few ranges.
//
//  * kSplitNoSpaceScripts (bit 8): kana (U+3040..U+30FF, U+31F0..U+31FF, halfwidth
//    U+FF66..U+FF9F), Thai, Lao, Khmer and Myanmar letters are one token each, as CJK
//    ideographs always are; combining marks after such a character belong to its
//    token (its end offset includes them). Digits of these scripts still form runs.
//    The query parser turns a run of such one-character tokens into an implicit
//    phrase (search/script_query.hpp): substring precision without a dictionary.
//  * kHangulPrefix (bit 9): a Hangul query word also finds the indexed words it
//    starts (Korean attaches particles: "서울" finds "서울에서", "서울의"); the query
//    parser makes it a prefix clause. Index side unchanged.
//  * kFoldArabic (bit 10): the standard Arabic IR normalization (as Lucene's
//    ArabicNormalizer and Larkey's light stemmers): tatweel U+0640 removed; alef wasla
//    U+0671 -> alef U+0627 (hamza and madda forms أ إ آ already fold to ا: their
//    marks are stripped); alef maksura ى -> yeh ي; teh marbuta ة -> heh ه. Harakat
//    (fatha, damma, kasra, tanwin, shadda, sukun) are combining marks: always removed.
//  * kKeepVietnameseMarks (bit 11, not in kAll: set for Vietnamese text only, by the
//    language of the article or query): the precomposed Vietnamese letters keep their
//    tone marks and their circumflex, breve and horn ("Việt" -> "việt", not "viet"):
//    they tell syllables apart (MLQA vi nDCG@10 0.768 folded, 0.813 kept; README
//    "Scripts"). Only case is folded. Text in decomposed form (NFD) still loses them.
//  * Hebrew niqqud and cantillation (U+0591..U+05C7) are combining marks: always
//    removed, no bit needed.
#pragma once

#include <cstdint>

namespace corpus::text {

namespace script_bits {
constexpr uint32_t kSplitNoSpaceScripts = 1u << 8;
constexpr uint32_t kHangulPrefix = 1u << 9;
constexpr uint32_t kFoldArabic = 1u << 10;
constexpr uint32_t kKeepVietnameseMarks = 1u << 11;
/// The rules every new blob gets (TokenizerOptions' default).
constexpr uint32_t kAll = kSplitNoSpaceScripts | kHangulPrefix | kFoldArabic;
/// Every rule this runtime knows.
constexpr uint32_t kKnown = kAll | kKeepVietnameseMarks;
}  // namespace script_bits

/// Letters of the no-space scripts other than CJK ideographs (kSplitNoSpaceScripts).
constexpr bool is_no_space_letter(uint32_t cp) {
  if (cp >= 0x0E00 && cp <= 0x0EFF) {  // Thai, Lao (their digits excluded)
    return !(cp >= 0x0E50 && cp <= 0x0E59) && !(cp >= 0x0ED0 && cp <= 0x0ED9);
  }
  if (cp >= 0x1000 && cp <= 0x109F) {  // Myanmar
    return !(cp >= 0x1040 && cp <= 0x1049) && !(cp >= 0x1090 && cp <= 0x1099);
  }
  if (cp >= 0x1780 && cp <= 0x17FF) return !(cp >= 0x17E0 && cp <= 0x17E9);  // Khmer
  return (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x31F0 && cp <= 0x31FF) ||
         (cp >= 0xFF66 && cp <= 0xFF9F);
}

/// Hangul syllables and jamo (kHangulPrefix).
constexpr bool is_hangul(uint32_t cp) {
  return (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0x1100 && cp <= 0x11FF) ||
         (cp >= 0x3130 && cp <= 0x318F);
}

/// What kFoldArabic makes of an Arabic word character: the code point it folds as,
/// or 0 when it is removed (tatweel). Other characters are returned unchanged.
constexpr uint32_t fold_arabic(uint32_t cp) {
  switch (cp) {
    case 0x0640: return 0;       // tatweel
    case 0x0671: return 0x0627;  // alef wasla -> alef
    case 0x0649: return 0x064A;  // alef maksura -> yeh
    case 0x0629: return 0x0647;  // teh marbuta -> heh
    default: return cp;
  }
}

/// With kKeepVietnameseMarks: the lowercase of a precomposed letter that carries a
/// Vietnamese mark (it folds to itself), 0 for any other character.
constexpr uint32_t vietnamese_lower(uint32_t cp) {
  if (cp >= 0x1EA0 && cp <= 0x1EF9) return cp | 1;  // Latin Extended Additional pairs
  switch (cp | 0x20) {  // Latin-1: à á â ã è é ê ì í ò ó ô õ ù ú ý
    case 0xE0: case 0xE1: case 0xE2: case 0xE3: case 0xE8: case 0xE9: case 0xEA: case 0xEC:
    case 0xED: case 0xF2: case 0xF3: case 0xF4: case 0xF5: case 0xF9: case 0xFA: case 0xFD:
      return cp >= 0xC0 && cp <= 0xFD ? cp | 0x20 : 0;
    default: break;
  }
  switch (cp) {
    case 0x0102: case 0x0103: return 0x0103;  // ă
    case 0x0128: case 0x0129: return 0x0129;  // ĩ
    case 0x0168: case 0x0169: return 0x0169;  // ũ
    case 0x01A0: case 0x01A1: return 0x01A1;  // ơ
    case 0x01AF: case 0x01B0: return 0x01B0;  // ư
    default: return 0;
  }
}

}  // namespace corpus::text
