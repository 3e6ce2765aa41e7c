// SQLite FTS5 peer: tokenize='porter unicode61 remove_diacritics 2', title and text
// stored in the table, 'optimize' + VACUUM after the load (a static database).
// Queries: FTS5 syntax, "quoted" words, phrases, "pre" * prefixes; ORDER BY rank
// (FTS5's BM25) LIMIT k.
#include <sqlite3.h>

#include <cstdio>
#include <stdexcept>

#include "peer.hpp"

namespace bench {
namespace {

void check(int rc, sqlite3* db, const char* what) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
    throw std::runtime_error(std::string("sqlite: ") + what + ": " + sqlite3_errmsg(db));
  }
}

void exec(sqlite3* db, const char* sql) { check(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), db, sql); }

std::string fts_query(const BenchQuery& q, Mode mode) {
  std::string out;
  for (const QueryItem& it : q.items) {
    if (!out.empty()) out += mode == Mode::all ? " AND " : " OR ";
    std::string words;
    for (const std::string& w : it.words) words += (words.empty() ? "" : " ") + w;
    out += "\"" + words + "\"";
    if (it.kind == ItemKind::prefix) out += " *";
  }
  return out;
}

class Fts5 : public Peer {
 public:
  ~Fts5() override {
    sqlite3_finalize(search_);
    sqlite3_finalize(fetch_);
    sqlite3_close(db_);
  }

  void build(const std::vector<Article>& corpus, const std::string& path) override {
    std::remove(path.c_str());
    sqlite3* db = nullptr;
    check(sqlite3_open(path.c_str(), &db), db, "open");
    exec(db, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;");
    exec(db, "CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, body, "
             "tokenize='porter unicode61 remove_diacritics 2')");
    exec(db, "BEGIN");
    sqlite3_stmt* ins = nullptr;
    check(sqlite3_prepare_v2(db, "INSERT INTO docs(rowid, id, title, body) VALUES(?,?,?,?)", -1, &ins, nullptr), db, "prepare");
    for (size_t i = 0; i < corpus.size(); ++i) {
      sqlite3_bind_int64(ins, 1, static_cast<sqlite3_int64>(i + 1));
      sqlite3_bind_text(ins, 2, corpus[i].id.data(), static_cast<int>(corpus[i].id.size()), SQLITE_STATIC);
      sqlite3_bind_text(ins, 3, corpus[i].title.data(), static_cast<int>(corpus[i].title.size()), SQLITE_STATIC);
      sqlite3_bind_text(ins, 4, corpus[i].text.data(), static_cast<int>(corpus[i].text.size()), SQLITE_STATIC);
      check(sqlite3_step(ins), db, "insert");
      sqlite3_reset(ins);
    }
    sqlite3_finalize(ins);
    exec(db, "COMMIT");
    exec(db, "INSERT INTO docs(docs) VALUES('optimize')");
    exec(db, "VACUUM");
    check(sqlite3_close(db), db, "close");
  }

  void open(const std::string& path) override {
    check(sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr), db_, "open");
    check(sqlite3_prepare_v2(db_, "SELECT id FROM docs WHERE docs MATCH ?1 ORDER BY rank LIMIT ?2", -1, &search_, nullptr), db_, "prepare");
    check(sqlite3_prepare_v2(db_, "SELECT body FROM docs WHERE rowid = ?1", -1, &fetch_, nullptr), db_, "prepare");
  }

  std::vector<std::string> search(const BenchQuery& q, Mode mode, unsigned k) override {
    std::string expr = fts_query(q, mode);
    sqlite3_bind_text(search_, 1, expr.data(), static_cast<int>(expr.size()), SQLITE_TRANSIENT);
    sqlite3_bind_int(search_, 2, static_cast<int>(k));
    std::vector<std::string> ids;
    int rc;
    while ((rc = sqlite3_step(search_)) == SQLITE_ROW) {
      ids.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(search_, 0)));
    }
    sqlite3_reset(search_);
    return ids;
  }

  size_t fetch(size_t pos, const std::string&) override {
    sqlite3_bind_int64(fetch_, 1, static_cast<sqlite3_int64>(pos + 1));
    size_t n = 0;
    if (sqlite3_step(fetch_) == SQLITE_ROW) {
      sqlite3_column_text(fetch_, 0);
      n = static_cast<size_t>(sqlite3_column_bytes(fetch_, 0));
    }
    sqlite3_reset(fetch_);
    return n;
  }

 private:
  sqlite3* db_ = nullptr;
  sqlite3_stmt* search_ = nullptr;
  sqlite3_stmt* fetch_ = nullptr;
};

}  // namespace

std::unique_ptr<Peer> make_fts5() { return std::make_unique<Fts5>(); }

}  // namespace bench
