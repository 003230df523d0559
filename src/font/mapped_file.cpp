#include "font/mapped_file.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ucap::font {

Result<std::unique_ptr<MappedFile>> MappedFile::open(const std::string& path) {
  using R = Result<std::unique_ptr<MappedFile>>;
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return R::failure("cannot open font file " + path + ": " + std::strerror(errno));
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size <= 0) {
    ::close(fd);
    return R::failure("font file " + path + " is not a readable, non-empty file");
  }
  auto size = static_cast<std::size_t>(st.st_size);
  void* data = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  int mmap_errno = errno;
  ::close(fd);  // the mapping keeps the file alive
  if (data == MAP_FAILED) return R::failure("cannot map font file " + path + ": " + std::strerror(mmap_errno));
  return R::success(std::unique_ptr<MappedFile>(
      new MappedFile(path, static_cast<const std::uint8_t*>(data), size)));
}

MappedFile::~MappedFile() { ::munmap(const_cast<std::uint8_t*>(data_), size_); }

}  // namespace ucap::font
