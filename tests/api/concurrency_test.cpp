// One engine, many threads: a server renders documents concurrently over
// one set of fonts. The results must be the bytes a lone thread gets.
#include <doctest/doctest.h>

#include <latch>
#include <thread>

#include "api/api_support.h"

using namespace ucap;

namespace {

constexpr int thread_count = 8;

// Runs `work(i)` on thread_count threads released together, so that they
// really overlap (first use of the kerning cache included).
template <class Work>
void on_threads_at_once(Work work) {
  std::latch start(thread_count);
  std::vector<std::thread> threads;
  for (int i = 0; i < thread_count; ++i)
    threads.emplace_back([&, i] {
      start.arrive_and_wait();
      work(i);
    });
  for (auto& t : threads) t.join();
}

}  // namespace

TEST_CASE("the same plan rendered on 8 threads at once gives 8 identical byte strings") {
  // A fresh engine: its caches start cold, as a server's do.
  const Engine engine = Engine::load({UCAP_SOURCE_DIR});
  REQUIRE(engine);
  const Document plan = test::sample_document("frankfurt-yokohama.xml");
  std::vector<Rendering> results(thread_count);
  on_threads_at_once([&](int i) { results[i] = engine.render(plan, i % 2 ? Language::ja : Language::en); });

  const Rendering alone_en = engine.render(plan, Language::en);
  const Rendering alone_ja = engine.render(plan, Language::ja);
  REQUIRE(alone_en.ok());
  REQUIRE(alone_ja.ok());
  for (int i = 0; i < thread_count; ++i) {
    CAPTURE(i);
    CHECK(results[i].status == Status::ok);
    CHECK(results[i].pdf == (i % 2 ? alone_ja.pdf : alone_en.pdf));
  }
}

TEST_CASE("8 threads each rendering the same language agree byte for byte") {
  const Engine engine = Engine::load({UCAP_SOURCE_DIR});
  REQUIRE(engine);
  const Document plan = test::sample_document("essen-koriyama.xml");
  std::vector<std::vector<std::uint8_t>> bytes(thread_count);
  on_threads_at_once([&](int i) { bytes[i] = engine.render(plan, Language::ja).pdf; });
  REQUIRE(test::looks_like_pdf(bytes[0]));
  for (int i = 1; i < thread_count; ++i) CHECK(bytes[i] == bytes[0]);
}

TEST_CASE("different plans on 8 threads: each as rendered alone; documents load and validate concurrently too") {
  const char* names[thread_count] = {"ancona-ikoma.xml",       "bratislava-tokorozawa.xml", "donostia-hirosaki.xml",
                                     "grenoble-toyota.xml",    "ioannina-ichinomiya.xml",   "marseille-kobe.xml",
                                     "turku-nagano-obuse.xml", "umea-kamakura.xml"};
  const Engine& engine = test::api_engine();
  std::vector<Rendering> results(thread_count);
  on_threads_at_once([&](int i) {
    Document plan = test::sample_document(names[i]);
    if (engine.validate(plan).ok()) results[i] = engine.render(plan, Language::ja);
  });
  for (int i = 0; i < thread_count; ++i) {
    CAPTURE(names[i]);
    Document plan = test::sample_document(names[i]);
    CHECK(results[i].status == Status::ok);
    CHECK(results[i].pdf == engine.render(plan, Language::ja).pdf);
  }
}

TEST_CASE("the four sample reports and their plans on 8 threads at once: each as rendered alone") {
  // What a batch does: reports, which read and validate the plans, at the
  // same time as the plans themselves are rendered.
  const char* reports[4] = {"meeting-3.en.xml", "meeting-3.ja.xml", "meeting-6.en.xml", "meeting-6.ja.xml"};
  const Engine& engine = test::api_engine();
  auto report_at = [](const char* name) {
    return Document::load_file(std::string(UCAP_SOURCE_DIR) + "/samples/reports/" + name);
  };
  std::vector<Rendering> results(thread_count);
  on_threads_at_once([&](int i) {
    if (i < 4) {
      const Document report = report_at(reports[i]);
      results[i] = engine.render(report, report.languages().front());
    } else {
      results[i] = engine.render(Document::load_buffer("p.xml", test::sample_plan("umea-kamakura.xml")), Language::ja);
    }
  });
  for (int i = 0; i < 4; ++i) {
    CAPTURE(reports[i]);
    const Document report = report_at(reports[i]);
    CHECK(results[i].status == Status::ok);
    CHECK(test::looks_like_pdf(results[i].pdf));
    CHECK(results[i].pdf == engine.render(report, report.languages().front()).pdf);
  }
}
