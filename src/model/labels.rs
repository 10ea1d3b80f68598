//! Dutch labels for the model's fields, for diffs and for naming a field path to a person
//! ("Partij 2 › KBO-nummer" for `parties[1].kbo`).

/// The Dutch label of a field, by its name in the file; the name itself when unknown.
pub fn field_label(field: &str) -> &str {
    match field {
        "title" => "Titel",
        "context" => "Context",
        "short_title" => "Korte titel",
        "date" => "Datum",
        "parties" => "Partijen",
        "id" => "Sleutel",
        "legal_name" => "Officiële naam",
        "kbo" => "KBO-nummer",
        "address" => "Adres",
        "short_name" => "Korte naam",
        "legal_status" => "Juridisch statuut",
        "roles" => "Rol",
        "provider" => "Verstrekker",
        "recipient" => "Ontvanger",
        "signatories" => "Ondertekenaars",
        "name" => "Naam",
        "function" => "Functie",
        "dpo" => "Functionaris voor gegevensbescherming",
        "email" => "E-mailadres",
        "phone" => "Telefoon",
        "dpo_advice" => "Advies van de DPO",
        "outcome" => "Uitkomst",
        "remarks" => "Opmerkingen",
        "original_purposes" => "Oorspronkelijke doeleinden",
        "processing_purposes" => "Doeleinden van de verwerking",
        "description" => "Omschrijving",
        "legal_basis" => "Rechtsgrond",
        "services_with_access" => "Diensten met toegang",
        "need_to_know" => "Beperking tot wie het nodig heeft",
        "onward_disclosure" => "Verdere mededeling",
        "processors" => "Verwerkers",
        "task" => "Taak",
        "agreement_concluded" => "Verwerkersovereenkomst gesloten",
        "publication_url" => "Website voor bekendmaking",
        "recitals" => "Overwegingen",
        "planned_flow" => "Verloop van de gegevensstroom (C2)",
        "service_integrator" => "Dienstenintegrator",
        "intent" => "Sluiten en bekendmaken (D)",
        "flows" => "Gegevensstromen",
        "from_party" => "Van",
        "to_parties" => "Aan",
        "channel" => "Kanaal",
        "channel_detail" => "Kanaal (toelichting)",
        "via_service_integrator" => "Via dienstenintegrator",
        "periodicity" => "Periodiciteit",
        "frequency" => "Frequentie",
        "day_of_month" => "Dag van de maand",
        "detail" => "Toelichting",
        "justification" => "Verantwoording",
        "compatibility" => "Verenigbaarheid",
        "identifier" => "Identificator",
        "data_items" => "Gegevens",
        "purpose" => "Doel",
        "retention" => "Bewaartermijn",
        "special_category" => "Bijzondere categorie",
        "special_category_justification" => "Verantwoording bijzondere categorie",
        "term" => "Duur",
        "kind" => "Soort",
        "security" => "Beveiliging",
        "measures" => "Maatregelen",
        "text" => "Tekst",
        "additional_text" => "Aanvullende tekst",
        "data_subject_rights" => "Rechten van de betrokkenen",
        "data_subject_rights_not_stated" => "Rechten van de betrokkenen niet vermeld",
        "clauses" => "Standaardbepalingen",
        "data_quality" => "Kwaliteit van de gegevens (art. 7)",
        "sanction" => "Sanctie (art. 8)",
        "notification" => "Meldingsplichten (art. 9)",
        "transparency" => "Transparantie (art. 10)",
        "law_and_disputes" => "Toepasselijk recht en geschillen (art. 11)",
        "entry_into_force" => "Inwerkingtreding en beëindiging (art. 12)",
        "vtc_advice_date" => "Advies van de VTC",
        "groups" => "Groepen van partijen",
        "group" => "Groep",
        "article" => "Lidwoord",
        "legal_name_article" => "Lidwoord bij de naam",
        "shared_processors" => "Gemeenschappelijke verwerkers",
        "processor" => "Verwerker",
        "articles" => "Artikelen",
        "standard" => "Standaardartikel",
        "signing" => "Ondertekening",
        "place" => "Plaats",
        "annexes" => "Bijlagen",
        "municipal" => "Gemeentelijk scenario",
        "municipality_party" => "Partij van het lokaal bestuur",
        "data_use" => "Gebruik van de gegevens",
        "financial_scenario" => "Financieel scenario",
        "college_decision" => "Collegebesluit",
        "reference" => "Referentie",
        "body" => "Orgaan",
        "exchange_channel" => "Uitwisselingskanaal",
        "key_exchange" => "Sleuteluitwisseling",
        "destruction" => "Vernietiging",
        "security_policy" => "Informatieveiligheidsbeleid",
        "processing_register" => "Verwerkingsregister",
        "information_duty" => "Informatieplicht",
        "confirmed" => "Bevestigd",
        other => other,
    }
}

/// The Dutch name of the `index`-th item (0-based) of a list field: "Partij 2", "Gegeven 5".
pub fn item_label(list: &str, index: usize) -> String {
    let noun = match list {
        "parties" => "Partij",
        "signatories" => "Ondertekenaar",
        "original_purposes" | "processing_purposes" => "Doeleinde",
        "services_with_access" => "Dienst",
        "processors" | "shared_processors" => "Verwerker",
        "groups" => "Groep",
        "articles" => "Artikel",
        "flows" => "Gegevensstroom",
        "to_parties" => "Ontvanger",
        "data_items" => "Gegeven",
        "measures" => "Maatregel",
        "annexes" => "Bijlage",
        "locked" => "Vergrendeld deel",
        _ => "Element",
    };
    format!("{noun} {}", index + 1)
}

/// A field path (`parties[1].kbo`) in Dutch words ("Partij 2 › KBO-nummer").
pub fn path_label(path: &str) -> String {
    let mut words = Vec::new();
    for segment in path.split('.').filter(|segment| !segment.is_empty()) {
        let (field, indices) = match segment.find('[') {
            Some(position) => (&segment[..position], &segment[position..]),
            None => (segment, ""),
        };
        let numbers: Vec<usize> = indices
            .split(['[', ']'])
            .filter_map(|number| number.parse().ok())
            .collect();
        match numbers.last() {
            Some(index) => words.push(item_label(field, *index)),
            None => words.push(field_label(field).to_string()),
        }
    }
    words.join(" › ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_read_as_dutch() {
        assert_eq!(path_label("parties[1].kbo"), "Partij 2 › KBO-nummer");
        assert_eq!(
            path_label("data_items[4].justification"),
            "Gegeven 5 › Verantwoording"
        );
        assert_eq!(
            path_label("municipal.college_decision.date"),
            "Gemeentelijk scenario › Collegebesluit › Datum"
        );
        assert_eq!(path_label("onbekend"), "onbekend");
    }
}
