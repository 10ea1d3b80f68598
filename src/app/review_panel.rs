//! The "Beoordeling" side tab: who the user is, the protocol's status and the transitions the
//! user's role may make, the verdict on the current step, and the step's review comments.
//!
//! Every action goes through [`crate::review`] with the user from the settings and the local
//! time, and bumps the app's change counter so the check and the step badges follow. The
//! sentences it shows about the review (who did what when, the state of an advice) come from
//! [`crate::review::sentences`]; the status text and the fingerprint are computed with the
//! check, once per change (`derived.rs`).

use std::collections::HashMap;

use egui::{RichText, Ui};

use super::commands::Command;
use super::{ProtocolApp, dates, theme};
use crate::model::Step;
use crate::model::fingerprint;
use crate::model::{AdviceOutcome, Comment, Role, Status, Verdict, VerdictKind};
use crate::review;
use crate::review::sentences::{self, ChangesSince, capitalised, party_name};

/// The review tab's state: what the user is typing, before it goes into the model, and the
/// file compared with.
#[derive(Default)]
pub(super) struct ReviewPanel {
    /// Another protocol file the content is compared with ("Wijzigingen").
    pub comparison: Option<Comparison>,
    /// The signed PDF last verified, and its report.
    pub verification: Option<Verification>,
    /// Whether the next frame scrolls the tab to the verification's report (just arrived).
    pub scroll_to_verification: bool,
    /// The remark typed for each transition button.
    remarks: HashMap<Status, String>,
    /// The step the verdict fields were filled for.
    verdict_step: Option<Step>,
    /// The verdict the fields were filled from.
    loaded: Option<Verdict>,
    verdict_kind: VerdictKind,
    verdict_comment: String,
    new_comment: String,
    /// The party the DPO advice is recorded for; until the user picks one, the party whose
    /// name is the user's organisation.
    advice_party: Option<usize>,
    /// The party shown as chosen in the last frame.
    advice_choice: usize,
    advice_date: Option<chrono::NaiveDate>,
    advice_outcome: Option<AdviceOutcome>,
    advice_remarks: String,
    /// The "Wijzigingen" list and the change counter it was computed for.
    changes: Option<(u64, Option<ChangesSince>)>,
    /// Why the last action was refused.
    pub(super) message: Option<String>,
    /// Whether that was the advice form (its message is shown under its button).
    advice_refused: bool,
}

/// A signed PDF of this protocol, verified (`crate::signature::verify`).
pub(super) struct Verification {
    /// The file.
    pub path: std::path::PathBuf,
    /// What the verification found.
    pub report: Box<crate::signature::Report>,
}

impl Verification {
    /// The verified file's name, as the tab and the history call it.
    fn file_name(&self) -> String {
        self.path
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default()
    }
}

/// Another protocol file the current content is compared with.
pub(super) struct Comparison {
    /// The file.
    path: std::path::PathBuf,
    /// Its protocol.
    other: Box<crate::model::Protocol>,
    /// The differences and the change counter they were computed for.
    changes: Option<(u64, Vec<review::diff::Change>)>,
}

impl Comparison {
    /// A comparison with `other`, read from `path`; the differences follow on first view.
    pub(super) fn new(path: std::path::PathBuf, other: Box<crate::model::Protocol>) -> Self {
        Self {
            path,
            other,
            changes: None,
        }
    }
}

/// A review action asked for in this frame.
pub(super) enum Action {
    /// Move to this status.
    Transition(Status),
    Verdict,
    /// A comment on the step, or on the field at this path when not empty.
    AddComment(String),
    Resolve(u32),
    Reopen(u32),
    Advice,
    /// The `n`-th text the import could not place is dealt with.
    SettleUnplaced(usize),
    /// Begin an addendum to the signed protocol.
    StartAmendment,
    /// Move to "Ondertekend" with the signed PDF just verified.
    SignWithPdf,
}

/// One line per change: "Partij 2 › KBO-nummer: (leeg) ➡ ‘0207.437.468’".
fn change_lines(ui: &mut Ui, changes: &[review::diff::Change]) {
    for change in changes {
        // egui's built-in fonts have no "→"; "➡" comes with its emoji font.
        ui.label(format!("{}: {} ➡ {}", change.label, change.old, change.new))
            .on_hover_text(&change.path);
    }
}

/// A text field with a label above it that screen readers (and tests) find it by.
fn labelled_text(ui: &mut Ui, label: &str, text: &mut String, multiline: bool) -> bool {
    let label = ui.label(label);
    let edit = if multiline {
        egui::TextEdit::multiline(text).desired_rows(3)
    } else {
        egui::TextEdit::singleline(text)
    };
    ui.add(edit.desired_width(f32::INFINITY))
        .labelled_by(label.id)
        .changed()
}

impl ProtocolApp {
    /// The "Beoordeling" tab.
    pub(super) fn review_ui(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        let mut action = None;
        egui::ScrollArea::vertical()
            .id_salt("beoordeling")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                self.identity_ui(ui);
                ui.separator();
                let named = !self.settings.current.user.name.trim().is_empty();
                if self.import_ui(ui, &mut action, named) {
                    ui.separator();
                }
                if !named {
                    ui.label(
                        RichText::new(
                            "Vul eerst uw naam in. Elke actie wordt met uw naam, rol en de \
                             datum in het protocol bewaard.",
                        )
                        .color(ui.visuals().warn_fg_color),
                    );
                }
                if let Some(message) = &self.side.review.message
                    && !self.side.review.advice_refused
                {
                    ui.label(
                        RichText::new(format!("⛔ {message}")).color(ui.visuals().error_fg_color),
                    );
                }
                ui.add_enabled_ui(named, |ui| {
                    self.status_ui(ui, &mut action);
                    ui.separator();
                    self.verdict_ui(ui, &mut action);
                    ui.separator();
                    self.comments_ui(ui, &mut action);
                    ui.separator();
                    self.advice_ui(ui, &mut action);
                    ui.separator();
                    self.signed_pdf_ui(ui, &mut action, commands);
                });
                ui.separator();
                self.changes_ui(ui, commands);
                self.history_ui(ui);
            });
        if let Some(action) = action {
            self.apply_review(action);
        }
    }

    fn identity_ui(&mut self, ui: &mut Ui) {
        ui.label(RichText::new("Wie bent u?").strong());
        let mut user = self.settings.current.user.clone();
        let mut changed = labelled_text(ui, "Uw naam", &mut user.name, false);
        ui.label("Uw rol");
        for role in Role::ALL {
            changed |= ui
                .radio_value(&mut user.role, role, capitalised(role.label()))
                .changed();
        }
        changed |= labelled_text(ui, "Uw organisatie", &mut user.organisation, false);
        if changed {
            let ctx = ui.ctx().clone();
            self.change_settings(&ctx, |settings| settings.user = user);
        }
    }

    fn status_ui(&mut self, ui: &mut Ui, action: &mut Option<Action>) {
        let status = self.protocol.review.status;
        ui.label(RichText::new("Status").strong());
        ui.label(status.label());
        ui.label(RichText::new(&self.derived.status_text).weak());
        let short = self
            .current_fingerprint()
            .map_or_else(|| "…".to_string(), fingerprint::short_form);
        ui.label(format!("Vingerafdruk van de inhoud: {short}"))
            .on_hover_text(
                "De eerste 12 tekens van de SHA-256-vingerafdruk van de inhoud. Advies en \
                 goedkeuring bewaren de vingerafdruk van de inhoud waarop ze gegeven zijn.",
            );
        let allowed = review::allowed_transitions(status, self.settings.current.user.role);
        if allowed.is_empty() {
            ui.label(
                RichText::new(format!(
                    "Als {} kunt u de status nu niet wijzigen.",
                    self.settings.current.user.role.label()
                ))
                .weak(),
            );
        }
        for to in allowed {
            ui.add_space(4.0);
            if to == Status::Signed {
                // Not a button: the signed PDF itself makes the step (below).
                ui.label(
                    "Naar ‘Ondertekend’: controleer het ondertekende PDF-bestand onder \
                     ‘Ondertekend PDF’; is het volledig en geldig ondertekend, dan kunt u de \
                     status daar wijzigen.",
                );
                continue;
            }
            let remark = self.side.review.remarks.entry(to).or_default();
            labelled_text(
                ui,
                &format!("Toelichting bij ‘{}’", to.label()),
                remark,
                false,
            );
            if ui.button(format!("Naar ‘{}’", to.label())).clicked() {
                *action = Some(Action::Transition(to));
            }
        }
        self.addenda_ui(ui, action);
    }

    /// The signed PDF: the way to verify one, the report of the last one verified, and, when
    /// it is complete and the approved text, the step to "Ondertekend".
    fn signed_pdf_ui(
        &mut self,
        ui: &mut Ui,
        action: &mut Option<Action>,
        commands: &mut Vec<Command>,
    ) {
        ui.label(RichText::new("Ondertekend PDF").strong());
        if let Some(record) = &self.protocol.review.signed_pdf {
            ui.label(format!(
                "Ondertekend met ‘{}’ (SHA-256 {}…), nagegaan{}: {}.",
                record.file_name,
                fingerprint::short_form(&record.sha256),
                record
                    .verified
                    .map(|when| format!(" op {}", when.format("%d-%m-%Y %H:%M")))
                    .unwrap_or_default(),
                record.signers.join("; ")
            ));
        }
        if ui
            .button(Command::VerifySignedPdf.label())
            .on_hover_text(Command::VerifySignedPdf.tooltip())
            .clicked()
        {
            commands.push(Command::VerifySignedPdf);
        }
        let Some(verification) = &self.side.review.verification else {
            return;
        };
        let report = &verification.report;
        let name = verification.file_name();
        ui.add_space(4.0);
        let heading = ui.label(RichText::new(format!("Controle van ‘{name}’")).strong());
        if std::mem::take(&mut self.side.review.scroll_to_verification) {
            heading.scroll_to_me(Some(egui::Align::Min));
        }
        let reasons = report.reasons_not_signed();
        let (verdict, color) = if reasons.is_empty() {
            (
                "✔ Volledig en geldig ondertekend; het is de goedgekeurde tekst.".to_string(),
                theme::ok_colour(ui.visuals()),
            )
        } else if report.is_complete() {
            (
                "⚠ Volledig en geldig ondertekend, maar niet de goedgekeurde tekst van dit protocol."
                    .to_string(),
                ui.visuals().warn_fg_color,
            )
        } else {
            (
                "⛔ Niet volledig of niet geldig ondertekend.".to_string(),
                ui.visuals().error_fg_color,
            )
        };
        ui.label(RichText::new(verdict).color(color));
        for field in report.fields.iter().chain(&report.extra_signatures) {
            let signed_validly = matches!(
                field
                    .signature
                    .as_ref()
                    .map(|signature| &signature.validity),
                Some(crate::signature::Validity::Valid { .. })
            );
            let mark = if signed_validly { "✔" } else { "⛔" };
            ui.label(format!(
                "{mark} {}",
                crate::signature::field_sentence(field)
            ));
        }
        for reason in &reasons {
            ui.label(RichText::new(format!("• {reason}")).color(ui.visuals().warn_fg_color));
        }
        ui.label(RichText::new(crate::signature::NOT_CHECKED).weak());
        let may_sign = reasons.is_empty()
            && review::allowed_transitions(
                self.protocol.review.status,
                self.settings.current.user.role,
            )
            .contains(&Status::Signed);
        if may_sign && ui.button("Status op ‘Ondertekend’ zetten").clicked() {
            *action = Some(Action::SignWithPdf);
        }
    }

    /// The addenda: the one in the making, the signed ones, and the way to begin one.
    fn addenda_ui(&mut self, ui: &mut Ui, action: &mut Option<Action>) {
        let review = &self.protocol.review;
        for addendum in &review.addenda {
            let date = addendum.signed_on.map_or_else(
                || "(datum niet vermeld)".to_string(),
                crate::dutch::dutch_long,
            );
            ui.label(format!(
                "Addendum {} ondertekend op {date} ({}).",
                addendum.number,
                crate::dutch::count_of(addendum.changes.len(), "wijziging", "wijzigingen")
            ))
            .on_hover_text(addendum.changes.join("\n"));
        }
        match &review.amendment {
            Some(amendment) => {
                ui.add_space(4.0);
                ui.label(
                    RichText::new(format!("Addendum {} in opmaak", amendment.number)).strong(),
                );
                ui.label(format!(
                    "Het wijzigt het protocol dat ondertekend is op {}. Exporteer het met \
                     Bestand › Addendum exporteren; de gewone export is de geconsolideerde \
                     tekst. Advies, goedkeuring en ondertekening gaan zoals bij een protocol.",
                    crate::document::addendum::signed_on_text(amendment)
                ));
            }
            None if review.status == Status::Signed => {
                ui.add_space(4.0);
                if ui
                    .button("Wijziging (addendum) opstellen")
                    .on_hover_text(
                        "Wijzig het ondertekende protocol met een addendum: de ondertekende \
                         tekst blijft bewaard, u past de inhoud aan, en het addendum vermeldt \
                         wat er verandert, met eigen advies, goedkeuring en handtekeningen.",
                    )
                    .clicked()
                {
                    *action = Some(Action::StartAmendment);
                }
            }
            None => {}
        }
    }

    fn verdict_ui(&mut self, ui: &mut Ui, action: &mut Option<Action>) {
        let step = self.step;
        // Refill the fields when the step changes or the verdict changed under them (saved,
        // undone, another file opened).
        let existing = review::verdict(&self.protocol, step).cloned();
        if self.side.review.verdict_step != Some(step) || self.side.review.loaded != existing {
            self.side.review.verdict_kind = existing
                .as_ref()
                .map_or_else(VerdictKind::default, |verdict| verdict.kind);
            self.side.review.verdict_comment = existing
                .as_ref()
                .map(|verdict| verdict.comment.clone())
                .unwrap_or_default();
            self.side.review.verdict_step = Some(step);
            self.side.review.loaded = existing;
        }
        ui.label(
            RichText::new(format!(
                "Oordeel over stap {}. {}",
                step.number(),
                step.title()
            ))
            .strong(),
        );
        match review::verdict(&self.protocol, step) {
            Some(verdict) => {
                ui.label(sentences::verdict_line(verdict));
                if !verdict.comment.is_empty() {
                    ui.label(RichText::new(&verdict.comment).italics());
                }
            }
            None => {
                ui.label(RichText::new("Deze stap is nog niet beoordeeld.").weak());
            }
        }
        for kind in VerdictKind::ALL {
            ui.radio_value(
                &mut self.side.review.verdict_kind,
                kind,
                capitalised(kind.label()),
            );
        }
        labelled_text(
            ui,
            "Toelichting bij het oordeel",
            &mut self.side.review.verdict_comment,
            true,
        );
        if ui
            .button("Oordeel bewaren")
            .on_hover_text("Bij ‘te verbeteren’ en ‘te corrigeren’ hoort een toelichting.")
            .clicked()
        {
            *action = Some(Action::Verdict);
        }
    }

    fn comments_ui(&mut self, ui: &mut Ui, action: &mut Option<Action>) {
        let step = self.step;
        let names = crate::model::labels::ItemNames::of(&self.protocol);
        ui.label(RichText::new("Opmerkingen bij deze stap").strong());
        let comments: Vec<&Comment> = self
            .protocol
            .review
            .comments
            .iter()
            .filter(|comment| comment.step == Some(step))
            .collect();
        if comments.is_empty() {
            ui.label(RichText::new("Er zijn nog geen opmerkingen bij deze stap.").weak());
        }
        for comment in comments {
            ui.push_id(("opmerking", comment.id), |ui| {
                ui.group(|ui| {
                    ui.set_width(ui.available_width());
                    if !comment.path.is_empty() {
                        ui.label(
                            RichText::new(format!(
                                "Bij het veld: {}",
                                crate::model::labels::path_label_named(&comment.path, &names)
                            ))
                            .strong(),
                        )
                        .on_hover_text(&comment.path);
                    }
                    ui.label(&comment.text);
                    ui.label(RichText::new(sentences::comment_byline(comment)).small());
                    match &comment.resolved {
                        None => {
                            ui.horizontal(|ui| {
                                ui.label(RichText::new("Open").color(ui.visuals().warn_fg_color));
                                if ui.button("Afhandelen").clicked() {
                                    *action = Some(Action::Resolve(comment.id));
                                }
                            });
                        }
                        Some(resolution) => {
                            ui.horizontal(|ui| {
                                ui.label(
                                    RichText::new(sentences::resolution_line(resolution))
                                        .color(theme::ok_colour(ui.visuals())),
                                );
                                if ui.button("Heropenen").clicked() {
                                    *action = Some(Action::Reopen(comment.id));
                                }
                            });
                        }
                    }
                });
            });
        }
        ui.add_space(4.0);
        labelled_text(
            ui,
            "Nieuwe opmerking",
            &mut self.side.review.new_comment,
            true,
        );
        let field = self
            .form
            .last_field
            .as_ref()
            .filter(|(at, path)| *at == step && self.form.field_ids.contains_key(path))
            .map(|(_, path)| path.clone());
        ui.horizontal_wrapped(|ui| {
            if ui
                .button("Opmerking toevoegen")
                .on_hover_text("Een opmerking bij de stap als geheel.")
                .clicked()
            {
                *action = Some(Action::AddComment(String::new()));
            }
            if let Some(path) = field
                && ui
                    .button(format!(
                        "Opmerking bij dit veld ({})",
                        crate::model::labels::path_label_named(&path, &names)
                    ))
                    .on_hover_text("Een opmerking bij het veld dat u het laatst bewerkte.")
                    .clicked()
            {
                *action = Some(Action::AddComment(path));
            }
        });
    }

    /// The content fingerprint, computed with the check once per change while this tab is
    /// open; the last one until the new one arrives.
    fn current_fingerprint(&self) -> Option<&str> {
        self.derived
            .fingerprint
            .as_ref()
            .map(|(_, full)| full.as_str())
    }

    /// "Wijzigingen": what changed since the approval or the newest advice, computed again only
    /// when the model changed.
    fn changes_ui(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        let generation = self.generation;
        if !matches!(&self.side.review.changes, Some((at, _)) if *at == generation) {
            self.side.review.changes = Some((generation, sentences::changes_since(&self.protocol)));
        }
        if let Some(comparison) = &mut self.side.review.comparison
            && !matches!(&comparison.changes, Some((at, _)) if *at == generation)
        {
            comparison.changes = Some((
                generation,
                review::diff::diff(&comparison.other, &self.protocol),
            ));
        }
        let Some((_, view)) = &self.side.review.changes else {
            return;
        };
        let comparison = self.side.review.comparison.as_ref();
        egui::CollapsingHeader::new("Wijzigingen")
            .id_salt("wijzigingen")
            .show(ui, |ui| {
                match view {
                    None => {
                        ui.label(
                            RichText::new(
                                "Er is nog geen advies of goedkeuring waarvan de inhoud bewaard \
                                 is; er is niets om mee te vergelijken.",
                            )
                            .weak(),
                        );
                    }
                    Some(view) if view.changes.is_empty() => {
                        ui.label(format!("Geen wijzigingen sinds {}.", view.since));
                    }
                    Some(view) => {
                        ui.label(format!("Gewijzigd sinds {}:", view.since));
                        change_lines(ui, &view.changes);
                    }
                }
                ui.add_space(4.0);
                if let Some(comparison) = comparison {
                    let name = comparison.path.file_name().map_or_else(
                        || comparison.path.display().to_string(),
                        |name| name.to_string_lossy().into_owned(),
                    );
                    let changes = comparison
                        .changes
                        .as_ref()
                        .map(|(_, changes)| changes.as_slice())
                        .unwrap_or_default();
                    if changes.is_empty() {
                        ui.label(format!("Geen verschillen met ‘{name}’."))
                            .on_hover_text(comparison.path.display().to_string());
                    } else {
                        ui.label(format!("Verschillen met ‘{name}’ (daar ➡ hier):"))
                            .on_hover_text(comparison.path.display().to_string());
                        change_lines(ui, changes);
                    }
                }
                ui.horizontal_wrapped(|ui| {
                    let mut offered = vec![Command::CompareWith];
                    if comparison.is_some() {
                        offered.push(Command::StopComparing);
                    }
                    for command in offered {
                        super::bottom_bar::command_button_ui(ui, command, true, commands);
                    }
                });
            });
    }

    /// "Geschiedenis": every status change and review action, newest first.
    /// What an import could not place ("Niet geplaatst"), with the original text to copy into
    /// the right field; true when the protocol was imported (something was shown).
    fn import_ui(&mut self, ui: &mut Ui, action: &mut Option<Action>, named: bool) -> bool {
        let Some(record) = &self.protocol.review.import else {
            return false;
        };
        let source = format!("‘{}’ ({})", record.source, record.format);
        if record.unplaced.is_empty() {
            ui.label(format!(
                "Geïmporteerd uit {source}: alle tekst kreeg een plaats in een veld."
            ));
            return true;
        }
        egui::CollapsingHeader::new(format!(
            "Niet geplaatst bij het importeren ({})",
            record.unplaced.len()
        ))
        .id_salt("niet-geplaatst")
        .default_open(true)
        .show(ui, |ui| {
            ui.label(format!(
                "Deze tekst uit {source} kreeg bij het importeren geen veld. Zet hem in het \
                 veld waar hij hoort (knop ‘Kopiëren’), of laat hem weg als hij overbodig is."
            ));
            for (index, unplaced) in record.unplaced.iter().enumerate() {
                ui.push_id(("niet-geplaatst", index), |ui| {
                    ui.group(|ui| {
                        ui.set_width(ui.available_width());
                        ui.label(
                            RichText::new(format!("{} — {}", unplaced.section, unplaced.origin))
                                .strong(),
                        );
                        ui.add(egui::Label::new(&unplaced.text).wrap());
                        ui.horizontal(|ui| {
                            if ui
                                .button("Kopiëren")
                                .on_hover_text("Kopieer deze tekst naar het klembord.")
                                .clicked()
                            {
                                ui.ctx().copy_text(unplaced.text.clone());
                            }
                            if ui
                                .add_enabled(named, egui::Button::new("Afgehandeld"))
                                .on_hover_text(
                                    "De tekst staat nu in het juiste veld, of hoort er bewust \
                                     niet in. Hij verdwijnt uit deze lijst; de geschiedenis \
                                     bewaart hem.",
                                )
                                .on_disabled_hover_text("Vul eerst uw naam in (hierboven).")
                                .clicked()
                            {
                                *action = Some(Action::SettleUnplaced(index));
                            }
                        });
                    });
                });
            }
        });
        true
    }

    fn history_ui(&mut self, ui: &mut Ui) {
        let history = &self.protocol.review.history;
        egui::CollapsingHeader::new("Geschiedenis")
            .id_salt("geschiedenis")
            .show(ui, |ui| {
                if history.is_empty() {
                    ui.label(RichText::new("Er is nog niets gebeurd.").weak());
                }
                for entry in history.iter().rev() {
                    let label = ui.label(sentences::history_line(entry));
                    if !entry.fingerprint.is_empty() {
                        label.on_hover_text(format!(
                            "Vingerafdruk van de inhoud: {}",
                            entry.fingerprint.chars().take(12).collect::<String>()
                        ));
                    }
                }
            });
    }

    /// Each party's DPO advice, and for a DPO the form to record one.
    fn advice_ui(&mut self, ui: &mut Ui, action: &mut Option<Action>) {
        // Until the fingerprint arrives, no advice is called outdated.
        let current = self.current_fingerprint().unwrap_or_default().to_string();
        ui.label(RichText::new("Advies van de DPO").strong());
        for (index, party) in self.protocol.parties.iter().enumerate() {
            let state = if current.is_empty() {
                sentences::advice_state(&party.dpo_advice, &party.dpo_advice.fingerprint)
            } else {
                sentences::advice_state(&party.dpo_advice, &current)
            };
            ui.label(format!("{}: {state}", party_name(party, index)));
        }
        if self.settings.current.user.role != Role::Dpo {
            ui.label(RichText::new("Alleen een DPO kan hier een advies registreren.").weak());
            return;
        }
        ui.add_space(4.0);
        ui.label(RichText::new("Advies registreren").strong());
        let organisation = self.settings.current.user.organisation.trim();
        let draft = &mut self.side.review;
        let parties = &self.protocol.parties;
        let mut chosen = draft
            .advice_party
            .filter(|index| *index < parties.len())
            .or_else(|| {
                parties.iter().position(|party| {
                    !organisation.is_empty()
                        && (party.legal_name.trim() == organisation
                            || party.short_name.trim() == organisation)
                })
            })
            .unwrap_or(0);
        ui.label("Voor welke partij?");
        for (index, party) in parties.iter().enumerate() {
            if ui
                .radio_value(
                    &mut chosen,
                    index,
                    format!("Advies voor {}", party_name(party, index)),
                )
                .changed()
            {
                draft.advice_party = Some(chosen);
            }
        }
        ui.push_id("advies_datum", |ui| {
            let label = ui.label("Datum van het advies");
            dates::date_picker(ui, &mut draft.advice_date, label.id);
        });
        ui.label("Uitkomst");
        let mut outcome = draft.advice_outcome.unwrap_or(AdviceOutcome::Favourable);
        for choice in AdviceOutcome::ALL {
            ui.radio_value(&mut outcome, choice, capitalised(choice.label()));
        }
        draft.advice_outcome = Some(outcome);
        labelled_text(
            ui,
            "Voorwaarden of motivering",
            &mut draft.advice_remarks,
            true,
        );
        if ui
            .button("Advies registreren")
            .on_hover_text(
                "Het advies wordt bij de partij bewaard, met de vingerafdruk van de huidige inhoud.",
            )
            .clicked()
        {
            *action = Some(Action::Advice);
        }
        if draft.advice_refused
            && let Some(message) = &draft.message
        {
            ui.label(RichText::new(format!("⛔ {message}")).color(ui.visuals().error_fg_color));
        }
        draft.advice_choice = chosen;
    }

    pub(super) fn apply_review(&mut self, action: Action) {
        let who = self.settings.current.user.clone();
        let when = chrono::Local::now().naive_local();
        let step = self.step;
        let draft = &mut self.side.review;
        draft.advice_refused = matches!(action, Action::Advice);
        let result = match action {
            Action::Transition(to) => {
                let remark = draft.remarks.get(&to).cloned().unwrap_or_default();
                let result = review::transition(&mut self.protocol, to, &who, when, &remark)
                    .map_err(|error| error.to_string());
                if result.is_ok() {
                    draft.remarks.clear();
                }
                result
            }
            Action::Verdict => review::set_verdict(
                &mut self.protocol,
                step,
                draft.verdict_kind,
                &draft.verdict_comment,
                &who,
                when,
            )
            .map_err(|error| error.to_string()),
            Action::AddComment(path) => {
                let result = review::add_comment(
                    &mut self.protocol,
                    &who,
                    when,
                    step,
                    &path,
                    &draft.new_comment,
                )
                .map(|_| ())
                .map_err(|error| error.to_string());
                if result.is_ok() {
                    draft.new_comment.clear();
                }
                result
            }
            Action::Resolve(id) => review::resolve_comment(&mut self.protocol, id, &who, when, "")
                .map_err(|error| error.to_string()),
            Action::Reopen(id) => review::reopen_comment(&mut self.protocol, id, &who, when)
                .map_err(|error| error.to_string()),
            Action::SettleUnplaced(index) => {
                review::settle_unplaced(&mut self.protocol, index, &who, when)
                    .map_err(|error| error.to_string())
            }
            Action::SignWithPdf => match draft.verification.take() {
                Some(verification) => {
                    let result = review::sign_with_pdf(
                        &mut self.protocol,
                        &verification.report.evidence(),
                        &verification.file_name(),
                        &who,
                        when,
                    )
                    .map_err(|error| error.to_string());
                    if result.is_err() {
                        draft.verification = Some(verification);
                    }
                    result
                }
                None => Err("Controleer eerst het ondertekende PDF-bestand.".to_string()),
            },
            Action::StartAmendment => review::start_amendment(&mut self.protocol, &who, when)
                .map(|_| ())
                .map_err(|error| error.to_string()),
            Action::Advice => match draft.advice_date {
                None => Err("Vul de datum van het advies in (dd-mm-jjjj).".to_string()),
                Some(date) => {
                    let result = review::record_dpo_advice(
                        &mut self.protocol,
                        draft.advice_choice,
                        &who,
                        date,
                        draft.advice_outcome.unwrap_or(AdviceOutcome::Favourable),
                        &draft.advice_remarks,
                        when,
                    )
                    .map_err(|error| error.to_string());
                    if result.is_ok() {
                        draft.advice_remarks.clear();
                    }
                    result
                }
            },
        };
        match result {
            Ok(()) => {
                self.side.review.message = None;
                self.touch();
            }
            Err(message) => self.side.review.message = Some(message),
        }
    }
}
