// What validation checks against: the catalogue of document definitions
// (src/catalog/), loaded once by the engine. The names here are the ones
// the rules were written with.
#pragma once

#include "catalog/catalog.h"

namespace ucap::validate {

using Rulebook = catalog::Catalog;
using catalog::CodeList;
using catalog::MinimumCount;
using catalog::SdgCatalogue;
using catalog::SdgGoal;
using catalog::SectionTemplate;
using catalog::Template;

}  // namespace ucap::validate
