// Xapian peer: TermGenerator with the English stemmer and positions (title, then
// text), the text as document data, the id as value 0; compacted to one file after
// the load (a static database). Queries: QueryParser with the same stemmer,
// phrases and wildcards, default operator AND or OR; BM25 (Xapian's default weight).
#include <xapian.h>

#include <filesystem>

#include "peer.hpp"

namespace bench {
namespace {

std::string xapian_query(const BenchQuery& q) {
  std::string out;
  for (const QueryItem& it : q.items) {
    if (!out.empty()) out += ' ';
    if (it.kind == ItemKind::phrase) out += '"';
    for (size_t i = 0; i < it.words.size(); ++i) out += (i ? " " : "") + it.words[i];
    if (it.kind == ItemKind::phrase) out += '"';
    if (it.kind == ItemKind::prefix) out += '*';
  }
  return out;
}

class XapianPeer : public Peer {
 public:
  void build(const std::vector<Article>& corpus, const std::string& path) override {
    namespace fs = std::filesystem;
    const std::string tmp = path + ".dir";
    fs::remove_all(tmp);
    fs::remove_all(path);
    {
      Xapian::WritableDatabase db(tmp, Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC);
      Xapian::TermGenerator tg;
      tg.set_stemmer(Xapian::Stem("english"));
      for (const Article& a : corpus) {
        Xapian::Document doc;
        tg.set_document(doc);
        tg.index_text(a.title);
        tg.increase_termpos();
        tg.index_text(a.text);
        doc.set_data(a.text);
        doc.add_value(0, a.id);
        db.add_document(doc);
      }
      db.commit();
    }
    Xapian::Database(tmp).compact(path, Xapian::DBCOMPACT_SINGLE_FILE);
    fs::remove_all(tmp);
  }

  void open(const std::string& path) override {
    db_ = Xapian::Database(path);
    qp_.set_stemmer(Xapian::Stem("english"));
    qp_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    qp_.set_database(db_);
  }

  std::vector<std::string> search(const BenchQuery& q, Mode mode, unsigned k) override {
    qp_.set_default_op(mode == Mode::all ? Xapian::Query::OP_AND : Xapian::Query::OP_OR);
    Xapian::Query query = qp_.parse_query(
        xapian_query(q), Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_WILDCARD);
    Xapian::Enquire enquire(db_);
    enquire.set_query(query);
    Xapian::MSet mset = enquire.get_mset(0, k);
    std::vector<std::string> ids;
    for (auto it = mset.begin(); it != mset.end(); ++it) ids.push_back(it.get_document().get_value(0));
    return ids;
  }

  size_t fetch(size_t pos, const std::string&) override {
    return db_.get_document(static_cast<Xapian::docid>(pos + 1)).get_data().size();
  }

 private:
  Xapian::Database db_;
  Xapian::QueryParser qp_;
};

}  // namespace

std::unique_ptr<Peer> make_xapian() { return std::make_unique<XapianPeer>(); }

}  // namespace bench
