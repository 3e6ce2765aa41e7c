// Lowercase that keeps diacritics, for the Snowball stemmers (they read lowercase
// UTF-8 with its accents: "Été" -> "été", "ЁЖ" -> "ёж"). Simple one-to-one case
// mappings of the scripts the stemmers cover: Latin (Latin-1, Extended-A, Romanian
// ș ț, Extended Additional), Greek, Cyrillic, Armenian and fullwidth Latin. Other
// characters are returned as they are; "İ" lowercases to "i", "ẞ" to "ß".
#pragma once

#include <cstdint>

namespace corpus::text {

namespace detail {
// Pairs laid out upper, lower, upper, lower ... from `first` (even or odd start).
constexpr bool in_pairs(uint32_t cp, uint32_t first, uint32_t last) {
  return cp >= first && cp <= last && ((cp - first) % 2 == 0);
}
}  // namespace detail

/// The lowercase of one code point (itself when it has none or is not covered).
constexpr uint32_t lowercase(uint32_t cp) {
  if (cp < 0x80) return (cp >= 'A' && cp <= 'Z') ? cp | 0x20 : cp;
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 32;
  if (cp < 0x100) return cp;
  if (cp == 0x130) return 'i';
  if (cp == 0x178) return 0xFF;
  if (detail::in_pairs(cp, 0x100, 0x136) || detail::in_pairs(cp, 0x139, 0x147) ||
      detail::in_pairs(cp, 0x14A, 0x176) || detail::in_pairs(cp, 0x179, 0x17D) ||
      detail::in_pairs(cp, 0x218, 0x21A)) {
    return cp + 1;
  }
  if (cp == 0x386) return 0x3AC;
  if (cp >= 0x388 && cp <= 0x38A) return cp + 37;
  if (cp == 0x38C) return 0x3CC;
  if (cp == 0x38E || cp == 0x38F) return cp + 63;
  if (cp >= 0x391 && cp <= 0x3AB && cp != 0x3A2) return cp + 32;
  if (cp >= 0x400 && cp <= 0x40F) return cp + 80;
  if (cp >= 0x410 && cp <= 0x42F) return cp + 32;
  if (detail::in_pairs(cp, 0x460, 0x480) || detail::in_pairs(cp, 0x48A, 0x4BE) ||
      detail::in_pairs(cp, 0x4D0, 0x52E)) {
    return cp + 1;
  }
  if (detail::in_pairs(cp, 0x4C1, 0x4CD)) return cp + 1;
  if (cp == 0x4C0) return 0x4CF;
  if (cp >= 0x531 && cp <= 0x556) return cp + 48;
  if (cp == 0x1E9E) return 0xDF;
  if (detail::in_pairs(cp, 0x1E00, 0x1E94) || detail::in_pairs(cp, 0x1EA0, 0x1EFE)) return cp + 1;
  if (cp >= 0xFF21 && cp <= 0xFF3A) return cp + 32;
  return cp;
}

}  // namespace corpus::text
