#include "write/atomic_file.hpp"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <string>

#include <fcntl.h>
#include <unistd.h>

#include "errors.hpp"

namespace corpusc {

namespace {

// The temporary file to remove if a signal ends the build (async-signal-safe use only).
char g_temp_path[4096];

extern "C" void remove_temp_and_exit(int sig) {
  if (g_temp_path[0]) unlink(g_temp_path);
  signal(sig, SIG_DFL);
  raise(sig);
}

[[noreturn]] void fail(const std::string& what, const std::string& path) {
  throw CompileError(ErrorKind::io, what + " " + path + ": " + std::strerror(errno));
}

}  // namespace

static void write_all(const std::string& path, const void* data, size_t size) {
  std::string tmp = path + ".tmp-" + std::to_string(getpid());
  if (tmp.size() >= sizeof g_temp_path) throw CompileError(ErrorKind::io, "output path too long: " + path);
  std::memcpy(g_temp_path, tmp.c_str(), tmp.size() + 1);
  auto old_int = signal(SIGINT, remove_temp_and_exit);
  auto old_term = signal(SIGTERM, remove_temp_and_exit);
  auto restore = [&] {
    signal(SIGINT, old_int);
    signal(SIGTERM, old_term);
    g_temp_path[0] = '\0';
  };
  int fd = open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) { restore(); fail("cannot create", tmp); }
  const char* p = static_cast<const char*>(data);
  size_t left = size;
  while (left > 0) {
    ssize_t n = write(fd, p, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      int e = errno;
      close(fd);
      unlink(tmp.c_str());
      restore();
      errno = e;
      fail("cannot write", tmp);
    }
    p += n;
    left -= static_cast<size_t>(n);
  }
  if (fsync(fd) != 0 || close(fd) != 0) {
    int e = errno;
    unlink(tmp.c_str());
    restore();
    errno = e;
    fail("cannot flush", tmp);
  }
  if (rename(tmp.c_str(), path.c_str()) != 0) {
    int e = errno;
    unlink(tmp.c_str());
    restore();
    errno = e;
    fail("cannot rename to", path);
  }
  restore();
}

void write_file_atomically(const std::string& path, const std::vector<uint8_t>& bytes) {
  write_all(path, bytes.data(), bytes.size());
}

void write_file_atomically(const std::string& path, const std::string& bytes) {
  write_all(path, bytes.data(), bytes.size());
}

}  // namespace corpusc
