// BlobChain: a base blob and its volumes mapped from files and opened as one
// corpus::Collection, for the CLI's -V and for `build --extends`.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "cli/blob_file.hpp"
#include "corpus/collection.hpp"

namespace corpusc {

class BlobChain {
 public:
  /// Maps `paths` (base first, then volumes in order) and opens the collection. On
  /// failure returns false with error() naming the file and the reason.
  bool open(const std::vector<std::string>& paths);

  const corpus::Collection& collection() const { return collection_; }
  const corpus::Blob& part(uint32_t i) const { return blobs_[i]; }
  uint32_t part_count() const { return static_cast<uint32_t>(blobs_.size()); }
  const std::string& path(uint32_t i) const { return paths_[i]; }
  corpus::Status status() const { return status_; }
  const std::string& error() const { return error_; }

  /// A workspace big enough for every part's frames.
  void* workspace() { return workspace_.data(); }
  size_t workspace_size() const { return workspace_.size() * sizeof(uint64_t); }

  /// The exact text (`original`) or normalized text of an article, read through the runtime.
  corpus::Status read_text(const corpus::ArticleRef& ref, bool original, std::string* out);

 private:
  std::vector<std::unique_ptr<BlobFile>> files_;
  std::vector<corpus::Blob> blobs_;
  std::vector<std::string> paths_;
  corpus::Collection collection_;
  corpus::Status status_ = corpus::Status::ok;
  std::string error_;
  std::vector<uint64_t> workspace_;
};

}  // namespace corpusc
