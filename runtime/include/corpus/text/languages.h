/* The languages a blob can be stemmed in: one list for the compiler, the runtime and
 * the C API. Ids are stable (a blob stores them): append, never renumber.
 * Names are Snowball's algorithm names (Debian bookworm's libstemmer 2.2.0); codes
 * are ISO 639-1, as in HTML's lang attribute. */
#ifndef CORPUS_TEXT_LANGUAGES_H
#define CORPUS_TEXT_LANGUAGES_H

/* X(id, snowball_name, iso_639_1) */
#define CORPUS_LANGUAGE_LIST(X) \
  X(1, arabic, "ar")            \
  X(2, armenian, "hy")          \
  X(3, basque, "eu")            \
  X(4, catalan, "ca")           \
  X(5, danish, "da")            \
  X(6, dutch, "nl")             \
  X(7, english, "en")           \
  X(8, finnish, "fi")           \
  X(9, french, "fr")            \
  X(10, german, "de")           \
  X(11, greek, "el")            \
  X(12, hindi, "hi")            \
  X(13, hungarian, "hu")        \
  X(14, indonesian, "id")       \
  X(15, irish, "ga")            \
  X(16, italian, "it")          \
  X(17, lithuanian, "lt")       \
  X(18, nepali, "ne")           \
  X(19, norwegian, "no")        \
  X(20, portuguese, "pt")       \
  X(21, romanian, "ro")         \
  X(22, russian, "ru")          \
  X(23, serbian, "sr")          \
  X(24, spanish, "es")          \
  X(25, swedish, "sv")          \
  X(26, tamil, "ta")            \
  X(27, turkish, "tr")          \
  X(28, yiddish, "yi")

/* Languages an article may be in that have no Snowball stemmer: their text is
 * tokenized and folded, never stemmed. Same id space, after the stemmed ones. */
#define CORPUS_UNSTEMMED_LANGUAGE_LIST(X) \
  X(29, thai, "th")                        \
  X(30, chinese, "zh")                     \
  X(31, japanese, "ja")                    \
  X(32, korean, "ko")                      \
  X(33, vietnamese, "vi")                  \
  X(34, hebrew, "he")

/* CORPUS_LANG_arabic = 1, ...; 0 means "no language" (undetermined: not stemmed).
 * CORPUS_LANG_count_ ends the stemmed ids, CORPUS_LANG_end_ all ids. */
enum corpus_language_id {
  CORPUS_LANG_none = 0,
#define CORPUS_LANGUAGE_ENUM_(id, name, iso) CORPUS_LANG_##name = id,
  CORPUS_LANGUAGE_LIST(CORPUS_LANGUAGE_ENUM_)
  CORPUS_LANG_count_,
  CORPUS_UNSTEMMED_LANGUAGE_LIST(CORPUS_LANGUAGE_ENUM_)
#undef CORPUS_LANGUAGE_ENUM_
  CORPUS_LANG_end_
};

#endif
