//! Rules about the review record: open comments, step verdicts, and advice or approval given
//! on content that has changed since.

use super::{Context, Finding};
use crate::model::Step;
use crate::model::fingerprint;
use crate::model::labels::path_label_in;
use crate::model::{Protocol, VerdictKind};

pub(super) fn check(protocol: &Protocol, _context: &Context, findings: &mut Vec<Finding>) {
    for (index, comment) in protocol.review.comments.iter().enumerate() {
        if comment.resolved.is_some() {
            continue;
        }
        let place = if comment.path.is_empty() {
            String::new()
        } else {
            format!(" over ‘{}’", path_label_in(protocol, &comment.path))
        };
        findings.push(Finding::new(
            "review.open_comment",
            comment.step.unwrap_or(Step::Export),
            if comment.path.is_empty() {
                format!("review.comments[{index}]")
            } else {
                comment.path.clone()
            },
            format!(
                "Opmerking {} van {}{place} is nog open: {} Pas het protocol aan en markeer \
                 de opmerking als afgehandeld.",
                comment.id,
                non_empty(&comment.author.name, "een nazichter"),
                crate::dutch::quoted_sentence(&shorten(&comment.text))
            ),
        ));
    }
    for (index, verdict) in protocol.review.verdicts.iter().enumerate() {
        let Some(step) = verdict.step else { continue };
        let path = format!("review.verdicts[{index}]");
        match verdict.kind {
            VerdictKind::Acceptable => {}
            VerdictKind::ToCorrect => findings.push(Finding::new(
                "review.step_to_correct",
                step,
                path,
                format!(
                    "{} beoordeelde deze stap als ‘te corrigeren’: {} Verbeter de stap en \
                     vraag een nieuwe beoordeling.",
                    non_empty(&verdict.by.name, "De nazichter"),
                    crate::dutch::quoted_sentence(&shorten(&verdict.comment))
                ),
            )),
            VerdictKind::Improvable => findings.push(Finding::new(
                "review.step_to_improve",
                step,
                path,
                format!(
                    "{} beoordeelde deze stap als ‘te verbeteren’: {}",
                    non_empty(&verdict.by.name, "De nazichter"),
                    crate::dutch::quoted_sentence(&shorten(&verdict.comment))
                ),
            )),
        }
    }
    // Text an import could not place: the reviewer must see it, or it is lost silently.
    if let Some(record) = &protocol.review.import {
        for (index, unplaced) in record.unplaced.iter().enumerate() {
            findings.push(Finding::new(
                "import.unplaced",
                step_of_section(&unplaced.section),
                format!("review.import.unplaced[{index}]"),
                format!(
                    "Bij het importeren kreeg tekst uit ‘{}’ ({}) geen veld: {} Zet hem in het \
                     juiste veld of laat hem bewust weg (zie ‘Beoordeling’ › ‘Niet geplaatst’).",
                    unplaced.section,
                    unplaced.origin,
                    crate::dutch::quoted_sentence(&shorten(&unplaced.text))
                ),
            ));
        }
    }
    // The fingerprint costs a pass over the whole content: compute it only when some advice or
    // approval recorded one to compare with.
    let recorded = protocol
        .parties
        .iter()
        .any(|party| !party.dpo_advice.fingerprint.is_empty())
        || protocol.review.approval.is_some();
    if !recorded {
        return;
    }
    let current = fingerprint::fingerprint(protocol);
    for (index, party) in protocol.parties.iter().enumerate() {
        let given_on = &party.dpo_advice.fingerprint;
        if !given_on.is_empty() && *given_on != current {
            findings.push(Finding::new(
                "review.advice_outdated",
                Step::Advice,
                format!("parties[{index}].dpo_advice"),
                format!(
                    "De DPO van {} gaf advies op een eerdere versie (vingerafdruk {}); de inhoud \
                     is sindsdien gewijzigd. Bekijk de wijzigingen en vraag zo nodig een nieuw \
                     advies.",
                    non_empty(party.display_name(), &format!("partij {}", index + 1)),
                    fingerprint::short_form(given_on)
                ),
            ));
        }
    }
    if let Some(approval) = &protocol.review.approval
        && approval.fingerprint != current
    {
        findings.push(Finding::new(
            "review.approval_outdated",
            Step::Export,
            "review.approval".to_string(),
            format!(
                "De goedkeuring door {} gold voor een eerdere versie (vingerafdruk {}); de inhoud \
                 is sindsdien gewijzigd. Het document is weer een ontwerp: laat het opnieuw \
                 goedkeuren.",
                non_empty(&approval.by.name, "Opgroeien"),
                fingerprint::short_form(&approval.fingerprint)
            ),
        ));
    }
}

fn non_empty<'a>(text: &'a str, fallback: &'a str) -> &'a str {
    if text.trim().is_empty() {
        fallback
    } else {
        text.trim()
    }
}

/// The step a part of an imported document belongs to: an article by its title, the
/// recitals to the context, the closing to the signing.
fn step_of_section(section: &str) -> Step {
    match section {
        "Titel" | "Overwegingen" => Step::Context,
        "Partijen" => Step::Parties,
        "Slot en handtekeningen" => Step::Signing,
        _ => crate::model::StandardArticle::from_title(section)
            .map_or(Step::Export, |kind| kind.step()),
    }
}

fn shorten(text: &str) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() > 160 {
        format!("{}…", one_line.chars().take(157).collect::<String>())
    } else {
        one_line
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::check::check as run_check;
    use crate::model::{Approval, Person, Role};
    use crate::review;

    fn context() -> Context {
        Context {
            today: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
        }
    }

    fn rules(protocol: &Protocol) -> Vec<(&'static str, String)> {
        run_check(protocol, &context())
            .into_iter()
            .filter(|finding| finding.rule.starts_with("review."))
            .map(|finding| (finding.rule, finding.path))
            .collect()
    }

    fn dpo() -> Person {
        Person {
            name: "Dirk".into(),
            role: Role::Dpo,
            organisation: String::new(),
        }
    }

    #[test]
    fn open_comments_are_findings_until_resolved() {
        let mut protocol = Protocol::default();
        let when = NaiveDate::from_ymd_opt(2026, 3, 1)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap();
        let id = review::add_comment(
            &mut protocol,
            &dpo(),
            when,
            Step::Data,
            "data_items[0].justification",
            "Te vaag",
        )
        .unwrap();
        assert_eq!(
            rules(&protocol),
            vec![(
                "review.open_comment",
                "data_items[0].justification".to_string()
            )]
        );
        review::resolve_comment(&mut protocol, id, &dpo(), when, "").unwrap();
        assert!(rules(&protocol).is_empty());
    }

    #[test]
    fn verdicts_to_correct_are_errors_and_to_improve_warnings() {
        let mut protocol = Protocol::default();
        let when = NaiveDate::from_ymd_opt(2026, 3, 1)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap();
        review::set_verdict(
            &mut protocol,
            Step::Data,
            VerdictKind::ToCorrect,
            "Gegeven 2 schrappen",
            &dpo(),
            when,
        )
        .unwrap();
        review::set_verdict(
            &mut protocol,
            Step::Security,
            VerdictKind::Improvable,
            "Logging toevoegen",
            &dpo(),
            when,
        )
        .unwrap();
        let findings = run_check(&protocol, &context());
        let to_correct = findings
            .iter()
            .find(|f| f.rule == "review.step_to_correct")
            .unwrap();
        assert_eq!(
            (to_correct.step, to_correct.severity),
            (Step::Data, super::super::Severity::Fout)
        );
        let to_improve = findings
            .iter()
            .find(|f| f.rule == "review.step_to_improve")
            .unwrap();
        assert_eq!(to_improve.step, Step::Security);
        review::set_verdict(
            &mut protocol,
            Step::Data,
            VerdictKind::Acceptable,
            "",
            &dpo(),
            when,
        )
        .unwrap();
        assert!(
            rules(&protocol)
                .iter()
                .all(|(rule, _)| *rule != "review.step_to_correct")
        );
    }

    #[test]
    fn outdated_advice_and_approval_are_found() {
        let mut protocol = Protocol::default();
        protocol.parties.push(Default::default());
        let current = fingerprint::fingerprint(&protocol);
        protocol.parties[0].dpo_advice.fingerprint = current.clone();
        protocol.review.approval = Some(Approval {
            fingerprint: current,
            ..Approval::default()
        });
        assert!(rules(&protocol).is_empty());
        protocol.retention = "Een jaar.".into();
        assert_eq!(
            rules(&protocol),
            vec![
                (
                    "review.advice_outdated",
                    "parties[0].dpo_advice".to_string()
                ),
                ("review.approval_outdated", "review.approval".to_string()),
            ]
        );
    }
}
