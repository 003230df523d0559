/* A full disk without root: LD_PRELOAD this library and set
 * UCAP_FULL_DISK_DIR to a folder; write() to any file in that folder then
 * fails with ENOSPC once the file holds UCAP_FULL_DISK_BYTES bytes (default
 * 4096), as on a file system that has just filled up. Everything else is
 * written as usual. tests/e2e/test_render_hostile.sh uses it where a small
 * tmpfs cannot be mounted (not root). */
#include <dlfcn.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>

using write_function = ssize_t (*)(int, const void*, size_t);

static bool in_full_folder(int fd) {
  const char* folder = getenv("UCAP_FULL_DISK_DIR");
  if (!folder || !*folder) return false;
  char link[64], path[PATH_MAX];
  snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
  ssize_t n = readlink(link, path, sizeof path - 1);
  if (n < 0) return false;
  path[n] = '\0';
  size_t length = strlen(folder);
  return strncmp(path, folder, length) == 0 && path[length] == '/';
}

extern "C" ssize_t write(int fd, const void* buffer, size_t count) {
  static write_function real_write;
  if (!real_write) real_write = reinterpret_cast<write_function>(dlsym(RTLD_NEXT, "write"));
  if (!in_full_folder(fd)) return real_write(fd, buffer, count);
  const char* limit_text = getenv("UCAP_FULL_DISK_BYTES");
  off_t limit = limit_text ? atoll(limit_text) : 4096;
  struct stat status;
  if (fstat(fd, &status) != 0) return real_write(fd, buffer, count);
  off_t room = limit - status.st_size;
  if (room <= 0) {
    errno = ENOSPC;
    return -1;
  }
  return real_write(fd, buffer, count < static_cast<size_t>(room) ? count : static_cast<size_t>(room));
}
