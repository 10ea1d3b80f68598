//! Tables: columns scaled to the text width, cells of wrapped paragraphs, borders, shaded
//! header rows (repeated on every page the table crosses) and shaded label cells. A row is a
//! [`RowBox`] that the page breaker places whole or splits between lines.

use std::rc::Rc;

use super::fonts::Face;
use super::layout::{CELL_SHADE, Draw, HEADER_SHADE, RULE, Rgb, highlights};
use super::structure::{self, Artifact, Mark, Role, Scope, Structure};
use super::text::{self, Alignment, Style, TextLine};
use crate::document::{Row, Table};

const PADDING_X: f32 = 4.5;
const PADDING_Y: f32 = 3.5;
const CELL_SIZE: f32 = 9.0;
const PARAGRAPH_GAP: f32 = 3.0;
const BORDER: f32 = 0.5;

#[derive(Clone, Debug)]
struct CellBox {
    x: f32,
    width: f32,
    fill: Option<Rgb>,
    /// Lines with their offset from the top of the cell's content.
    lines: Vec<(f32, TextLine)>,
    /// The cell's TH or TD element.
    mark: Mark,
}

impl CellBox {
    fn content_height(&self) -> f32 {
        self.lines
            .last()
            .map(|(offset, line)| offset + line.height)
            .unwrap_or(0.0)
    }
}

/// One laid-out table row, or the part of a row that goes on one page.
#[derive(Clone, Debug)]
pub(super) struct RowBox {
    cells: Vec<CellBox>,
    keep_together: bool,
    keep_with_next: bool,
    header: bool,
    /// The first row of its table (the first header row, or the first body row of a table
    /// without header).
    first: bool,
    /// The table's header rows, shared by all its rows.
    header_rows: Rc<Vec<RowBox>>,
}

impl RowBox {
    pub(super) fn height(&self) -> f32 {
        let content = self
            .cells
            .iter()
            .map(CellBox::content_height)
            .fold(0.0, f32::max);
        content.max(text::line_height(CELL_SIZE)) + 2.0 * PADDING_Y
    }

    /// What must fit for the row to start on a page: all of it when it may not split,
    /// otherwise its first two lines.
    pub(super) fn min_height(&self) -> f32 {
        if self.keep_together || self.header {
            return self.height();
        }
        let two_lines = 2.0 * text::line_height(CELL_SIZE) + 2.0 * PADDING_Y;
        self.height().min(two_lines)
    }

    pub(super) fn is_header(&self) -> bool {
        self.header
    }

    pub(super) fn is_first(&self) -> bool {
        self.first
    }

    pub(super) fn keep_together(&self) -> bool {
        self.keep_together
    }

    /// Whether the row stays on the page of the next row (the rows of one data item).
    pub(super) fn keep_with_next(&self) -> bool {
        self.keep_with_next
    }

    pub(super) fn header(&self) -> Rc<Vec<RowBox>> {
        Rc::clone(&self.header_rows)
    }

    /// The row as repeated at the top of a page the table continues on: an artefact.
    pub(super) fn repeated(&self) -> RowBox {
        let mut row = self.clone();
        for cell in &mut row.cells {
            cell.mark = Mark::Artifact(Artifact::Repeated);
        }
        row
    }

    /// Splits the row so that the first part is at most `available` high; `None` when not
    /// even one line of a cell fits (or nothing would move).
    pub(super) fn split(&self, available: f32) -> Option<(RowBox, RowBox)> {
        let room = available - 2.0 * PADDING_Y;
        let mut head = self.clone();
        let mut rest = self.clone();
        let mut placed_any = false;
        let mut moved_any = false;
        for ((head_cell, rest_cell), cell) in head
            .cells
            .iter_mut()
            .zip(rest.cells.iter_mut())
            .zip(&self.cells)
        {
            let fits = cell
                .lines
                .iter()
                .take_while(|(offset, line)| offset + line.height <= room)
                .count();
            // No lone line of a cell on either side of the break.
            let count = cell.lines.len();
            let mut fits = fits;
            if fits < count && count - fits == 1 {
                fits = fits.saturating_sub(1);
            }
            if fits == 1 && count > 1 {
                fits = 0;
            }
            if fits == 0 && count > 0 {
                // A cell with nothing on this page: the row moves on whole.
                return None;
            }
            placed_any |= fits > 0;
            moved_any |= fits < cell.lines.len();
            head_cell.lines.truncate(fits);
            let remaining: Vec<(f32, TextLine)> = cell.lines[fits..].to_vec();
            let shift = remaining.first().map(|(offset, _)| *offset).unwrap_or(0.0);
            rest_cell.lines = remaining
                .into_iter()
                .map(|(offset, line)| (offset - shift, line))
                .collect();
        }
        if !placed_any || !moved_any {
            return None;
        }
        head.first = false;
        rest.first = false;
        Some((head, rest))
    }

    /// The row drawn with its top at y = 0.
    pub(super) fn draws(&self) -> Vec<Draw> {
        let height = self.height();
        let mut draws = Vec::new();
        for cell in &self.cells {
            if let Some(fill) = cell.fill {
                draws.push(Draw::Rect {
                    x: cell.x,
                    y: 0.0,
                    width: cell.width,
                    height,
                    fill: Some(fill),
                    stroke: None,
                });
            }
        }
        for cell in &self.cells {
            for (offset, line) in &cell.lines {
                let x = cell.x + PADDING_X;
                let y = PADDING_Y + offset;
                draws.extend(highlights(line, x, y));
                draws.push(Draw::Text {
                    x,
                    y,
                    line: line.clone(),
                    color: [0.0; 3],
                    mark: cell.mark,
                });
            }
        }
        for cell in &self.cells {
            draws.push(Draw::Rect {
                x: cell.x,
                y: 0.0,
                width: cell.width,
                height,
                fill: None,
                stroke: Some((BORDER, RULE)),
            });
        }
        draws
    }
}

/// The column positions and widths: the relative widths scaled to `width`; missing or
/// unusable widths count as equal shares.
fn columns(table: &Table, x: f32, width: f32) -> Vec<(f32, f32)> {
    let count = table
        .header
        .iter()
        .chain(&table.rows)
        .map(|row| row.cells.len())
        .chain(std::iter::once(table.column_widths.len()))
        .max()
        .unwrap_or(0)
        .max(1);
    let shares: Vec<f32> = (0..count)
        .map(|index| {
            table
                .column_widths
                .get(index)
                .copied()
                .filter(|share| share.is_finite() && *share > 0.0)
                .unwrap_or(1.0)
        })
        .collect();
    let total: f32 = shares.iter().sum();
    let mut at = x;
    shares
        .into_iter()
        .map(|share| {
            let column = width * share / total;
            let placed = (at, column);
            at += column;
            placed
        })
        .collect()
}

/// A row laid out in `columns`, its TR element under `table`: a header row's cells head
/// their columns, a shaded label cell ("Gegeven 3", "Doel") heads its row.
fn row_box(
    row: &Row,
    columns: &[(f32, f32)],
    header: bool,
    structure: &mut Structure,
    table: usize,
) -> RowBox {
    let tr = structure.add(table, Role::TR);
    let cells = columns
        .iter()
        .enumerate()
        .map(|(index, &(x, width))| {
            let cell = row.cells.get(index);
            let shaded = cell.is_some_and(|cell| cell.shaded);
            let role = if header {
                Role::TH(Scope::Column)
            } else if shaded {
                Role::TH(Scope::Row)
            } else {
                Role::TD
            };
            let mark = Mark::Content(structure.add(tr, role));
            let style = Style::new(if header { Face::Bold } else { Face::Regular }, CELL_SIZE);
            let mut lines = Vec::new();
            let mut offset = 0.0;
            for (number, paragraph) in cell
                .map(|cell| cell.paragraphs.as_slice())
                .unwrap_or_default()
                .iter()
                .enumerate()
            {
                if number > 0 {
                    offset += PARAGRAPH_GAP;
                }
                for line in text::wrap(paragraph, style, width - 2.0 * PADDING_X, Alignment::Left) {
                    let height = line.height;
                    lines.push((offset, line));
                    offset += height;
                }
            }
            CellBox {
                x,
                width,
                fill: if header {
                    Some(HEADER_SHADE)
                } else if shaded {
                    Some(CELL_SHADE)
                } else {
                    None
                },
                lines,
                mark,
            }
        })
        .collect();
    RowBox {
        cells,
        keep_together: row.keep_together,
        keep_with_next: row.keep_with_next,
        header,
        first: false,
        header_rows: Rc::new(Vec::new()),
    }
}

/// The rows of `table` at `x`, `width` wide: header rows first. The table becomes a Table
/// element of the document in `structure`, a TR per row.
pub(super) fn rows(table: &Table, x: f32, width: f32, structure: &mut Structure) -> Vec<RowBox> {
    let columns = columns(table, x, width);
    let element = structure.add(structure::DOCUMENT, Role::Table);
    let header: Vec<RowBox> = table
        .header
        .iter()
        .map(|row| row_box(row, &columns, true, structure, element))
        .collect();
    let body: Vec<RowBox> = table
        .rows
        .iter()
        .map(|row| row_box(row, &columns, false, structure, element))
        .collect();
    let shared = Rc::new(header.clone());
    let mut all: Vec<RowBox> = header
        .into_iter()
        .chain(body)
        .map(|mut row| {
            row.header_rows = Rc::clone(&shared);
            row
        })
        .collect();
    if let Some(first) = all.first_mut() {
        first.first = true;
    }
    // The first body row counts as "first" too: no header to repeat before it.
    if let Some(first_body) = all.get_mut(table.header.len()) {
        first_body.first = true;
    }
    all
}
