//! Rules about the parties: identity, KBO number, signatories, DPO.

use super::identifiers::{KboProblem, check_kbo, kbo_digits};
use super::{Context, Finding, is_blank};
use crate::model::Protocol;
use crate::step::Step;

pub(super) fn check(protocol: &Protocol, _context: &Context, findings: &mut Vec<Finding>) {
    for (index, party) in protocol.parties.iter().enumerate() {
        let name = if is_blank(party.display_name()) {
            format!("partij {}", index + 1)
        } else {
            party.display_name().to_string()
        };
        let required = [
            ("legal_name", &party.legal_name, "de officiële naam"),
            ("kbo", &party.kbo, "het KBO-nummer"),
            ("address", &party.address, "het adres"),
            (
                "short_name",
                &party.short_name,
                "de korte naam (“hierna: …”)",
            ),
            (
                "legal_status",
                &party.legal_status,
                "het juridisch statuut (overweging)",
            ),
        ];
        for (field, value, what) in required {
            if is_blank(value) {
                findings.push(Finding::error(
                    "party.missing_field",
                    Step::Parties,
                    format!("parties[{index}].{field}"),
                    format!("Vul {what} van {name} in."),
                ));
            }
        }
        if party
            .signatories
            .iter()
            .all(|signatory| is_blank(&signatory.name))
        {
            findings.push(Finding::error(
                "party.missing_field",
                Step::Parties,
                format!("parties[{index}].signatories"),
                format!("Geef minstens één ondertekenaar (naam en functie) voor {name}."),
            ));
        }
        if !is_blank(&party.kbo) {
            match check_kbo(&party.kbo) {
                Ok(()) => {}
                Err(KboProblem::Format) => findings.push(Finding::error(
                    "party.kbo.format",
                    Step::Parties,
                    format!("parties[{index}].kbo"),
                    format!(
                        "Het KBO-nummer van {name} (‘{}’) heeft niet de juiste vorm: tien cijfers, \
                         beginnend met 0 of 1, geschreven als 0123.456.789.",
                        party.kbo.trim()
                    ),
                )),
                Err(KboProblem::Checksum) => findings.push(Finding::error(
                    "party.kbo.checksum",
                    Step::Parties,
                    format!("parties[{index}].kbo"),
                    format!(
                        "Het KBO-nummer van {name} (‘{}’) klopt niet: de controlecijfers passen \
                         niet bij de eerste acht cijfers. Controleer het nummer in de \
                         Kruispuntbank van Ondernemingen; waarschijnlijk is er een tikfout.",
                        party.kbo.trim()
                    ),
                )),
            }
        }
    }
    check_duplicate_kbo(protocol, findings);
}

fn check_duplicate_kbo(protocol: &Protocol, findings: &mut Vec<Finding>) {
    for (index, party) in protocol.parties.iter().enumerate() {
        let Some(digits) = kbo_digits(&party.kbo) else {
            continue;
        };
        let earlier = protocol.parties[..index]
            .iter()
            .position(|other| kbo_digits(&other.kbo).as_deref() == Some(digits.as_str()));
        if let Some(first) = earlier {
            findings.push(Finding::error(
                "party.kbo.duplicate",
                Step::Parties,
                format!("parties[{index}].kbo"),
                format!(
                    "Partij {} heeft hetzelfde KBO-nummer als partij {}. Elke partij is een \
                     andere rechtspersoon; controleer welk nummer fout is.",
                    index + 1,
                    first + 1
                ),
            ));
        }
    }
}
