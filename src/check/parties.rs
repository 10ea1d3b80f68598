//! Rules about the parties: identity, KBO number, signatories, DPO, roles, publication URL.

use std::collections::HashMap;

use super::identifiers::{
    KboProblem, check_establishment_number, check_kbo, establishment_digits, expected_check_digits,
    kbo_digits,
};
use super::{Context, Finding, is_blank, party_name};
use crate::dutch::capitalise;
use crate::model::Step;
use crate::model::{Party, Protocol};

pub(super) fn check(protocol: &Protocol, _context: &Context, findings: &mut Vec<Finding>) {
    check_identity(protocol, findings);
    check_duplicate_kbo(protocol, findings);
    check_duplicate_ids(protocol, findings);
    check_roles(protocol, findings);
    for (index, party) in protocol.parties.iter().enumerate() {
        let name = party_name(protocol, index);
        check_signatories(protocol, index, &name, findings);
        check_dpo(protocol, index, &name, findings);
        check_publication(party, index, &name, findings);
        check_representative(party, index, &name, findings);
    }
}

/// The party clause may name a representative other than the signatories (an interim head
/// signs): a warning, so that someone checks the signatory may sign for the party. A body for
/// whom the signatories sign ("het college …, voor wie tekenen: …") is the usual shape.
fn check_representative(party: &Party, index: usize, name: &str, findings: &mut Vec<Finding>) {
    let representative = party.representative.trim();
    if representative.is_empty() || party.signatories_sign_for_representative {
        return;
    }
    let named = party.signatories.iter().any(|signatory| {
        let signatory = signatory.name.trim();
        !signatory.is_empty() && representative.contains(signatory)
    });
    if !named {
        findings.push(Finding::new(
            "party.representative.differs",
            Step::Parties,
            format!("parties[{index}].representative"),
            format!(
                "De partijclausule noemt ‘{representative}’ als vertegenwoordiger van {name}, \
                 maar die ondertekent niet. Dat kan (bijvoorbeeld een waarnemend leidend \
                 ambtenaar die ondertekent); ga na dat wie ondertekent {name} mag verbinden, of \
                 duid aan dat de ondertekenaars tekenen voor de vertegenwoordiger."
            ),
        ));
    }
}

fn check_identity(protocol: &Protocol, findings: &mut Vec<Finding>) {
    for (index, party) in protocol.parties.iter().enumerate() {
        let name = party_name(protocol, index);
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
        // A group member is defined and described by its group ("hierna samen: …", one
        // legal-status recital for the group).
        let in_group = protocol.group_of(party).is_some();
        for (field, value, what) in required {
            if in_group && matches!(field, "short_name" | "legal_status") {
                continue;
            }
            if is_blank(value) {
                findings.push(Finding::new(
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
            findings.push(Finding::new(
                "party.missing_field",
                Step::Parties,
                format!("parties[{index}].signatories"),
                format!("Geef minstens één ondertekenaar (naam en functie) voor {name}."),
            ));
        }
        if !is_blank(&party.kbo) {
            match check_kbo(&party.kbo) {
                Ok(()) => {}
                Err(KboProblem::Format) => findings.push(Finding::new(
                    "party.kbo.format",
                    Step::Parties,
                    format!("parties[{index}].kbo"),
                    format!(
                        "Het KBO-nummer van {name} (‘{}’) heeft niet de juiste vorm: tien cijfers, \
                         beginnend met 0 of 1, geschreven als 0123.456.789.",
                        party.kbo.trim()
                    ),
                )),
                Err(KboProblem::Checksum) => findings.push(Finding::new(
                    "party.kbo.checksum",
                    Step::Parties,
                    format!("parties[{index}].kbo"),
                    format!(
                        "Het KBO-nummer van {name} (‘{}’) klopt niet: {} Controleer het nummer \
                         in de Kruispuntbank van Ondernemingen; waarschijnlijk is er een \
                         tikfout, misschien in de eerste acht cijfers.",
                        party.kbo.trim(),
                        check_digits_hint(kbo_digits(&party.kbo).as_deref())
                    ),
                )),
            }
        }
        check_establishment(party.establishment_number.trim(), index, &name, findings);
    }
}

/// The optional establishment unit number: its form and check digits.
fn check_establishment(number: &str, index: usize, name: &str, findings: &mut Vec<Finding>) {
    if number.is_empty() {
        return;
    }
    let path = format!("parties[{index}].establishment_number");
    match check_establishment_number(number) {
        Ok(()) => {}
        Err(KboProblem::Format) => findings.push(Finding::new(
            "party.establishment_number.format",
            Step::Parties,
            path,
            format!(
                "Het vestigingsnummer van {name} (‘{number}’) heeft niet de juiste vorm: tien \
                 cijfers, beginnend met een cijfer van 2 tot 8, geschreven als 2.146.484.492. \
                 Een nummer dat met 0 of 1 begint, is een KBO-nummer."
            ),
        )),
        Err(KboProblem::Checksum) => findings.push(Finding::new(
            "party.establishment_number.checksum",
            Step::Parties,
            path,
            format!(
                "Het vestigingsnummer van {name} (‘{number}’) klopt niet: {} Controleer het \
                 nummer in de Kruispuntbank van Ondernemingen; waarschijnlijk is er een tikfout.",
                check_digits_hint(establishment_digits(number).as_deref())
            ),
        )),
    }
}

/// "bij de eerste acht cijfers (06927934) horen de controlecijfers 97, dus de laatste twee
/// cijfers zouden 97 zijn, niet 79."
fn check_digits_hint(digits: Option<&str>) -> String {
    match digits.and_then(|digits| Some((digits, expected_check_digits(digits)?))) {
        Some((digits, expected)) => format!(
            "bij de eerste acht cijfers ({}) horen de controlecijfers {expected:02}, dus de \
             laatste twee cijfers zouden {expected:02} zijn, niet {}.",
            &digits[..8],
            &digits[8..]
        ),
        None => "de controlecijfers passen niet bij de eerste acht cijfers.".to_string(),
    }
}

/// Two parties with the same KBO number are one legal person twice, unless their establishment
/// unit numbers tell them apart: entities of the Flemish government without legal personality
/// (agencies, departments) share the KBO number of the Vlaamse Gemeenschap / Vlaams Gewest.
fn check_duplicate_kbo(protocol: &Protocol, findings: &mut Vec<Finding>) {
    for (index, party) in protocol.parties.iter().enumerate() {
        let Some(digits) = kbo_digits(&party.kbo) else {
            continue;
        };
        let establishment = establishment_key(&party.establishment_number);
        let earlier = protocol.parties[..index].iter().position(|other| {
            kbo_digits(&other.kbo).as_deref() == Some(digits.as_str())
                && establishment_key(&other.establishment_number) == establishment
        });
        let Some(first) = earlier else {
            continue;
        };
        let (this, that) = (party_name(protocol, index), party_name(protocol, first));
        let finding = if establishment.is_empty() {
            Finding::new(
                "party.kbo.duplicate",
                Step::Parties,
                format!("parties[{index}].kbo"),
                format!(
                    "{} heeft hetzelfde KBO-nummer als {that}. Dat klopt voor entiteiten van de \
                     Vlaamse overheid zonder rechtspersoonlijkheid, die het KBO-nummer van de \
                     Vlaamse Gemeenschap of het Vlaams Gewest delen: vul dan van beide partijen \
                     het vestigingsnummer (2.xxx.xxx.xxx) in. Anders is een van beide nummers \
                     fout.",
                    capitalise(&this)
                ),
            )
        } else {
            Finding::new(
                "party.kbo.duplicate",
                Step::Parties,
                format!("parties[{index}].establishment_number"),
                format!(
                    "{} heeft hetzelfde KBO-nummer én hetzelfde vestigingsnummer als {that}. \
                     Elke partij is een andere entiteit: controleer welk nummer fout is.",
                    capitalise(&this)
                ),
            )
        };
        findings.push(finding);
    }
}

/// An establishment number as compared: its digits, else its trimmed text; empty when blank.
fn establishment_key(text: &str) -> String {
    establishment_digits(text).unwrap_or_else(|| text.trim().to_string())
}

fn check_signatories(protocol: &Protocol, index: usize, name: &str, findings: &mut Vec<Finding>) {
    let Some(party) = protocol.parties.get(index) else {
        return;
    };
    // No named signatory at all is `party.missing_field`; here: the incomplete ones beside it.
    let any_named = party.signatories.iter().any(|s| !is_blank(&s.name));
    for (position, signatory) in party.signatories.iter().enumerate() {
        let blank_name = is_blank(&signatory.name);
        if any_named && blank_name && !is_blank(&signatory.function) {
            findings.push(Finding::new(
                "party.signatory.name.missing",
                Step::Parties,
                format!("parties[{index}].signatories[{position}].name"),
                format!(
                    "Vul de naam in van de {} die voor {name} ondertekent, of verwijder deze \
                     ondertekenaar als die niet tekent.",
                    signatory.function.trim()
                ),
            ));
        }
        if !blank_name && is_blank(&signatory.function) {
            findings.push(Finding::new(
                "party.signatory.function.missing",
                Step::Parties,
                format!("parties[{index}].signatories[{position}].function"),
                format!(
                    "Vul de functie in van {} (bijvoorbeeld burgemeester, algemeen directeur, \
                     administrateur-generaal): het handtekeningenblok vermeldt in welke \
                     hoedanigheid hij voor {name} tekent.",
                    signatory.name.trim()
                ),
            ));
        }
    }
}

fn check_dpo(protocol: &Protocol, index: usize, name: &str, findings: &mut Vec<Finding>) {
    let Some(party) = protocol.parties.get(index) else {
        return;
    };
    // One finding per party, naming what is missing: the name, the contact, or both.
    let no_name = is_blank(&party.dpo.name);
    let no_contact = is_blank(&party.dpo.email) && is_blank(&party.dpo.phone);
    let dpo = format!("de functionaris voor gegevensbescherming van {name}");
    let missing = match (no_name, no_contact) {
        (true, true) => Some((
            "name",
            format!(
                "Vul de naam en het e-mailadres in van {dpo}, zodat de andere partijen en de \
                 betrokkenen de DPO kunnen bereiken."
            ),
        )),
        (true, false) => Some((
            "name",
            format!("Vul de naam in van {dpo}: een persoon of de naam van de functiemailbox."),
        )),
        (false, true) => Some((
            "email",
            format!(
                "Vul het e-mailadres (of het telefoonnummer) in van {dpo}, zodat de andere \
                 partijen en de betrokkenen de DPO kunnen bereiken."
            ),
        )),
        (false, false) => None,
    };
    if let Some((field, message)) = missing {
        findings.push(Finding::new(
            "party.dpo.missing",
            Step::Parties,
            format!("parties[{index}].dpo.{field}"),
            message,
        ));
    }
    let email = party.dpo.email.trim();
    if !email.is_empty() && !is_email_address(email) {
        findings.push(Finding::new(
            "party.dpo.email.format",
            Step::Parties,
            format!("parties[{index}].dpo.email"),
            format!(
                "‘{email}’ lijkt geen geldig e-mailadres. Controleer het adres van de \
                 functionaris voor gegevensbescherming van {name}."
            ),
        ));
    }
}

fn check_publication(party: &Party, index: usize, name: &str, findings: &mut Vec<Finding>) {
    let url = party.publication_url.trim();
    let path = format!("parties[{index}].publication_url");
    if url.is_empty() && party.publication_url_not_stated {
        findings.push(Finding::new(
            "transparency.url.missing",
            Step::Clauses,
            path,
            format!(
                "Waar {name} het protocol bekendmaakt, staat als ‘niet vermeld’: het protocol \
                 zegt het niet en de export drukt er niets voor af. Artikel 8, §1, e-govdecreet \
                 verplicht de bekendmaking wel; vul het adres in zodra het bekend is."
            ),
        ));
    } else if url.is_empty() {
        findings.push(Finding::new(
            "transparency.url.missing",
            Step::Clauses,
            path,
            format!(
                "Vul de webpagina in waarop {name} het ondertekende protocol bekendmaakt. \
                 Artikel 8, §1, e-govdecreet verplicht elke partij het protocol op haar website \
                 te publiceren; het adres hoeft niet in het protocol te staan, maar zo vindt een \
                 lezer het terug."
            ),
        ));
    } else if !is_web_address(url) {
        findings.push(Finding::new(
            "transparency.url.format",
            Step::Clauses,
            path,
            format!(
                "‘{url}’ lijkt geen volledig webadres. Schrijf het adres van de pagina waarop \
                 {name} het protocol publiceert voluit, beginnend met https://."
            ),
        ));
    }
}

/// Whether a text looks like an e-mail address: `name@domain.tld`, no spaces.
fn is_email_address(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !text.contains(char::is_whitespace)
}

/// Whether a text looks like a complete web address: `http(s)://host.tld…` with no spaces.
fn is_web_address(url: &str) -> bool {
    let Some(rest) = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
    else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    !url.contains(char::is_whitespace) && host.contains('.') && !host.starts_with('.')
}

fn check_duplicate_ids(protocol: &Protocol, findings: &mut Vec<Finding>) {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (index, party) in protocol.parties.iter().enumerate() {
        let id = party.id.trim();
        if id.is_empty() {
            continue;
        }
        if let Some(first) = seen.get(id) {
            findings.push(Finding::new(
                "party.id.duplicate",
                Step::Parties,
                format!("parties[{index}].id"),
                format!(
                    "{} en {} hebben dezelfde interne sleutel ‘{id}’, zodat de \
                     gegevensstromen niet weten welke partij bedoeld is. Geef elke partij een \
                     eigen sleutel.",
                    capitalise(&party_name(protocol, *first)),
                    party_name(protocol, index)
                ),
            ));
        } else {
            seen.insert(id, index);
        }
    }
}

fn check_roles(protocol: &Protocol, findings: &mut Vec<Finding>) {
    if protocol.parties.is_empty() {
        findings.push(Finding::new(
            "parties.none",
            Step::Parties,
            "parties",
            "Het protocol heeft nog geen partijen. Voeg de verstrekker en de ontvanger(s) toe.",
        ));
        return;
    }
    if !protocol.parties.iter().any(|party| party.roles.provider) {
        findings.push(Finding::new(
            "parties.no_provider",
            Step::Parties,
            "parties",
            "Geen enkele partij is verstrekker. Duid aan welke partij de gegevens meedeelt.",
        ));
    }
    if !protocol.parties.iter().any(|party| party.roles.recipient) {
        findings.push(Finding::new(
            "parties.no_recipient",
            Step::Parties,
            "parties",
            "Geen enkele partij is ontvanger. Duid aan welke partij of partijen de gegevens \
             ontvangen.",
        ));
    }
    // Which parties send and receive in the flows, by id (first party with that id).
    let mut by_id: HashMap<&str, usize> = HashMap::new();
    for (index, party) in protocol.parties.iter().enumerate() {
        by_id.entry(party.id.as_str()).or_insert(index);
    }
    let mut sends = vec![false; protocol.parties.len()];
    let mut receives = vec![false; protocol.parties.len()];
    let mut routes = vec![false; protocol.parties.len()];
    for flow in &protocol.flows {
        if let Some(&index) = by_id.get(flow.from_party.as_str()) {
            sends[index] = true;
        }
        for to in &flow.to_parties {
            if let Some(&index) = by_id.get(to.as_str()) {
                receives[index] = true;
            }
            // A flow to a group reaches every member.
            for (index, _) in protocol.members(to.trim()) {
                receives[index] = true;
            }
        }
        // A party the data pass through receives them too, to route them on.
        if let Some(&index) = by_id.get(flow.via_party.as_str()) {
            routes[index] = true;
        }
    }
    let has_flows = !protocol.flows.is_empty();
    for (index, party) in protocol.parties.iter().enumerate() {
        let name = party_name(protocol, index);
        let path = format!("parties[{index}].roles");
        let roles = party.roles;
        if !roles.provider && !roles.recipient {
            findings.push(Finding::new(
                "party.no_role",
                Step::Parties,
                path.clone(),
                format!(
                    "{} is verstrekker noch ontvanger. Duid de rol aan, of verwijder de partij \
                     als ze niet aan de uitwisseling deelneemt.",
                    capitalise(&name)
                ),
            ));
        }
        if sends[index] && !roles.provider {
            findings.push(Finding::new(
                "party.role_inconsistent",
                Step::Parties,
                path.clone(),
                format!(
                    "{} verstuurt gegevens in een gegevensstroom, maar is niet als verstrekker \
                     aangeduid. Duid de rol ‘verstrekker’ aan of corrigeer de gegevensstroom.",
                    capitalise(&name)
                ),
            ));
        }
        if receives[index] && !roles.recipient {
            findings.push(Finding::new(
                "party.role_inconsistent",
                Step::Parties,
                path.clone(),
                format!(
                    "{} ontvangt gegevens in een gegevensstroom, maar is niet als ontvanger \
                     aangeduid. Duid de rol ‘ontvanger’ aan: dan vermeldt het protocol ook haar \
                     doeleinden en de diensten met toegang.",
                    capitalise(&name)
                ),
            ));
        }
        if has_flows && roles.provider && !sends[index] {
            findings.push(Finding::new(
                "party.role_unused",
                Step::Parties,
                path.clone(),
                format!(
                    "{} is als verstrekker aangeduid, maar verstuurt in geen enkele \
                     gegevensstroom gegevens. Voeg de gegevensstroom toe of schrap de rol.",
                    capitalise(&name)
                ),
            ));
        }
        if has_flows && roles.recipient && !receives[index] && !routes[index] {
            findings.push(Finding::new(
                "party.role_unused",
                Step::Parties,
                path,
                format!(
                    "{} is als ontvanger aangeduid, maar ontvangt in geen enkele \
                     gegevensstroom gegevens. Voeg de partij toe als bestemming van een \
                     gegevensstroom of schrap de rol.",
                    capitalise(&name)
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_addresses_have_one_at_and_a_domain() {
        assert!(is_email_address("dpo@voorbeeldegem.be"));
        assert!(!is_email_address("dpo.voorbeeldegem.be"));
        assert!(!is_email_address("dpo@voorbeeldegem"));
        assert!(!is_email_address("dpo @voorbeeldegem.be"));
        assert!(!is_email_address("a@b@c.be"));
    }

    #[test]
    fn web_addresses_are_complete_http_addresses() {
        assert!(is_web_address("https://www.opgroeien.be"));
        assert!(is_web_address("http://voorbeeldegem.be/privacy?x=1"));
        assert!(!is_web_address("www.opgroeien.be"));
        assert!(!is_web_address("https://localhost"));
        assert!(!is_web_address("https://voorbeeldegem be"));
        assert!(!is_web_address("https://.be"));
    }
}
