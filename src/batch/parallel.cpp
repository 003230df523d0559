#include "parallel.h"

#include <sched.h>

#include <algorithm>
#include <thread>
#include <vector>

namespace ucap::batch {

std::size_t for_each_parallel(std::size_t count, unsigned threads, const std::atomic<int>& stop,
                              const std::function<void(std::size_t)>& work) {
  std::atomic<std::size_t> next{0}, started{0};
  auto worker = [&] {
    while (stop.load() == 0) {
      const std::size_t index = next.fetch_add(1);
      if (index >= count) return;
      started.fetch_add(1);
      work(index);
    }
  };
  const std::size_t helpers = std::min<std::size_t>(std::max(threads, 1u), count) - (count > 0 ? 1 : 0);
  std::vector<std::jthread> pool;
  pool.reserve(helpers);
  for (std::size_t i = 0; i < helpers; ++i) pool.emplace_back(worker);
  worker();  // the calling thread works too
  pool.clear();  // joins
  return started.load();
}

unsigned default_thread_count() {
  cpu_set_t allowed;
  if (sched_getaffinity(0, sizeof allowed, &allowed) == 0) return std::max(1, CPU_COUNT(&allowed));
  return std::max(1u, std::thread::hardware_concurrency());
}

}  // namespace ucap::batch
