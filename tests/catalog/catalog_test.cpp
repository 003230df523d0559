// The catalogue of document definitions: each template file read once into
// one object that validation and layout both take; the progress-report
// template as data, set like the plan template; a broken template file
// named at its line and column.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "catalog/catalog.h"
#include "layout/document_style.h"
#include "render/engine.h"
#include "support/check.h"
#include "validate/validate.h"
#include "xml/parse.h"

using namespace ucap;
namespace fs = std::filesystem;

namespace {

// A data directory of its own under the build's temporary folder: a copy
// of the repository's templates (to change at will) and a link to its fonts.
class DataDirectory {
 public:
  explicit DataDirectory(const std::string& name)
      : root_(fs::temp_directory_path() / ("ucap-catalog-test-" + name + "-" + std::to_string(::getpid()))) {
    fs::remove_all(root_);
    fs::create_directories(root_);
    fs::copy(fs::path(UCAP_SOURCE_DIR) / "templates", root_ / "templates", fs::copy_options::recursive);
    fs::create_directory_symlink(fs::path(UCAP_SOURCE_DIR) / "fonts", root_ / "fonts");
  }
  ~DataDirectory() { fs::remove_all(root_); }

  std::string path() const { return root_.string(); }
  std::string template_path(const std::string& file) const { return (root_ / "templates" / file).string(); }
  void write(const std::string& file, const std::string& text) const {
    std::ofstream(template_path(file), std::ios::binary | std::ios::trunc) << text;
  }
  void edit(const std::string& file, const std::string& from, const std::string& to) const {
    write(file, test::replace_once(test::read_text(template_path(file)), from, to));
  }

  std::string load_error() const {
    std::string error;
    auto catalog = catalog::Catalog::load(path(), error);
    CHECK(!catalog);
    return error;
  }

 private:
  fs::path root_;
};

std::string page_text(const layout::LaidOutDocument& document) {
  std::string text;
  for (const auto& page : document.pages)
    for (const auto& placed : page.texts) text += placed.text + "\n";
  return text;
}

const std::string minimal_plan = "plans/minimal.xml";

}  // namespace

TEST_CASE("the repository's catalogue: the plan template, the report template set like it, the reference data") {
  const catalog::Catalog& catalog = test::rules();
  const catalog::Template* plan = catalog.find_template("ucap");
  REQUIRE(plan);
  CHECK(plan->root == "action-plan");
  CHECK(plan->sections.size() == 8);
  CHECK(plan->sections.front().ref == "objectives");
  CHECK(plan->parts.empty());

  const catalog::Template* report = catalog.report_template("progress-report");
  REQUIRE(report);
  CHECK(report->id == "progress-report");
  CHECK(report->version == "1");
  CHECK(report->parts == std::vector<std::string>{"pairings", "plan-status", "sdg-coverage", "meetings"});
  // A report names no template of the catalogue, or a plan's: the report template still applies.
  CHECK(catalog.report_template("ucap") == report);
  CHECK(catalog.report_template("") == report);

  // <styles like="ucap"/>: the plan's styles, the plan's words and the report's own.
  CHECK(report->styles.styles.size() == plan->styles.styles.size());
  const layout::DocumentStyle report_style = layout::DocumentStyle::from(*report);
  const layout::DocumentStyle plan_style = layout::DocumentStyle::from(*plan);
  CHECK(report_style.style("heading", model::Language::ja).paragraph.font_size ==
        plan_style.style("heading", model::Language::ja).paragraph.font_size);
  CHECK(report_style.label("page-number", model::Language::en, {{"n", "2"}, {"total", "5"}}) == "2 / 5");
  CHECK(report_style.label("plan-status-heading", model::Language::ja) == "アクションプランの状況");
  // The plan template holds no report words: a missing label shows its key.
  CHECK(plan_style.label("plan-status-heading", model::Language::en) == "plan-status-heading");

  CHECK(catalog.sdgs().goals.size() == 17);
  CHECK(catalog.sdgs().target_count() == 169);
  CHECK(catalog.countries().contains("JP"));
  CHECK(catalog.currencies().contains("EUR"));
}

TEST_CASE("the engine reads each template file once: validation and layout take what it read") {
  DataDirectory data("once");
  // A heading changed in the file: both the validator's words and the PDF's show it.
  data.edit("ucap.xml", "<title xml:lang=\"en\">Objectives</title>", "<title xml:lang=\"en\">Aims of the plan</title>");
  std::string error;
  auto engine = render::Engine::load(data.path(), error);
  REQUIRE_MESSAGE(engine, error);
  // From here on the file is garbage: anything that read it again would fail or lose the new heading.
  data.write("ucap.xml", "<not-a-template");

  const std::string fixture = test::fixture(minimal_plan);
  xml::ParsedDocument parsed = xml::parse_bytes("plan.xml", fixture);
  auto* plan = std::get_if<model::ActionPlan>(&parsed.document);
  REQUIRE(plan);
  CHECK(validate::validate_plan(*plan, engine->rules()).empty());
  CHECK(page_text(engine->layout_plan(*plan, model::Language::en, "")).find("1. Aims of the plan\n") !=
        std::string::npos);

  const std::string without_objectives =
      fixture.substr(0, fixture.find("<section ref=\"objectives\">")) +
      fixture.substr(fixture.find("</section>", fixture.find("<section ref=\"objectives\">")) + 10);
  xml::ParsedDocument broken = xml::parse_bytes("plan.xml", without_objectives);
  auto* incomplete = std::get_if<model::ActionPlan>(&broken.document);
  REQUIRE(incomplete);
  auto findings = validate::validate_plan(*incomplete, engine->rules());
  REQUIRE(!findings.empty());
  CHECK(findings[0].code == "UCAP012");
  CHECK(findings[0].message == "section 'objectives' (1. Aims of the plan) is missing; it is required by template 'ucap'");
}

TEST_CASE("a broken template file is named at its line and column") {
  SUBCASE("not well-formed XML") {
    DataDirectory data("malformed");
    data.write("ucap.xml", "<template id=\"ucap\">\n  <section ref=\"a\"\n</template>\n");
    CHECK(data.load_error() == data.template_path("ucap.xml") + ":3:1: cannot load template: Error parsing start element tag");
  }
  SUBCASE("another root element") {
    DataDirectory data("root");
    data.write("ucap.xml", "<?xml version=\"1.0\"?>\n<plan/>\n");
    CHECK(data.load_error() == data.template_path("ucap.xml") + ":2:2: not a template (no <template> root)");
  }
  SUBCASE("a section without its Japanese title") {
    DataDirectory data("section");
    data.edit("ucap.xml", "<title xml:lang=\"ja\">目的</title>", "");
    CHECK(data.load_error() ==
          data.template_path("ucap.xml") + ":17:4: a <section> needs ref and English and Japanese titles");
  }
  SUBCASE("no section and no generated part") {
    DataDirectory data("empty");
    data.write("ucap.xml", "<template id=\"ucap\" root=\"action-plan\">\n</template>\n");
    CHECK(data.load_error() == data.template_path("ucap.xml") + ":1:2: a template needs an id and at least one section");
  }
  SUBCASE("a generated part the engine does not make") {
    DataDirectory data("part");
    data.edit("progress-report.xml", "<part name=\"meetings\"/>", "<part name=\"budgets\"/>");
    CHECK(data.load_error() == data.template_path("progress-report.xml") +
                                   ":22:6: generated part 'budgets' is not one the engine makes (pairings, "
                                   "plan-status, sdg-coverage, meetings)");
  }
  SUBCASE("styles like a template the data directory does not have") {
    DataDirectory data("like");
    data.edit("progress-report.xml", "<styles like=\"ucap\"/>", "<styles like=\"ucap2\"/>");
    CHECK(data.load_error() == data.template_path("progress-report.xml") +
                                   ":25:4: <styles like=\"ucap2\"> names no template of the data directory");
  }
}

TEST_CASE("a report's generated parts are the report template's") {
  DataDirectory data("parts");
  data.edit("progress-report.xml", "    <part name=\"meetings\"/>\n", "");
  std::string error;
  auto catalog = catalog::Catalog::load(data.path(), error);
  REQUIRE_MESSAGE(catalog, error);
  const std::string report_file = std::string(UCAP_TEST_DIR) + "/fixtures/reports/minimal.xml";
  auto findings = validate::validate_document(xml::parse_bytes(report_file, test::read_text(report_file)), *catalog);
  REQUIRE(findings.size() == 1);
  CHECK(test::brief(findings[0]) == "error UCAP036 28:20");
  CHECK(findings[0].message == "part 'meetings' is not one of pairings, plan-status, sdg-coverage");
  // The repository's template has it.
  CHECK(test::check_as(report_file, test::read_text(report_file)).empty());
}
