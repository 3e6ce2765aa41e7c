#include "dates.hpp"

#include <array>
#include <ctime>
#include <string_view>
#include <vector>

namespace corpusc {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool iequals_prefix(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (lower(s[i]) != prefix[i]) return false;
  return true;
}

std::string_view trim(std::string_view s) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

// Reads exactly `n` digits at s[*pos].
bool read_digits(std::string_view s, std::size_t* pos, std::size_t n, int* out) {
  if (*pos + n > s.size()) return false;
  int v = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (!is_digit(s[*pos + i])) return false;
    v = v * 10 + (s[*pos + i] - '0');
  }
  *pos += n;
  *out = v;
  return true;
}

bool valid_ymd(int y, int m, int d) { return y >= 1900 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= 31; }

// "Z", "+hh", "+hh:mm" or "+hhmm" at s[*pos]: the offset in seconds (0 when absent).
int64_t read_zone(std::string_view s, std::size_t* pos) {
  if (*pos < s.size() && s[*pos] == 'Z') {
    ++*pos;
    return 0;
  }
  if (*pos >= s.size() || (s[*pos] != '+' && s[*pos] != '-')) return 0;
  const int sign = s[*pos] == '-' ? -1 : 1;
  std::size_t q = *pos + 1;
  int oh = 0, om = 0;
  if (!read_digits(s, &q, 2, &oh)) return 0;
  if (q < s.size() && s[q] == ':') ++q;
  if (!read_digits(s, &q, 2, &om)) om = 0;
  *pos = q;
  return sign * (oh * 3600 + om * 60);
}

int month_of(std::string_view word) {
  static const std::array<std::string_view, 12> names = {
      "january", "february", "march", "april", "may", "june", "july",
      "august", "september", "october", "november", "december"};
  if (!word.empty() && word.back() == '.') word.remove_suffix(1);
  if (word.size() < 3) return 0;
  for (std::size_t m = 0; m < names.size(); ++m) {
    const std::string_view name = names[m];
    if (word.size() > name.size()) continue;
    bool match = true;
    for (std::size_t i = 0; i < word.size() && match; ++i) match = lower(word[i]) == name[i];
    // Full name, 3-letter abbreviation, or "Sept".
    if (match && (word.size() == name.size() || word.size() == 3 || word.size() == 4)) return static_cast<int>(m + 1);
  }
  return 0;
}

// "11", "11th", "1st" -> day; 0 if not a day.
int day_of(std::string_view word) {
  int v = 0;
  std::size_t i = 0;
  for (; i < word.size() && is_digit(word[i]) && i < 2; ++i) v = v * 10 + (word[i] - '0');
  if (i == 0) return 0;
  std::string_view rest = word.substr(i);
  if (!rest.empty() && rest != "st" && rest != "nd" && rest != "rd" && rest != "th") return 0;
  return v >= 1 && v <= 31 ? v : 0;
}

int year_of(std::string_view word) {
  if (word.size() != 4) return 0;
  int v = 0;
  for (char c : word) {
    if (!is_digit(c)) return 0;
    v = v * 10 + (c - '0');
  }
  return v >= 1900 && v <= 2200 ? v : 0;
}

bool is_weekday(std::string_view w) {
  static const std::array<std::string_view, 7> days = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  for (std::string_view d : days)
    if (iequals_prefix(w, d)) return true;
  return false;
}

// Time words after a date: "18:00", "18:00:14", "6:00", "pm", "6pm", "UTC", "+0100".
// Returns false for anything else. Adds the time of day to *seconds.
bool read_time_word(std::string_view w, int64_t* seconds, bool* pm, bool* am) {
  if (iequals_prefix(w, "pm") && w.size() == 2) return *pm = true;
  if (iequals_prefix(w, "am") && w.size() == 2) return *am = true;
  bool upper = !w.empty() && w.size() <= 4;
  for (char c : w) upper = upper && c >= 'A' && c <= 'Z';
  if (upper) return true;  // zone abbreviation, ignored
  if (w.size() >= 2 && (w[0] == '+' || w[0] == '-') && is_digit(w[1])) return true;
  int h = 0, m = 0, s = 0;
  std::size_t pos = 0;
  while (pos < w.size() && is_digit(w[pos]) && pos < 2) h = h * 10 + (w[pos++] - '0');
  if (pos == 0) return false;
  if (pos < w.size() && w[pos] == ':') {
    ++pos;
    if (!read_digits(w, &pos, 2, &m)) return false;
    if (pos < w.size() && w[pos] == ':' && !read_digits(w, &++pos, 2, &s)) return false;
  }
  std::string_view rest = w.substr(pos);
  if (rest == "pm" || rest == "PM") *pm = true;
  else if (rest == "am" || rest == "AM") *am = true;
  else if (!rest.empty()) return false;
  if (h > 23 || m > 59 || s > 59) return false;
  *seconds += h * 3600 + m * 60 + s;
  return true;
}

std::vector<std::string_view> words_of(std::string_view s) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == ',' || s[i] == '\t')) ++i;
    std::size_t b = i;
    while (i < s.size() && s[i] != ' ' && s[i] != ',' && s[i] != '\t') ++i;
    if (i > b) words.push_back(s.substr(b, i - b));
  }
  return words;
}

}  // namespace

int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
  // Howard Hinnant's algorithm.
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

std::optional<int64_t> parse_iso_datetime_at(std::string_view s, std::size_t pos, std::size_t* end,
                                             bool* has_time) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
  if (!read_digits(s, &pos, 4, &y) || pos >= s.size() || s[pos++] != '-' ||
      !read_digits(s, &pos, 2, &mo) || pos >= s.size() || s[pos++] != '-' ||
      !read_digits(s, &pos, 2, &d) || !valid_ymd(y, mo, d))
    return std::nullopt;
  if (pos < s.size() && is_digit(s[pos])) return std::nullopt;
  *has_time = false;
  int64_t offset = 0;
  std::size_t p = pos;
  if (p < s.size() && (s[p] == 'T' || s[p] == ' ') && read_digits(s, &++p, 2, &h) &&
      p < s.size() && s[p] == ':' && read_digits(s, &++p, 2, &mi) && h < 24 && mi < 60) {
    *has_time = true;
    pos = p;
    if (pos < s.size() && s[pos] == ':' && read_digits(s, &++pos, 2, &sec)) {
      if (pos < s.size() && (s[pos] == '.' || s[pos] == ','))
        for (++pos; pos < s.size() && is_digit(s[pos]);) ++pos;
    } else {
      pos = p;
      sec = 0;
    }
    offset = read_zone(s, &pos);
  }
  *end = pos;
  return days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)) * 86400 +
         h * 3600 + mi * 60 + sec - offset;
}

std::optional<int64_t> parse_iso_datetime(std::string_view s) {
  s = trim(s);
  std::size_t end = 0;
  bool has_time = false;
  auto t = parse_iso_datetime_at(s, 0, &end, &has_time);
  if (!t || end != s.size()) return std::nullopt;
  return t;
}

std::optional<int64_t> parse_date(std::string_view s) {
  s = trim(s);
  if (auto iso = parse_iso_datetime(s)) return iso;
  std::vector<std::string_view> w = words_of(s);
  std::size_t i = 0;
  if (i < w.size() && is_weekday(w[i]) && month_of(w[i]) == 0) ++i;
  if (i + 3 > w.size()) return std::nullopt;
  int d = 0, m = 0, y = 0;
  if ((d = day_of(w[i])) && (m = month_of(w[i + 1])) && (y = year_of(w[i + 2]))) {
  } else if ((m = month_of(w[i])) && (d = day_of(w[i + 1])) && (y = year_of(w[i + 2]))) {
  } else {
    return std::nullopt;
  }
  int64_t seconds = 0;
  bool pm = false, am = false;
  for (std::size_t k = i + 3; k < w.size(); ++k) {
    std::string_view word = w[k];
    if (word == "at" || word == "-" || word == "|") continue;
    if (!read_time_word(word, &seconds, &pm, &am)) return std::nullopt;
  }
  if (pm && seconds < 12 * 3600) seconds += 12 * 3600;
  if (am && seconds >= 12 * 3600 && seconds < 13 * 3600) seconds -= 12 * 3600;
  return days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d)) * 86400 + seconds;
}

std::string format_utc(int64_t seconds, const char* format) {
  const std::time_t t = static_cast<std::time_t>(seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  const size_t n = std::strftime(buf, sizeof buf, format, &tm);
  return std::string(buf, n);
}

}  // namespace corpusc
