//! The completeness and consistency check: a pure function over the model that reports every
//! problem at once, in the terms a DPO or the Vlaamse Toezichtcommissie would use.
//!
//! Rule ids are stable: users, tests and the UI rely on them. Messages are Dutch and say what
//! is wrong and what to do.

mod advice;
mod data;
mod dates;
mod flows;
pub mod identifiers;
mod municipal;
mod parties;
mod purposes;
mod review;
mod rules;
mod security;
mod signing;
mod structure;
pub mod text;

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::Protocol;
use crate::model::Step;

pub use rules::{RULES, Rule, find as find_rule};

/// How serious a finding is.
#[derive(Serialize, Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Must be fixed before the protocol can be signed (fout).
    Fout,
    /// Should be looked at; a reviewer is likely to ask (waarschuwing).
    Waarschuwing,
    /// Worth knowing (info).
    Info,
}

impl Severity {
    /// The severity in Dutch, as shown to users.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Fout => "fout",
            Severity::Waarschuwing => "waarschuwing",
            Severity::Info => "info",
        }
    }
}

/// One problem the check found.
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// Stable rule id, e.g. `party.kbo.checksum`.
    pub rule: &'static str,
    /// How serious it is.
    pub severity: Severity,
    /// The wizard step the problem belongs to.
    pub step: Step,
    /// The field, e.g. `parties[2].kbo`, so the UI can jump there.
    pub path: String,
    /// What is wrong and what to do, in Dutch.
    pub message: String,
}

impl Finding {
    /// A finding of `rule`, with the severity the catalogue gives that rule: the catalogue is
    /// the one place a rule's severity is set. A rule missing from the catalogue (a bug that
    /// the tests catch) is reported as `fout`.
    pub fn new(
        rule: &'static str,
        step: Step,
        path: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            rule,
            severity: find_rule(rule).map_or(Severity::Fout, |rule| rule.severity),
            step,
            path: path.into(),
            message: message.into(),
        }
    }

    /// The legal basis or supervisor's criterion this finding's rule enforces, in Dutch, as
    /// the catalogue gives it ("art. 6 AVG"); empty for a rule that is not catalogued.
    pub fn ground(&self) -> &'static str {
        find_rule(self.rule).map_or("", |rule| rule.ground)
    }
}

/// What the check needs besides the protocol: today's date (passed in, so tests and batch
/// runs are repeatable).
#[derive(Clone, Copy, Debug)]
pub struct Context {
    /// The date advice dates are compared with.
    pub today: NaiveDate,
}

impl Context {
    /// A context for today's local date.
    pub fn today() -> Self {
        Self {
            today: chrono::Local::now().date_naive(),
        }
    }
}

/// Checks the protocol and returns every finding, ordered by step, then severity, then path.
pub fn check(protocol: &Protocol, context: &Context) -> Vec<Finding> {
    let mut findings = Vec::new();
    parties::check(protocol, context, &mut findings);
    flows::check(protocol, context, &mut findings);
    purposes::check(protocol, context, &mut findings);
    structure::check(protocol, context, &mut findings);
    data::check(protocol, context, &mut findings);
    security::check(protocol, context, &mut findings);
    advice::check(protocol, context, &mut findings);
    signing::check(protocol, context, &mut findings);
    dates::check(protocol, context, &mut findings);
    if protocol.municipal.is_some() {
        municipal::check(protocol, context, &mut findings);
    }
    text::check(protocol, context, &mut findings);
    review::check(protocol, context, &mut findings);
    findings.sort_by(|a, b| {
        (a.step, a.severity)
            .cmp(&(b.step, b.severity))
            .then_with(|| compare_paths(&a.path, &b.path))
            .then_with(|| a.rule.cmp(b.rule))
    });
    findings
}

/// Orders paths as a reader expects: `parties[2]` before `parties[10]` (numbers compare by
/// value, everything else byte by byte).
pub fn compare_paths(a: &str, b: &str) -> std::cmp::Ordering {
    use std::cmp::Ordering;
    let (mut a, mut b) = (a.as_bytes(), b.as_bytes());
    loop {
        match (a.first(), b.first()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) if x.is_ascii_digit() && y.is_ascii_digit() => {
                let (digits_a, rest_a) =
                    a.split_at(a.iter().take_while(|c| c.is_ascii_digit()).count());
                let (digits_b, rest_b) =
                    b.split_at(b.iter().take_while(|c| c.is_ascii_digit()).count());
                let trim = |digits: &'_ [u8]| -> usize {
                    digits.iter().take_while(|c| **c == b'0').count()
                };
                let (digits_a, digits_b) =
                    (&digits_a[trim(digits_a)..], &digits_b[trim(digits_b)..]);
                let order = digits_a
                    .len()
                    .cmp(&digits_b.len())
                    .then_with(|| digits_a.cmp(digits_b));
                if order != Ordering::Equal {
                    return order;
                }
                (a, b) = (rest_a, rest_b);
            }
            (Some(x), Some(y)) => {
                if x != y {
                    return x.cmp(y);
                }
                (a, b) = (&a[1..], &b[1..]);
            }
        }
    }
}

/// The state of one step, for the wizard's badges.
#[derive(Serialize, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StepSummary {
    /// Number of `fout` findings.
    pub errors: usize,
    /// Number of `waarschuwing` findings.
    pub warnings: usize,
    /// Number of `info` findings.
    pub infos: usize,
}

impl StepSummary {
    /// Whether the step has nothing left to fix (no errors and no warnings).
    pub fn is_complete(&self) -> bool {
        self.errors == 0 && self.warnings == 0
    }
}

/// Counts the findings per step, in wizard order; every step is present.
pub fn summary(findings: &[Finding]) -> Vec<(Step, StepSummary)> {
    Step::ALL
        .iter()
        .map(|step| {
            let mut counts = StepSummary::default();
            for finding in findings.iter().filter(|finding| finding.step == *step) {
                match finding.severity {
                    Severity::Fout => counts.errors += 1,
                    Severity::Waarschuwing => counts.warnings += 1,
                    Severity::Info => counts.infos += 1,
                }
            }
            (*step, counts)
        })
        .collect()
}

/// Whether any finding is a `fout`.
pub fn has_errors(findings: &[Finding]) -> bool {
    findings
        .iter()
        .any(|finding| finding.severity == Severity::Fout)
}

/// Whether a text is empty or only white space.
pub(crate) fn is_blank(text: &str) -> bool {
    text.trim().is_empty()
}

/// How a message names a party: its short or legal name, else "het lokaal bestuur" for the
/// municipality of the Opgroeien case, else "partij <n>" (1-based).
pub(crate) fn party_name(protocol: &Protocol, index: usize) -> String {
    match protocol.parties.get(index) {
        Some(party) if !is_blank(party.display_name()) => party.name_in_text(index),
        Some(party)
            if protocol
                .municipal
                .as_ref()
                .is_some_and(|case| case.municipality_party == party.id) =>
        {
            "het lokaal bestuur".to_string()
        }
        _ => format!("partij {}", index + 1),
    }
}

/// How a message names a flow: its name, else "gegevensstroom <n>" (1-based).
pub(crate) fn flow_name(protocol: &Protocol, index: usize) -> String {
    match protocol.flows.get(index) {
        Some(flow) if !is_blank(&flow.name) => format!("de gegevensstroom ‘{}’", flow.name.trim()),
        _ => format!("gegevensstroom {}", index + 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_sort_by_index_value() {
        let mut paths = vec![
            "parties[10].kbo",
            "parties[2].kbo",
            "parties[1].kbo",
            "parties[1]",
            "parties",
            "data_items[100].flows[0]",
            "data_items[99].flows[1]",
        ];
        paths.sort_by(|a, b| compare_paths(a, b));
        assert_eq!(
            paths,
            [
                "data_items[99].flows[1]",
                "data_items[100].flows[0]",
                "parties",
                "parties[1]",
                "parties[1].kbo",
                "parties[2].kbo",
                "parties[10].kbo",
            ]
        );
    }
}
