//! The rules every date that must come before the signature shares (a DPO's advice, the VTC's
//! advice, the college decision): not after the signing date, and not in the future; and the
//! rule every date of the protocol shares: plausible, not before the e-govdecreet and not more
//! than [`FUTURE_YEARS`] years ahead (a mistyped year).

use chrono::{Months, NaiveDate};

use super::{Context, Finding, party_name};
use crate::dutch::{capitalise, dutch_long};
use crate::model::{Protocol, Step};

/// The e-govdecreet (decreet van 18 juli 2008 betreffende het elektronische bestuurlijke
/// gegevensverkeer): protocols are concluded under it, so nothing in one dates from before.
fn decree() -> NaiveDate {
    NaiveDate::from_ymd_opt(2008, 7, 18).unwrap_or_default()
}

/// How many years after today a date in a protocol is still plausible; a later one is a
/// mistyped year.
pub(super) const FUTURE_YEARS: u32 = 10;

/// Whether `date` lies more than [`FUTURE_YEARS`] years after the check's today.
fn far_future(date: NaiveDate, context: &Context) -> bool {
    context
        .today
        .checked_add_months(Months::new(12 * FUTURE_YEARS))
        .is_some_and(|limit| date > limit)
}

/// Every date of the protocol's content, with what it is of, its step and its field.
fn every_date(protocol: &Protocol) -> Vec<(NaiveDate, String, Step, String)> {
    let mut dates = Vec::new();
    let mut add = |date: Option<NaiveDate>, what: String, step, path: String| {
        if let Some(date) = date {
            dates.push((date, what, step, path));
        }
    };
    for (index, party) in protocol.parties.iter().enumerate() {
        add(
            party.dpo_advice.date,
            format!("het advies van de DPO van {}", party_name(protocol, index)),
            Step::Advice,
            format!("parties[{index}].dpo_advice.date"),
        );
    }
    add(
        protocol.vtc_advice_date,
        "het advies van de Vlaamse Toezichtcommissie".to_string(),
        Step::Advice,
        "vtc_advice_date".to_string(),
    );
    if let Some(case) = &protocol.municipal {
        add(
            case.college_decision.date,
            "het collegebesluit".to_string(),
            Step::Municipal,
            "municipal.college_decision.date".to_string(),
        );
    }
    add(
        protocol.title.date,
        "het document (onder de titel)".to_string(),
        Step::Signing,
        "title.date".to_string(),
    );
    add(
        protocol.signing.date,
        "de ondertekening".to_string(),
        Step::Signing,
        "signing.date".to_string(),
    );
    dates
}

/// Flags every date of the protocol that cannot be right: before the e-govdecreet, or more
/// than [`FUTURE_YEARS`] years after today. Both are mistyped years ("25" for 2025 read as the
/// year 25) that the signed text would print.
pub(super) fn check(protocol: &Protocol, context: &Context, findings: &mut Vec<Finding>) {
    for (date, what, step, path) in every_date(protocol) {
        if date < decree() {
            findings.push(Finding::new(
                "date.before_decree",
                step,
                path,
                format!(
                    "De datum van {what} ({}) ligt vóór het e-govdecreet van 18 juli 2008, \
                     waaronder het protocol gesloten wordt. Controleer de datum en schrijf het \
                     jaar met vier cijfers.",
                    dutch_long(date)
                ),
            ));
        } else if far_future(date, context) {
            findings.push(Finding::new(
                "date.far_future",
                step,
                path,
                format!(
                    "De datum van {what} ({}) ligt meer dan {FUTURE_YEARS} jaar in de toekomst; \
                     dat is wellicht een tikfout. Controleer het jaar.",
                    dutch_long(date)
                ),
            ));
        }
    }
}

/// A date that must precede the signature, and how to report it.
pub(super) struct EarlierDate<'a> {
    /// The date itself.
    pub date: NaiveDate,
    /// What the date is of, in a sentence: "het advies van de DPO van Opgroeien regie".
    pub what: String,
    /// Where the findings go.
    pub step: Step,
    /// The field.
    pub path: &'a str,
    /// The rule id for a date after the signing date.
    pub after_signing_rule: &'static str,
    /// What to do about a date after the signing date.
    pub after_signing_advice: &'a str,
    /// The rule id for a date in the future (its severity is the catalogue's), and what to do
    /// about it.
    pub in_future_rule: &'static str,
    pub in_future_advice: &'a str,
}

impl EarlierDate<'_> {
    /// Adds the findings for this date given the protocol's signing date.
    pub(super) fn check(
        &self,
        signed: Option<NaiveDate>,
        context: &Context,
        findings: &mut Vec<Finding>,
    ) {
        if let Some(signed) = signed
            && self.date > signed
        {
            findings.push(Finding::new(
                self.after_signing_rule,
                self.step,
                self.path,
                format!(
                    "{} ({}) valt na de ondertekening ({}). {}",
                    capitalise(&self.what),
                    dutch_long(self.date),
                    dutch_long(signed),
                    self.after_signing_advice
                ),
            ));
        }
        // A date years ahead is reported once, as a mistyped year (`date.far_future`).
        if self.date > context.today && !far_future(self.date, context) {
            findings.push(Finding::new(
                self.in_future_rule,
                self.step,
                self.path,
                format!(
                    "De datum van {} ({}) ligt in de toekomst. {}",
                    self.what,
                    dutch_long(self.date),
                    self.in_future_advice
                ),
            ));
        }
    }
}
