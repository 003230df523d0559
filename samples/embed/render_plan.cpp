// Validates an action plan held in memory and renders it to PDF bytes with
// the C++ API, then saves them: render_plan PLAN.xml OUT.pdf [en|ja]
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>

#include <ucap/engine.h>

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s PLAN.xml OUT.pdf [en|ja]\n", argv[0]);
    return 2;
  }
  const auto language = ucap::parse_language(argc > 3 ? argv[3] : "en");
  if (!language) return 2;

  // Once per process: templates and fonts. Share it between threads.
  const ucap::Engine engine = ucap::Engine::load();
  if (!engine) {
    std::fprintf(stderr, "cannot load ucap: %s\n", engine.error().c_str());
    return 2;
  }

  // Bytes from anywhere (here a file); the name is what diagnostics print.
  std::ifstream in(argv[1], std::ios::binary);
  const std::string xml(std::istreambuf_iterator<char>(in), {});
  const ucap::Document plan = ucap::Document::load_buffer(argv[1], xml);

  const ucap::Validation check = engine.validate(plan);
  for (const ucap::Diagnostic& d : check.diagnostics) std::fprintf(stderr, "%s\n", ucap::format_text(d).c_str());
  if (!check.ok()) return 1;

  const ucap::Rendering pdf = engine.render(plan, *language);
  for (const ucap::Diagnostic& d : pdf.diagnostics) std::fprintf(stderr, "%s\n", ucap::format_text(d).c_str());
  if (!pdf.ok()) return 1;

  std::ofstream out(argv[2], std::ios::binary);
  out.write(reinterpret_cast<const char*>(pdf.pdf.data()), static_cast<std::streamsize>(pdf.pdf.size()));
  std::printf("%s: %zu bytes, %s\n", argv[2], pdf.pdf.size(), ucap::to_string(*language));
  return out ? 0 : 2;
}
