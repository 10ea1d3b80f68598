//! Step 10, Standaardbepalingen (arts. 7–12): texts the template provides.

use egui::Ui;

use crate::app::form::Form;
use crate::model::Protocol;

/// The clauses step.
pub fn clauses_ui(protocol: &mut Protocol, form: &mut Form, ui: &mut Ui) {
    if form.is_locked("clauses") {
        ui.label(
            "Deze bepalingen liggen vast in het sjabloon en gelden voor elk protocol dat ermee \
             gemaakt wordt. U hoeft hier niets te doen; lees ze wel na.",
        );
    }
    let clauses = &mut protocol.clauses;
    form.multiline(ui, "clauses.data_quality", "Artikel 7. Kwaliteit van de gegevens", "Dat de verstrekker juiste en actuele gegevens levert en fouten meldt, en dat de ontvanger fouten die hij opmerkt doorgeeft.", &mut clauses.data_quality);
    form.multiline(ui, "clauses.sanction", "Artikel 8. Sanctie bij niet-naleving", "Wat er gebeurt als een partij het protocol niet naleeft, bv. het opschorten van de uitwisseling.", &mut clauses.sanction);
    form.multiline(
        ui,
        "clauses.notification",
        "Artikel 9. Meldingsplichten",
        "Datalekken (artikel 33 AVG) via de DPO's, wijzigingen van de wetgeving of van verwerkers.",
        &mut clauses.notification,
    );
    form.multiline(ui, "clauses.transparency", "Artikel 10. Transparantie", "De bekendmaking op de websites; de publicatieadressen per partij vult u in bij ‘Partijen’.", &mut clauses.transparency);
    form.section(
        ui,
        "Publicatieadressen",
        "Artikel 10 noemt per partij waar ze het ondertekende protocol publiceert. Publicatie is verplicht meteen na de ondertekening.",
    );
    for (index, party) in protocol.parties.iter_mut().enumerate() {
        let name = super::party_name(party, index);
        form.text(
            ui,
            &format!("parties[{index}].publication_url"),
            &format!("Publicatieadres van {name}"),
            "Het webadres van de privacypagina, bv. ‘https://www.zoersel.be/privacy’.",
            &mut party.publication_url,
        );
    }
    let clauses = &mut protocol.clauses;
    form.multiline(ui, "clauses.law_and_disputes", "Artikel 11. Toepasselijk recht en geschillen", "Belgisch recht, de rechtbanken van Brussel, de scheidbaarheid van bepalingen, wijzigingen enkel schriftelijk met een addendum.", &mut clauses.law_and_disputes);
    form.multiline(ui, "clauses.entry_into_force", "Artikel 12. Inwerkingtreding en beëindiging", "Wanneer het protocol ingaat, de opzegtermijn, en dat het eindigt als de termijn afloopt of de rechtsgrond wegvalt.", &mut clauses.entry_into_force);
}
