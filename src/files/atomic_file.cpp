#include "files/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace ucap::files {

namespace {

std::string write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return std::strerror(n < 0 ? errno : EIO);
    bytes.remove_prefix(std::size_t(n));
  }
  return {};
}

}  // namespace

std::string write_file_atomically(const std::string& path, std::string_view bytes, Durability durability) {
  const std::filesystem::path target(path);
  const std::filesystem::path folder = target.parent_path().empty() ? "." : target.parent_path();
  // Hidden: ".NAME.XXXXXX" (appended piece by piece: GCC 12 warns falsely
  // about "." + string).
  std::string hidden_name(1, '.');
  hidden_name += target.filename().string();
  hidden_name += ".XXXXXX";
  std::string temporary = (folder / hidden_name).string();
  const int fd = ::mkstemp(temporary.data());
  if (fd < 0) return "cannot create a temporary file in " + folder.string() + ": " + std::strerror(errno);
  std::string reason = write_all(fd, bytes);
  ::fchmod(fd, 0644);  // mkstemp gives 0600; these are ordinary documents
  // The descriptor is closed whatever failed before.
  if (reason.empty() && durability == Durability::on_disk && ::fsync(fd) != 0) reason = std::strerror(errno);
  if (::close(fd) != 0 && reason.empty()) reason = std::strerror(errno);
  if (reason.empty() && std::rename(temporary.c_str(), path.c_str()) != 0) reason = std::strerror(errno);
  if (reason.empty()) return {};
  ::unlink(temporary.c_str());
  return "cannot write " + path + ": " + reason;
}

std::string write_file_atomically(const std::string& path, const std::vector<std::uint8_t>& bytes,
                                  Durability durability) {
  return write_file_atomically(path, std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()),
                               durability);
}

std::string sync_file_system(const std::string& folder) {
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return std::strerror(errno);
  const std::string reason = ::syncfs(fd) == 0 ? "" : std::strerror(errno);
  ::close(fd);
  return reason;
}

}  // namespace ucap::files
