// BlobFile: a blob file mapped read-only and opened through the runtime, as a
// device would. Every CLI command that reads a blob goes through here.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "corpus/blob.hpp"
#include "corpus/reader.hpp"

namespace corpusc {

class BlobFile {
 public:
  BlobFile() = default;
  BlobFile(const BlobFile&) = delete;
  BlobFile& operator=(const BlobFile&) = delete;
  ~BlobFile();

  /// Maps and opens `path`. On failure returns false and sets error() to a message
  /// naming the file and the problem; status() is the runtime's verdict, if any.
  bool open(const std::string& path);

  const corpus::Blob& blob() const { return blob_; }
  const uint8_t* data() const { return data_; }
  size_t size() const { return size_; }
  corpus::Status status() const { return status_; }
  const std::string& error() const { return error_; }

  /// A workspace big enough for this blob's frames (heap-owned: this is the host).
  void* workspace() { return workspace_.data(); }
  size_t workspace_size() const { return workspace_.size() * sizeof(uint64_t); }

 private:
  const uint8_t* data_ = nullptr;
  size_t size_ = 0;
  bool mapped_ = false;
  corpus::Blob blob_;
  corpus::Status status_ = corpus::Status::ok;
  std::string error_;
  std::vector<uint64_t> workspace_;
};

}  // namespace corpusc
