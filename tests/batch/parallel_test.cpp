// The batch's thread pool: every index once, on the threads asked for, and
// nothing new after a stop.
#include <doctest/doctest.h>

#include <csignal>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "batch/parallel.h"

using ucap::batch::for_each_parallel;

TEST_CASE("every index runs exactly once, on up to N threads") {
  std::atomic<int> stop{0};
  std::mutex lock;
  std::vector<int> runs(100, 0);
  std::set<std::thread::id> threads;
  const std::size_t started = for_each_parallel(runs.size(), 4, stop, [&](std::size_t i) {
    std::lock_guard guard(lock);
    ++runs[i];
    threads.insert(std::this_thread::get_id());
  });
  CHECK(started == 100);
  CHECK(std::count(runs.begin(), runs.end(), 1) == 100);
  CHECK(threads.size() <= 4);
}

TEST_CASE("more threads than work, and no work at all") {
  std::atomic<int> stop{0};
  std::atomic<int> runs{0};
  CHECK(for_each_parallel(2, 8, stop, [&](std::size_t) { ++runs; }) == 2);
  CHECK(runs == 2);
  CHECK(for_each_parallel(0, 8, stop, [&](std::size_t) { ++runs; }) == 0);
  CHECK(runs == 2);
}

TEST_CASE("after a stop no index starts; the one running finishes") {
  std::atomic<int> stop{0};
  std::vector<int> finished(50, 0);
  const std::size_t started = for_each_parallel(finished.size(), 1, stop, [&](std::size_t i) {
    if (i == 9) stop = SIGINT;  // the signal arrives during the tenth
    finished[i] = 1;
  });
  CHECK(started == 10);
  CHECK(std::count(finished.begin(), finished.end(), 1) == 10);
  CHECK(finished[9] == 1);
}

TEST_CASE("a stop before the start: nothing runs") {
  std::atomic<int> stop{SIGTERM};
  CHECK(for_each_parallel(5, 2, stop, [](std::size_t) { FAIL("ran after a stop"); }) == 0);
}
