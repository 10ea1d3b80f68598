//! The processing-register entry (art. 30.1 AVG) of a protocol, for the party that keeps the
//! register (the municipality in the Opgroeien case, else the drafting party): one row whose
//! columns follow art. 30.1 a–g in order, with the protocol's date and publication address, as
//! CSV that Excel and LibreOffice open in a Belgian locale (UTF-8 with BOM, `;` between
//! fields, every field quoted).

use crate::dutch::dutch_long;
use crate::model::{Party, Protocol};

/// One register entry: (column, value) in register order.
#[derive(Debug, Clone, PartialEq)]
pub struct RegisterEntry {
    /// The columns and their values.
    pub columns: Vec<(&'static str, String)>,
}

/// The column names, in order: art. 30.1 a (controller, DPO), b (purposes), c (data subjects,
/// data), d (recipients), e (transfers), f (retention), g (security), then the legal basis and
/// the protocol itself.
pub const COLUMNS: [&str; 14] = [
    "Naam van de verwerking",
    "Verwerkingsverantwoordelijke",
    "Functionaris voor gegevensbescherming",
    "Doeleinden",
    "Rechtsgrond",
    "Categorieën van betrokkenen",
    "Categorieën van persoonsgegevens",
    "Ontvangers",
    "Doorgifte buiten de EU",
    "Bewaartermijn",
    "Beveiligingsmaatregelen",
    "Gegevens van",
    "Protocol (datum)",
    "Bekendmaking",
];

/// The register entry of `protocol` for the party that keeps the register.
pub fn entry(protocol: &Protocol) -> RegisterEntry {
    let party = protocol.drafting_party();
    let one_line = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    let join = |items: Vec<String>| {
        items
            .into_iter()
            .filter(|item| !item.is_empty())
            .collect::<Vec<_>>()
            .join("; ")
    };
    let purposes = |party: Option<&Party>| {
        party.map_or_else(Vec::new, |party| {
            party
                .processing_purposes
                .iter()
                .map(|purpose| one_line(&purpose.description))
                .collect()
        })
    };
    let bases = |party: Option<&Party>| {
        party.map_or_else(Vec::new, |party| {
            party
                .processing_purposes
                .iter()
                .map(|purpose| one_line(&purpose.legal_basis))
                .collect()
        })
    };
    let controller = party.map_or_else(String::new, |party| {
        join(vec![
            one_line(&party.legal_name),
            one_line(&party.kbo).trim().to_string(),
            one_line(&party.address),
        ])
    });
    let dpo = party.map_or_else(String::new, |party| {
        join(vec![
            one_line(&party.dpo.name),
            one_line(&party.dpo.email),
            one_line(&party.dpo.phone),
        ])
    });
    let recipients = party.map_or_else(String::new, |party| {
        let mut items: Vec<String> = party
            .services_with_access
            .iter()
            .map(|service| one_line(service))
            .collect();
        items.extend(
            party
                .processors
                .iter()
                .map(|processor| format!("verwerker: {}", one_line(&processor.name))),
        );
        join(items)
    });
    let providers: Vec<String> = protocol
        .parties
        .iter()
        .filter(|other| other.roles.provider && party.is_none_or(|party| party.id != other.id))
        .map(|other| one_line(&other.legal_name))
        .collect();
    let retention = join(vec![one_line(&protocol.retention)]);
    let security = join(
        protocol
            .security
            .measures
            .iter()
            .map(|measure| one_line(&measure.text))
            .collect(),
    );
    let data = join(
        protocol
            .data_items
            .iter()
            .map(|item| one_line(&item.description))
            .collect(),
    );
    let date = protocol
        .signing
        .date
        .or(protocol.title.date)
        .map(dutch_long)
        .unwrap_or_default();
    let title = if protocol.title.short_title.trim().is_empty() {
        one_line(&protocol.title.context)
    } else {
        one_line(&protocol.title.short_title)
    };
    let values = [
        title,
        controller,
        dpo,
        join(purposes(party)),
        join(bases(party)),
        // The model does not name the data subjects as a category; the identifier says whom
        // the data are about ("op basis van het INSZ-nummer van het kind").
        one_line(&protocol.identifier),
        data,
        recipients,
        "Geen doorgifte buiten de Europese Economische Ruimte.".to_string(),
        retention,
        security,
        crate::dutch::join_names(&providers),
        date,
        party.map_or_else(String::new, |party| one_line(&party.publication_url)),
    ];
    RegisterEntry {
        columns: COLUMNS.iter().copied().zip(values).collect(),
    }
}

/// The entry as CSV: a header row and one data row, UTF-8 with a byte-order mark, `;` between
/// fields (what Excel expects in Belgium), every field in double quotes, CRLF line ends.
pub fn csv(entry: &RegisterEntry) -> Vec<u8> {
    let row = |fields: Vec<&str>| {
        fields
            .into_iter()
            .map(|field| format!("\"{}\"", field.replace('"', "\"\"")))
            .collect::<Vec<_>>()
            .join(";")
    };
    let mut text = String::from("\u{feff}");
    text.push_str(&row(entry.columns.iter().map(|(name, _)| *name).collect()));
    text.push_str("\r\n");
    text.push_str(&row(entry
        .columns
        .iter()
        .map(|(_, value)| value.as_str())
        .collect()));
    text.push_str("\r\n");
    text.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_and_quotes_doubled() {
        let entry = RegisterEntry {
            columns: vec![
                ("A", "een; twee".to_string()),
                ("B", "zei \"ja\"".to_string()),
            ],
        };
        let text = String::from_utf8(csv(&entry)).unwrap_or_default();
        assert_eq!(
            text,
            "\u{feff}\"A\";\"B\"\r\n\"een; twee\";\"zei \"\"ja\"\"\"\r\n"
        );
    }
}
