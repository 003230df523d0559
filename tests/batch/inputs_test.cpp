// Finding a batch's inputs: *.xml below folders, files as given, sorted,
// each once, hidden entries skipped, paths that cannot be read reported.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "batch/batch_support.h"
#include "batch/inputs.h"

using namespace ucap;
using ucap::batch::find_inputs;

namespace {

std::vector<std::string> paths_of(const batch::Inputs& inputs) {
  std::vector<std::string> out;
  for (const batch::InputFile& file : inputs.files) out.push_back(file.path + " | " + file.relative);
  return out;
}

}  // namespace

TEST_CASE("folders are searched recursively for *.xml; the relative path is below the argument") {
  test::ScratchFolder tree("inputs");
  tree.write("samples/plans/b.xml", "");
  tree.write("samples/plans/a.xml", "");
  tree.write("samples/reports/deep/r.xml", "");
  tree.write("samples/notes.txt", "");                // not XML
  tree.write("samples/.hidden.xml", "");              // an editor's or our own temporary file
  tree.write("samples/.git/config.xml", "");          // a hidden folder is not entered
  tree.write("samples/plans/.a.xml.Xy12Ab", "");

  const std::string root = tree / "samples";
  batch::Inputs found = find_inputs({root});
  CHECK(found.problems.empty());
  CHECK(paths_of(found) == std::vector<std::string>{
                               root + "/plans/a.xml | plans/a.xml",
                               root + "/plans/b.xml | plans/b.xml",
                               root + "/reports/deep/r.xml | reports/deep/r.xml",
                           });
  SUBCASE("a trailing slash changes nothing") { CHECK(paths_of(find_inputs({root + "/"})) == paths_of(found)); }
}

TEST_CASE("a file argument is taken whatever its name, relative to its own folder; overlaps count once") {
  test::ScratchFolder tree("files");
  const std::string roster = tree.write("data/roster.txt", "");
  const std::string plan = tree.write("data/plans/p.xml", "");
  batch::Inputs found = find_inputs({tree / "data/plans", roster, plan, tree / "data/plans/../plans"});
  CHECK(found.problems.empty());
  CHECK(paths_of(found) == std::vector<std::string>{plan + " | p.xml", roster + " | roster.txt"});
}

TEST_CASE("a path that does not exist: UCAP090 naming it, the others still found") {
  test::ScratchFolder tree("missing");
  const std::string plan = tree.write("p.xml", "");
  batch::Inputs found = find_inputs({tree / "nope", plan});
  REQUIRE(found.problems.size() == 1);
  CHECK(found.problems[0].code == "UCAP090");
  CHECK(found.problems[0].file == tree / "nope");
  CHECK(found.problems[0].message == "cannot read this path: No such file or directory");
  CHECK(found.files.size() == 1);
}

TEST_CASE("an empty folder: no inputs and no problem") {
  test::ScratchFolder tree("empty");
  batch::Inputs found = find_inputs({tree.path().string()});
  CHECK(found.files.empty());
  CHECK(found.problems.empty());
}

TEST_CASE("a symbolic link to a file is an input of its own, under its own name") {
  test::ScratchFolder tree("links");
  const std::string plan = tree.write("samples/plans/p.xml", "");
  std::filesystem::create_directories(tree / "samples/drafts");
  std::filesystem::create_symlink("../plans/p.xml", tree / "samples/drafts/p.xml");
  const std::string root = tree / "samples";
  CHECK(paths_of(find_inputs({root})) ==
        std::vector<std::string>{root + "/drafts/p.xml | drafts/p.xml", root + "/plans/p.xml | plans/p.xml"});
}
