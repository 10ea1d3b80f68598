//! Rules about the protocol's structure: groups of parties (each member in an existing group,
//! a group named, its members alike), and the article list (required articles present, added
//! articles complete, ids unique, references to articles that exist).

use super::{Context, Finding, is_blank, party_name};
use crate::model::{Protocol, StandardArticle, Step, article_references};

pub(super) fn check(protocol: &Protocol, _context: &Context, findings: &mut Vec<Finding>) {
    check_groups(protocol, findings);
    check_articles(protocol, findings);
}

fn check_groups(protocol: &Protocol, findings: &mut Vec<Finding>) {
    for (index, party) in protocol.parties.iter().enumerate() {
        if !is_blank(&party.group) && protocol.group(party.group.trim()).is_none() {
            findings.push(Finding::new(
                "group.unknown",
                Step::Parties,
                format!("parties[{index}].group"),
                format!(
                    "{} hoort bij een groep ‘{}’ die het protocol niet kent. Kies een \
                     bestaande groep of ‘geen groep’.",
                    crate::dutch::capitalise(&party_name(protocol, index)),
                    party.group.trim()
                ),
            ));
        }
    }
    for (index, group) in protocol.groups.iter().enumerate() {
        let members: Vec<_> = protocol.members(&group.id).collect();
        let base = format!("groups[{index}]");
        if members.is_empty() {
            findings.push(Finding::new(
                "group.empty",
                Step::Parties,
                base.clone(),
                format!(
                    "De groep {} heeft geen leden en komt daarom niet in het protocol. Duid bij \
                     de partijen aan wie erbij hoort, of verwijder de groep.",
                    group.name_in_text(index)
                ),
            ));
            continue;
        }
        if is_blank(&group.name) {
            findings.push(Finding::new(
                "group.missing_field",
                Step::Parties,
                format!("{base}.name"),
                "Geef de groep de gezamenlijke naam die de tekst gebruikt (“hierna samen: …”), \
                 bv. ‘private uitbetalingsactoren’.",
            ));
        }
        if is_blank(&group.legal_status) {
            findings.push(Finding::new(
                "group.missing_field",
                Step::Parties,
                format!("{base}.legal_status"),
                format!(
                    "Vul het juridisch statuut van {} in: één overweging voor de hele groep.",
                    group.name_in_text(index)
                ),
            ));
        }
        let first_roles = members[0].1.roles;
        if members.iter().any(|(_, party)| party.roles != first_roles) {
            findings.push(Finding::new(
                "group.roles.differ",
                Step::Parties,
                base.clone(),
                format!(
                    "De leden van {} hebben niet dezelfde rol (verstrekker/ontvanger). De tekst \
                     beschrijft de groep als één geheel; geef de leden dezelfde rol of haal de \
                     afwijkende partij uit de groep.",
                    group.name_in_text(index)
                ),
            ));
        }
    }
}

fn check_articles(protocol: &Protocol, findings: &mut Vec<Finding>) {
    let articles = protocol.article_list();
    if !protocol.articles.is_empty() {
        for kind in StandardArticle::ALL {
            if !kind.is_optional() && !protocol.has_article(kind) {
                findings.push(Finding::new(
                    "articles.required.missing",
                    Step::Clauses,
                    "articles",
                    format!(
                        "Het artikel ‘{}’ ontbreekt. Een protocol moet het bevatten; voeg het \
                         opnieuw toe bij de artikelen.",
                        kind.title()
                    ),
                ));
            }
        }
    }
    for (index, entry) in protocol.articles.iter().enumerate() {
        let number = index + 1;
        let base = format!("articles[{index}]");
        let duplicate = articles[..index]
            .iter()
            .any(|earlier| earlier.id.trim() == entry.id.trim())
            || (entry.standard.is_some()
                && articles[..index]
                    .iter()
                    .any(|earlier| earlier.standard == entry.standard));
        if is_blank(&entry.id) || duplicate {
            findings.push(Finding::new(
                "articles.id.invalid",
                Step::Clauses,
                format!("{base}.id"),
                format!(
                    "Artikel {number} heeft geen eigen sleutel (id) of dezelfde als een ander \
                     artikel: verwijzingen ernaar zijn dan niet eenduidig."
                ),
            ));
        }
        if entry.standard.is_none() {
            if is_blank(&entry.title) {
                findings.push(Finding::new(
                    "articles.added.incomplete",
                    Step::Clauses,
                    format!("{base}.title"),
                    format!("Geef het toegevoegde artikel {number} een titel."),
                ));
            }
            if is_blank(&entry.text) {
                findings.push(Finding::new(
                    "articles.added.incomplete",
                    Step::Clauses,
                    format!("{base}.text"),
                    format!("Schrijf de tekst van het toegevoegde artikel {number}."),
                ));
            }
        }
    }
    super::text::for_each_text(protocol, |field| {
        for id in article_references(field.text) {
            if !articles.iter().any(|entry| entry.id.trim() == id) {
                findings.push(Finding::new(
                    "articles.reference.unknown",
                    field.step,
                    field.path,
                    format!(
                        "Deze tekst verwijst naar een artikel ‘{id}’ dat het protocol niet \
                         heeft; de export schrijft dan ‘artikel [onbekend: {id}]’. Verwijs \
                         naar een bestaand artikel, bv. {{artikel:gegevens}}."
                    ),
                ));
            }
        }
    });
}
