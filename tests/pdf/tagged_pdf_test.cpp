// Tagging follows WriteOptions::standards: on (the default) the PDF has
// its structure tree, marked content and artifacts; with no standard it is
// the untagged PDF it always was (no structure, no marked content but the
// /ActualText spans, no /MarkInfo).
#include <doctest/doctest.h>

#include <filesystem>

#include "files/atomic_file.h"
#include "render/engine.h"
#include "render/shared_engine.h"
#include "sample_document.h"
#include "xml/source_file.h"
#include "support/scratch.h"

using namespace ucap;
using namespace ucap::pdf::testing;

namespace {

// The sample plan written with `standards`, uncompressed by qpdf.
std::string qdf_of_sample(pdf::PdfStandards standards, const std::string& name) {
  const model::ActionPlan plan = render::testing::checked_plan("samples/plans/frankfurt-yokohama.xml");
  pdf::WriteOptions options;
  options.standards = standards;
  render::RenderedPdf rendered = render::testing::shared_engine().render_plan(plan, model::Language::en, "", options);
  REQUIRE(rendered.error.empty());
  const std::string path = ucap::test::scratch_path("tagged-test-" + name).string();
  REQUIRE(files::write_file_atomically(path + ".pdf", rendered.bytes).empty());
  CommandResult qpdf = run_command("qpdf --qdf --object-streams=disable '" + path + ".pdf' '" + path + ".qdf'", path);
  REQUIRE(qpdf.status == 0);
  std::string qdf = read_whole_file(path + ".qdf");
  std::filesystem::remove(path + ".pdf");
  std::filesystem::remove(path + ".qdf");
  return qdf;
}

}  // namespace

TEST_CASE("tagged pdf: with no standard asked for, nothing of the structure is written") {
  const std::string qdf = qdf_of_sample({false, false}, "off");
  REQUIRE(qdf.find("/Type /Page") != std::string::npos);
  for (const char* absent : {"/StructTreeRoot", "/MarkInfo", "/StructParents", "/StructParent", "/Tabs", "/MCID",
                             "/Artifact", "/S /Document"})
    CHECK_MESSAGE(qdf.find(absent) == std::string::npos, std::string(absent));
  CHECK(qdf.find("%PDF-1.4") == 0);
}

TEST_CASE("tagged pdf: by default the structure tree, marked content and artifacts are written") {
  const std::string qdf = qdf_of_sample({}, "on");
  for (const char* present : {"/StructTreeRoot", "/MarkInfo", "/Marked true", "/StructParents", "/StructParent",
                              "/Tabs /S", "/ParentTree", "/S /Document", "/S /H1", "/S /Table", "/S /Figure",
                              "/S /TOC", "/S /Link", "/Type /OBJR",
                              "/Artifact <</Type /Pagination /Subtype /Footer>> BDC", "/Artifact <</Type /Layout>> BDC",
                              "/H1 <</MCID 0>> BDC"})
    CHECK_MESSAGE(qdf.find(present) != std::string::npos, std::string(present));
  CHECK(qdf.find("%PDF-1.7") == 0);
}
