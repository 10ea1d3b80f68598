//! The check on whole protocols: the shipped Opgroeien template reports only the
//! municipality's gaps, the fixtures and the stress protocol behave as their documents do, real
//! KBO numbers pass, and the check never panics on arbitrary protocols.

#![allow(clippy::unwrap_used)] // tests may unwrap: a failure is the test failing

mod common;

use std::collections::BTreeSet;

use chrono::NaiveDate;
use proptest::prelude::*;
use protocolwijzer::check::{self, Context, Finding, Severity};
use protocolwijzer::model::Protocol;
use protocolwijzer::model::Step;
use protocolwijzer::template;

fn context() -> Context {
    Context {
        today: NaiveDate::from_ymd_opt(2026, 6, 1).unwrap(),
    }
}

/// Every finding's rule is in the catalogue, with the catalogue's severity, and says something.
fn assert_catalogued(findings: &[Finding]) {
    for finding in findings {
        let rule = check::find_rule(finding.rule)
            .unwrap_or_else(|| panic!("rule {} is not in check::RULES", finding.rule));
        assert_eq!(finding.severity, rule.severity, "{finding:?}");
        assert_eq!(finding.ground(), rule.ground, "{finding:?}");
        assert!(!finding.path.is_empty(), "{finding:?}");
        assert!(!finding.message.trim().is_empty(), "{finding:?}");
    }
}

#[test]
fn the_opgroeien_template_reports_only_the_municipality_s_gaps() {
    let protocol = template::new_protocol(template::DEFAULT_TEMPLATE).unwrap();
    let findings = check::check(&protocol, &context());
    assert_catalogued(&findings);
    // Open at draft time: the advice of both DPOs and the signing.
    let open_at_draft_time = |finding: &Finding| {
        finding.step == Step::Advice
            || finding.step == Step::Signing
            || finding.path.contains(".dpo_advice.")
            || finding.path.starts_with("signing.")
    };
    let about_fixed_content: Vec<&Finding> = findings
        .iter()
        .filter(|finding| template::is_locked(&protocol, &finding.path))
        .filter(|finding| !open_at_draft_time(finding))
        .collect();
    assert!(
        about_fixed_content.is_empty(),
        "findings about Opgroeien's fixed content: {about_fixed_content:#?}"
    );
    // Nothing about Opgroeien's own party except its advice.
    assert!(
        findings
            .iter()
            .filter(|finding| finding.path.starts_with("parties[0]"))
            .all(open_at_draft_time),
        "{findings:#?}"
    );
    // And the municipality's gaps are all reported.
    let found: BTreeSet<(&str, &str)> = findings
        .iter()
        .map(|finding| (finding.rule, finding.path.as_str()))
        .collect();
    for expected in [
        ("party.missing_field", "parties[1].legal_name"),
        ("party.missing_field", "parties[1].kbo"),
        ("party.missing_field", "parties[1].signatories"),
        ("party.dpo.missing", "parties[1].dpo.name"),
        ("purpose.missing", "parties[1].processing_purposes"),
        ("recipients.missing", "parties[1].services_with_access"),
        ("transparency.url.missing", "parties[1].publication_url"),
        ("flow.missing_field", "flows[0].channel"),
        ("dpo_advice.missing", "parties[1].dpo_advice.date"),
        ("municipal.data_use.missing", "municipal.data_use"),
        (
            "municipal.financial_scenario.missing",
            "municipal.financial_scenario",
        ),
        (
            "municipal.college_decision.missing",
            "municipal.college_decision.date",
        ),
        ("municipal.channel.missing", "flows[0].channel"),
        (
            "municipal.key_exchange.missing",
            "municipal.key_exchange.confirmed",
        ),
        (
            "gdpr.security_policy.missing",
            "municipal.security_policy.confirmed",
        ),
        (
            "gdpr.processing_register.missing",
            "municipal.processing_register.confirmed",
        ),
        (
            "gdpr.information_duty.missing",
            "municipal.information_duty.confirmed",
        ),
        ("signing.missing", "signing.date"),
    ] {
        assert!(found.contains(&expected), "{expected:?} not in {found:#?}");
    }
    // The messages name the municipality by its role while its name is still empty.
    assert!(
        findings
            .iter()
            .any(|finding| finding.message.contains("het lokaal bestuur"))
    );
}

#[test]
fn the_empty_template_has_errors_but_no_placeholder_or_insz_findings() {
    let protocol = template::new_protocol("leeg-protocol").unwrap();
    let findings = check::check(&protocol, &context());
    assert_catalogued(&findings);
    assert!(check::has_errors(&findings));
    assert!(
        !findings
            .iter()
            .any(|f| f.rule == "text.contains_insz" || f.rule.starts_with("municipal."))
    );
}

#[test]
fn the_complete_opgroeien_fixture_gives_no_error() {
    let protocol = common::fixture("opgroeien-gemeente-ingevuld.ron");
    let findings = check::check(&protocol, &context());
    assert!(!check::has_errors(&findings), "{findings:#?}");
    assert!(
        check::summary(&findings)
            .iter()
            .all(|(_, counts)| counts.is_complete())
    );
}

#[test]
fn every_fixture_gives_only_catalogued_findings() {
    for name in [
        "opgroeien-gemeente-ingevuld.ron",
        "vutg-opgroeien-2025.ron",
        "agodi-kind-en-gezin.ron",
        "zeven-partijen.ron",
    ] {
        let findings = check::check(&common::fixture(name), &context());
        assert_catalogued(&findings);
        assert!(
            !findings
                .iter()
                .any(|f| f.rule.starts_with("party.kbo") || f.rule == "text.contains_insz"),
            "{name}: {findings:#?}"
        );
    }
}

#[test]
fn the_signed_reference_protocol_gives_no_error() {
    // A faithful entry of reference/002 (signed on 13 February 2025): what the signed text does
    // not state (the advice outcomes, the processor agreement of the possible external
    // researchers, the VUTG's services for the INSZ list it answers) is no error.
    let findings = check::check(&common::fixture("vutg-opgroeien-2025.ron"), &context());
    assert!(!check::has_errors(&findings), "{findings:#?}");
    let rules: BTreeSet<&str> = findings.iter().map(|f| f.rule).collect();
    assert!(rules.contains("processors.no_agreement"), "{rules:?}");
    assert!(!rules.contains("recipients.missing"), "{rules:?}");
}

/// Regression guard for the calibration of issue 14: errors only for what makes a protocol
/// unlawful or unsignable; what signed protocols routinely leave out is a warning. Each line
/// is a decision documented in docs/RULES.md.
#[test]
fn severities_are_calibrated_to_signed_protocols() {
    let expected = [
        // Signed protocols routinely leave these out: warnings.
        ("party.kbo.duplicate", Severity::Waarschuwing),
        ("party.dpo.missing", Severity::Waarschuwing),
        ("recital.missing", Severity::Waarschuwing),
        ("data_item.no_flow", Severity::Waarschuwing),
        ("processors.no_agreement", Severity::Waarschuwing),
        ("dpo_advice.outcome.missing", Severity::Waarschuwing),
        ("dpo_advice.conditions", Severity::Waarschuwing),
        ("transparency.url.missing", Severity::Waarschuwing),
        // Unlawful or unsignable: errors.
        ("purpose.missing", Severity::Fout),
        ("legal_basis.missing", Severity::Fout),
        ("data_item.justification.missing", Severity::Fout),
        ("data_item.special_category.unjustified", Severity::Fout),
        ("retention.missing", Severity::Fout),
        ("security.none", Severity::Fout),
        ("dpo_advice.missing", Severity::Fout),
        ("dpo_advice.after_signing", Severity::Fout),
        ("recipients.missing", Severity::Fout),
        ("party.kbo.checksum", Severity::Fout),
        ("template.placeholder", Severity::Fout),
        ("review.approval_outdated", Severity::Fout),
    ];
    for (id, severity) in expected {
        let rule = check::find_rule(id).unwrap();
        assert_eq!(rule.severity, severity, "{id}");
    }
}

#[test]
fn the_seven_party_protocol_is_complete() {
    // One provider, six recipients, three flows: the shape the check must handle cleanly.
    let findings = check::check(&common::fixture("zeven-partijen.ron"), &context());
    assert!(!check::has_errors(&findings), "{findings:#?}");
}

#[test]
fn real_kbo_numbers_pass_and_typos_fail_in_the_check() {
    // reference/002: VUTG 0692.793.497 (6927934 mod 97 = 0, so the check digits are 97) and
    // Opgroeien regie 0886.886.638.
    let mut protocol = common::fixture("vutg-opgroeien-2025.ron");
    let kbo_rules = |protocol: &Protocol| -> Vec<(String, &'static str)> {
        check::check(protocol, &context())
            .into_iter()
            .filter(|f| f.rule.starts_with("party.kbo"))
            .map(|f| (f.path, f.rule))
            .collect()
    };
    protocol.parties[0].kbo = "0692.793.497".into();
    protocol.parties[1].kbo = "0886.886.638".into();
    assert_eq!(kbo_rules(&protocol), vec![]);
    protocol.parties[0].kbo = "0692.793.479".into();
    protocol.parties[1].kbo = "0886.886.6380".into();
    assert_eq!(
        kbo_rules(&protocol),
        vec![
            ("parties[0].kbo".to_string(), "party.kbo.checksum"),
            ("parties[1].kbo".to_string(), "party.kbo.format"),
        ]
    );
    // The checksum message says which check digits the number should have.
    let checksum = check::check(&protocol, &context())
        .into_iter()
        .find(|f| f.rule == "party.kbo.checksum")
        .unwrap();
    assert!(
        checksum.message.contains(
            "horen de controlecijfers 97, dus de laatste twee cijfers zouden 97 zijn, niet 79."
        ),
        "{}",
        checksum.message
    );
}

#[test]
fn flemish_entities_share_a_kbo_number_and_differ_by_establishment_number() {
    // Both agencies of reference/002 on the KBO number of one legal person, as entities without
    // legal personality are registered.
    let mut protocol = common::fixture("vutg-opgroeien-2025.ron");
    protocol.parties[0].kbo = "0886.886.638".into();
    let duplicates = |protocol: &Protocol| -> Vec<(String, Severity)> {
        check::check(protocol, &context())
            .into_iter()
            .filter(|f| f.rule == "party.kbo.duplicate")
            .map(|f| (f.path, f.severity))
            .collect()
    };
    assert_eq!(
        duplicates(&protocol),
        vec![("parties[1].kbo".to_string(), Severity::Waarschuwing)]
    );
    protocol.parties[0].establishment_number = "2.146.484.492".into();
    protocol.parties[1].establishment_number = "2.000.000.042".into();
    assert_eq!(duplicates(&protocol), vec![]);
    protocol.parties[1].establishment_number = "2.146.484.492".into();
    assert_eq!(
        duplicates(&protocol),
        vec![(
            "parties[1].establishment_number".to_string(),
            Severity::Waarschuwing
        )]
    );
    // A typo in the establishment number gives the check digits it should have.
    protocol.parties[1].establishment_number = "2.000.000.024".into();
    let typo = check::check(&protocol, &context())
        .into_iter()
        .find(|f| f.rule == "party.establishment_number.checksum")
        .unwrap();
    assert_eq!(typo.severity, Severity::Fout);
    assert!(
        typo.message.contains("zouden 42 zijn, niet 24."),
        "{}",
        typo.message
    );
}

#[test]
fn the_stress_protocol_is_clean() {
    let protocol = common::stress::stress_protocol();
    let findings = check::check(&protocol, &context());
    assert!(findings.is_empty(), "{findings:#?}");
}

/// Regression guard for the copied-justification rule on many items: one finding per copy,
/// pointing at the copy, each naming the first item.
#[test]
fn copied_justifications_are_reported_per_copy() {
    let mut protocol = common::stress::stress_protocol();
    let text = protocol.data_items[0].justification.clone();
    for item in &mut protocol.data_items[1..5] {
        item.justification = text.clone();
    }
    let findings = check::check(&protocol, &context());
    let copies: Vec<&str> = findings
        .iter()
        .filter(|f| f.rule == "data_item.justification.copied")
        .map(|f| f.path.as_str())
        .collect();
    assert_eq!(
        copies,
        [
            "data_items[1].justification",
            "data_items[2].justification",
            "data_items[3].justification",
            "data_items[4].justification",
        ]
    );
    assert!(
        findings
            .iter()
            .filter(|f| f.rule == "data_item.justification.copied")
            .all(|f| f.message.contains("gegeven 1"))
    );
}

#[test]
fn the_check_never_panics_on_generated_protocols() {
    common::for_generated_protocols(128, |protocol| {
        let findings = check::check(&protocol, &context());
        for finding in &findings {
            let rule = check::find_rule(finding.rule);
            prop_assert!(rule.is_some(), "unknown rule {}", finding.rule);
            prop_assert_eq!(Some(finding.severity), rule.map(|rule| rule.severity));
            prop_assert!(!finding.path.is_empty());
            prop_assert!(!finding.message.trim().is_empty());
        }
        let summary = check::summary(&findings);
        let errors: usize = summary.iter().map(|(_, counts)| counts.errors).sum();
        prop_assert_eq!(
            errors,
            findings
                .iter()
                .filter(|f| f.severity == Severity::Fout)
                .count()
        );
        Ok(())
    });
}

#[test]
fn every_rule_names_its_ground_and_why_its_severity_is_what_it_is() {
    for rule in protocolwijzer::check::RULES {
        assert!(!rule.ground.trim().is_empty(), "{} has no ground", rule.id);
        // Citable: an article, a VTC criterion, a form requirement, the Opgroeien template or
        // the review.
        assert!(
            [
                "art. ",
                "VTC-criterium: ",
                "vormvereiste: ",
                "standaardprotocol Opgroeien",
                "nazicht: "
            ]
            .iter()
            .any(|start| rule.ground.starts_with(start)),
            "{}: {}",
            rule.id,
            rule.ground
        );
        assert!(
            rule.why.ends_with('.') && rule.why.split_whitespace().count() >= 5,
            "{}: why {:?}",
            rule.id,
            rule.why
        );
    }
}

#[test]
fn every_rule_is_documented() {
    let documentation =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/RULES.md")).unwrap();
    for rule in protocolwijzer::check::RULES {
        assert!(
            documentation.contains(&format!(
                "| `{}` | {} | {} |",
                rule.id,
                rule.severity.label(),
                rule.ground
            )),
            "docs/RULES.md lacks {}; regenerate it with `cargo run --example rules_table > docs/RULES.md`",
            rule.id
        );
    }
}
