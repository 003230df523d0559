#include "files/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>

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

// The process's umask, read once and without changing it (umask() sets it:
// a race with other threads creating files); from the kernel's status
// file, else the conventional 022.
mode_t process_umask() {
  static const mode_t mask = [] {
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);)
      if (line.rfind("Umask:", 0) == 0) return static_cast<mode_t>(std::strtoul(line.c_str() + 6, nullptr, 8) & 0777);
    return mode_t{022};
  }();
  return mask;
}

// A file replaced keeps its permissions; a new one gets what creat() would
// give it: 0666 less the umask.
mode_t mode_for(const std::string& path) {
  struct stat existing {};
  if (::stat(path.c_str(), &existing) == 0 && S_ISREG(existing.st_mode)) return existing.st_mode & 07777;
  return 0666 & ~process_umask();
}

// Hidden: ".NAME.XXXXXX" beside the target, or ".ucap-XXXXXX" when that
// would be longer than the file system allows a name to be (a NAME near
// 255 bytes is legal; its temporary must be too).
std::string temporary_name(const std::filesystem::path& folder, const std::string& name) {
  long longest = ::pathconf(folder.c_str(), _PC_NAME_MAX);
  if (longest <= 0) longest = 255;
  // Appended piece by piece: GCC 12 warns falsely about "." + string.
  std::string hidden(1, '.');
  hidden += name;
  hidden += ".XXXXXX";
  return hidden.size() <= std::size_t(longest) ? hidden : std::string(".ucap-XXXXXX");
}

}  // namespace

std::string write_file_atomically(const std::string& path, std::string_view bytes, Durability durability) {
  const std::filesystem::path target(path);
  const std::filesystem::path folder = target.parent_path().empty() ? "." : target.parent_path();
  std::string temporary = (folder / temporary_name(folder, target.filename().string())).string();
  const mode_t mode = mode_for(path);  // before the rename replaces it
  const int fd = ::mkstemp(temporary.data());
  if (fd < 0) return "cannot create a temporary file in " + folder.string() + ": " + std::strerror(errno);
  std::string reason = write_all(fd, bytes);
  ::fchmod(fd, mode);  // mkstemp gives 0600
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
