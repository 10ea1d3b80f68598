//! The Inzendingen view: the behandelaar's table over a folder of submissions
//! ([`crate::desk`]). It sorts by any column, filters on status, errors and text, opens a row
//! in the wizard (the view stays as it was, to come back to), and follows the folder: the
//! desk's loader reads changed files again by itself. It never reads a file in a frame.

use std::path::PathBuf;

use egui::{Align, Layout, RichText, Ui, vec2};

use super::theme;
use crate::desk::{Column, Desk, Filter, Submission, sort};
use crate::model::Status;

/// What the user asked for in the view.
#[derive(Clone, Debug, PartialEq)]
pub enum DeskAction {
    /// Open this submission in the wizard.
    Open(PathBuf),
    /// Write the overview as an Excel sheet (dialog).
    ExportSheet,
    /// Choose another folder (dialog).
    ChooseFolder,
    /// Go back to the protocol in the wizard.
    BackToProtocol,
}

/// The table's state: the desk, its order, its filter and the selected row. It lives on while
/// a submission is open in the wizard, so coming back finds the list as it was left.
pub struct DeskView {
    /// The rows and their loader.
    pub desk: Desk,
    /// The column sorted on.
    pub sort: Column,
    /// Sorted from high to low.
    pub descending: bool,
    /// What is shown.
    pub filter: Filter,
    /// The selected row's file.
    pub selected: Option<PathBuf>,
    /// Scroll the selected row into view at the next frame (after coming back).
    pub reveal_selected: bool,
}

/// Each column's share of the table's width.
const SHARES: [f32; 8] = [0.25, 0.09, 0.13, 0.10, 0.09, 0.09, 0.14, 0.11];

impl DeskView {
    /// A view over `desk`, sorted by file name.
    pub fn new(desk: Desk) -> Self {
        Self {
            desk,
            sort: Column::File,
            descending: false,
            filter: Filter::default(),
            selected: None,
            reveal_selected: false,
        }
    }

    /// The rows the filter lets through, in the chosen order.
    pub fn shown(&self) -> Vec<&Submission> {
        let mut rows: Vec<&Submission> = self
            .desk
            .rows()
            .iter()
            .filter(|row| self.filter.matches(row))
            .collect();
        sort(&mut rows, self.sort, self.descending);
        rows
    }

    /// Clicking a heading sorts on it; clicking it again turns the order round.
    pub fn sort_on(&mut self, column: Column) {
        if self.sort == column {
            self.descending = !self.descending;
        } else {
            self.sort = column;
            self.descending = false;
        }
    }

    /// The whole view for one frame.
    pub fn ui(&mut self, ui: &mut Ui) -> Option<DeskAction> {
        let mut action = None;
        self.toolbar_ui(ui, &mut action);
        self.filter_ui(ui);
        ui.separator();
        self.table_ui(ui, &mut action);
        action
    }

    fn toolbar_ui(&mut self, ui: &mut Ui, action: &mut Option<DeskAction>) {
        ui.horizontal(|ui| {
            ui.heading("Inzendingen");
            ui.add(
                egui::Label::new(RichText::new(self.desk.folder.display().to_string()).weak())
                    .truncate(),
            );
        });
        ui.horizontal_wrapped(|ui| {
            let selected = self.selected.clone();
            if ui
                .add_enabled(selected.is_some(), egui::Button::new("Openen"))
                .on_hover_text("Open de gekozen inzending in de wizard (of dubbelklik op een rij).")
                .clicked()
                && let Some(path) = selected
            {
                *action = Some(DeskAction::Open(path));
            }
            if ui
                .button("Vernieuwen")
                .on_hover_text("Lees alle bestanden van de map opnieuw.")
                .clicked()
            {
                self.desk.reload();
            }
            if ui
                .button("Andere map…")
                .on_hover_text("Kies een andere map met inzendingen.")
                .clicked()
            {
                *action = Some(DeskAction::ChooseFolder);
            }
            if ui
                .add_enabled(
                    !self.desk.rows().is_empty(),
                    egui::Button::new("Overzicht als Excel…"),
                )
                .on_hover_text(
                    "Bewaar het overzicht van alle inzendingen als Excel-bestand (.xlsx), met \
                     echte datums, een filter en een vaste kopregel.",
                )
                .clicked()
            {
                *action = Some(DeskAction::ExportSheet);
            }
            if ui
                .button("Terug naar het protocol")
                .on_hover_text("Toon het protocol dat in de wizard open is.")
                .clicked()
            {
                *action = Some(DeskAction::BackToProtocol);
            }
        });
        if let Some(total) = self.desk.total
            && self.desk.is_loading()
            && total > 0
        {
            let done = self.desk.loaded.min(total);
            ui.add(
                egui::ProgressBar::new(done as f32 / total as f32)
                    .text(format!("{done} van {total} bestanden gelezen…")),
            );
        } else if self.desk.total.is_none() {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label("De map wordt gelezen…");
            });
        }
        if let Some(reason) = &self.desk.not_watched {
            ui.colored_label(ui.visuals().warn_fg_color, reason);
        }
    }

    fn filter_ui(&mut self, ui: &mut Ui) {
        ui.horizontal_wrapped(|ui| {
            let label = ui.label("Status:");
            let current = self
                .filter
                .status
                .map_or("Alle statussen", |status| status.label());
            egui::ComboBox::from_id_salt("inzendingen-status")
                .selected_text(current)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.filter.status, None, "Alle statussen");
                    for status in Status::ALL {
                        ui.selectable_value(&mut self.filter.status, Some(status), status.label());
                    }
                })
                .response
                .labelled_by(label.id);
            ui.checkbox(&mut self.filter.with_errors, "Alleen met fouten");
            let label = ui.label("Zoeken:");
            ui.add(
                egui::TextEdit::singleline(&mut self.filter.text)
                    .hint_text("gemeente, titel of bestand")
                    .desired_width(220.0),
            )
            .labelled_by(label.id);
            if self.filter.is_active() && ui.button("Filter wissen").clicked() {
                self.filter = Filter::default();
            }
            let total = self.desk.rows().len();
            let shown = self
                .desk
                .rows()
                .iter()
                .filter(|row| self.filter.matches(row))
                .count();
            let unreadable = self
                .desk
                .rows()
                .iter()
                .filter(|row| row.content.is_err())
                .count();
            let mut text = if shown == total {
                crate::app::count(total, "inzending", "inzendingen")
            } else {
                format!("{shown} van {total} inzendingen")
            };
            if unreadable > 0 {
                text.push_str(&format!(", waarvan {unreadable} onleesbaar"));
            }
            ui.label(RichText::new(text).weak());
        });
    }

    fn table_ui(&mut self, ui: &mut Ui, action: &mut Option<DeskAction>) {
        let width = ui.available_width();
        let widths: Vec<f32> = SHARES.iter().map(|share| share * width - 6.0).collect();
        let row_height = ui.spacing().interact_size.y;
        ui.horizontal(|ui| {
            for (column, width) in Column::ALL.into_iter().zip(&widths) {
                cell(ui, *width, row_height, |ui| {
                    let sorted = self.sort == column;
                    let response = ui
                        .add(
                            egui::Button::selectable(
                                sorted,
                                RichText::new(column.title()).strong(),
                            )
                            .truncate(),
                        )
                        .on_hover_text(
                            "Sorteer op deze kolom; nog eens klikken keert de volgorde om.",
                        );
                    if sorted {
                        ui.label(if self.descending { "⬇" } else { "⬆" });
                    }
                    if response.clicked() {
                        self.sort_on(column);
                    }
                });
            }
        });
        ui.separator();

        let rows: Vec<Submission> = self.shown().into_iter().cloned().collect();
        if rows.is_empty() && !self.desk.is_loading() {
            ui.label(
                RichText::new(if self.desk.rows().is_empty() {
                    "In deze map en haar submappen staan geen protocolbestanden (.ron) of \
                     indienpakketten (.zip)."
                } else {
                    "Geen inzendingen voor deze filter."
                })
                .weak(),
            );
            return;
        }
        let reveal = self
            .reveal_selected
            .then(|| {
                rows.iter()
                    .position(|row| Some(&row.path) == self.selected.as_ref())
            })
            .flatten();
        self.reveal_selected = false;
        let mut area = egui::ScrollArea::vertical()
            .id_salt("inzendingen-tabel")
            .auto_shrink([false, false]);
        if let Some(index) = reveal {
            let spacing = ui.spacing().item_spacing.y;
            area = area.vertical_scroll_offset(index as f32 * (row_height + spacing));
        }
        area.show_rows(ui, row_height, rows.len(), |ui, range| {
            for row in &rows[range] {
                ui.horizontal(|ui| self.row_ui(ui, row, &widths, row_height, action));
            }
        });
    }

    fn row_ui(
        &mut self,
        ui: &mut Ui,
        row: &Submission,
        widths: &[f32],
        height: f32,
        action: &mut Option<DeskAction>,
    ) {
        let selected = self.selected.as_ref() == Some(&row.path);
        let summary = match &row.content {
            Ok(summary) => summary,
            Err(message) => {
                cell(ui, widths[0], height, |ui| {
                    let response = ui.add(
                        egui::Button::selectable(
                            selected,
                            RichText::new(format!("⚠ Onleesbaar: {}", row.name))
                                .color(ui.visuals().error_fg_color),
                        )
                        .truncate(),
                    );
                    self.row_clicks(&response, row, action);
                });
                let rest: f32 = widths[1..widths.len() - 1].iter().sum::<f32>()
                    + ui.spacing().item_spacing.x * (widths.len() - 3) as f32;
                text_cell(
                    ui,
                    rest,
                    height,
                    RichText::new(message.as_str()).color(ui.visuals().error_fg_color),
                    None,
                );
                text_cell(
                    ui,
                    widths[widths.len() - 1],
                    height,
                    row.name.as_str().into(),
                    Some(row.path.display().to_string()),
                );
                return;
            }
        };
        cell(ui, widths[0], height, |ui| {
            let title = if summary.title.is_empty() {
                String::new()
            } else {
                format!(" · {}", summary.title)
            };
            let name = if summary.municipality.is_empty() {
                "(naam niet ingevuld)"
            } else {
                &summary.municipality
            };
            let response = ui
                .add(egui::Button::selectable(selected, format!("{name}{title}")).truncate())
                .on_hover_text(format!("{name}{title}\n\nDubbelklik om te openen."));
            self.row_clicks(&response, row, action);
        });
        let visuals = ui.visuals().clone();
        text_cell(ui, widths[1], height, summary.status.label().into(), None);
        let findings = crate::app::findings_in_words(summary.errors, summary.warnings, 0);
        let colour = if summary.errors > 0 {
            visuals.error_fg_color
        } else if summary.warnings > 0 {
            visuals.warn_fg_color
        } else {
            theme::ok_colour(&visuals)
        };
        text_cell(
            ui,
            widths[2],
            height,
            RichText::new(findings).color(colour),
            None,
        );
        text_cell(
            ui,
            widths[3],
            height,
            summary.advice_counts().into(),
            Some(summary.advice_lines().join("\n")),
        );
        text_cell(
            ui,
            widths[4],
            height,
            summary.approval.short_label().into(),
            Some(summary.approval.label().to_string()),
        );
        let decided = summary.college_decision.map_or_else(
            || "—".to_string(),
            |date| date.format("%d-%m-%Y").to_string(),
        );
        let decided_in_words = summary.college_decision.map(|date| {
            format!(
                "Beslissing van het college van {}",
                crate::dutch::dutch_long(date)
            )
        });
        text_cell(ui, widths[5], height, decided.into(), decided_in_words);
        let what = summary
            .last_change
            .as_ref()
            .map(|change| format!("{}\n{}", row.last_change_text(), change.what))
            .unwrap_or_else(|| row.last_change_text());
        text_cell(
            ui,
            widths[6],
            height,
            row.last_change_short().into(),
            Some(what),
        );
        let name = match &summary.in_package {
            Some(inner) => format!("{} › {inner}", row.name),
            None => row.name.clone(),
        };
        text_cell(
            ui,
            widths[7],
            height,
            name.into(),
            Some(row.path.display().to_string()),
        );
    }

    fn row_clicks(
        &mut self,
        response: &egui::Response,
        row: &Submission,
        action: &mut Option<DeskAction>,
    ) {
        if response.clicked() {
            self.selected = Some(row.path.clone());
        }
        if response.double_clicked() {
            self.selected = Some(row.path.clone());
            *action = Some(DeskAction::Open(row.path.clone()));
        }
    }
}

/// A cell of text, inset as far as a button's text is (so it lines up under its heading),
/// cut off with "…" when too long; the whole text (or `hover`) in its tooltip.
fn text_cell(ui: &mut Ui, width: f32, height: f32, text: RichText, hover: Option<String>) {
    cell(ui, width, height, |ui| {
        ui.add_space(ui.spacing().button_padding.x);
        let whole = hover.unwrap_or_else(|| text.text().to_string());
        ui.add(egui::Label::new(text).truncate())
            .on_hover_text(whole);
    });
}

/// A table cell of a fixed width, its content on one line, left to right.
fn cell(ui: &mut Ui, width: f32, height: f32, content: impl FnOnce(&mut Ui)) {
    ui.allocate_ui_with_layout(
        vec2(width.max(20.0), height),
        Layout::left_to_right(Align::Center),
        |ui| {
            ui.set_width(width.max(20.0));
            ui.set_max_width(width.max(20.0));
            content(ui);
        },
    );
}

/// The suggested name of the overview sheet: "Inzendingen 4 december 2026.xlsx".
pub fn sheet_file_name(today: chrono::NaiveDate) -> String {
    format!("Inzendingen {}.xlsx", crate::dutch::dutch_long(today))
}

impl super::ProtocolApp {
    /// Shows the submissions in `folder` (and its subfolders) in the Inzendingen view; they
    /// are read on worker threads and followed while the view exists.
    pub fn open_desk(&mut self, ctx: &egui::Context, folder: PathBuf) {
        let wake_ctx = ctx.clone();
        let wake: crate::desk::loader::Wake = std::sync::Arc::new(move || {
            wake_ctx.request_repaint();
        });
        let desk = Desk::open(folder, crate::check::Context::today(), wake);
        self.desk = Some(DeskView::new(desk));
        self.showing_desk = true;
    }

    /// Whether the Inzendingen view is shown (rather than the wizard).
    pub fn is_showing_desk(&self) -> bool {
        self.showing_desk && self.desk.is_some()
    }

    /// Whether the Inzendingen view is still reading its folder for the first time.
    pub fn desk_is_loading(&self) -> bool {
        self.desk
            .as_ref()
            .is_some_and(|view| view.desk.is_loading())
    }

    /// Takes in what the desk's threads read (every frame, also while the wizard is shown);
    /// whether the desk is to be shown.
    pub(super) fn poll_desk(&mut self) -> bool {
        if let Some(view) = &mut self.desk {
            view.desk.poll();
        }
        self.is_showing_desk()
    }

    /// The Inzendingen view in the central panel, and what follows from it.
    pub(super) fn desk_ui(&mut self, ui: &mut Ui, commands: &mut Vec<super::Command>) {
        let ctx = ui.ctx().clone();
        egui::Panel::bottom("navigatie").show(ui, |ui| self.bottom_bar_ui(ui, commands));
        let action = egui::CentralPanel::default()
            .show(ui, |ui| self.desk.as_mut().and_then(|view| view.ui(ui)))
            .inner;
        match action {
            Some(DeskAction::Open(path)) => {
                self.after_unsaved(&ctx, super::Pending::OpenSubmission(path));
            }
            Some(DeskAction::ExportSheet) => self.write_desk_sheet(&ctx, None),
            Some(DeskAction::ChooseFolder) => self.choose_desk_folder(&ctx),
            Some(DeskAction::BackToProtocol) => self.showing_desk = false,
            None => {}
        }
    }

    /// Back to the table, where it was left.
    pub(super) fn show_desk(&mut self) {
        if let Some(view) = &mut self.desk {
            view.reveal_selected = true;
            self.showing_desk = true;
        }
    }

    /// Asks for a folder of submissions, then shows it.
    pub(super) fn choose_desk_folder(&mut self, ctx: &egui::Context) {
        use super::file_picker::PickFor;
        if self.builtin_picker(PickFor::DeskFolder, "Inzendingen openen", false, None) {
            return;
        }
        let folder = self
            .desk
            .as_ref()
            .map(|view| view.desk.folder.clone())
            .or_else(|| self.folder());
        self.worker.spawn(ctx, move || {
            let started = std::time::Instant::now();
            match super::execute::file_dialog(folder.as_deref())
                .set_title("Inzendingen openen: kies de map")
                .pick_folder()
            {
                Some(folder) => super::worker::Done::DeskFolder(folder),
                None => super::execute::nothing_chosen(started, PickFor::DeskFolder),
            }
        });
    }

    /// Opens a submission from the table: a protocol file as usual, or the protocol inside a
    /// package, read in place (the package is never written to).
    pub(super) fn open_submission(&mut self, ctx: &egui::Context, path: PathBuf) {
        use super::worker::Done;
        self.worker
            .spawn(ctx, move || match crate::desk::read_protocol(&path) {
                Ok((protocol, Some(inner))) => Done::OpenedPackage {
                    package: path,
                    inner,
                    result: Ok(Box::new(protocol)),
                },
                Ok((protocol, None)) => Done::Opened {
                    path,
                    result: Ok(Box::new(protocol)),
                },
                Err(message) => Done::Opened {
                    path,
                    result: Err(message),
                },
            });
    }

    /// Writes the overview to `path`, or to a file chosen in a save dialog when `None`.
    pub fn write_desk_sheet(&mut self, ctx: &egui::Context, path: Option<PathBuf>) {
        use super::file_picker::PickFor;
        use super::worker::Done;
        let Some(view) = &self.desk else {
            return;
        };
        let rows = view.desk.rows().to_vec();
        let folder = Some(view.desk.folder.clone());
        let name = sheet_file_name(chrono::Local::now().date_naive());
        if path.is_none()
            && self.builtin_picker(
                PickFor::DeskSheet,
                "Overzicht als Excel bewaren",
                true,
                Some(&name),
            )
        {
            return;
        }
        self.worker.spawn(ctx, move || {
            let started = std::time::Instant::now();
            let asked = path.is_none();
            let chosen = path.or_else(|| {
                super::execute::file_dialog(folder.as_deref())
                    .set_title("Overzicht als Excel bewaren")
                    .add_filter("Excel-werkmap (.xlsx)", &["xlsx"])
                    .set_file_name(name)
                    .save_file()
            });
            let Some(mut path) = chosen else {
                return if asked {
                    super::execute::nothing_chosen(started, PickFor::DeskSheet)
                } else {
                    Done::Cancelled
                };
            };
            if path.extension().is_none() {
                path.set_extension("xlsx");
            }
            let result = crate::desk::sheet::xlsx(&rows).and_then(|bytes| {
                crate::file::write_atomically(&path, &bytes).map_err(|error| error.to_string())
            });
            Done::SheetWritten { path, result }
        });
    }

    /// Takes in a desk job's result.
    pub(super) fn finish_desk(&mut self, ctx: &egui::Context, done: super::worker::Done) {
        use super::worker::Done;
        match done {
            Done::DeskFolder(folder) => self.open_desk(ctx, folder),
            Done::SheetWritten { path, result } => match result {
                Ok(()) => {
                    self.notice = Some(super::Notice::info(&format!(
                        "Het overzicht is bewaard als ‘{}’.",
                        path.display()
                    )));
                }
                Err(message) => self.dialogs.open(super::dialogs::Dialog::Error(format!(
                    "Het overzicht kon niet bewaard worden als ‘{}’: {message}",
                    path.display()
                ))),
            },
            Done::OpenedPackage {
                package,
                inner,
                result,
            } => match result {
                Ok(protocol) => {
                    self.replace_document(ctx, *protocol, None);
                    self.notice = Some(super::Notice::info(&format!(
                        "‘{inner}’ is geopend uit het indienpakket ‘{}’. Het pakket zelf \
                         blijft zoals het is; ‘Opslaan’ vraagt een nieuwe plaats.",
                        package.file_name().unwrap_or_default().to_string_lossy()
                    )));
                }
                Err(message) => self.dialogs.open(super::dialogs::Dialog::Error(
                    super::execute::opening_error_text(&message),
                )),
            },
            _ => {}
        }
    }
}
