//! Step 1, Partijen: identity, roles, signatories, DPO and publication address of every party.

use egui::Ui;

use super::{item_frame, party_name, party_picker};
use crate::app::form::Form;
use crate::model::{Article, Party, PartyGroup, Protocol, Signatory};

/// The parties step.
pub fn parties_ui(protocol: &mut Protocol, form: &mut Form, ui: &mut Ui) {
    form.section(
        ui,
        "De partijen",
        "Elke partij is een instantie die gegevens verstrekt of ontvangt. Kies een partij om haar gegevens in te vullen. De volgorde is die van het document (TUSSEN … EN …).",
    );
    let mut selected = form.selection.party;
    party_picker(ui, &protocol.parties, &mut selected, |_| true);
    ui.horizontal(|ui| {
        if form.add_button(ui, "parties", "➕ Partij toevoegen") {
            let id = protocol.fresh_party_id("partij");
            protocol.parties.push(Party {
                id,
                ..Party::default()
            });
            selected = protocol.parties.len() - 1;
            form.added();
        }
    });
    form.selection.party = selected;
    ui.add_space(8.0);

    let len = protocol.parties.len();
    let Some(index) = (selected < len).then_some(selected) else {
        ui.label("Er zijn nog geen partijen. Voeg er een toe.");
        return;
    };
    let title = protocol
        .parties
        .get(index)
        .map(|party| format!("{} — {}", party_name(party, index), party.roles.label()))
        .unwrap_or_default();
    let groups: Vec<(String, String)> = protocol
        .groups
        .iter()
        .enumerate()
        .map(|(number, group)| (group.id.clone(), group.name_in_text(number)))
        .collect();
    let mut op = None;
    item_frame(ui, &title, |ui| {
        op = form.item_buttons(ui, "parties", index, len, "partij");
        let Some(party) = protocol.parties.get_mut(index) else {
            return;
        };
        party_fields(party, index, &groups, form, ui);
    });
    if let Some(op) = op {
        let mut selected = form.selection.party;
        if let crate::app::ListOp::Duplicate(source) = op
            && let Some(party) = protocol.parties.get(source)
        {
            let id = protocol.fresh_party_id(&party.id);
            form.apply(&mut protocol.parties, op, &mut selected);
            if let Some(copy) = protocol.parties.get_mut(source + 1) {
                copy.id = id;
            }
        } else {
            form.apply(&mut protocol.parties, op, &mut selected);
        }
        form.selection.party = selected;
    }
    groups_ui(protocol, form, ui);
}

/// The groups of parties: each with its collective name, article and one legal-status
/// recital; members choose their group in their own fields.
fn groups_ui(protocol: &mut Protocol, form: &mut Form, ui: &mut Ui) {
    form.section(
        ui,
        "Groepen van partijen",
        "Noemt het protocol meerdere partijen samen, zoals ‘de vier private uitbetalingsactoren … hierna samen: de private uitbetalingsactoren’? Maak dan een groep en duid bij elke partij aan dat ze erbij hoort. Elk lid houdt zijn eigen naam, KBO-nummer, adres, ondertekenaars, DPO en advies; het juridisch statuut, de doeleinden, de diensten met toegang en de verwerkers staan één keer, bij de groep.",
    );
    let len = protocol.groups.len();
    let mut op = None;
    for number in 0..len {
        let members: Vec<String> = protocol
            .members(&protocol.groups[number].id)
            .map(|(index, party)| party_name(party, index))
            .collect();
        let Some(group) = protocol.groups.get_mut(number) else {
            continue;
        };
        let path = |field: &str| format!("groups[{number}].{field}");
        ui.push_id(("groep", number), |ui| {
            item_frame(ui, &group.name_in_text(number), |ui| {
                if let Some(asked) = form.item_buttons(ui, "groups", number, len, "groep") {
                    op = Some(asked);
                }
                form.text(
                    ui,
                    &path("name"),
                    "Gezamenlijke naam",
                    "De naam waarmee de tekst de groep noemt, zonder lidwoord, bv. ‘private uitbetalingsactoren’.",
                    &mut group.name,
                );
                article_choice(
                    form,
                    ui,
                    &path("article"),
                    "Lidwoord bij de gezamenlijke naam",
                    "Meestal ‘de’: ‘de private uitbetalingsactoren’.",
                    &group.name,
                    &mut group.article,
                );
                form.multiline(
                    ui,
                    &path("legal_status"),
                    "Juridisch statuut van de groep",
                    "Eén overweging voor alle leden: welk soort instanties het zijn in de zin van artikel 2, 10°, van het e-govdecreet.",
                    &mut group.legal_status,
                );
                ui.label(if members.is_empty() {
                    "Nog geen leden: duid bij een partij hierboven deze groep aan.".to_string()
                } else {
                    format!("Leden: {}.", crate::dutch::join_names(&members))
                });
            });
        });
    }
    if let Some(op) = op {
        let mut ignored = 0;
        form.apply(&mut protocol.groups, op, &mut ignored);
        if let crate::app::ListOp::Duplicate(source) = op {
            let base = protocol.groups.get(source).map(|group| group.id.clone());
            if let Some(base) = base {
                let id = fresh_group_id(protocol, &base);
                if let Some(copy) = protocol.groups.get_mut(source + 1) {
                    copy.id = id;
                }
            }
        }
    }
    if form.add_button(ui, "groups", "➕ Groep toevoegen") {
        let id = fresh_group_id(protocol, "groep");
        protocol.groups.push(PartyGroup {
            id,
            article: Some(Article::De),
            ..PartyGroup::default()
        });
        form.added();
    }
}

/// A group id no group uses yet: `base`, `base-2`, …
fn fresh_group_id(protocol: &Protocol, base: &str) -> String {
    (1..)
        .map(|n| {
            if n == 1 {
                base.to_string()
            } else {
                format!("{base}-{n}")
            }
        })
        .find(|candidate| protocol.group(candidate).is_none())
        .unwrap_or_else(|| base.to_string())
}

fn party_fields(
    party: &mut Party,
    index: usize,
    groups: &[(String, String)],
    form: &mut Form,
    ui: &mut Ui,
) {
    let path = |field: &str| format!("parties[{index}].{field}");
    form.text(
        ui,
        &path("legal_name"),
        "Naam",
        "De volledige officiële naam zoals in de Kruispuntbank van Ondernemingen, bv. ‘Gemeente Zoersel’ of ‘Agentschap Opgroeien regie’.",
        &mut party.legal_name,
    );
    article_choice(
        form,
        ui,
        &path("legal_name_article"),
        "Lidwoord bij de naam",
        "Hoe de naam in een zin staat: in de partijclausule, de titel en bij de handtekening (‘Voor het Vlaams Agentschap …’).",
        &party.legal_name,
        &mut party.legal_name_article,
    );
    form.text(
        ui,
        &path("kbo"),
        "KBO-nummer",
        "Het ondernemingsnummer, geschreven als 0207.451.227. De controle rekent de controlecijfers na: een tikfout valt meteen op.",
        &mut party.kbo,
    );
    form.text(
        ui,
        &path("establishment_number"),
        "Vestigingsnummer",
        "Alleen voor entiteiten van de Vlaamse overheid zonder rechtspersoonlijkheid, die het KBO-nummer van de Vlaamse Gemeenschap of het Vlaams Gewest delen: het nummer van de vestigingseenheid, geschreven als 2.xxx.xxx.xxx.",
        &mut party.establishment_number,
    );
    form.text(
        ui,
        &path("address"),
        "Adres",
        "Het adres van de zetel op één regel, bv. ‘Handelslei 167, 2980 Zoersel’.",
        &mut party.address,
    );
    if !groups.is_empty() || !party.group.is_empty() {
        form.id_choice(
            ui,
            &path("group"),
            "Hoort bij de groep",
            "Een lid van een groep wordt in de tekst samen met de andere leden genoemd; zijn juridisch statuut, doeleinden en ontvangersgegevens vult u bij de groep in.",
            &mut party.group,
            groups,
            "geen groep",
        );
    }
    let in_group = !party.group.trim().is_empty();
    form.text(
        ui,
        &path("short_name"),
        "Korte naam",
        "De naam die verder in de tekst gebruikt wordt (“hierna: …”), bv. ‘de gemeente’ of ‘Opgroeien regie’.",
        &mut party.short_name,
    );
    article_choice(
        form,
        ui,
        &path("article"),
        "Lidwoord bij de korte naam",
        "Hoe de korte naam in de zinnen van het protocol staat: ‘het VUTG’, ‘de stad’, of zonder lidwoord (‘Opgroeien regie’).",
        &party.short_name,
        &mut party.article,
    );
    if in_group {
        ui.label("Het juridisch statuut staat bij de groep (onderaan deze stap).");
    } else {
        legal_status_field(party, index, form, ui);
    }
    form.checkbox(
        ui,
        &path("roles.provider"),
        "Verstrekt gegevens (verstrekker)",
        "Vink aan als deze partij gegevens meedeelt aan een andere partij.",
        &mut party.roles.provider,
    );
    form.checkbox(
        ui,
        &path("roles.recipient"),
        "Ontvangt gegevens (ontvanger)",
        "Vink aan als deze partij gegevens ontvangt. Een partij kan beide zijn, zoals het lokaal bestuur in het standaardprotocol.",
        &mut party.roles.recipient,
    );

    form.section(
        ui,
        "Ondertekenaars",
        "Wie tekent voor deze partij. Een gemeente tekent meestal door de burgemeester en de algemeen directeur; een agentschap door de administrateur-generaal.",
    );
    let list = path("signatories");
    let len = party.signatories.len();
    let mut op = None;
    for (number, signatory) in party.signatories.iter_mut().enumerate() {
        ui.push_id(("ondertekenaar", number), |ui| {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                form.text(
                    ui,
                    &format!("{list}[{number}].name"),
                    "Naam van de ondertekenaar",
                    "Voornaam en naam, bv. ‘Liesbeth Verstreken’.",
                    &mut signatory.name,
                );
                form.text(
                    ui,
                    &format!("{list}[{number}].function"),
                    "Functie van de ondertekenaar",
                    "Bv. ‘burgemeester’, ‘algemeen directeur’, ‘administrateur-generaal’.",
                    &mut signatory.function,
                );
                if let Some(asked) = form.item_buttons(ui, &list, number, len, "ondertekenaar") {
                    op = Some(asked);
                }
            });
        });
    }
    if let Some(op) = op {
        let mut ignored = 0;
        form.apply(&mut party.signatories, op, &mut ignored);
    }
    if form.add_button(ui, &list, "➕ Ondertekenaar toevoegen") {
        party.signatories.push(Signatory::default());
        form.added();
    }
    form.text(
        ui,
        &path("representative"),
        "Vertegenwoordigd door (als dat niet de ondertekenaars zijn)",
        "Laat leeg als de ondertekenaars de partij vertegenwoordigen. Vul in wie de partijclausule noemt als dat iemand anders is (bv. ‘Jan Peeters, administrateur-generaal’, terwijl een waarnemend administrateur-generaal tekent) of een orgaan (‘het college van burgemeester en schepenen’).",
        &mut party.representative,
    );
    form.checkbox(
        ui,
        &path("signatories_sign_for_representative"),
        "De ondertekenaars tekenen voor deze vertegenwoordiger",
        "Zoals bij een gemeente: ‘vertegenwoordigd door het college van burgemeester en schepenen, voor wie tekenen: de burgemeester … en de algemeen directeur …’. Voor het lokaal bestuur van het standaardprotocol volgt ‘in uitvoering van de beslissing van het college van <datum>’ uit stap 9.",
        &mut party.signatories_sign_for_representative,
    );

    form.section(
        ui,
        "Functionaris voor gegevensbescherming (DPO)",
        "Elke partij heeft een eigen DPO die het ontwerp adviseert vóór de ondertekening. Het protocol vermeldt zijn of haar contactgegevens.",
    );
    form.text(
        ui,
        &path("dpo.name"),
        "Naam van de DPO",
        "De naam van de DPO of van de functionele mailbox, bv. ‘Jan Peeters’ of ‘DPO Opgroeien’.",
        &mut party.dpo.name,
    );
    form.text(
        ui,
        &path("dpo.email"),
        "E-mailadres van de DPO",
        "Bv. ‘privacy@zoersel.be’. Via dit adres worden ook datalekken gemeld (artikel 9).",
        &mut party.dpo.email,
    );
    form.text(
        ui,
        &path("dpo.phone"),
        "Telefoonnummer van de DPO",
        "Niet verplicht.",
        &mut party.dpo.phone,
    );
    form.section(ui, "Bekendmaking", "");
    form.text(
        ui,
        &path("publication_url"),
        "Publicatieadres (URL)",
        "Waar deze partij het ondertekende protocol op haar website publiceert (artikel 10), bv. ‘https://www.zoersel.be/privacy’. Publicatie is verplicht meteen na de ondertekening.",
        &mut party.publication_url,
    );
    form.checkbox(
        ui,
        &path("publication_url_not_stated"),
        "Het protocol vermeldt geen publicatieadres (niet vermeld)",
        "Voor een ondertekend protocol dat het adres niet noemt: het document zegt er dan niets over, en de controle waarschuwt in plaats van een fout te geven.",
        &mut party.publication_url_not_stated,
    );
}

fn legal_status_field(party: &mut Party, index: usize, form: &mut Form, ui: &mut Ui) {
    let path = |field: &str| format!("parties[{index}].{field}");
    form.multiline(
        ui,
        &path("legal_status"),
        "Juridisch statuut",
        "Welk soort instantie de partij is in de zin van artikel 2, 10°, van het e-govdecreet, en bij welk decreet ze is opgericht. Bv. ‘een gemeente in de zin van het decreet over het lokaal bestuur van 22 december 2017’. De toezichthouder kijkt of de partij onder het e-govdecreet valt.",
        &mut party.legal_status,
    );
}

/// The article a name takes, as a drop-down, with the likely one for `name` named in the help.
fn article_choice(
    form: &mut Form,
    ui: &mut Ui,
    path: &str,
    label: &str,
    help: &str,
    name: &str,
    value: &mut Option<Article>,
) {
    let help = match Article::suggest(name) {
        Some(suggested) if *value != Some(suggested) && !name.trim().is_empty() => {
            format!(
                "{help} Voor ‘{}’ ligt ‘{}’ voor de hand.",
                name.trim(),
                suggested.word()
            )
        }
        _ => help.to_string(),
    };
    form.choice(
        ui,
        path,
        label,
        &help,
        value,
        &[None, Some(Article::De), Some(Article::Het)],
        |article| match article {
            None => "geen lidwoord",
            Some(article) => article.word(),
        },
    );
}
