// The writer's tasks run each exactly once, whatever their number.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <new>
#include <set>
#include <thread>
#include <vector>

#include "pdf/shared_work.h"

using ucap::pdf::share_between_two_threads;

TEST_CASE("share_between_two_threads runs every task once") {
  for (std::size_t count : {0u, 1u, 2u, 7u, 1000u}) {
    std::vector<std::atomic<int>> runs(count);
    share_between_two_threads(count, [&](std::size_t i) { runs[i].fetch_add(1); });
    for (std::size_t i = 0; i < count; ++i) REQUIRE(runs[i].load() == 1);
  }
}

// Each task waits until two threads have taken tasks, so the caller cannot
// finish them all before the helper starts, however the threads are
// scheduled; the deadline only bounds a failure.
TEST_CASE("share_between_two_threads uses a second thread and returns after all are done") {
  std::mutex mutex;
  std::condition_variable both_seen;
  std::set<std::thread::id> threads;
  std::atomic<int> done{0};
  bool waited_too_long = false;
  share_between_two_threads(64, [&](std::size_t) {
    std::unique_lock lock(mutex);
    threads.insert(std::this_thread::get_id());
    both_seen.notify_all();
    if (!both_seen.wait_for(lock, std::chrono::seconds(30), [&] { return threads.size() >= 2; }))
      waited_too_long = true;
    done.fetch_add(1);
  });
  CHECK_FALSE(waited_too_long);
  CHECK(done.load() == 64);
  CHECK(threads.size() == 2);
  CHECK(threads.count(std::this_thread::get_id()) == 1);
}

TEST_CASE("a task that throws stops the others and its exception reaches the caller") {
  for (bool second_thread : {true, false}) {
    std::atomic<int> started{0};
    CHECK_THROWS_AS(share_between_two_threads(
                        1000,
                        [&](std::size_t i) {
                          started.fetch_add(1);
                          if (i == 3) throw std::bad_alloc();
                          // slower than throwing, so that the rest cannot all start first
                          std::this_thread::sleep_for(std::chrono::microseconds(50));
                        },
                        second_thread),
                    std::bad_alloc);
    CHECK(started.load() < 1000);
  }
}
