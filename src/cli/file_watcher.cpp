#include "file_watcher.h"

#include <poll.h>
#include <signal.h>
#include <sys/inotify.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

namespace ucap::cli {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

// What a folder is watched for: a file written and closed, renamed in or
// out, created, deleted or touched; and the folder itself going away.
constexpr std::uint32_t folder_events = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE |
                                        IN_ATTRIB | IN_OPEN | IN_CLOSE_NOWRITE | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR;

// How often a folder that could not be watched is looked for again.
constexpr std::chrono::milliseconds retry_interval{250};

bool ends_with(const std::string& text, const std::string& end) {
  return text.size() >= end.size() && text.compare(text.size() - end.size(), end.size(), end) == 0;
}

std::string parent_key(const std::string& file_key) { return fs::path(file_key).parent_path().string(); }

int milliseconds_until(Clock::time_point when) {
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(when - Clock::now()).count();
  return static_cast<int>(std::clamp<long long>(left + 1, 0, 60'000));
}

}  // namespace

FileWatcher::FileWatcher() {
  sigset_t mask;
  sigemptyset(&mask);
  for (int signal : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&mask, signal);
  if (pthread_sigmask(SIG_BLOCK, &mask, nullptr) != 0) {
    error_ = "cannot block the signals";
    return;
  }
  signals_ = signalfd(-1, &mask, SFD_CLOEXEC | SFD_NONBLOCK);
  inotify_ = inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
  if (signals_ < 0 || inotify_ < 0) error_ = std::string("cannot watch files: ") + std::strerror(errno);
}

FileWatcher::~FileWatcher() {
  if (inotify_ >= 0) close(inotify_);
  if (signals_ >= 0) close(signals_);
}

std::string FileWatcher::key(const std::string& path) {
  std::error_code ec;
  fs::path absolute = fs::absolute(path, ec);
  std::string key = (ec ? fs::path(path) : absolute).lexically_normal().string();
  if (key.size() > 1 && key.back() == '/') key.pop_back();  // a folder named "plans/"
  return key;
}

void FileWatcher::watch(const std::vector<std::string>& files, const std::vector<std::string>& folders) {
  files_.clear();
  xml_folders_.clear();
  std::set<std::string> wanted;
  for (const std::string& file : files) {
    files_.insert(key(file));
    wanted.insert(parent_key(key(file)));
  }
  for (const std::string& folder : folders) {
    xml_folders_.insert(key(folder));
    wanted.insert(key(folder));
  }
  for (auto it = folder_of_.begin(); it != folder_of_.end();) {
    if (wanted.count(it->second)) {
      wanted.erase(it->second);
      ++it;
    } else {
      inotify_rm_watch(inotify_, it->first);
      it = folder_of_.erase(it);
    }
  }
  unwatched_ = std::move(wanted);
  std::set<std::string> newly_watched;
  add_folder_watches(newly_watched);
}

bool FileWatcher::relevant(const std::string& folder, const std::string& name) const {
  if (files_.count(folder + "/" + name)) return true;
  return xml_folders_.count(folder) && ends_with(name, ".xml") && name.front() != '.';
}

void FileWatcher::add_folder_watches(std::set<std::string>& newly_watched) {
  for (auto it = unwatched_.begin(); it != unwatched_.end();) {
    int descriptor = inotify_add_watch(inotify_, it->c_str(), folder_events);
    if (descriptor < 0) {
      ++it;
      continue;
    }
    folder_of_[descriptor] = *it;
    newly_watched.insert(*it);
    it = unwatched_.erase(it);
  }
}

void FileWatcher::files_in(const std::string& folder, std::set<std::string>& changed) const {
  for (const std::string& file : files_)
    if (parent_key(file) == folder) changed.insert(file);
  if (xml_folders_.count(folder)) changed.insert(folder + "/");
}

bool FileWatcher::read_events(std::set<std::string>& changed) {
  alignas(inotify_event) char buffer[16384];
  bool any = false;
  for (;;) {
    ssize_t got = read(inotify_, buffer, sizeof buffer);
    if (got <= 0) return any;  // EAGAIN: nothing more for now
    for (char* at = buffer; at < buffer + got;) {
      const auto* event = reinterpret_cast<const inotify_event*>(at);
      at += sizeof(inotify_event) + event->len;
      auto folder = folder_of_.find(event->wd);
      if (folder == folder_of_.end()) continue;
      if (event->mask & (IN_IGNORED | IN_DELETE_SELF | IN_MOVE_SELF)) {
        // The folder itself went: everything in it is gone, and it is
        // looked for again until it is back.
        files_in(folder->second, changed);
        any = true;
        unwatched_.insert(folder->second);
        if (!(event->mask & IN_IGNORED)) inotify_rm_watch(inotify_, event->wd);
        folder_of_.erase(folder);
        continue;
      }
      if (event->len == 0) continue;
      const std::string name(event->name);
      // A file created is not yet written: its close (or rename) completes it.
      if ((event->mask & IN_CREATE) && !(event->mask & IN_ISDIR)) continue;
      if (!relevant(folder->second, name)) continue;
      const std::string file = folder->second + "/" + name;
      // Open files are remembered so that a change seen while one is open
      // (`touch` opens, sets the times, then closes) waits for the close.
      if (event->mask & IN_OPEN) opened_.insert(file);
      if (event->mask & (IN_CLOSE_WRITE | IN_CLOSE_NOWRITE | IN_DELETE | IN_MOVED_FROM)) opened_.erase(file);
      if (event->mask & (IN_OPEN | IN_CLOSE_NOWRITE)) continue;  // read, not changed
      changed.insert(file);
      any = true;
      if (xml_folders_.count(folder->second)) changed.insert(folder->second + "/");
    }
  }
}

FileWatcher::Wake FileWatcher::wait(std::chrono::milliseconds settle, std::chrono::milliseconds reappear) {
  Wake wake;
  Clock::time_point quiet_at{}, give_up_waiting_at{}, next_retry = Clock::now() + retry_interval;
  bool waited_for_missing = false;
  for (;;) {
    int timeout = -1;
    if (!wake.changed.empty()) timeout = milliseconds_until(quiet_at);
    if (!unwatched_.empty()) timeout = timeout < 0 ? milliseconds_until(next_retry)
                                                   : std::min(timeout, milliseconds_until(next_retry));
    pollfd ready[2] = {{signals_, POLLIN, 0}, {inotify_, POLLIN, 0}};
    if (poll(ready, 2, timeout) < 0 && errno != EINTR) return wake;
    if (ready[0].revents & POLLIN) {
      signalfd_siginfo info{};
      if (read(signals_, &info, sizeof info) == static_cast<ssize_t>(sizeof info)) {
        wake.signal = static_cast<int>(info.ssi_signo);
        return wake;
      }
    }
    bool changes = (ready[1].revents & POLLIN) && read_events(wake.changed);
    if (!unwatched_.empty() && Clock::now() >= next_retry) {
      std::set<std::string> newly_watched;
      add_folder_watches(newly_watched);
      for (const std::string& folder : newly_watched) files_in(folder, wake.changed);
      changes |= !newly_watched.empty();
      next_retry = Clock::now() + retry_interval;
    }
    if (changes) quiet_at = Clock::now() + settle;
    if (wake.changed.empty() || Clock::now() < quiet_at) continue;
    // A file gone (an editor deleting and re-creating it) or still open for
    // writing is given up to `reappear` to come back or be closed.
    const bool missing = std::any_of(wake.changed.begin(), wake.changed.end(), [this](const std::string& file) {
      std::error_code ec;
      return !fs::exists(file, ec) || opened_.count(file);
    });
    if (missing && !waited_for_missing) {
      waited_for_missing = true;
      give_up_waiting_at = Clock::now() + reappear;
    }
    if (missing && Clock::now() < give_up_waiting_at) {
      quiet_at = give_up_waiting_at;
      continue;
    }
    return wake;
  }
}

}  // namespace ucap::cli
