//! One file per wizard step, each exposing `fn <step>_ui(protocol, form, ui)`, plus the
//! pickers the steps share (which party, which flow is open).

mod advice;
mod clauses;
mod context;
mod data;
mod export;
mod municipal;
mod parties;
mod periodicity;
mod purposes;
mod recipients;
mod security;
mod signing;

use egui::{RichText, Ui};

use super::form::Form;
use crate::check::Finding;
use crate::model::Step;
use crate::model::{Party, Protocol};

/// The form of `step`.
pub fn step_ui(
    step: Step,
    protocol: &mut Protocol,
    form: &mut Form,
    findings: &[Finding],
    ui: &mut Ui,
) {
    match step {
        Step::Parties => parties::parties_ui(protocol, form, ui),
        Step::Context => context::context_ui(protocol, form, ui),
        Step::Purposes => purposes::purposes_ui(protocol, form, ui),
        Step::Data => data::data_ui(protocol, form, ui),
        Step::Recipients => recipients::recipients_ui(protocol, form, ui),
        Step::Periodicity => periodicity::periodicity_ui(protocol, form, ui),
        Step::Security => security::security_ui(protocol, form, ui),
        Step::Advice => advice::advice_ui(protocol, form, ui),
        Step::Municipal => municipal::municipal_ui(protocol, form, ui),
        Step::Clauses => clauses::clauses_ui(protocol, form, ui),
        Step::Signing => signing::signing_ui(protocol, form, ui),
        Step::Export => export::export_ui(protocol, form, findings, ui),
    }
}

/// One sentence under the step's title: what this step is about.
pub fn intro(step: Step) -> &'static str {
    match step {
        Step::Parties => {
            "Wie sluit het protocol: de officiële gegevens, wie ondertekent en wie de functionaris voor gegevensbescherming (DPO) is van elke partij."
        }
        Step::Context => {
            "Waarom het protocol er komt (overwegingen) en welke gegevensstromen er zijn: van wie naar wie, langs welk kanaal."
        }
        Step::Purposes => {
            "Artikel 2: waarvoor de verstrekker de gegevens oorspronkelijk verzamelde, waarvoor de ontvanger ze gebruikt, en waarom dat verenigbaar is."
        }
        Step::Data => {
            "Artikel 3: welke gegevens worden meegedeeld en waarom elk gegeven nodig is (proportionaliteit), en hoelang ze bewaard worden."
        }
        Step::Recipients => {
            "Artikel 4: welke diensten bij de ontvanger toegang krijgen, hoe de toegang beperkt wordt en of er verwerkers zijn."
        }
        Step::Periodicity => {
            "Artikel 5: hoe vaak de gegevens stromen en hoelang het protocol loopt, telkens met de reden."
        }
        Step::Security => {
            "Artikel 6: hoe de gegevens beveiligd worden tijdens en na de uitwisseling."
        }
        Step::Advice => {
            "Het advies van de DPO van elke partij (vóór de ondertekening) en, waar gevraagd, van de Vlaamse Toezichtcommissie."
        }
        Step::Municipal => {
            "Het deel van het lokaal bestuur in het standaardprotocol van Opgroeien: gebruik van de gegevens, het financiële scenario, het besluit en de AVG-plichten."
        }
        Step::Clauses => {
            "De artikels van het protocol in hun volgorde, en de standaardbepalingen over kwaliteit, sancties, meldingen, transparantie, geschillen en inwerkingtreding."
        }
        Step::Signing => {
            "Waar en wanneer het protocol ondertekend wordt, wie tekent, en welke bijlagen erbij horen."
        }
        Step::Export => {
            "Nakijken wat nog ontbreekt en het protocol exporteren als Word- of PDF-document."
        }
    }
}

/// The name of party `index` as shown in pickers: "Partij 2 (nog zonder naam)" before it has one.
pub use crate::review::sentences::party_name;

/// Every party as (stable id, name as pickers show it), for drop-downs that refer to a party.
pub fn party_choices(protocol: &Protocol) -> Vec<(String, String)> {
    protocol
        .parties
        .iter()
        .enumerate()
        .map(|(index, party)| (party.id.clone(), party_name(party, index)))
        .collect()
}

/// A row of buttons, one per party for which `include` holds; returns the open party's index.
/// Keeps `selected` on a party that is shown.
pub fn party_picker(
    ui: &mut Ui,
    parties: &[Party],
    selected: &mut usize,
    include: impl Fn(&Party) -> bool,
) -> Option<usize> {
    let shown: Vec<usize> = (0..parties.len())
        .filter(|index| parties.get(*index).is_some_and(&include))
        .collect();
    if shown.is_empty() {
        return None;
    }
    if !shown.contains(selected) {
        *selected = shown[0];
    }
    ui.horizontal_wrapped(|ui| {
        for index in &shown {
            if let Some(party) = parties.get(*index) {
                let text = party_name(party, *index);
                if ui
                    .selectable_label(*selected == *index, text)
                    .on_hover_text(format!("{} ({})", party.legal_name, party.roles.label()))
                    .clicked()
                {
                    *selected = *index;
                }
            }
        }
    });
    Some(*selected)
}

/// A row of buttons, one per flow; returns the open flow's index.
pub fn flow_picker(ui: &mut Ui, protocol: &Protocol, selected: &mut usize) -> Option<usize> {
    if protocol.flows.is_empty() {
        return None;
    }
    if *selected >= protocol.flows.len() {
        *selected = protocol.flows.len() - 1;
    }
    ui.horizontal_wrapped(|ui| {
        for (index, flow) in protocol.flows.iter().enumerate() {
            let text = flow.name_or_number(index);
            if ui.selectable_label(*selected == index, text).clicked() {
                *selected = index;
            }
        }
    });
    Some(*selected)
}

/// A frame around the editor of one list item.
pub fn item_frame<R>(ui: &mut Ui, title: &str, add: impl FnOnce(&mut Ui) -> R) -> R {
    egui::Frame::group(ui.style())
        .inner_margin(egui::Margin::same(12))
        .show(ui, |ui| {
            ui.label(RichText::new(title).strong().size(16.5));
            ui.add_space(6.0);
            add(ui)
        })
        .inner
}
