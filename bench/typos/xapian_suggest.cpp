// xapian_suggest: Xapian's spelling suggestion on the typo'd BBC queries, for the
// side-by-side table of bench/results/typos.md.
//
//   xapian_suggest BBC_DIR bench/typos/bbc_typos.tsv
// Indexes title + text of every article with TermGenerator (English stemmer) and
// adds every word to the spelling table (WritableDatabase::add_spelling, one per
// occurrence, as TermGenerator::FLAG_SPELLING would); then, per CLEAN<TAB>TYPO line,
// parses TYPO with QueryParser::FLAG_SPELLING_CORRECTION and compares
// get_corrected_query_string() (the typed query when it has none) with CLEAN.
#include <xapian.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace {

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

void index_corpus(Xapian::WritableDatabase& db, const std::string& dir) {
  Xapian::TermGenerator tg;
  tg.set_stemmer(Xapian::Stem("english"));
  tg.set_database(db);
  tg.set_flags(Xapian::TermGenerator::FLAG_SPELLING);  // add_spelling() for every word indexed
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
    if (e.is_regular_file() && e.path().extension() == ".txt") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& p : files) {
    std::ifstream in(p);
    std::string title, text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    title = text.substr(0, text.find('\n'));
    Xapian::Document doc;
    tg.set_document(doc);
    tg.index_text(title);
    tg.increase_termpos();
    tg.index_text(text.substr(title.size()));
    db.add_document(doc);
  }
  db.commit();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: xapian_suggest BBC_DIR TSV\n");
    return 2;
  }
  const std::string tmp = std::filesystem::temp_directory_path() / "xapian_suggest.db";
  std::filesystem::remove_all(tmp);
  Xapian::WritableDatabase db(tmp, Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC);
  index_corpus(db, argv[1]);
  Xapian::QueryParser qp;
  qp.set_stemmer(Xapian::Stem("english"));
  qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  qp.set_database(db);
  std::ifstream in(argv[2]);
  size_t n = 0, exact = 0, suggested = 0;
  for (std::string line; std::getline(in, line);) {
    const size_t tab = line.find('\t');
    if (tab == std::string::npos) continue;
    const std::string clean = line.substr(0, tab), typo = line.substr(tab + 1);
    qp.parse_query(typo, Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_SPELLING_CORRECTION);
    std::string fixed = qp.get_corrected_query_string();
    suggested += !fixed.empty();
    if (fixed.empty()) fixed = typo;
    const bool same = lower(fixed) == lower(clean);
    exact += same;
    std::printf("X\t%s\t%s\t%s\t%s\n", clean.c_str(), typo.c_str(), fixed.c_str(), same ? "exact" : "-");
    ++n;
  }
  std::printf("xapian: %zu queries, suggested %zu, suggestion is the clean query exactly: %zu / %zu (%.1f %%)\n", n,
              suggested, exact, n, n ? 100.0 * static_cast<double>(exact) / static_cast<double>(n) : 0.0);
  std::filesystem::remove_all(tmp);
  return 0;
}
