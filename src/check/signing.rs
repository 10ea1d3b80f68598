//! Rules about the closing: place and date of signing, and the document date.

use super::{Context, Finding, is_blank};
use crate::dutch::dutch_long;
use crate::model::Protocol;
use crate::model::Step;

pub(super) fn check(protocol: &Protocol, _context: &Context, findings: &mut Vec<Finding>) {
    let signing = &protocol.signing;
    if is_blank(&signing.place) {
        findings.push(Finding::new(
            "signing.missing",
            Step::Signing,
            "signing.place",
            "Vul de plaats van ondertekening in (“Opgemaakt te …”).",
        ));
    }
    match signing.date {
        None => findings.push(Finding::new(
            "signing.missing",
            Step::Signing,
            "signing.date",
            "Vul de datum van ondertekening in, zodra die vastligt. Alle adviezen moeten van \
             vóór die datum zijn.",
        )),
        Some(signed) => {
            if let Some(date) = protocol.title.date
                && date != signed
            {
                findings.push(Finding::new(
                    "title.date.differs",
                    Step::Signing,
                    "title.date",
                    format!(
                        "De datum onder de titel ({}) verschilt van de datum van ondertekening \
                         ({}). Meestal is dat dezelfde datum; controleer welke juist is.",
                        dutch_long(date),
                        dutch_long(signed)
                    ),
                ));
            }
        }
    }
}
