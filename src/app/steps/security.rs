//! Step 7, Beveiliging (art. 6): a checklist of the measures reviewers look for, each with
//! its text, plus free entries.

use egui::Ui;

use crate::app::form::{Form, ListOp, lock_tooltip};
use crate::model::{MeasureKind, Protocol, SecurityMeasure};

/// A starting text for a measure that is ticked on the checklist.
fn suggestion(kind: MeasureKind) -> &'static str {
    match kind {
        MeasureKind::Channel => "De gegevens worden uitgewisseld via een beveiligd kanaal.",
        MeasureKind::Encryption => {
            "Het bestand wordt versleuteld; de sleutel wordt via een ander kanaal tussen de DPO's uitgewisseld."
        }
        MeasureKind::ConfidentialityDeclaration => {
            "Wie toegang heeft tot de gegevens, ondertekent een vertrouwelijkheidsverklaring."
        }
        MeasureKind::AccessControl => {
            "De toegang tot de gegevens is beperkt tot de aangeduide personen en beveiligd met tweefactorauthenticatie."
        }
        MeasureKind::Logging => {
            "Elke toegang tot de gegevens wordt gelogd; de logs worden bewaard en gecontroleerd."
        }
        MeasureKind::Hashing => {
            "Van elk bestand wordt een hash berekend, zodat wijzigingen opgemerkt worden."
        }
        MeasureKind::Pseudonymisation => {
            "De gegevens worden gepseudonimiseerd waar de identiteit niet nodig is."
        }
        MeasureKind::DeletionAfterUse => {
            "De gegevens worden vernietigd zodra ze niet meer nodig zijn voor het doel."
        }
        MeasureKind::SecurityPolicy => {
            "De partij heeft een informatieveiligheidsbeleid met een veiligheidsplan."
        }
        MeasureKind::Other => "",
    }
}

/// What a reviewer looks for in each measure.
fn help(kind: MeasureKind) -> &'static str {
    match kind {
        MeasureKind::Channel => {
            "Welk kanaal (SFTP, versleutelde e-mail, MAGDA) en wie het beheert."
        }
        MeasureKind::Encryption => {
            "Hoe het bestand versleuteld wordt en hoe de sleutel uitgewisseld wordt."
        }
        MeasureKind::ConfidentialityDeclaration => {
            "Wie de verklaring tekent en waar ze bewaard wordt."
        }
        MeasureKind::AccessControl => "Wie toegang heeft en hoe (tweefactorauthenticatie, rollen).",
        MeasureKind::Logging => "Wat gelogd wordt en wie de logs nakijkt.",
        MeasureKind::Hashing => "Hoe wijzigingen aan een bestand opgemerkt worden.",
        MeasureKind::Pseudonymisation => "Welke gegevens gepseudonimiseerd worden en hoe.",
        MeasureKind::DeletionAfterUse => "Wanneer en hoe de gegevens vernietigd worden.",
        MeasureKind::SecurityPolicy => {
            "Het beleid en het plan; de toezichthouder vraagt er soms een kopie van."
        }
        MeasureKind::Other => "",
    }
}

/// The security step.
pub fn security_ui(protocol: &mut Protocol, form: &mut Form, ui: &mut Ui) {
    form.section(
        ui,
        "Beveiligingsmaatregelen",
        "Vink aan welke maatregelen genomen worden en beschrijf ze kort. De toezichthouder kijkt naar het kanaal, de versleuteling, de toegang, de logging, de vernietiging na gebruik en het veiligheidsbeleid.",
    );
    let measures = &mut protocol.security.measures;
    let mut remove = Vec::new();
    for kind in MeasureKind::ALL
        .into_iter()
        .filter(|kind| *kind != MeasureKind::Other)
    {
        let indices: Vec<usize> = measures
            .iter()
            .enumerate()
            .filter(|(_, measure)| measure.kind == kind)
            .map(|(index, _)| index)
            .collect();
        let locked = indices
            .iter()
            .find_map(|index| form.lock(&format!("security.measures[{index}]")).cloned());
        let mut on = !indices.is_empty();
        ui.push_id(("maatregel", kind.label()), |ui| {
            if let Some(lock) = &locked {
                ui.label(format!("🔒 ☑ {}", capitalised(kind.label())))
                    .on_hover_text(lock_tooltip(lock));
            } else {
                let response = ui.checkbox(&mut on, capitalised(kind.label()));
                if response.changed() {
                    if on {
                        measures.push(SecurityMeasure {
                            kind,
                            text: suggestion(kind).to_string(),
                        });
                        form.added();
                    } else {
                        remove.extend(indices.iter().copied());
                    }
                }
            }
            if on {
                ui.indent("tekst", |ui| {
                    for index in &indices {
                        if let Some(measure) = measures.get_mut(*index) {
                            form.multiline(
                                ui,
                                &format!("security.measures[{index}].text"),
                                &format!("Omschrijving: {}", kind.label()),
                                help(kind),
                                &mut measure.text,
                            );
                        }
                    }
                });
            }
        });
    }

    form.section(
        ui,
        "Andere maatregelen",
        "Maatregelen die niet in de lijst staan, bv. ‘De werkpost is versleuteld en vergrendelt automatisch.’",
    );
    let others: Vec<usize> = measures
        .iter()
        .enumerate()
        .filter(|(_, measure)| measure.kind == MeasureKind::Other)
        .map(|(index, _)| index)
        .collect();
    for (number, index) in others.iter().enumerate() {
        ui.push_id(("andere", index), |ui| {
            if let Some(measure) = measures.get_mut(*index) {
                form.multiline(
                    ui,
                    &format!("security.measures[{index}].text"),
                    &format!("Andere maatregel {}", number + 1),
                    "",
                    &mut measure.text,
                );
            }
            if !form.locked_from("security.measures", *index)
                && ui
                    .button("🗑 Verwijderen")
                    .on_hover_text("Verwijder deze maatregel. Met Ctrl+Z zet u ze terug.")
                    .clicked()
            {
                remove.push(*index);
            }
        });
    }
    if form.add_button(ui, "security.measures", "➕ Andere maatregel toevoegen") {
        measures.push(SecurityMeasure {
            kind: MeasureKind::Other,
            text: String::new(),
        });
        form.added();
    }
    remove.sort_unstable();
    remove.dedup();
    for index in remove.into_iter().rev() {
        if !form.locked_from("security.measures", index) {
            let mut ignored = 0;
            form.apply(measures, ListOp::Remove(index), &mut ignored);
        }
    }

    form.section(ui, "Verder", "");
    form.multiline(
        ui,
        "security.additional_text",
        "Bijkomende tekst over de beveiliging",
        "Bv. dat de partijen op verzoek aantonen welke maatregelen ze nemen, of hoe ze met verwerkers omgaan.",
        &mut protocol.security.additional_text,
    );
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
