//! Rules about the advice: every party's DPO advises before signing, with an outcome, and the
//! dates make sense (not after signing, not in the future); the VTC's advice likewise.

use super::dates::EarlierDate;
use super::{Context, Finding, is_blank, party_name};
use crate::dutch::capitalise;
use crate::model::Step;
use crate::model::{AdviceOutcome, Protocol};

pub(super) fn check(protocol: &Protocol, context: &Context, findings: &mut Vec<Finding>) {
    let signed = protocol.signing.date;
    for (index, party) in protocol.parties.iter().enumerate() {
        let name = party_name(protocol, index);
        let advice = &party.dpo_advice;
        let at = |field: &str| format!("parties[{index}].dpo_advice.{field}");
        match advice.date {
            None => findings.push(Finding::new(
                "dpo_advice.missing",
                Step::Advice,
                at("date"),
                format!(
                    "De functionaris voor gegevensbescherming van {name} heeft nog geen advies \
                     gegeven. Vraag het advies vóór de ondertekening en vul de datum en de \
                     uitkomst in."
                ),
            )),
            Some(date) => {
                EarlierDate {
                    date,
                    what: format!("het advies van de DPO van {name}"),
                    step: Step::Advice,
                    path: &at("date"),
                    after_signing_rule: "dpo_advice.after_signing",
                    after_signing_advice: "Het advies moet vóór de ondertekening gegeven worden: \
                                           controleer beide data.",
                    in_future_rule: "dpo_advice.in_future",
                    in_future_advice: "Vul de datum in waarop het advies werkelijk gegeven is.",
                }
                .check(signed, context, findings);
                if advice.outcome.is_none() && advice.outcome_not_stated {
                    findings.push(Finding::new(
                        "dpo_advice.outcome.missing",
                        Step::Advice,
                        at("outcome_not_stated"),
                        format!(
                            "De uitkomst van het advies van de DPO van {name} staat als ‘niet \
                             vermeld’: het ondertekende protocol noemt alleen de datum, en de \
                             export drukt geen uitkomst af. Vul ze in als ze bekend is."
                        ),
                    ));
                } else if advice.outcome.is_none() {
                    findings.push(Finding::new(
                        "dpo_advice.outcome.missing",
                        Step::Advice,
                        at("outcome"),
                        format!(
                            "De uitkomst van het advies van de DPO van {name} is niet ingevuld. \
                             Vul ze in als ze bekend is (gunstig, gunstig onder voorwaarden of \
                             ongunstig); een ondertekend protocol vermeldt vaak alleen de datum \
                             van het advies."
                        ),
                    ));
                }
            }
        }
        match advice.outcome {
            Some(AdviceOutcome::Unfavourable) => findings.push(Finding::new(
                "dpo_advice.unfavourable",
                Step::Advice,
                at("outcome"),
                format!(
                    "De DPO van {name} gaf een ongunstig advies. Pas het protocol aan en vraag \
                     een nieuw advies, of motiveer in de opmerkingen waarom {name} toch \
                     ondertekent."
                ),
            )),
            Some(AdviceOutcome::FavourableWithConditions) if is_blank(&advice.remarks) => {
                findings.push(Finding::new(
                    "dpo_advice.conditions",
                    Step::Advice,
                    at("remarks"),
                    format!(
                        "{} gaf een gunstig advies onder voorwaarden, maar de voorwaarden staan \
                         er niet bij. Neem ze op in de opmerkingen, zodat nagegaan kan worden \
                         of het protocol eraan voldoet.",
                        capitalise(&format!("de DPO van {name}"))
                    ),
                ));
            }
            Some(AdviceOutcome::FavourableWithConditions) => findings.push(Finding::new(
                "dpo_advice.conditions.unmet",
                Step::Advice,
                at("remarks"),
                format!(
                    "{} gaf een gunstig advies onder voorwaarden: {} Ga na of het protocol \
                     aan die voorwaarden voldoet, en registreer een gunstig advies zodra dat zo is.",
                    capitalise(&format!("de DPO van {name}")),
                    crate::dutch::quoted_sentence(
                        &advice
                            .remarks
                            .split_whitespace()
                            .collect::<Vec<_>>()
                            .join(" ")
                    )
                ),
            )),
            _ => {}
        }
    }
    if let Some(date) = protocol.vtc_advice_date {
        EarlierDate {
            date,
            what: "het advies van de Vlaamse Toezichtcommissie".to_string(),
            step: Step::Advice,
            path: "vtc_advice_date",
            after_signing_rule: "vtc_advice.after_signing",
            after_signing_advice: "Een advies gaat aan de ondertekening vooraf: controleer beide \
                                   data.",
            in_future_rule: "vtc_advice.in_future",
            in_future_advice: "Vul de datum van het gegeven advies in, of laat het veld leeg.",
        }
        .check(signed, context, findings);
    }
}
