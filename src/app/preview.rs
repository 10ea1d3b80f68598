//! The live preview: the document text as it will be exported, rendered block by block from
//! the same document tree the writers use, and scrolled to the current step's part.

use egui::{RichText, Ui};

use super::theme;
use super::virtual_list::{self, Heights};
use crate::check::Finding;
use crate::document::{Block, ListItem, ListMarker, Row, Span};
use crate::model::Protocol;
use crate::model::Step;
use crate::pipeline::{self, Product};

/// One line of the preview list. Tables and lists are split into rows and items, so that a
/// table of 250 data items lays out only the rows on screen.
enum Item {
    /// A block shown whole.
    Block(Block),
    /// One row of a table.
    TableRow {
        widths: Vec<f32>,
        row: Row,
        header: bool,
    },
    /// One item of a list, with its marker ("–", "A.", "3°").
    ListEntry { marker: String, item: ListItem },
}

/// The preview of one version of the model.
#[derive(Default)]
pub struct Preview {
    items: Vec<Item>,
    draft: bool,
    /// The first block of each step's part.
    step_starts: Vec<(Step, usize)>,
    heights: Heights,
}

impl Preview {
    /// Rebuilds the document tree (called only when the model changed).
    pub fn rebuild(&mut self, protocol: &Protocol, findings: &[Finding]) {
        let document = pipeline::document(protocol, findings, Product::Protocol);
        self.draft = document.metadata.status.is_draft();
        self.step_starts.clear();
        let mut items = Vec::with_capacity(document.blocks.len());
        for block in document.blocks {
            match block {
                Block::Heading(heading) => {
                    if let Some(step) = heading.step
                        && !self.step_starts.iter().any(|(known, _)| *known == step)
                    {
                        self.step_starts.push((step, items.len()));
                    }
                    items.push(Item::Block(Block::Heading(heading)));
                }
                Block::Table(table) => {
                    let header_rows = table.header.len();
                    for (index, row) in table.header.into_iter().chain(table.rows).enumerate() {
                        items.push(Item::TableRow {
                            widths: table.column_widths.clone(),
                            row,
                            header: index < header_rows,
                        });
                    }
                }
                Block::List(list) => {
                    for (number, item) in list.items.into_iter().enumerate() {
                        let marker = list.marker.label(number);
                        items.push(Item::ListEntry { marker, item });
                    }
                }
                other => items.push(Item::Block(other)),
            }
        }
        // Heights of unchanged items stay roughly valid; reset when the structure changed.
        if self.items.len() != items.len() {
            self.heights.reset();
        }
        self.items = items;
    }

    /// Takes the content of `built`, a preview rebuilt on the worker thread (see
    /// `derived.rs`), keeping the measured heights while the structure stays the same.
    pub fn replace_with(&mut self, built: Preview) {
        if self.items.len() != built.items.len() {
            self.heights.reset();
        }
        self.items = built.items;
        self.draft = built.draft;
        self.step_starts = built.step_starts;
    }

    /// The index of the first block of `step`'s part (or of the nearest earlier step).
    fn start_of(&self, step: Step) -> Option<usize> {
        self.step_starts
            .iter()
            .filter(|(known, _)| *known <= step)
            .max_by_key(|(known, _)| *known)
            .or_else(|| self.step_starts.first())
            .map(|(_, index)| *index)
    }

    /// Shows the preview; `scroll_to` scrolls to that step's part.
    pub fn ui(&mut self, ui: &mut Ui, scroll_to: Option<Step>) {
        if self.draft {
            ui.label(
                RichText::new("ONTWERP — zo ziet het document er nu uit.")
                    .color(ui.visuals().warn_fg_color)
                    .small(),
            );
        }
        let target = scroll_to.and_then(|step| self.start_of(step));
        let items = &self.items;
        virtual_list::show(
            ui,
            "voorbeeld",
            &mut self.heights,
            items.len(),
            40.0,
            target,
            |ui, index| match items.get(index) {
                Some(Item::Block(block)) => block_ui(ui, block),
                Some(Item::TableRow {
                    widths,
                    row,
                    header,
                }) => {
                    table_row_ui(ui, widths, row, *header);
                }
                Some(Item::ListEntry { marker, item }) => list_entry_ui(ui, marker, item),
                None => {}
            },
        );
    }
}

fn spans_job(ui: &Ui, spans: &[Span], size: Option<f32>) -> egui::text::LayoutJob {
    let mut job = egui::text::LayoutJob::default();
    for span in spans {
        if let Some(note) = &span.footnote {
            // The preview shows a footnote where it is referenced, small, in brackets.
            let words: String = note.iter().map(|part| part.text.as_str()).collect();
            RichText::new(format!(" [voetnoot: {words}]"))
                .small()
                .weak()
                .append_to(
                    &mut job,
                    ui.style(),
                    egui::FontSelection::Default,
                    egui::Align::LEFT,
                );
            continue;
        }
        let mut text = RichText::new(&span.text);
        if let Some(size) = size {
            text = text.size(size);
        }
        if span.bold {
            text = text.strong();
        }
        if span.italic {
            text = text.italics();
        }
        if span.gap {
            text = text.background_color(theme::gap_colour(ui.visuals().dark_mode));
        }
        text.append_to(
            &mut job,
            ui.style(),
            egui::FontSelection::Default,
            egui::Align::LEFT,
        );
    }
    job
}

fn block_ui(ui: &mut Ui, block: &Block) {
    match block {
        Block::Title(spans) => {
            ui.add(egui::Label::new(spans_job(ui, spans, Some(19.0))).wrap());
        }
        Block::Subtitle(spans) => {
            ui.add(egui::Label::new(spans_job(ui, spans, None)).wrap());
        }
        Block::Heading(heading) => {
            ui.add_space(if heading.level == 1 { 8.0 } else { 4.0 });
            let size = if heading.level == 1 { 17.0 } else { 15.5 };
            ui.label(RichText::new(&heading.text).size(size).strong());
        }
        Block::Paragraph(paragraph) => {
            ui.add(egui::Label::new(spans_job(ui, &paragraph.spans, None)).wrap());
        }
        Block::List(list) => {
            for (number, item) in list.items.iter().enumerate() {
                list_entry_ui(ui, &list.marker.label(number), item);
            }
        }
        Block::Table(table) => {
            let header_rows = table.header.len();
            for (index, row) in table.header.iter().chain(table.rows.iter()).enumerate() {
                table_row_ui(ui, &table.column_widths, row, index < header_rows);
            }
        }
        Block::Signatures(boxes) => {
            for signature in boxes {
                egui::Frame::group(ui.style()).show(ui, |ui| {
                    ui.add(egui::Label::new(spans_job(ui, &signature.party, None)).wrap());
                    ui.add(egui::Label::new(spans_job(ui, &signature.function, None)).wrap());
                    ui.add(egui::Label::new(spans_job(ui, &signature.name, None)).wrap());
                    ui.label(RichText::new("(handtekening)").weak());
                });
            }
        }
        Block::PageBreak => {
            ui.separator();
        }
    }
}

fn list_entry_ui(ui: &mut Ui, marker: &str, item: &ListItem) {
    ui.horizontal_top(|ui| {
        ui.label(marker);
        ui.vertical(|ui| {
            ui.add(egui::Label::new(spans_job(ui, &item.spans, None)).wrap());
            for child in &item.children {
                ui.horizontal_top(|ui| {
                    ui.label(ListMarker::NESTED);
                    ui.add(egui::Label::new(spans_job(ui, child, None)).wrap());
                });
            }
        });
    });
}

fn table_row_ui(ui: &mut Ui, widths: &[f32], row: &Row, header: bool) {
    let total: f32 = widths.iter().sum::<f32>().max(1.0);
    let gap = ui.spacing().item_spacing.x;
    let width = ui.available_width() - 12.0;
    let columns = row.cells.len().max(1);
    // Column widths in proportion, the label columns at least wide enough for a word, the
    // last column taking what is left.
    let mut cell_widths: Vec<f32> = (0..row.cells.len())
        .map(|column| {
            let share = widths
                .get(column)
                .map_or(1.0 / columns as f32, |w| w / total);
            (width * share - gap).max(125.0)
        })
        .collect();
    if let Some(last) = cell_widths.len().checked_sub(1) {
        let used: f32 = cell_widths[..last].iter().map(|w| w + gap).sum();
        cell_widths[last] = (width - used).max(100.0);
    }
    ui.horizontal_top(|ui| {
        ui.add_space(6.0);
        for (cell, cell_width) in row.cells.iter().zip(cell_widths) {
            ui.allocate_ui(egui::vec2(cell_width, 0.0), |ui| {
                ui.set_width(cell_width);
                ui.vertical(|ui| {
                    for paragraph in &cell.paragraphs {
                        let mut job = spans_job(ui, paragraph, None);
                        if header || cell.shaded {
                            for section in &mut job.sections {
                                section.format.color = ui.visuals().strong_text_color();
                            }
                        }
                        ui.add(egui::Label::new(job).wrap());
                    }
                });
            });
        }
    });
    ui.separator();
}
