// Waiting for a set of input files to change, through Linux inotify.
//
// Each file is watched through its folder, not by itself: editors save by
// writing a temporary and renaming it over the file, by deleting and
// re-creating it, or by rewriting it in place, and only the folder sees all
// three (a watch on the file itself dies with the old inode). A save is
// complete when a file is closed after writing, renamed into place, or has
// its attributes changed (`touch`); the watcher then waits a short settle
// time for more, so that one save of several files is one wake.
//
// The watcher also takes over SIGINT, SIGTERM and SIGHUP (blocked, and read
// from a signalfd), so that a signal ends a wait and never interrupts a
// write half-way.
#pragma once

#include <chrono>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace ucap::cli {

class FileWatcher {
 public:
  // Blocks the signals in this thread, which must be the program's only
  // thread yet (threads started later inherit the mask). error() says when
  // inotify or the signalfd could not be had.
  FileWatcher();
  ~FileWatcher();
  FileWatcher(const FileWatcher&) = delete;
  FileWatcher& operator=(const FileWatcher&) = delete;

  const std::string& error() const { return error_; }

  // The key a path is known by in wake(): absolute and lexically normal.
  static std::string key(const std::string& path);

  // Replaces what is watched: `files` each by name, `folders` for every
  // *.xml file in them (new, changed or deleted; dot-files excluded). A
  // folder that does not exist yet is looked for again while waiting.
  void watch(const std::vector<std::string>& files, const std::vector<std::string>& folders);

  struct Wake {
    int signal = 0;                    // SIGINT, SIGTERM or SIGHUP when one arrived
    std::set<std::string> changed;     // keys of the files that changed (or appeared, or went)
  };

  // Blocks until a watched file has changed and `settle` has passed with
  // no further change, or a signal arrives. When a changed file is missing
  // (deleted, or renamed away) or still open, it waits up to `reappear`
  // more for it to come back (an editor that deletes and re-creates it) or
  // be closed.
  Wake wait(std::chrono::milliseconds settle, std::chrono::milliseconds reappear);

 private:
  bool relevant(const std::string& folder, const std::string& name) const;
  void add_folder_watches(std::set<std::string>& newly_watched);
  bool read_events(std::set<std::string>& changed);  // true when a watched file changed
  void files_in(const std::string& folder, std::set<std::string>& changed) const;

  int inotify_ = -1;
  int signals_ = -1;
  std::string error_;
  std::set<std::string> files_;            // keys
  std::set<std::string> xml_folders_;      // keys
  std::map<int, std::string> folder_of_;   // inotify watch descriptor → folder key
  std::set<std::string> unwatched_;        // folders that could not be watched (yet)
  std::set<std::string> opened_;           // watched files opened and not yet closed
};

}  // namespace ucap::cli
