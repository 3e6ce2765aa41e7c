// libzim peer: a ZIM written through zim::writer::Creator with configIndexing(true,
// "en") (libzim's own Xapian full-text and title indexes), one text/html item per
// article (the escaped text in <p> paragraphs, as a reader app would store it),
// indexed by libzim's own HTML text extraction (the default IndexData).
// Observed with libzim 8.1.1: some terms match far fewer articles than contain them
// ("web": 3 of 99, also with plain-text IndexData), so ZIM's AND results are sparser.
// Queries: zim::Searcher; libzim parses with Xapian's FLAG_DEFAULT (phrases and
// AND/OR, but no wildcards), so the modes are spelt with explicit AND / OR and a
// prefix item is searched as the word itself (counted in the report's notes).
#include <zim/archive.h>
#include <zim/item.h>
#include <zim/search.h>
#include <zim/writer/contentProvider.h>
#include <zim/writer/creator.h>
#include <zim/writer/item.h>

#include <filesystem>
#include <optional>

#include "peer.hpp"

namespace bench {
namespace {

std::string html_escape(const std::string& s) {
  std::string out;
  out.reserve(s.size() + s.size() / 16);
  for (char c : s) {
    switch (c) {
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string to_html(const Article& a) {
  std::string body;
  size_t i = 0;
  while (i < a.text.size()) {
    size_t nl = a.text.find('\n', i);
    if (nl == std::string::npos) nl = a.text.size();
    if (nl > i) body += "<p>" + html_escape(a.text.substr(i, nl - i)) + "</p>\n";
    i = nl + 1;
  }
  return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + html_escape(a.title) +
         "</title></head><body><h1>" + html_escape(a.title) + "</h1>\n" + body + "</body></html>";
}

std::string zim_query(const BenchQuery& q, Mode mode) {
  std::string out;
  for (const QueryItem& it : q.items) {
    if (!out.empty()) out += mode == Mode::all ? " AND " : " OR ";
    if (it.kind == ItemKind::phrase) out += '"';
    for (size_t i = 0; i < it.words.size(); ++i) out += (i ? " " : "") + it.words[i];
    if (it.kind == ItemKind::phrase) out += '"';
  }
  return out;
}

class ZimPeer : public Peer {
 public:
  void build(const std::vector<Article>& corpus, const std::string& path) override {
    std::filesystem::remove(path);
    zim::writer::Creator creator;
    creator.configIndexing(true, "en").configNbWorkers(2);
    creator.startZimCreation(path);
    for (const Article& a : corpus) {
      creator.addItem(zim::writer::StringItem::create(a.id, "text/html", a.title,
                                                      zim::writer::Hints{{zim::writer::FRONT_ARTICLE, 1}},
                                                      to_html(a)));
    }
    creator.setMainPath(corpus.empty() ? "" : corpus.front().id);
    creator.addMetadata("Language", "eng");
    creator.addMetadata("Title", "benchmark corpus");
    creator.finishZimCreation();
  }

  void open(const std::string& path) override {
    archive_.emplace(path);
    searcher_.emplace(*archive_);
  }

  std::vector<std::string> search(const BenchQuery& q, Mode mode, unsigned k) override {
    zim::Search s = searcher_->search(zim::Query(zim_query(q, mode)));
    zim::SearchResultSet results = s.getResults(0, static_cast<int>(k));
    std::vector<std::string> ids;
    for (auto it = results.begin(); it != results.end(); ++it) ids.push_back(it.getPath());
    return ids;
  }

  size_t fetch(size_t, const std::string& id) override {
    return archive_->getEntryByPath(id).getItem().getData().size();
  }

 private:
  std::optional<zim::Archive> archive_;
  std::optional<zim::Searcher> searcher_;
};

}  // namespace

std::unique_ptr<Peer> make_zim() { return std::make_unique<ZimPeer>(); }

}  // namespace bench
