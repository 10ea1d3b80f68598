//! The wizard's steps, in order. The check files every finding under a step, the preview
//! scrolls to a step's part of the document, and the app shows one step at a time.

use serde::{Deserialize, Serialize};

/// One step of the wizard.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Step {
    /// Partijen: identity, signatories, DPO of every party.
    Parties,
    /// Context en gegevensstroom: recitals C1–C3, the flows.
    Context,
    /// Doeleinden en rechtsgrond: art. 2.
    Purposes,
    /// Gegevens en proportionaliteit: art. 3.
    Data,
    /// Ontvangers: art. 4.
    Recipients,
    /// Periodiciteit en duur: art. 5.
    Periodicity,
    /// Beveiliging: art. 6.
    Security,
    /// Adviezen: the DPOs' advice, the VTC's advice.
    Advice,
    /// Gemeentelijk scenario en besluit: the municipality's part of the Opgroeien case.
    Municipal,
    /// Artikelen en bepalingen: the article list and the standard clauses.
    Clauses,
    /// Ondertekening: place, date, signatories, annexes.
    Signing,
    /// Controle en export.
    Export,
}

impl Step {
    /// Every step, in wizard order.
    pub const ALL: [Step; 12] = [
        Step::Parties,
        Step::Context,
        Step::Purposes,
        Step::Data,
        Step::Recipients,
        Step::Periodicity,
        Step::Security,
        Step::Advice,
        Step::Municipal,
        Step::Clauses,
        Step::Signing,
        Step::Export,
    ];

    /// The step's title in Dutch, as the wizard shows it.
    pub fn title(self) -> &'static str {
        match self {
            Step::Parties => "Partijen",
            Step::Context => "Context en gegevensstroom",
            Step::Purposes => "Doeleinden en rechtsgrond",
            Step::Data => "Gegevens en proportionaliteit",
            Step::Recipients => "Ontvangers",
            Step::Periodicity => "Periodiciteit en duur",
            Step::Security => "Beveiliging",
            Step::Advice => "Adviezen (DPO's, VTC)",
            Step::Municipal => "Gemeentelijk scenario en besluit",
            Step::Clauses => "Artikelen en bepalingen",
            Step::Signing => "Ondertekening",
            Step::Export => "Controle en export",
        }
    }

    /// A stable lower-case id for machine-readable output (`check --format json`).
    pub fn id(self) -> &'static str {
        match self {
            Step::Parties => "parties",
            Step::Context => "context",
            Step::Purposes => "purposes",
            Step::Data => "data",
            Step::Recipients => "recipients",
            Step::Periodicity => "periodicity",
            Step::Security => "security",
            Step::Advice => "advice",
            Step::Municipal => "municipal",
            Step::Clauses => "clauses",
            Step::Signing => "signing",
            Step::Export => "export",
        }
    }

    /// 1-based position in the wizard.
    pub fn number(self) -> usize {
        Step::ALL
            .iter()
            .position(|step| *step == self)
            .map_or(0, |index| index + 1)
    }

    /// The step after this one, if any.
    pub fn next(self) -> Option<Step> {
        Step::ALL.get(self.number()).copied()
    }

    /// The step before this one, if any.
    pub fn previous(self) -> Option<Step> {
        self.number()
            .checked_sub(2)
            .and_then(|index| Step::ALL.get(index).copied())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_chain_in_order() {
        assert_eq!(Step::Parties.previous(), None);
        assert_eq!(Step::Parties.next(), Some(Step::Context));
        assert_eq!(Step::Export.next(), None);
        assert_eq!(Step::Export.previous(), Some(Step::Signing));
        assert_eq!(Step::Data.number(), 4);
    }
}
