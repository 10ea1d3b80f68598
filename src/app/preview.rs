//! The live preview: the document text as it will be exported, rendered block by block from
//! the same document tree the writers use, and scrolled to the current step's part.

use egui::{RichText, Ui};

use super::theme;
use super::virtual_list::{self, Heights};
use crate::check::Finding;
use crate::document::{self, Block, ListMarker, Options, Span};
use crate::model::Protocol;
use crate::step::Step;

/// The preview of one version of the model.
#[derive(Default)]
pub struct Preview {
    blocks: Vec<Block>,
    draft: bool,
    /// The first block of each step's part.
    step_starts: Vec<(Step, usize)>,
    heights: Heights,
}

impl Preview {
    /// Rebuilds the document tree (called only when the model changed).
    pub fn rebuild(&mut self, protocol: &Protocol, findings: &[Finding]) {
        let options = Options::for_protocol(protocol, findings);
        let document = document::build(protocol, &options);
        self.draft = document.metadata.draft;
        self.step_starts.clear();
        for (index, block) in document.blocks.iter().enumerate() {
            if let Block::Heading(heading) = block
                && let Some(step) = heading.step
                && !self.step_starts.iter().any(|(known, _)| *known == step)
            {
                self.step_starts.push((step, index));
            }
        }
        // Heights of unchanged blocks stay valid; only reset when the structure changed.
        if self.blocks.len() != document.blocks.len() {
            self.heights.reset();
        }
        self.blocks = document.blocks;
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
    pub fn ui(&mut self, ui: &mut Ui, scroll_to: Option<Step>, dark: bool) {
        if self.draft {
            ui.label(
                RichText::new("ONTWERP — zo ziet het document er nu uit.")
                    .color(theme::warning_colour(dark))
                    .small(),
            );
        }
        let target = scroll_to.and_then(|step| self.start_of(step));
        let blocks = &self.blocks;
        virtual_list::show(
            ui,
            "voorbeeld",
            &mut self.heights,
            blocks.len(),
            40.0,
            target,
            |ui, index| {
                if let Some(block) = blocks.get(index) {
                    block_ui(ui, block, dark);
                }
            },
        );
    }
}

fn spans_job(ui: &Ui, spans: &[Span], size: Option<f32>, dark: bool) -> egui::text::LayoutJob {
    let mut job = egui::text::LayoutJob::default();
    for span in spans {
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
            text = text.background_color(theme::gap_colour(dark));
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

fn block_ui(ui: &mut Ui, block: &Block, dark: bool) {
    match block {
        Block::Title(spans) => {
            ui.add(egui::Label::new(spans_job(ui, spans, Some(19.0), dark)).wrap());
        }
        Block::Subtitle(spans) => {
            ui.add(egui::Label::new(spans_job(ui, spans, None, dark)).wrap());
        }
        Block::Heading(heading) => {
            ui.add_space(if heading.level == 1 { 8.0 } else { 4.0 });
            let size = if heading.level == 1 { 17.0 } else { 15.5 };
            ui.label(RichText::new(&heading.text).size(size).strong());
        }
        Block::Paragraph(paragraph) => {
            ui.add(egui::Label::new(spans_job(ui, &paragraph.spans, None, dark)).wrap());
        }
        Block::List(list) => {
            for (number, item) in list.items.iter().enumerate() {
                let marker = match list.marker {
                    ListMarker::Bullet => "–".to_string(),
                    ListMarker::Letter => {
                        let letter = char::from(b'A' + (number % 26) as u8);
                        format!("{letter}.")
                    }
                    ListMarker::Number => format!("{}°", number + 1),
                };
                ui.horizontal_top(|ui| {
                    ui.label(marker);
                    ui.vertical(|ui| {
                        ui.add(egui::Label::new(spans_job(ui, &item.spans, None, dark)).wrap());
                        for child in &item.children {
                            ui.horizontal_top(|ui| {
                                ui.label("•");
                                ui.add(egui::Label::new(spans_job(ui, child, None, dark)).wrap());
                            });
                        }
                    });
                });
            }
        }
        Block::Table(table) => {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                let total: f32 = table.column_widths.iter().sum::<f32>().max(1.0);
                let gap = ui.spacing().item_spacing.x;
                let width = ui.available_width();
                let header_rows = table.header.len();
                for (row_index, row) in table.header.iter().chain(table.rows.iter()).enumerate() {
                    let header = row_index < header_rows;
                    let columns = row.cells.len().max(1);
                    ui.horizontal_top(|ui| {
                        for (column, cell) in row.cells.iter().enumerate() {
                            let share = table
                                .column_widths
                                .get(column)
                                .map_or(1.0 / columns as f32, |w| w / total);
                            let cell_width = (width * share - gap).max(100.0);
                            ui.allocate_ui(egui::vec2(cell_width, 0.0), |ui| {
                                ui.set_width(cell_width);
                                ui.vertical(|ui| {
                                    for paragraph in &cell.paragraphs {
                                        let mut job = spans_job(ui, paragraph, None, dark);
                                        if header || cell.shaded {
                                            for section in &mut job.sections {
                                                section.format.color =
                                                    ui.visuals().strong_text_color();
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
            });
        }
        Block::Signatures(boxes) => {
            for signature in boxes {
                egui::Frame::group(ui.style()).show(ui, |ui| {
                    ui.label(RichText::new(&signature.party).strong());
                    ui.label(&signature.function);
                    ui.label(&signature.name);
                    ui.label(RichText::new("(handtekening)").weak());
                });
            }
        }
        Block::PageBreak => {
            ui.separator();
        }
    }
}
