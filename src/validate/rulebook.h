// The catalogue's names the rules use unqualified: validation checks
// against catalog::Catalog (src/catalog/), loaded once by the engine.
#pragma once

#include "catalog/catalog.h"

namespace ucap::validate {

using catalog::CodeList;
using catalog::MinimumCount;
using catalog::SdgCatalogue;
using catalog::SdgGoal;
using catalog::SectionTemplate;
using catalog::Template;

}  // namespace ucap::validate
