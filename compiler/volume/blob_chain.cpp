#include "volume/blob_chain.hpp"

namespace corpusc {

bool BlobChain::open(const std::vector<std::string>& paths) {
  paths_ = paths;
  for (const std::string& p : paths) {
    files_.push_back(std::make_unique<BlobFile>());
    if (!files_.back()->open(p)) {
      status_ = files_.back()->status();
      error_ = files_.back()->error();
      return false;
    }
    blobs_.push_back(files_.back()->blob());
  }
  if (blobs_.size() > corpus::kMaxCollectionParts) {
    status_ = corpus::Status::limit_exceeded;
    error_ = "more than " + std::to_string(corpus::kMaxCollectionParts - 1) + " volumes";
    return false;
  }
  uint32_t bad = corpus::kNone;
  status_ = collection_.open(blobs_.data(), part_count(), &bad);
  if (status_ != corpus::Status::ok) {
    const std::string who = bad < paths_.size() ? paths_[bad] : std::string("volumes");
    error_ = who + ": " + corpus::status_message(status_);
    if (bad > 0 && bad < paths_.size()) error_ += " (after " + paths_[bad - 1] + ")";
    return false;
  }
  workspace_.assign(corpus::workspace_bytes(collection_.max_frame_raw()) / sizeof(uint64_t) + 1, 0);
  return true;
}

corpus::Status BlobChain::read_text(const corpus::ArticleRef& ref, bool original, std::string* out) {
  out->clear();
  corpus::Reader reader;
  corpus::Status s = collection_.init_reader(ref.part, &reader, workspace(), workspace_size());
  if (s != corpus::Status::ok) return s;
  const corpus::ArticleInfo info = blobs_[ref.part].article(ref.index);
  const uint32_t text = original ? info.original : info.text;
  corpus::TextSpan span;
  s = blobs_[ref.part].text(text, &span);
  if (s != corpus::Status::ok) return s;
  out->resize(static_cast<size_t>(span.length));
  size_t written = 0;
  s = reader.read_all(text, out->data(), out->size(), &written);
  out->resize(written);
  return s;
}

}  // namespace corpusc
