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

/// A field path (`parties[1].kbo`) in Dutch words ("Partij 2 › KBO-nummer"), for when the
/// protocol is not at hand; [`path_label_in`] names parties and groups as the screens do.
pub fn path_label(path: &str) -> String {
    path_label_named(path, &ItemNames::default())
}

/// A field path in Dutch words, with parties and groups called by the name the app shows
/// everywhere else ("Gemeente Zonnedorp › Adres", not "Partij 2 › Adres"), so one party has
/// one name on one screen.
pub fn path_label_in(protocol: &super::Protocol, path: &str) -> String {
    path_label_named(path, &ItemNames::of(protocol))
}

/// The names by which the app calls the parties and groups of a protocol, by list position.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ItemNames {
    parties: Vec<String>,
    groups: Vec<String>,
}

impl ItemNames {
    /// The names of `protocol`'s parties (short name, else legal name) and groups.
    pub fn of(protocol: &super::Protocol) -> Self {
        let one_line = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
        Self {
            parties: protocol
                .parties
                .iter()
                .map(|party| one_line(party.display_name()))
                .collect(),
            groups: protocol
                .groups
                .iter()
                .map(|group| one_line(&group.name))
                .collect(),
        }
    }

    /// Names of `newer`, and of `older` for items only `older` has (a removed party in a diff).
    pub fn of_either(older: &super::Protocol, newer: &super::Protocol) -> Self {
        let (older, newer) = (Self::of(older), Self::of(newer));
        let merge = |new: &[String], old: &[String]| -> Vec<String> {
            (0..new.len().max(old.len()))
                .map(|index| {
                    new.get(index)
                        .filter(|name| !name.is_empty())
                        .or(old.get(index))
                        .cloned()
                        .unwrap_or_default()
                })
                .collect()
        };
        Self {
            parties: merge(&newer.parties, &older.parties),
            groups: merge(&newer.groups, &older.groups),
        }
    }

    /// The name of item `index` of the top-level list `list`; `None` for other lists and for
    /// items without a name yet.
    pub fn name(&self, list: &str, index: usize) -> Option<&str> {
        let names = match list {
            "parties" => &self.parties,
            "groups" => &self.groups,
            _ => return None,
        };
        names
            .get(index)
            .map(String::as_str)
            .filter(|name| !name.is_empty())
    }

    /// The label of item `index` of `list` (a path such as `parties` or `flows`): its name
    /// where it has one, else "Partij 2".
    pub fn item(&self, list_path: &str, index: usize) -> String {
        self.name(list_path, index)
            .map(str::to_string)
            .unwrap_or_else(|| {
                let field = list_path.rsplit('.').next().unwrap_or(list_path);
                let field = field.split('[').next().unwrap_or(field);
                item_label(field, index)
            })
    }
}

/// A field path in Dutch words, naming top-level parties and groups from `names`.
pub fn path_label_named(path: &str, names: &ItemNames) -> String {
    let mut words = Vec::new();
    for (position, segment) in path
        .split('.')
        .filter(|segment| !segment.is_empty())
        .enumerate()
    {
        let (field, indices) = match segment.find('[') {
            Some(position) => (&segment[..position], &segment[position..]),
            None => (segment, ""),
        };
        let numbers: Vec<usize> = indices
            .split(['[', ']'])
            .filter_map(|number| number.parse().ok())
            .collect();
        match numbers.last() {
            Some(index) if position == 0 => words.push(names.item(field, *index)),
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

    #[test]
    fn parties_and_groups_go_by_their_names() {
        let mut protocol = crate::model::Protocol::default();
        protocol.parties.push(crate::model::Party {
            legal_name: "Gemeente  Zonnedorp".into(),
            ..Default::default()
        });
        protocol.parties.push(crate::model::Party::default());
        protocol.groups.push(crate::model::PartyGroup {
            name: "uitbetalingsactoren".into(),
            ..Default::default()
        });
        assert_eq!(
            path_label_in(&protocol, "parties[0].address"),
            "Gemeente Zonnedorp › Adres"
        );
        assert_eq!(
            path_label_in(&protocol, "parties[1].signatories[0].name"),
            "Partij 2 › Ondertekenaar 1 › Naam"
        );
        assert_eq!(
            path_label_in(&protocol, "groups[0].need_to_know"),
            "uitbetalingsactoren › Beperking tot wie het nodig heeft"
        );
        protocol.parties[0].short_name = "Zonnedorp".into();
        assert_eq!(
            path_label_in(&protocol, "parties[0].kbo"),
            "Zonnedorp › KBO-nummer"
        );
        let mut older = protocol.clone();
        older.parties[1].legal_name = "OCMW Zonnedorp".into();
        protocol.parties.pop();
        let names = ItemNames::of_either(&older, &protocol);
        assert_eq!(names.item("parties", 1), "OCMW Zonnedorp");
        assert_eq!(names.item("flows", 0), "Gegevensstroom 1");
    }
}
