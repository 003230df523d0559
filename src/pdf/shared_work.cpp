#include "pdf/shared_work.h"

#include <atomic>
#include <future>
#include <system_error>

namespace ucap::pdf {

void share_between_two_threads(std::size_t count, const std::function<void(std::size_t)>& task,
                               bool second_thread) {
  std::atomic<std::size_t> next{0};
  auto take_tasks = [&] {
    for (std::size_t i = next.fetch_add(1); i < count; i = next.fetch_add(1)) task(i);
  };
  std::future<void> helper;
  if (second_thread && count > 1) {
    try {
      helper = std::async(std::launch::async, take_tasks);
    } catch (const std::system_error&) {
      // no thread to be had: this one does everything
    }
  }
  take_tasks();
  if (helper.valid()) helper.get();
}

}  // namespace ucap::pdf
