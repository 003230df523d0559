// Independent tasks shared by the calling thread and one more: the PDF
// writer's fonts and pages on a two-core machine, where a render should
// use both cores without a pool that outlives it.
#pragma once

#include <cstddef>
#include <functional>

namespace ucap::pdf {

// Runs task(0) … task(count − 1), each exactly once, on this thread and a
// second one, each taking the next untaken index; returns when all are
// done. With `second_thread` false, or no second thread to be had, runs
// them all here, in order. Tasks must write only their own results. When a
// task throws (out of memory), no further task starts and the first
// exception is rethrown here once both threads have stopped.
void share_between_two_threads(std::size_t count, const std::function<void(std::size_t)>& task,
                               bool second_thread = true);

}  // namespace ucap::pdf
