//! Every text field of a protocol, with its path and step, walked by one visitor; and the two
//! rules that read all of them: template placeholders left unfilled and INSZ numbers in text.
//!
//! The visitor is the single list of text fields: a rule that needs "all text" uses it, so a
//! field added to the model is added here once.

use super::identifiers::find_insz;
use super::{Context, Finding};
use crate::model::Protocol;
use crate::model::Step;

/// What kind of text a field holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextKind {
    /// Running text a person writes: may hold anything, so it is searched for INSZ numbers.
    Free,
    /// A code or address (KBO number, e-mail, telephone, URL): only searched for placeholders.
    Code,
}

/// One text field, as the visitor hands it out.
#[derive(Clone, Copy, Debug)]
pub struct TextField<'a> {
    /// The field's path in the check's notation, e.g. `data_items[4].justification`.
    pub path: &'a str,
    /// The wizard step that shows the field.
    pub step: Step,
    /// Whether it is running text or a code.
    pub kind: TextKind,
    /// The text itself.
    pub text: &'a str,
}

/// A path that grows and shrinks as the visitor descends, so no field costs an allocation.
struct PathBuilder {
    path: String,
}

impl PathBuilder {
    fn len(&self) -> usize {
        self.path.len()
    }

    fn field(&mut self, name: &str) -> usize {
        let mark = self.path.len();
        if name.is_empty() {
            return mark;
        }
        if !self.path.is_empty() {
            self.path.push('.');
        }
        self.path.push_str(name);
        mark
    }

    fn index(&mut self, index: usize) -> usize {
        use std::fmt::Write;
        let mark = self.path.len();
        let _ = write!(self.path, "[{index}]");
        mark
    }

    fn truncate(&mut self, mark: usize) {
        self.path.truncate(mark);
    }
}

/// The purposes and recipient texts of a party or a group, under `path` (whose party or group
/// part ends at `mark`).
fn shared_texts(
    path: &mut PathBuilder,
    emit: &mut impl FnMut(&mut PathBuilder, &str, Step, TextKind, &str),
    mark: usize,
    texts: crate::model::SharedTexts<'_>,
) {
    use TextKind::Free;
    for (list, purposes) in [
        ("original_purposes", texts.original_purposes),
        ("processing_purposes", texts.processing_purposes),
    ] {
        for (position, purpose) in purposes.iter().enumerate() {
            path.field(list);
            path.index(position);
            emit(
                path,
                "description",
                Step::Purposes,
                Free,
                &purpose.description,
            );
            emit(
                path,
                "legal_basis",
                Step::Purposes,
                Free,
                &purpose.legal_basis,
            );
            path.truncate(mark);
        }
    }
    for (position, service) in texts.services_with_access.iter().enumerate() {
        path.field("services_with_access");
        path.index(position);
        // The element itself is the field: an empty name adds nothing to the path.
        emit(path, "", Step::Recipients, Free, service);
        path.truncate(mark);
    }
    emit(
        path,
        "need_to_know",
        Step::Recipients,
        Free,
        texts.need_to_know,
    );
    emit(
        path,
        "onward_disclosure",
        Step::Recipients,
        Free,
        texts.onward_disclosure,
    );
    for (position, processor) in texts.processors.iter().enumerate() {
        path.field("processors");
        path.index(position);
        emit(path, "name", Step::Recipients, Free, &processor.name);
        emit(path, "task", Step::Recipients, Free, &processor.task);
        path.truncate(mark);
    }
}

/// Calls `visit` for every text field of the protocol that a person writes (ids and references
/// such as `flows[0].from_party` and the template's own description are left out), in document
/// order, with its path and step. Empty fields are visited too.
pub fn for_each_text(protocol: &Protocol, mut visit: impl FnMut(TextField<'_>)) {
    let mut path = PathBuilder {
        path: String::with_capacity(64),
    };
    let mut emit = |path: &mut PathBuilder, name: &str, step: Step, kind: TextKind, text: &str| {
        let mark = path.field(name);
        visit(TextField {
            path: &path.path,
            step,
            kind,
            text,
        });
        path.truncate(mark);
    };
    use TextKind::{Code, Free};

    let mark = path.field("title");
    emit(
        &mut path,
        "context",
        Step::Context,
        Free,
        &protocol.title.context,
    );
    emit(
        &mut path,
        "short_title",
        Step::Context,
        Free,
        &protocol.title.short_title,
    );
    path.truncate(mark);

    for (index, party) in protocol.parties.iter().enumerate() {
        let outer = path.field("parties");
        path.index(index);
        let party_mark = path.len();
        for (name, kind, text) in [
            ("legal_name", Free, &party.legal_name),
            ("kbo", Code, &party.kbo),
            ("establishment_number", Code, &party.establishment_number),
            ("address", Free, &party.address),
            ("short_name", Free, &party.short_name),
            ("legal_status", Free, &party.legal_status),
        ] {
            emit(&mut path, name, Step::Parties, kind, text);
        }
        for (position, signatory) in party.signatories.iter().enumerate() {
            path.field("signatories");
            path.index(position);
            emit(&mut path, "name", Step::Parties, Free, &signatory.name);
            emit(
                &mut path,
                "function",
                Step::Parties,
                Free,
                &signatory.function,
            );
            path.truncate(party_mark);
        }
        path.field("dpo");
        emit(&mut path, "name", Step::Parties, Free, &party.dpo.name);
        emit(&mut path, "email", Step::Parties, Code, &party.dpo.email);
        emit(&mut path, "phone", Step::Parties, Code, &party.dpo.phone);
        path.truncate(party_mark);
        path.field("dpo_advice");
        emit(
            &mut path,
            "remarks",
            Step::Advice,
            Free,
            &party.dpo_advice.remarks,
        );
        path.truncate(party_mark);
        shared_texts(&mut path, &mut emit, party_mark, party.shared_texts());
        emit(
            &mut path,
            "publication_url",
            Step::Clauses,
            Code,
            &party.publication_url,
        );
        path.truncate(outer);
    }

    for (index, group) in protocol.groups.iter().enumerate() {
        let outer = path.field("groups");
        path.index(index);
        let group_mark = path.len();
        emit(&mut path, "name", Step::Parties, Free, &group.name);
        emit(
            &mut path,
            "legal_status",
            Step::Parties,
            Free,
            &group.legal_status,
        );
        shared_texts(&mut path, &mut emit, group_mark, group.shared_texts());
        path.truncate(outer);
    }

    let mark = path.field("recitals");
    for (name, text) in [
        ("context", &protocol.recitals.context),
        ("planned_flow", &protocol.recitals.planned_flow),
        ("service_integrator", &protocol.recitals.service_integrator),
        ("intent", &protocol.recitals.intent),
    ] {
        emit(&mut path, name, Step::Context, Free, text);
    }
    path.truncate(mark);

    for (index, flow) in protocol.flows.iter().enumerate() {
        let outer = path.field("flows");
        path.index(index);
        let flow_mark = path.len();
        for (name, text) in [
            ("name", &flow.name),
            ("description", &flow.description),
            ("channel_detail", &flow.channel_detail),
            ("service_integrator", &flow.service_integrator),
        ] {
            emit(&mut path, name, Step::Context, Free, text);
        }
        path.field("periodicity");
        emit(
            &mut path,
            "detail",
            Step::Periodicity,
            Free,
            &flow.periodicity.detail,
        );
        path.truncate(flow_mark);
        emit(
            &mut path,
            "justification",
            Step::Periodicity,
            Free,
            &flow.justification,
        );
        path.truncate(outer);
    }

    emit(
        &mut path,
        "compatibility",
        Step::Purposes,
        Free,
        &protocol.compatibility,
    );
    emit(
        &mut path,
        "identifier",
        Step::Data,
        Free,
        &protocol.identifier,
    );
    for (index, item) in protocol.data_items.iter().enumerate() {
        let outer = path.field("data_items");
        path.index(index);
        for (name, text) in [
            ("description", &item.description),
            ("justification", &item.justification),
            ("purpose", &item.purpose),
            ("retention", &item.retention),
            (
                "special_category_justification",
                &item.special_category_justification,
            ),
        ] {
            emit(&mut path, name, Step::Data, Free, text);
        }
        path.truncate(outer);
    }
    emit(
        &mut path,
        "retention",
        Step::Data,
        Free,
        &protocol.retention,
    );

    let mark = path.field("term");
    emit(
        &mut path,
        "description",
        Step::Periodicity,
        Free,
        &protocol.term.description,
    );
    emit(
        &mut path,
        "justification",
        Step::Periodicity,
        Free,
        &protocol.term.justification,
    );
    path.truncate(mark);

    let mark = path.field("security");
    for (index, measure) in protocol.security.measures.iter().enumerate() {
        let inner = path.field("measures");
        path.index(index);
        emit(&mut path, "text", Step::Security, Free, &measure.text);
        path.truncate(inner);
    }
    emit(
        &mut path,
        "additional_text",
        Step::Security,
        Free,
        &protocol.security.additional_text,
    );
    path.truncate(mark);

    emit(
        &mut path,
        "data_subject_rights",
        Step::Recipients,
        Free,
        &protocol.data_subject_rights,
    );

    let clauses = &protocol.clauses;
    for (index, shared) in protocol.shared_processors.iter().enumerate() {
        let outer = path.field("shared_processors");
        path.index(index);
        path.field("processor");
        emit(
            &mut path,
            "name",
            Step::Recipients,
            Free,
            &shared.processor.name,
        );
        emit(
            &mut path,
            "task",
            Step::Recipients,
            Free,
            &shared.processor.task,
        );
        path.truncate(outer);
    }

    let mark = path.field("clauses");
    for (name, text) in [
        ("data_quality", &clauses.data_quality),
        ("sanction", &clauses.sanction),
        ("notification", &clauses.notification),
        ("transparency", &clauses.transparency),
        ("law_and_disputes", &clauses.law_and_disputes),
        ("entry_into_force", &clauses.entry_into_force),
    ] {
        emit(&mut path, name, Step::Clauses, Free, text);
    }
    path.truncate(mark);

    for (index, entry) in protocol.articles.iter().enumerate() {
        let outer = path.field("articles");
        path.index(index);
        emit(&mut path, "title", Step::Clauses, Free, &entry.title);
        emit(&mut path, "text", Step::Clauses, Free, &entry.text);
        path.truncate(outer);
    }

    let mark = path.field("signing");
    emit(
        &mut path,
        "place",
        Step::Signing,
        Free,
        &protocol.signing.place,
    );
    path.truncate(mark);
    for (index, annex) in protocol.annexes.iter().enumerate() {
        let outer = path.field("annexes");
        path.index(index);
        emit(&mut path, "title", Step::Signing, Free, &annex.title);
        emit(
            &mut path,
            "description",
            Step::Signing,
            Free,
            &annex.description,
        );
        path.truncate(outer);
    }

    if let Some(case) = &protocol.municipal {
        let mark = path.field("municipal");
        emit(&mut path, "data_use", Step::Municipal, Free, &case.data_use);
        emit(
            &mut path,
            "financial_scenario",
            Step::Municipal,
            Free,
            &case.financial_scenario,
        );
        let inner = path.field("college_decision");
        emit(
            &mut path,
            "reference",
            Step::Municipal,
            Free,
            &case.college_decision.reference,
        );
        emit(
            &mut path,
            "body",
            Step::Municipal,
            Free,
            &case.college_decision.body,
        );
        path.truncate(inner);
        for (name, confirmation) in [
            ("key_exchange", &case.key_exchange),
            ("destruction", &case.destruction),
            ("security_policy", &case.security_policy),
            ("processing_register", &case.processing_register),
            ("information_duty", &case.information_duty),
        ] {
            let inner = path.field(name);
            emit(
                &mut path,
                "detail",
                Step::Municipal,
                Free,
                &confirmation.detail,
            );
            path.truncate(inner);
        }
        path.truncate(mark);
    }
}

/// Whether a text holds a template placeholder: a «…» that was meant to be replaced.
pub(crate) fn has_placeholder(text: &str) -> bool {
    text.find('«')
        .is_some_and(|start| text[start..].contains('»'))
}

pub(super) fn check(protocol: &Protocol, _context: &Context, findings: &mut Vec<Finding>) {
    for_each_text(protocol, |field| {
        if has_placeholder(field.text) {
            findings.push(Finding::new(
                "template.placeholder",
                field.step,
                field.path,
                format!(
                    "Dit veld bevat nog een invulveld van het sjabloon ({}). Vervang het door de \
                     tekst die voor dit protocol geldt.",
                    placeholder_excerpt(field.text)
                ),
            ));
        }
        if field.kind == TextKind::Free && !field.text.is_empty() {
            let found = find_insz(field.text);
            if !found.is_empty() {
                findings.push(Finding::new(
                    "text.contains_insz",
                    field.step,
                    field.path,
                    format!(
                        "Dit veld bevat {} dat een geldig rijksregisternummer (INSZ) lijkt. Een \
                         protocol beschrijft welke gegevens worden uitgewisseld, maar bevat nooit \
                         het nummer van een burger: verwijder het of vervang het door een \
                         omschrijving.",
                        if found.len() == 1 {
                            "een nummer".to_string()
                        } else {
                            format!("{} nummers", found.len())
                        }
                    ),
                ));
            }
        }
    });
}

/// The first placeholder in a text, quoted, at most 60 characters.
fn placeholder_excerpt(text: &str) -> String {
    let Some(start) = text.find('«') else {
        return String::new();
    };
    let rest = &text[start..];
    let end = rest
        .find('»')
        .map_or(rest.len(), |end| end + '»'.len_utf8());
    let excerpt: String = rest[..end].chars().take(60).collect();
    if excerpt.len() < end {
        format!("{excerpt}…")
    } else {
        excerpt
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::template;

    fn fields(protocol: &Protocol) -> Vec<(String, Step, TextKind, String)> {
        let mut out = Vec::new();
        for_each_text(protocol, |field| {
            out.push((
                field.path.to_string(),
                field.step,
                field.kind,
                field.text.to_string(),
            ));
        });
        out
    }

    #[test]
    fn the_visitor_gives_each_field_once_with_its_path_and_step() {
        let protocol = template::new_protocol(template::DEFAULT_TEMPLATE).unwrap();
        let visited = fields(&protocol);
        let paths: HashSet<&str> = visited.iter().map(|(path, ..)| path.as_str()).collect();
        assert_eq!(paths.len(), visited.len(), "a path is visited twice");
        assert!(
            visited
                .iter()
                .all(|(path, ..)| !path.starts_with('.') && !path.contains(".."))
        );
        let find = |wanted: &str| {
            visited
                .iter()
                .find(|(path, ..)| path == wanted)
                .unwrap_or_else(|| panic!("{wanted} not visited"))
        };
        let (_, step, kind, text) = find("parties[0].signatories[0].name");
        assert_eq!(
            (*step, *kind, text.as_str()),
            (Step::Parties, TextKind::Free, "Leo Van Loo")
        );
        assert_eq!(find("parties[0].kbo").2, TextKind::Code);
        assert_eq!(
            find("parties[0].services_with_access[1]").1,
            Step::Recipients
        );
        assert_eq!(
            find("parties[0].original_purposes[1].legal_basis").1,
            Step::Purposes
        );
        assert_eq!(find("parties[1].dpo_advice.remarks").1, Step::Advice);
        assert_eq!(find("flows[1].periodicity.detail").1, Step::Periodicity);
        assert_eq!(find("flows[0].channel_detail").1, Step::Context);
        assert_eq!(find("data_items[2].justification").1, Step::Data);
        assert_eq!(find("security.measures[5].text").1, Step::Security);
        assert_eq!(find("clauses.entry_into_force").1, Step::Clauses);
        assert_eq!(find("annexes[0].title").1, Step::Signing);
        assert_eq!(find("municipal.information_duty.detail").1, Step::Municipal);
        assert_eq!(
            find("title.context").3,
            protocol.title.context,
            "the text is the field's own"
        );
        // Ids and references are not text a person writes.
        assert!(!paths.contains("parties[0].id"));
        assert!(!paths.iter().any(|path| path.contains("from_party")));
    }

    #[test]
    fn without_a_municipal_case_no_municipal_field_is_visited() {
        let mut protocol = template::new_protocol(template::DEFAULT_TEMPLATE).unwrap();
        protocol.municipal = None;
        assert!(
            !fields(&protocol)
                .iter()
                .any(|(path, ..)| path.starts_with("municipal"))
        );
    }

    #[test]
    fn placeholders_need_both_guillemets() {
        assert!(has_placeholder("Gemeente «naam»"));
        assert!(has_placeholder("«…»"));
        assert!(!has_placeholder("een citaat «zonder einde"));
        assert!(!has_placeholder("» omgekeerd «"));
        assert_eq!(placeholder_excerpt("x «naam» y"), "«naam»");
        let long = format!("«{}»", "a".repeat(100));
        assert!(placeholder_excerpt(&long).ends_with('…'));
    }
}
