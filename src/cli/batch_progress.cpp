#include "batch_progress.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdio>
#include <string>

#include <fmt/format.h>

#include "findings_printer.h"

namespace ucap::cli {

namespace {

using batch::InputRecord;
using batch::InputStatus;

std::string plural(std::size_t n, const char* word) { return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s"); }

std::size_t count_of(const InputRecord& record, Severity severity) {
  std::size_t n = 0;
  for (const Diagnostic& d : record.diagnostics) n += d.severity == severity;
  return n;
}

// "rendered samples/plans/x.xml (2 PDFs, 13 ms)", "failed bad.xml (1 error, 2 ms)"
std::string outcome(const InputRecord& record) {
  std::string detail;
  if (record.status == InputStatus::failed) detail = plural(count_of(record, Severity::error), "error");
  else if (record.status == InputStatus::rendered) detail = plural(record.outputs.size(), "PDF");
  else detail = "roster";
  return fmt::format("{} {} ({}, {:.0f} ms)", to_string(record.status), record.path, detail, record.milliseconds);
}

// Not a terminal (a log, a pipe, CI): one line per input as it finishes.
class LineProgress : public batch::Progress {
 public:
  explicit LineProgress(bool json) : findings_(json) {}
  void started(const std::string&, std::size_t) override {}
  void finished(const InputRecord& record, std::size_t done, std::size_t total) override {
    std::fputs(fmt::format("[{}/{}] {}\n", done, total, outcome(record)).c_str(), stderr);
    findings_.print(record.diagnostics, record.path);
  }

 private:
  FindingsPrinter findings_;
};

// A terminal: one line redrawn in place, with the findings printed above it.
class BarProgress : public batch::Progress {
 public:
  explicit BarProgress(bool json) : findings_(json) {}
  void started(const std::string& path, std::size_t total) override {
    current_ = path;
    total_ = total;
    draw();
  }
  void finished(const InputRecord& record, std::size_t done, std::size_t total) override {
    done_ = done, total_ = total;
    failed_ += record.status == InputStatus::failed;
    if (!record.diagnostics.empty() || record.status == InputStatus::failed) {
      clear();
      if (record.status == InputStatus::failed) std::fputs((outcome(record) + "\n").c_str(), stderr);
      findings_.print(record.diagnostics, record.path);
    }
    draw();
  }
  ~BarProgress() override { clear(); }

 private:
  static std::size_t width() {
    winsize size{};
    if (::ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 20) return size.ws_col;
    return 80;
  }
  void clear() const { std::fputs("\r\x1b[K", stderr); }
  void draw() const {
    constexpr std::size_t bar_width = 24;
    const std::size_t filled = total_ ? done_ * bar_width / total_ : 0;
    std::string line = fmt::format("[{}{}] {}/{} done, {} failed  {}", std::string(filled, '#'),
                                   std::string(bar_width - filled, '.'), done_, total_, failed_, current_);
    const std::size_t room = width() - 1;
    if (line.size() > room) {  // one line, or the redraw would scroll; never half a UTF-8 character
      std::size_t cut = room;
      while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
      line.resize(cut);
    }
    std::fputs(("\r" + line + "\x1b[K").c_str(), stderr);
    std::fflush(stderr);
  }

  FindingsPrinter findings_;
  std::string current_;
  std::size_t done_ = 0, total_ = 0, failed_ = 0;
};

}  // namespace

std::unique_ptr<batch::Progress> progress_for_stderr(bool json) {
  if (::isatty(STDERR_FILENO)) return std::make_unique<BarProgress>(json);
  return std::make_unique<LineProgress>(json);
}

void print_summary(const batch::BatchResult& result, const std::string& manifest_path) {
  const batch::Totals& t = result.totals;
  if (result.stopped_by != 0)
    std::fputs(fmt::format("ucap batch: stopped by {}; {} not done, listed in {}\n", batch::signal_name(result.stopped_by),
                           plural(t.not_done, "input"), manifest_path)
                   .c_str(),
               stderr);
  std::fputs(fmt::format("ucap batch: {}: {} rendered ({}), {} checked, {} failed, {} not done, {}, {:.2f} s\n",
                         plural(t.inputs, "input"), t.rendered, plural(t.pdfs, "PDF"), t.checked, t.failed, t.not_done,
                         plural(t.warnings, "warning"), t.milliseconds / 1000)
                 .c_str(),
             stderr);
}

}  // namespace ucap::cli
