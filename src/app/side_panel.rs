//! The right panel: the tabs "Controle" (the check's findings), "Voorbeeld" (the live
//! preview) and "Beoordeling" (the review). It owns which tab is open and each tab's state.

use egui::Ui;

use super::commands::Command;
use super::findings::FindingsPanel;
use super::review_panel::ReviewPanel;
use super::{ProtocolApp, count};

/// The right panel's views.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SideTab {
    /// The check's findings.
    Check,
    /// The live document preview.
    Preview,
    /// Who the user is, the status, verdicts and review comments.
    Review,
}

/// Frames during which the preview keeps scrolling to the current step after a jump (block
/// heights are measured as they are shown, so the first jump may land a little off).
const PREVIEW_SCROLL_FRAMES: u8 = 3;

/// The right panel's state.
pub(super) struct SidePanel {
    /// The tab shown.
    pub tab: SideTab,
    /// Frames left during which the preview scrolls to the current step.
    preview_scroll_frames: u8,
    /// The "Controle" tab.
    pub findings: FindingsPanel,
    /// The "Beoordeling" tab.
    pub review: ReviewPanel,
    /// The window is too narrow for the panel: it is a strip of tabs.
    pub folded: bool,
    /// While folded: the panel is open over the form.
    pub overlay_open: bool,
}

impl Default for SidePanel {
    fn default() -> Self {
        Self {
            tab: SideTab::Check,
            preview_scroll_frames: PREVIEW_SCROLL_FRAMES,
            findings: FindingsPanel::default(),
            review: ReviewPanel::default(),
            folded: false,
            overlay_open: false,
        }
    }
}

impl SidePanel {
    /// Shows `tab` (opening it over the form when the panel is folded).
    pub fn set_tab(&mut self, tab: SideTab) {
        if self.folded {
            self.overlay_open = !(self.overlay_open && self.tab == tab);
        }
        self.tab = tab;
        self.scroll_preview();
    }

    /// Scrolls the preview to the current step in the next frames.
    pub fn scroll_preview(&mut self) {
        self.preview_scroll_frames = PREVIEW_SCROLL_FRAMES;
    }
}

impl ProtocolApp {
    /// The folded side panel: one button per tab, under each other.
    pub(super) fn side_tabs_ui(&mut self, ui: &mut Ui) {
        ui.add_space(super::theme::PANEL_TOP_GAP);
        let tabs = [
            (
                SideTab::Check,
                format!("Controle ({})", self.derived.findings.len()),
            ),
            (SideTab::Preview, "Voorbeeld".to_string()),
            (SideTab::Review, "Beoordeling".to_string()),
        ];
        for (tab, label) in tabs {
            let open = self.side.overlay_open && self.side.tab == tab;
            if ui
                .add_sized([ui.available_width(), 28.0], egui::Button::selectable(open, label))
                .on_hover_text("Het venster is te smal voor het zijpaneel naast het formulier: klik om het over het formulier te openen, en nog eens om het te sluiten.")
                .clicked()
            {
                self.set_side_tab(tab);
            }
        }
    }

    /// The folded side panel's content, open over the form at the right.
    pub(super) fn side_overlay_ui(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        if !self.side.overlay_open {
            return;
        }
        let screen = ctx.content_rect();
        let width = super::theme::SIDE_PANEL_WIDTH.min(screen.width() * 0.6);
        let height = (screen.height() - 120.0).max(200.0);
        egui::Window::new("Zijpaneel")
            .title_bar(false)
            .anchor(
                egui::Align2::RIGHT_TOP,
                [-(super::theme::SIDE_TABS_WIDTH + 8.0), 40.0],
            )
            .fixed_size([width, height])
            .show(ctx, |ui| {
                if ui.button("✖ Sluiten").clicked() {
                    self.side.overlay_open = false;
                }
                self.side_panel_ui(ui, commands);
            });
    }

    /// The right panel.
    pub(super) fn side_panel_ui(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        ui.add_space(super::theme::PANEL_TOP_GAP);
        let tab = self.side.tab;
        ui.horizontal_wrapped(|ui| {
            let errors: usize = self.derived.summary.iter().map(|(_, s)| s.errors).sum();
            if ui
                .selectable_label(
                    tab == SideTab::Check,
                    format!("Controle ({})", self.derived.findings.len()),
                )
                .on_hover_text(format!(
                    "Wat de controle vindt: {}. Klik op een bevinding om naar het veld te gaan.",
                    count(errors, "fout", "fouten")
                ))
                .clicked()
            {
                commands.push(Command::ShowCheck);
            }
            if ui
                .selectable_label(tab == SideTab::Preview, "Voorbeeld")
                .on_hover_text("Het document zoals het geëxporteerd wordt, bij de huidige stap.")
                .clicked()
            {
                commands.push(Command::ShowPreview);
            }
            let open = crate::review::open_comments(&self.protocol).count();
            if ui
                .selectable_label(tab == SideTab::Review, "Beoordeling")
                .on_hover_text(format!(
                    "Status, oordeel en opmerkingen; {} open.",
                    count(open, "opmerking", "opmerkingen")
                ))
                .clicked()
            {
                commands.push(Command::ShowReview);
            }
        });
        ui.separator();
        match tab {
            SideTab::Check => {
                self.side
                    .findings
                    .ui(ui, &self.derived.findings, self.step, commands)
            }
            SideTab::Review => self.review_ui(ui, commands),
            SideTab::Preview => {
                let scroll = self.side.preview_scroll_frames > 0;
                self.side.preview_scroll_frames = self.side.preview_scroll_frames.saturating_sub(1);
                if self.derived.preview_generation.is_none() {
                    ui.label(egui::RichText::new("Het voorbeeld wordt opgebouwd…").weak());
                }
                self.derived.preview.ui(ui, scroll.then_some(self.step));
            }
        }
    }
}
