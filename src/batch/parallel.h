// Running a batch's work on N threads.
#pragma once

#include <atomic>
#include <cstddef>
#include <functional>

namespace ucap::batch {

// Calls work(i) for i in [0, count) on `threads` threads (at least one, at
// most count), each taking the next index as it becomes free, and returns
// when all have stopped. Once `stop` is non-zero no index is started; those
// already started run to their end. Returns how many indexes were started:
// they are not necessarily the first ones, so callers record which ran.
std::size_t for_each_parallel(std::size_t count, unsigned threads, const std::atomic<int>& stop,
                              const std::function<void(std::size_t)>& work);

// The number of threads a batch uses when not told: the processors this
// process may run on (at least one).
unsigned default_thread_count();

}  // namespace ucap::batch
