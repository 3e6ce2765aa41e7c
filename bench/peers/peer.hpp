// Peer: one comparable search library (SQLite FTS5, Xapian, libzim), driven
// in-process. Every peer indexes title and text, stores the text, stems English,
// and answers the same queries (bench_data.hpp) in both modes with the same k.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "bench_data.hpp"

namespace bench {

class Peer {
 public:
  virtual ~Peer() = default;
  /// Builds the peer's database/file at `path` from `corpus` (overwrites).
  virtual void build(const std::vector<Article>& corpus, const std::string& path) = 0;
  /// Opens what build() wrote, ready to search.
  virtual void open(const std::string& path) = 0;
  /// Top-k article ids, best first.
  virtual std::vector<std::string> search(const BenchQuery& q, Mode mode, unsigned k) = 0;
  /// Reads the stored text of the article at corpus position `pos` (id `id`); returns its bytes.
  virtual size_t fetch(size_t pos, const std::string& id) = 0;
  /// The file whose size is the peer's footprint (build() may leave it a single file).
  virtual std::string file(const std::string& path) const { return path; }
};

std::unique_ptr<Peer> make_fts5();
std::unique_ptr<Peer> make_xapian();
std::unique_ptr<Peer> make_zim();

}  // namespace bench
