// The writer's tasks run each exactly once, whatever their number.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <mutex>
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

TEST_CASE("share_between_two_threads uses a second thread and returns after all are done") {
  std::mutex mutex;
  std::set<std::thread::id> threads;
  std::atomic<int> done{0};
  share_between_two_threads(64, [&](std::size_t) {
    {
      std::lock_guard lock(mutex);
      threads.insert(std::this_thread::get_id());
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1));  // long enough for the helper to start
    done.fetch_add(1);
  });
  CHECK(done.load() == 64);
  CHECK(threads.size() == 2);
  CHECK(threads.count(std::this_thread::get_id()) == 1);
}
