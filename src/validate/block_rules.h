// Rules on what blocks hold, wherever they stand (summary, sections,
// activities, risks, and inside list items and notes): a table's width and
// a figure's image.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>

#include "model/blocks.h"
#include "validate/findings.h"

namespace ucap::validate {

// Widest table accepted: on an A4 page 100 columns leave under 2 mm each,
// already too narrow for one character, so a wider table is a mistake
// (a generated file, a colspan typo), and refusing it keeps layout bounded.
inline constexpr std::uint64_t max_table_columns = 100;

// The columns a table takes: the widest row (colspans added up) or the
// number of widths in cols="…", whichever is more.
std::uint64_t table_columns(const model::Table& table);

// UCAP085 for a table over max_table_columns; UCAP080–UCAP083 for a
// figure whose image cannot be used (see image_check.h). Image paths are
// relative to `document_folder` (none: a document from memory).
void check_block_contents(const model::Block& block, const std::optional<std::filesystem::path>& document_folder,
                          Findings& findings);
void check_block_contents(const model::Blocks& blocks, const std::optional<std::filesystem::path>& document_folder,
                          Findings& findings);

}  // namespace ucap::validate
