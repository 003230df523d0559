#include "validate/block_rules.h"

#include <algorithm>

#include <fmt/format.h>

#include "validate/image_check.h"

namespace ucap::validate {

namespace {

std::uint64_t widest_row(const std::vector<model::TableRow>& rows) {
  std::uint64_t widest = 0;
  for (const model::TableRow& row : rows) {
    std::uint64_t width = 0;
    for (const model::TableCell& cell : row.cells) width += cell.colspan;
    widest = std::max(widest, width);
  }
  return widest;
}

void check_table(const model::Block& block, const model::Table& table, Findings& findings) {
  std::uint64_t columns = table_columns(table);
  if (columns <= max_table_columns) return;
  findings.error("UCAP085", block.position,
                 fmt::format("<table> has {} columns; the limit is {}", columns, max_table_columns),
                 "split it into several tables, or turn it around (rows for columns)");
}

// A figure a screen reader cannot describe: without alt its caption stands
// in; with neither, no accessible PDF can be made of it.
void check_alternative_text(const model::Figure& figure, Findings& findings) {
  if (figure.has_alt) return;
  if (figure.captions.empty())
    findings.error("UCAP089", figure.image_position, "<img> has neither alt nor a caption: a screen reader cannot say what it shows",
                   "add alt=\"…\" saying what the image shows, in the figure's language");
  else
    findings.warning("UCAP089", figure.image_position, "<img> has no alt; its caption stands in for a screen reader",
                     "add alt=\"…\" saying what the image shows, in the figure's language");
}

void check_figure(const model::Figure& figure, const std::optional<std::filesystem::path>& folder, Findings& findings) {
  check_alternative_text(figure, findings);
  if (!figure.has_source) return;
  if (auto problem = check_image_source(figure.source, folder))
    findings.error(problem->code.c_str(), figure.source_position, std::move(problem->message), std::move(problem->hint));
}

}  // namespace

std::uint64_t table_columns(const model::Table& table) {
  return std::max({std::uint64_t{table.column_weights.size()}, widest_row(table.head_rows),
                   widest_row(table.body_rows)});
}

void check_block_contents(const model::Block& block, const std::optional<std::filesystem::path>& document_folder,
                          Findings& findings) {
  // Recursion follows the nesting of lists and notes, which the parser
  // bounds (max_element_depth).
  if (const auto* table = std::get_if<model::Table>(&block.content)) check_table(block, *table, findings);
  else if (const auto* figure = std::get_if<model::Figure>(&block.content)) check_figure(*figure, document_folder, findings);
  else if (const auto* list = std::get_if<model::List>(&block.content))
    for (const model::ListItem& item : list->items) check_block_contents(item.blocks, document_folder, findings);
  else if (const auto* note = std::get_if<model::Note>(&block.content))
    check_block_contents(note->blocks, document_folder, findings);
}

void check_block_contents(const model::Blocks& blocks, const std::optional<std::filesystem::path>& document_folder,
                          Findings& findings) {
  for (const model::Block& block : blocks) check_block_contents(block, document_folder, findings);
}

}  // namespace ucap::validate
