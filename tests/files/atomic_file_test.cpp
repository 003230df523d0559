// Files written whole or not at all: through a temporary sibling and a
// rename, the previous file kept on failure, nothing left behind.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <filesystem>

#include "batch/batch_support.h"
#include "files/atomic_file.h"
#include "support/check.h"

using namespace ucap;
using files::Durability;
using files::write_file_atomically;

namespace {

std::size_t entries(const std::filesystem::path& folder) {
  return std::size_t(std::distance(std::filesystem::directory_iterator(folder), {}));
}

}  // namespace

TEST_CASE("a file replaced through a temporary file and a rename keeps its mode; a new one honours the umask") {
  test::ScratchFolder folder("atomic");
  const std::string path = folder / "plan.pdf";
  folder.write("plan.pdf", "old");
  REQUIRE(::chmod(path.c_str(), 0640) == 0);  // readable by the group only, as its owner chose
  for (Durability durability : {Durability::on_disk, Durability::deferred}) {
    CHECK(write_file_atomically(path, "%PDF-1.4 new\n", durability).empty());
    CHECK(test::read_text(path) == "%PDF-1.4 new\n");
    CHECK(entries(folder.path()) == 1);  // no temporary left
    struct stat info {};
    REQUIRE(::stat(path.c_str(), &info) == 0);
    CHECK((info.st_mode & 07777) == 0640);
  }
  const mode_t umask = ::umask(0);
  ::umask(umask);
  const std::string fresh = folder / "new.pdf";
  CHECK(write_file_atomically(fresh, "%PDF-1.4\n").empty());
  struct stat info {};
  REQUIRE(::stat(fresh.c_str(), &info) == 0);
  CHECK((info.st_mode & 07777) == (0666 & ~umask));
}

TEST_CASE("a name as long as the file system allows still gets a temporary file, whose name is short") {
  test::ScratchFolder folder("atomic-long");
  const std::string name = std::string(251, 'n') + ".pdf";  // 255 bytes: ".NAME.XXXXXX" would be 263
  const std::string path = folder / name;
  CHECK(write_file_atomically(path, "%PDF-1.4\n").empty());
  CHECK(test::read_text(path) == "%PDF-1.4\n");
  CHECK(entries(folder.path()) == 1);
}

TEST_CASE("a failure says why, leaves the previous file and no temporary") {
  test::ScratchFolder folder("atomic-fail");
  const std::string not_a_folder = folder.write("file", "");
  const std::string error = write_file_atomically(not_a_folder + "/plan.pdf", "x");
  CHECK(error.find("cannot create a temporary file in " + not_a_folder) == 0);
  CHECK(entries(folder.path()) == 1);

  // A folder where the target name is taken by a folder: the rename fails.
  const std::string taken = folder / "taken.pdf";
  std::filesystem::create_directories(std::filesystem::path(taken) / "inside");
  const std::string refused = write_file_atomically(taken, "x");
  CHECK(refused.find("cannot write " + taken + ": ") == 0);
  CHECK(std::filesystem::is_directory(taken));
  CHECK(entries(folder.path()) == 2);  // file and taken.pdf: the temporary is gone
}

TEST_CASE("sync_file_system flushes a folder's file system, or says why not") {
  test::ScratchFolder folder("atomic-sync");
  CHECK(files::sync_file_system(folder.path().string()).empty());
  CHECK(!files::sync_file_system((folder / "missing").c_str()).empty());
}
