// The engine's speed on the samples, in-process and as a whole process.
//
//   ucap_render_bench [source dir] [ucap executable] [--out FILE] [--only TEXT]
//
// --out FILE   also writes every figure as one JSON object per line
//              ({"name", "value", "unit", "better"}), the input of
//              bench/compare, which flags figures that got > 20 % worse.
// --cpu-time   in-process figures in CPU time of the process (all threads).
// --only TEXT  measures only the sample plans whose file name contains TEXT
//              (and skips the long plan, batch and whole process): for
//              profiling one plan under perf.
//
// For every sample plan and a plan ten times longer than the largest one:
// parse+validate, layout, PDF writing and the whole render per language,
// median of repeated runs after a warm-up (fonts loaded once, as in a
// server). Then batch throughput over all samples on 1 thread and on every
// core, PDF bytes per page, and — when the ucap executable is given — the
// whole-process `ucap render` wall time and peak resident memory.
// Prints a table and one machine-readable line per figure:
//   BENCH <name> <value> <unit>
// The in-process figures are medians of 21 runs after a warm-up, taken in 7
// rounds over all plans; the whole-process ones come from wait4() of a
// child, as the operating system accounts it.
#include <sys/resource.h>
#include <time.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <pugixml.hpp>

#include "pdf/pdf_writer.h"
#include "render/engine.h"
#include "validate/validate.h"
#include "xml/parse.h"
#include "xml/source_file.h"

using namespace ucap;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

// --cpu-time: in-process figures from the process's CPU clock (all its
// threads) rather than the wall clock; steadier while other programs load
// the machine, and on an idle machine an upper bound of the wall time (the
// writer's font thread overlaps the main one). Batch figures stay wall time.
bool use_cpu_clock = false;

double now_ms(bool cpu) {
  if (!cpu) return std::chrono::duration<double, std::milli>(Clock::now().time_since_epoch()).count();
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values.empty() ? 0 : values[values.size() / 2];
}

// `runs` timed runs of `work` after an untimed one, added to `into`.
void time_runs(std::vector<double>& into, int runs, const std::function<void()>& work, bool cpu = use_cpu_clock) {
  work();  // warm-up
  for (int i = 0; i < runs; ++i) {
    const double start = now_ms(cpu);
    work();
    into.push_back(now_ms(cpu) - start);
  }
}

double median_ms(int runs, const std::function<void()>& work, bool cpu = use_cpu_clock) {
  std::vector<double> times;
  time_runs(times, runs, work, cpu);
  return median(times);
}

// One measured figure; `lower_is_better` tells bench/compare which way is worse.
struct Figure {
  std::string name;
  double value;
  std::string unit;
  const char* better;  // "lower", "higher" or "none" (a count, not a cost)
};

std::vector<Figure> figures;

void figure(const std::string& name, double value, const char* unit, const char* better = "lower") {
  std::printf("BENCH %s %.3f %s\n", name.c_str(), value, unit);
  figures.push_back({name, value, unit, better});
}

// JSON lines; names and units are plain ASCII without quotes or backslashes.
bool write_figures(const std::string& path) {
  std::FILE* out = std::fopen(path.c_str(), "w");
  if (!out) return false;
  for (const Figure& f : figures) {
    if (!std::isfinite(f.value)) continue;  // JSON has no inf or nan; the BENCH line shows it
    std::fprintf(out, "{\"name\": \"%s\", \"value\": %.3f, \"unit\": \"%s\", \"better\": \"%s\"}\n", f.name.c_str(),
                 f.value, f.unit.c_str(), f.better);
  }
  return std::fclose(out) == 0;
}

xml::SourceFile load(const fs::path& path) { return xml::read_source_file(path.string()).source.value(); }

// The plan parsed and validated as Engine::validate does it (the "check"
// stage); nothing when it is not a valid action plan.
std::optional<model::ActionPlan> checked_plan(const render::Engine& engine, const xml::SourceFile& source) {
  xml::ParsedDocument parsed = xml::parse_source(source);
  auto* plan = std::get_if<model::ActionPlan>(&parsed.document);
  if (!plan || has_errors(validate::validate_document(parsed, engine.rules()))) return std::nullopt;
  return std::move(*plan);
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

// The plan with at most `keep` children in each section (so it stays
// valid: every section keeps its first paragraph, list or activity).
xml::SourceFile shortened(const xml::SourceFile& plan, int keep) {
  pugi::xml_document doc;
  doc.load_buffer(plan.bytes.data(), plan.bytes.size(), pugi::parse_default | pugi::parse_pi);
  for (pugi::xml_node section : doc.child("action-plan").children("section")) {
    std::map<std::string, int> kept;  // per language: a section keeps `keep` blocks in each
    std::vector<pugi::xml_node> dropped;
    for (pugi::xml_node child : section.children()) {
      if (child.type() != pugi::node_element) continue;
      if (++kept[child.attribute("xml:lang").value()] > keep) dropped.push_back(child);
    }
    for (pugi::xml_node node : dropped) section.remove_child(node);
  }
  std::ostringstream out;
  doc.save(out, "  ");
  return {plan.name + " short" + std::to_string(keep), out.str()};
}

// A three-page plan, the unit of the PDF size targets (the samples run to
// four to seven pages): the smallest sample with each section cut to its
// first blocks, as many as keep both languages within three pages.
std::optional<xml::SourceFile> three_page_plan(const render::Engine& engine, const std::vector<xml::SourceFile>& plans) {
  const auto smallest = std::min_element(plans.begin(), plans.end(),
                                         [](const auto& a, const auto& b) { return a.bytes.size() < b.bytes.size(); });
  for (int keep = 6; keep >= 1; --keep) {
    xml::SourceFile candidate = shortened(*smallest, keep);
    const std::optional<model::ActionPlan> check = checked_plan(engine, candidate);
    if (!check) continue;
    std::size_t pages = 0;
    for (model::Language language : {model::Language::en, model::Language::ja})
      pages = std::max(pages, engine.layout_plan(*check, language, "").pages.size());
    if (pages <= 3) return candidate;
  }
  return std::nullopt;
}

struct PlanFigures {
  double check = 0, layout = 0, write = 0, whole = 0;
  std::size_t bytes = 0, pages = 0;
};

// Times of one plan in one language, gathered over several rounds.
struct PlanSamples {
  std::vector<double> check, layout, write, whole;
};

// One round: `runs` timed runs of each stage (after one untimed), added to
// `samples`. Rounds go over every plan in turn, so a slow minute of a
// shared machine lands on all figures alike instead of on a few.
void sample_round(const render::Engine& engine, const xml::SourceFile& source, model::Language language, int runs,
                  PlanSamples& samples) {
  const std::optional<model::ActionPlan> check = checked_plan(engine, source);
  const model::ActionPlan& plan = *check;
  time_runs(samples.check, runs, [&] { checked_plan(engine, source); });
  time_runs(samples.layout, runs, [&] { engine.layout_plan(plan, language, ""); });
  const layout::LaidOutDocument doc = engine.layout_plan(plan, language, "");
  std::vector<pdf::MissingGlyphFinding> missing;
  time_runs(samples.write, runs, [&] { pdf::write_pdf(doc, engine.fonts(), missing); });
  time_runs(samples.whole, runs, [&] {
    const std::optional<model::ActionPlan> c = checked_plan(engine, source);
    engine.render_plan(*c, language, "");
  });
}

PlanFigures figures_of(const render::Engine& engine, const xml::SourceFile& source, model::Language language,
                       const PlanSamples& samples) {
  PlanFigures f{median(samples.check), median(samples.layout), median(samples.write), median(samples.whole)};
  const std::optional<model::ActionPlan> check = checked_plan(engine, source);
  f.bytes = engine.render_plan(*check, language, "").bytes.size();
  f.pages = engine.layout_plan(*check, language, "").pages.size();
  return f;
}

// Every sample in every language, on `threads` threads; wall ms. As in
// `ucap batch`, each thread renders alone (no second writer thread).
double batch_ms(const render::Engine& engine, const std::vector<xml::SourceFile>& plans, unsigned threads) {
  pdf::WriteOptions alone;
  alone.use_second_thread = false;
  return median_ms(5, [&] {
    std::vector<std::thread> workers;
    for (unsigned t = 0; t < threads; ++t)
      workers.emplace_back([&, t] {
        for (std::size_t i = t; i < plans.size(); i += threads) {
          const std::optional<model::ActionPlan> c = checked_plan(engine, plans[i]);
          for (model::Language language : c->languages) engine.render_plan(*c, language, "", alone);
        }
      });
    for (auto& w : workers) w.join();
  }, /*cpu=*/false);
}

// What PDF/UA-1 and PDF/A-2a cost (issue 18: at most 10 % more time and
// bytes): every sample in each language rendered in-process untagged
// (`--pdf-standard none`) and with the default standards, in alternating
// runs of 3 over 7 rounds, so that both see the same machine. Per language:
// the sums over all samples of the median render times and of the bytes,
// and the largest single plan's increase.
void standards_cost(const render::Engine& engine, const std::vector<xml::SourceFile>& plans) {
  pdf::WriteOptions untagged, standard;
  untagged.standards = {false, false};
  const std::vector<model::Language> languages{model::Language::en, model::Language::ja};
  std::vector<std::vector<double>> none_times(plans.size() * 2), standard_times(plans.size() * 2);
  for (int round = 0; round < 7; ++round)
    for (std::size_t p = 0; p < plans.size(); ++p) {
      const std::optional<model::ActionPlan> check = checked_plan(engine, plans[p]);
      for (std::size_t l = 0; l < languages.size(); ++l) {
        time_runs(none_times[p * 2 + l], 3, [&] { engine.render_plan(*check, languages[l], "", untagged); });
        time_runs(standard_times[p * 2 + l], 3, [&] { engine.render_plan(*check, languages[l], "", standard); });
      }
    }
  std::printf("\n%-28s %4s %9s %9s %7s %9s %9s %7s\n", "plan (none vs ua-1,a-2a)", "lang", "none", "standard", "time",
              "none B", "standard B", "bytes");
  for (std::size_t l = 0; l < languages.size(); ++l) {
    const std::string code(model::language_code(languages[l]));
    double none_ms = 0, standard_ms = 0, none_bytes = 0, standard_bytes = 0, worst_time = 0, worst_bytes = 0;
    for (std::size_t p = 0; p < plans.size(); ++p) {
      const std::optional<model::ActionPlan> check = checked_plan(engine, plans[p]);
      const double a = median(none_times[p * 2 + l]), b = median(standard_times[p * 2 + l]);
      const double a_bytes = double(engine.render_plan(*check, languages[l], "", untagged).bytes.size());
      const double b_bytes = double(engine.render_plan(*check, languages[l], "", standard).bytes.size());
      std::printf("%-28s %4s %7.2fms %7.2fms %+6.1f%% %9.0f %9.0f %+6.1f%%\n",
                  fs::path(plans[p].name).stem().string().c_str(), code.c_str(), a, b, (b / a - 1) * 100, a_bytes,
                  b_bytes, (b_bytes / a_bytes - 1) * 100);
      none_ms += a, standard_ms += b, none_bytes += a_bytes, standard_bytes += b_bytes;
      worst_time = std::max(worst_time, (b / a - 1) * 100);
      worst_bytes = std::max(worst_bytes, (b_bytes / a_bytes - 1) * 100);
    }
    std::printf("%-28s %4s %7.2fms %7.2fms %+6.1f%% %9.0f %9.0f %+6.1f%%\n", "all samples", code.c_str(), none_ms,
                standard_ms, (standard_ms / none_ms - 1) * 100, none_bytes, standard_bytes,
                (standard_bytes / none_bytes - 1) * 100);
    figure("standards." + code + ".render_none", none_ms, "ms");
    figure("standards." + code + ".render", standard_ms, "ms");
    figure("standards." + code + ".time_added", (standard_ms / none_ms - 1) * 100, "%");
    figure("standards." + code + ".bytes_added", (standard_bytes / none_bytes - 1) * 100, "%");
    figure("standards." + code + ".worst_time_added", worst_time, "%");
    figure("standards." + code + ".worst_bytes_added", worst_bytes, "%");
  }
}

// Runs commands from a small process forked when the benchmark starts.
// Linux keeps a process's peak-RSS high-water mark across fork and exec, so
// a child forked from the benchmark once it has grown (engines, plans,
// preprocessed fonts) would report the benchmark's size, not ucap's.
class Launcher {
 public:
  Launcher() {
    if (pipe(requests_) != 0 || pipe(replies_) != 0) std::abort();
    pid_ = fork();
    if (pid_ == 0) {
      close(requests_[1]);
      close(replies_[0]);
      serve();
      _exit(0);
    }
    close(requests_[0]);
    close(replies_[1]);
  }
  ~Launcher() {
    close(requests_[1]);  // the launcher reads end of file and exits
    close(replies_[0]);
    waitpid(pid_, nullptr, 0);
  }
  // Runs `arguments` (program first) with stderr to /dev/null; its usage.
  rusage run(const std::vector<std::string>& arguments) {
    std::string request;
    for (const auto& a : arguments) request += a + '\0';
    std::size_t size = request.size();
    if (write(requests_[1], &size, sizeof size) != sizeof size ||
        write(requests_[1], request.data(), size) != ssize_t(size))
      std::abort();
    rusage usage{};
    if (read(replies_[0], &usage, sizeof usage) != sizeof usage) std::abort();
    return usage;
  }

 private:
  void serve() {
    std::size_t size = 0;
    while (read(requests_[0], &size, sizeof size) == sizeof size) {
      std::string request(size, '\0');
      if (read(requests_[0], request.data(), size) != ssize_t(size)) break;
      std::vector<char*> argv;
      for (std::size_t at = 0; at < size; at += std::strlen(request.data() + at) + 1)
        argv.push_back(request.data() + at);
      argv.push_back(nullptr);
      pid_t child = fork();
      if (child == 0) {
        std::freopen("/dev/null", "w", stderr);
        execv(argv[0], argv.data());
        _exit(127);
      }
      int status = 0;
      rusage usage{};
      wait4(child, &status, 0, &usage);
      if (write(replies_[1], &usage, sizeof usage) != sizeof usage) break;
    }
  }
  int requests_[2]{}, replies_[2]{};
  pid_t pid_ = -1;
};

Launcher* launcher = nullptr;  // made first thing in main()

// Whole-process `ucap render`: median wall and CPU (user + system) ms, and
// the largest peak RSS (MiB), from wait4() as the kernel accounts the child.
struct ProcessFigures {
  double wall = 0, cpu = 0, peak = 0;
};

ProcessFigures whole_process(const std::string& ucap, const std::string& plan, const char* language) {
  ProcessFigures figures;
  std::vector<double> cpu_times;
  auto run = [&] {
    rusage usage = launcher->run({ucap, "render", plan, "--lang", language, "-o", "/dev/null"});
    figures.peak = std::max(figures.peak, usage.ru_maxrss / 1024.0);
    auto ms = [](const timeval& t) { return double(t.tv_sec) * 1e3 + double(t.tv_usec) / 1e3; };
    cpu_times.push_back(ms(usage.ru_utime) + ms(usage.ru_stime));
  };
  figures.wall = median_ms(11, run, /*cpu=*/false);
  std::sort(cpu_times.begin() + 1, cpu_times.end());  // the first run is the warm-up
  figures.cpu = cpu_times[1 + (cpu_times.size() - 1) / 2];
  return figures;
}

}  // namespace

int main(int argc, char** argv) {
  Launcher small_launcher;  // before anything grows: see Launcher
  launcher = &small_launcher;
  std::vector<std::string> positional;
  std::string out_path, only;
  bool standards_only = false;  // --standards: only what the PDF standards cost
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if ((arg == "--out" || arg == "--only") && i + 1 < argc) (arg == "--out" ? out_path : only) = argv[++i];
    else if (arg == "--cpu-time") use_cpu_clock = true;
    else if (arg == "--standards") standards_only = true;
    else positional.push_back(arg);
  }
  const std::string source_dir = positional.size() > 0 ? positional[0] : UCAP_SOURCE_DIR;
  const std::string ucap = positional.size() > 1 ? positional[1] : "";
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
    if (entry.path().extension() == ".xml" && entry.path().filename().string().find(only) != std::string::npos)
      paths.push_back(entry.path());
  std::sort(paths.begin(), paths.end());
  std::vector<xml::SourceFile> plans;
  for (const auto& p : paths) plans.push_back(load(p));
  if (plans.empty()) {
    std::fprintf(stderr, "no sample plan matches \"%s\"\n", only.c_str());
    return 2;
  }
  if (standards_only) {
    standards_cost(*engine, plans);
    return !out_path.empty() && !write_figures(out_path) ? 1 : 0;
  }
  const auto largest = std::max_element(plans.begin(), plans.end(),
                                        [](const auto& a, const auto& b) { return a.bytes.size() < b.bytes.size(); });
  std::vector<xml::SourceFile> measured = plans;
  const bool full_run = only.empty();
  std::optional<xml::SourceFile> three_pages;
  if (full_run) {
    three_pages = three_page_plan(*engine, plans);
    if (three_pages) measured.push_back(*three_pages);
    measured.push_back(lengthened(*largest, 10));
  }

  std::printf("%-34s %4s %5s %8s %8s %8s %8s %9s %8s\n", "plan", "lang", "pages", "check", "layout", "pdf", "render",
              "bytes", "B/page");
  // 7 rounds of 3 runs: 21 samples a figure (the long plan: 7), spread
  // over the whole measurement.
  constexpr int rounds = 7, runs_per_round = 3;
  const std::vector<model::Language> languages{model::Language::en, model::Language::ja};
  std::vector<PlanSamples> samples(measured.size() * languages.size());
  for (int round = 0; round < rounds; ++round)
    for (std::size_t p = 0; p < measured.size(); ++p)
      for (std::size_t l = 0; l < languages.size(); ++l) {
        const bool long_plan = full_run && p + 1 == measured.size();
        sample_round(*engine, measured[p], languages[l], long_plan ? 1 : runs_per_round,
                     samples[p * languages.size() + l]);
      }

  std::map<std::string, double> largest_render;  // per language, for the long plan's ratio
  for (std::size_t p = 0; p < measured.size(); ++p) {
    const xml::SourceFile& plan = measured[p];
    const bool long_plan = full_run && p + 1 == measured.size();
    const bool short_plan = three_pages && plan.name == three_pages->name;
    for (std::size_t l = 0; l < languages.size(); ++l) {
      const model::Language language = languages[l];
      PlanFigures f = figures_of(*engine, plan, language, samples[p * languages.size() + l]);
      const std::string name = fs::path(plan.name).filename().string();
      const std::string code(model::language_code(language));
      const std::size_t per_page = f.bytes / std::max<std::size_t>(f.pages, 1);
      std::printf("%-34s %4s %5zu %7.2fms %7.2fms %7.2fms %7.2fms %9zu %8zu\n", name.c_str(), code.c_str(), f.pages,
                  f.check, f.layout, f.write, f.whole, f.bytes, per_page);
      const std::string key = (long_plan    ? std::string("long_plan")
                               : short_plan ? std::string("three_page_plan")
                                            : fs::path(plan.name).stem().string()) +
                              "." + code;
      figure(key + ".check", f.check, "ms");
      figure(key + ".layout", f.layout, "ms");
      figure(key + ".pdf", f.write, "ms");
      figure(key + ".render", f.whole, "ms");
      figure(key + ".bytes", double(f.bytes), "B");
      figure(key + ".bytes_per_page", double(per_page), "B");
      figure(key + ".pages", double(f.pages), "pages", "none");
      if (plan.name == largest->name) largest_render[code] = f.whole;  // measured is a copy of plans
      if (long_plan) figure(key + ".times_largest", f.whole / largest_render[code], "x");
    }
  }

  if (full_run) {
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    const double one = batch_ms(*engine, plans, 1), all = batch_ms(*engine, plans, cores);
    std::printf("in-process batch of %zu plans (%zu PDFs): 1 thread %.1f ms, %u threads %.1f ms (%.2f×)\n",
                plans.size(), plans.size() * 2, one, cores, all, one / all);
    figure("batch.1_thread", one, "ms");
    figure("batch.all_threads", all, "ms");
    figure("batch.speedup", one / all, "x", "higher");
    standards_cost(*engine, plans);
  }

  if (full_run && !ucap.empty()) {
    const std::string plan = (fs::path(source_dir) / "samples/plans/frankfurt-yokohama.xml").string();
    for (const char* language : {"en", "ja"}) {
      ProcessFigures f = whole_process(ucap, plan, language);
      std::printf("whole process `ucap render frankfurt-yokohama.xml --lang %s`: %.1f ms wall, %.1f ms CPU (medians), "
                  "peak %.1f MiB\n", language, f.wall, f.cpu, f.peak);
      figure(std::string("process.") + language + ".wall", f.wall, "ms");
      figure(std::string("process.") + language + ".cpu", f.cpu, "ms");
      figure(std::string("process.") + language + ".peak_rss", f.peak, "MiB");
    }
  }
  if (!out_path.empty() && !write_figures(out_path)) {
    std::fprintf(stderr, "cannot write %s\n", out_path.c_str());
    return 1;
  }
  return 0;
}
