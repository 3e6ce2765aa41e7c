// slice(): std::string_view::substr without the bounds check that throws.
//
// Why: even with -fno-exceptions, libstdc++'s substr calls __throw_out_of_range_fmt,
// which links abort(), and through it malloc and _sbrk, into bare-metal firmware.
// slice() clamps instead, so an out-of-range request yields a shorter (or empty) view.
#pragma once

#include <cstddef>
#include <string_view>

namespace corpus {

constexpr std::string_view slice(std::string_view s, size_t pos, size_t n = std::string_view::npos) {
  if (pos > s.size()) pos = s.size();
  if (n > s.size() - pos) n = s.size() - pos;
  return std::string_view(s.data() + pos, n);
}

}  // namespace corpus
