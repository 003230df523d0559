#include "pdf/shared_work.h"

#include <atomic>
#include <exception>
#include <future>
#include <system_error>

namespace ucap::pdf {

void share_between_two_threads(std::size_t count, const std::function<void(std::size_t)>& task,
                               bool second_thread) {
  std::atomic<std::size_t> next{0};
  auto take_tasks = [&] {
    try {
      for (std::size_t i = next.fetch_add(1); i < count; i = next.fetch_add(1)) task(i);
    } catch (...) {
      next.store(count);  // the other thread takes no more
      throw;
    }
  };
  std::future<void> helper;
  if (second_thread && count > 1) {
    try {
      helper = std::async(std::launch::async, take_tasks);
    } catch (const std::system_error&) {
      // no thread to be had: this one does everything
    }
  }
  std::exception_ptr failed;
  try {
    take_tasks();
  } catch (...) {
    failed = std::current_exception();
  }
  // The helper's tasks use the caller's data: it is always waited for.
  if (helper.valid()) {
    try {
      helper.get();
    } catch (...) {
      if (!failed) failed = std::current_exception();
    }
  }
  if (failed) std::rethrow_exception(failed);
}

}  // namespace ucap::pdf
