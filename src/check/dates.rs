//! The rules every date that must come before the signature shares (a DPO's advice, the VTC's
//! advice, the college decision): not after the signing date, and not in the future.

use chrono::NaiveDate;

use super::{Context, Finding};
use crate::dutch::{capitalise, dutch_long};
use crate::model::Step;

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
        if self.date > context.today {
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
