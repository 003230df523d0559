// The engine's speed on the samples, in-process and as a whole process.
//
//   ucap_render_bench [source dir] [ucap executable]
//
// For every sample plan and a plan ten times longer than the largest one:
// parse+validate, layout, PDF writing and the whole render per language,
// median of repeated runs after a warm-up (fonts loaded once, as in a
// server). Then batch throughput over all samples on 1 thread and on every
// core, PDF bytes per page, and — when the ucap executable is given — the
// whole-process `ucap render` wall time and peak resident memory.
// Prints a table and one machine-readable line per figure:
//   BENCH <name> <value> <unit>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <pugixml.hpp>

#include "pdf/pdf_writer.h"
#include "render/engine.h"
#include "xml/source_file.h"

using namespace ucap;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

double median_ms(int runs, const std::function<void()>& work) {
  work();  // warm-up
  std::vector<double> times;
  for (int i = 0; i < runs; ++i) {
    auto start = Clock::now();
    work();
    times.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

void figure(const std::string& name, double value, const char* unit) {
  std::printf("BENCH %s %.3f %s\n", name.c_str(), value, unit);
}

xml::SourceFile load(const fs::path& path) {
  std::vector<Diagnostic> ignored;
  return *xml::read_source_file(path.string(), ignored);
}

// The plan with every section's content repeated `times` times (activity
// ids made unique), so it stays valid and grows evenly.
xml::SourceFile lengthened(const xml::SourceFile& plan, int times) {
  pugi::xml_document doc;
  doc.load_buffer(plan.bytes.data(), plan.bytes.size(), pugi::parse_default | pugi::parse_pi);
  for (pugi::xml_node section : doc.child("action-plan").children("section")) {
    std::vector<pugi::xml_node> originals(section.children().begin(), section.children().end());
    for (int copy = 1; copy < times; ++copy)
      for (pugi::xml_node node : originals) {
        pugi::xml_node clone = section.append_copy(node);
        if (pugi::xml_attribute id = clone.attribute("id")) id.set_value((std::string(id.value()) + "-" + std::to_string(copy)).c_str());
      }
  }
  std::ostringstream out;
  doc.save(out, "  ");
  return {plan.name + " ×" + std::to_string(times), out.str()};
}

struct PlanFigures {
  double check = 0, layout = 0, write = 0, whole = 0;
  std::size_t bytes = 0, pages = 0;
};

PlanFigures measure(const render::Engine& engine, const xml::SourceFile& source, model::Language language, int runs) {
  PlanFigures f;
  render::PlanCheck check = engine.check_plan(source);
  const model::ActionPlan& plan = *check.plan;
  f.check = median_ms(runs, [&] { engine.check_plan(source); });
  layout::LaidOutDocument doc = engine.layout_plan(plan, language, "");
  f.layout = median_ms(runs, [&] { engine.layout_plan(plan, language, ""); });
  std::vector<pdf::MissingGlyphFinding> missing;
  f.write = median_ms(runs, [&] { pdf::write_pdf(doc, engine.fonts(), missing); });
  f.whole = median_ms(runs, [&] {
    render::PlanCheck c = engine.check_plan(source);
    engine.render_plan(*c.plan, language, "");
  });
  f.bytes = engine.render_plan(plan, language, "").bytes.size();
  f.pages = doc.pages.size();
  return f;
}

// Every sample in every language, on `threads` threads; wall ms.
double batch_ms(const render::Engine& engine, const std::vector<xml::SourceFile>& plans, unsigned threads) {
  return median_ms(5, [&] {
    std::vector<std::thread> workers;
    for (unsigned t = 0; t < threads; ++t)
      workers.emplace_back([&, t] {
        for (std::size_t i = t; i < plans.size(); i += threads) {
          render::PlanCheck c = engine.check_plan(plans[i]);
          for (model::Language language : c.plan->languages) engine.render_plan(*c.plan, language, "");
        }
      });
    for (auto& w : workers) w.join();
  });
}

// Whole-process `ucap render`: median wall ms and the largest peak RSS (MiB).
std::pair<double, double> whole_process(const std::string& ucap, const std::string& plan, const char* language) {
  double peak = 0;
  auto run = [&] {
    pid_t pid = fork();
    if (pid == 0) {
      std::freopen("/dev/null", "w", stderr);
      execl(ucap.c_str(), ucap.c_str(), "render", plan.c_str(), "--lang", language, "-o", "/dev/null", (char*)nullptr);
      _exit(127);
    }
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    peak = std::max(peak, usage.ru_maxrss / 1024.0);
  };
  double wall = median_ms(11, run);
  return {wall, peak};
}

}  // namespace

int main(int argc, char** argv) {
  const std::string source_dir = argc > 1 ? argv[1] : UCAP_SOURCE_DIR;
  const std::string ucap = argc > 2 ? argv[2] : "";
  std::string error;
  auto start = Clock::now();
  std::unique_ptr<render::Engine> engine = render::Engine::load(source_dir, error);
  if (!engine) {
    std::fprintf(stderr, "%s\n", error.c_str());
    return 2;
  }
  figure("engine_load", std::chrono::duration<double, std::milli>(Clock::now() - start).count(), "ms");

  std::vector<fs::path> paths;
  for (const auto& entry : fs::directory_iterator(fs::path(source_dir) / "samples" / "plans"))
    if (entry.path().extension() == ".xml") paths.push_back(entry.path());
  std::sort(paths.begin(), paths.end());
  std::vector<xml::SourceFile> plans;
  for (const auto& p : paths) plans.push_back(load(p));
  const auto largest = std::max_element(plans.begin(), plans.end(),
                                        [](const auto& a, const auto& b) { return a.bytes.size() < b.bytes.size(); });
  std::vector<xml::SourceFile> measured = plans;
  measured.push_back(lengthened(*largest, 10));

  std::printf("%-34s %4s %5s %8s %8s %8s %8s %9s %8s\n", "plan", "lang", "pages", "check", "layout", "pdf", "render",
              "bytes", "B/page");
  for (const xml::SourceFile& plan : measured) {
    const bool long_plan = &plan == &measured.back();
    for (model::Language language : {model::Language::en, model::Language::ja}) {
      PlanFigures f = measure(*engine, plan, language, long_plan ? 5 : 21);
      const std::string name = fs::path(plan.name).filename().string();
      const std::string code(model::language_code(language));
      std::printf("%-34s %4s %5zu %7.2fms %7.2fms %7.2fms %7.2fms %9zu %8zu\n", name.c_str(), code.c_str(), f.pages,
                  f.check, f.layout, f.write, f.whole, f.bytes, f.bytes / std::max<std::size_t>(f.pages, 1));
      const std::string key = (long_plan ? std::string("long_plan") : fs::path(plan.name).stem().string()) + "." + code;
      figure(key + ".check", f.check, "ms");
      figure(key + ".layout", f.layout, "ms");
      figure(key + ".pdf", f.write, "ms");
      figure(key + ".render", f.whole, "ms");
      figure(key + ".bytes", double(f.bytes), "B");
      figure(key + ".pages", double(f.pages), "pages");
    }
  }

  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  const double one = batch_ms(*engine, plans, 1), all = batch_ms(*engine, plans, cores);
  std::printf("batch of %zu plans (%zu PDFs): 1 thread %.1f ms, %u threads %.1f ms (%.2f×)\n", plans.size(),
              plans.size() * 2, one, cores, all, one / all);
  figure("batch.1_thread", one, "ms");
  figure("batch.all_threads", all, "ms");
  figure("batch.speedup", one / all, "x");

  if (!ucap.empty()) {
    const std::string plan = (fs::path(source_dir) / "samples/plans/frankfurt-yokohama.xml").string();
    for (const char* language : {"en", "ja"}) {
      auto [wall, peak] = whole_process(ucap, plan, language);
      std::printf("whole process `ucap render frankfurt-yokohama.xml --lang %s`: %.1f ms median, peak %.1f MiB\n",
                  language, wall, peak);
      figure(std::string("process.") + language + ".wall", wall, "ms");
      figure(std::string("process.") + language + ".peak_rss", peak, "MiB");
    }
  }
  return 0;
}
