#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pdf/pdf_writer.h"

namespace ucap::pdf {

std::string write_file_atomically(const std::string& path, const std::vector<std::uint8_t>& bytes) {
  std::filesystem::path target(path);
  std::filesystem::path dir = target.parent_path().empty() ? "." : target.parent_path();
  // A hidden sibling, so the rename stays within one file system.
  std::string temp_name = ".";
  temp_name += target.filename().string();
  temp_name += ".XXXXXX";
  std::string temp = (dir / temp_name).string();
  int fd = ::mkstemp(temp.data());
  if (fd < 0) return "cannot create a temporary file in " + dir.string() + ": " + std::strerror(errno);
  std::size_t written = 0;
  while (written < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      std::string reason = std::strerror(errno);
      ::close(fd);
      ::unlink(temp.c_str());
      return "cannot write " + path + ": " + reason;
    }
    written += std::size_t(n);
  }
  // mkstemp makes the file 0600; a PDF is an ordinary document.
  ::fchmod(fd, 0644);
  // Both, always: a failed fsync must not leak the descriptor.
  const bool synced = ::fsync(fd) == 0;
  const int sync_errno = errno;
  const bool closed = ::close(fd) == 0;
  if (!synced || !closed) {
    std::string reason = std::strerror(synced ? errno : sync_errno);
    ::unlink(temp.c_str());
    return "cannot write " + path + ": " + reason;
  }
  if (std::rename(temp.c_str(), path.c_str()) != 0) {
    std::string reason = std::strerror(errno);
    ::unlink(temp.c_str());
    return "cannot replace " + path + ": " + reason;
  }
  return {};
}

}  // namespace ucap::pdf
