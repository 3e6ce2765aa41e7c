#include "cli/blob_file.hpp"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace corpusc {

BlobFile::~BlobFile() {
  if (mapped_) munmap(const_cast<uint8_t*>(data_), size_);
}

bool BlobFile::open(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    error_ = path + ": cannot open: " + std::strerror(errno);
    return false;
  }
  struct stat st;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    error_ = path + ": not a regular file";
    close(fd);
    return false;
  }
  size_ = static_cast<size_t>(st.st_size);
  if (size_ > 0) {
    void* p = mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, fd, 0);
    if (p == MAP_FAILED) {
      error_ = path + ": cannot map: " + std::strerror(errno);
      close(fd);
      return false;
    }
    data_ = static_cast<const uint8_t*>(p);
    mapped_ = true;
  }
  close(fd);
  status_ = corpus::Blob::open(data_, size_, &blob_);
  if (status_ != corpus::Status::ok) {
    error_ = path + ": " + corpus::status_message(status_);
    return false;
  }
  workspace_.assign(corpus::workspace_bytes(blob_.max_frame_raw()) / sizeof(uint64_t) + 1, 0);
  return true;
}

}  // namespace corpusc
