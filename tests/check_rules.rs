//! Every rule of the check, positive and negative: starting from the complete Opgroeien
//! fixture (which gives no finding at all), one change makes the rule fire at the expected
//! path, and the unchanged fixture (or a near miss) does not.

#![allow(clippy::unwrap_used)] // tests may unwrap: a failure is the test failing

mod common;

use std::collections::BTreeSet;

use chrono::NaiveDate;
use protocolwijzer::check::{self, Context, Finding, RULES, Severity};
use protocolwijzer::model::*;

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// After the fixture's signing (30 March 2026) and every date in it.
fn context() -> Context {
    Context {
        today: NaiveDate::from_ymd_opt(2026, 6, 1).unwrap(),
    }
}

/// The complete Opgroeien protocol of the fictitious municipality Voorbeeldegem.
fn complete() -> Protocol {
    common::fixture("opgroeien-gemeente-ingevuld.ron")
}

fn findings(protocol: &Protocol) -> Vec<Finding> {
    check::check(protocol, &context())
}

/// A valid INSZ of someone born in 1985.
fn valid_insz() -> String {
    let body = 850_101_123_u64;
    format!("{body}{:02}", 97 - body % 97)
}

/// One rule: a change to the complete protocol that makes it fire at `path`.
struct Case {
    rule: &'static str,
    path: &'static str,
    change: fn(&mut Protocol),
}

const fn case(rule: &'static str, path: &'static str, change: fn(&mut Protocol)) -> Case {
    Case { rule, path, change }
}

fn remove_measure(protocol: &mut Protocol, kind: MeasureKind) {
    protocol
        .security
        .measures
        .retain(|measure| measure.kind != kind);
}

fn municipal(protocol: &mut Protocol) -> &mut MunicipalCase {
    protocol.municipal.as_mut().unwrap()
}

/// Parties: [0] Opgroeien regie, [1] Voorbeeldegem. Flows: [0] INSZ list (municipality →
/// Opgroeien), [1] answer (Opgroeien → municipality). Three data items.
const CASES: &[Case] = &[
    // Parties
    case("parties.none", "parties", |p| p.parties.clear()),
    case("parties.no_provider", "parties", |p| {
        p.parties.iter_mut().for_each(|x| x.roles.provider = false)
    }),
    case("parties.no_recipient", "parties", |p| {
        p.parties.iter_mut().for_each(|x| x.roles.recipient = false)
    }),
    case("party.missing_field", "parties[1].kbo", |p| {
        p.parties[1].kbo.clear()
    }),
    case("party.missing_field", "parties[1].legal_status", |p| {
        p.parties[1].legal_status = "  ".into()
    }),
    case("party.missing_field", "parties[1].signatories", |p| {
        p.parties[1]
            .signatories
            .iter_mut()
            .for_each(|s| s.name.clear())
    }),
    case("party.kbo.format", "parties[1].kbo", |p| {
        p.parties[1].kbo = "0207.451.22".into()
    }),
    case("party.kbo.format", "parties[1].kbo", |p| {
        p.parties[1].kbo = "2207.451.227".into()
    }),
    case("party.kbo.checksum", "parties[1].kbo", |p| {
        p.parties[1].kbo = "0207.451.228".into()
    }),
    case("party.kbo.duplicate", "parties[1].kbo", |p| {
        p.parties[1].kbo = "BE 0886 886 638".into()
    }),
    // Same KBO number and the same establishment number: nothing tells the parties apart.
    case(
        "party.kbo.duplicate",
        "parties[1].establishment_number",
        |p| {
            p.parties[1].kbo = "0886.886.638".into();
            p.parties[0].establishment_number = "2.146.484.492".into();
            p.parties[1].establishment_number = "2146484492".into();
        },
    ),
    case(
        "party.establishment_number.format",
        "parties[1].establishment_number",
        |p| p.parties[1].establishment_number = "0207.451.227".into(),
    ),
    case(
        "party.establishment_number.format",
        "parties[1].establishment_number",
        |p| p.parties[1].establishment_number = "2.146.484.49".into(),
    ),
    case(
        "party.establishment_number.checksum",
        "parties[1].establishment_number",
        |p| p.parties[1].establishment_number = "2.146.484.429".into(),
    ),
    case("party.id.duplicate", "parties[1].id", |p| {
        p.parties[1].id = "opgroeien".into()
    }),
    case("party.no_role", "parties[1].roles", |p| {
        p.parties[1].roles = Roles::default()
    }),
    case("party.role_inconsistent", "parties[1].roles", |p| {
        p.parties[1].roles.provider = false
    }),
    case("party.role_inconsistent", "parties[0].roles", |p| {
        p.parties[0].roles.recipient = false
    }),
    case("party.role_unused", "parties[1].roles", |p| {
        p.flows.retain(|flow| flow.from_party != "gemeente")
    }),
    case(
        "party.signatory.name.missing",
        "parties[1].signatories[1].name",
        |p| p.parties[1].signatories[1].name.clear(),
    ),
    case(
        "party.signatory.function.missing",
        "parties[1].signatories[0].function",
        |p| p.parties[1].signatories[0].function.clear(),
    ),
    case("party.dpo.missing", "parties[1].dpo.name", |p| {
        p.parties[1].dpo.name.clear()
    }),
    case("party.dpo.missing", "parties[1].dpo.email", |p| {
        p.parties[1].dpo.email.clear();
        p.parties[1].dpo.phone.clear();
    }),
    // Name and contact both missing: one finding, at the name.
    case("party.dpo.missing", "parties[1].dpo.name", |p| {
        p.parties[1].dpo = Dpo::default()
    }),
    case("party.dpo.email.format", "parties[1].dpo.email", |p| {
        p.parties[1].dpo.email = "dpo.voorbeeldegem.be".into()
    }),
    // Context and flows
    case("title.context.missing", "title.context", |p| {
        p.title.context.clear()
    }),
    case("recital.missing", "recitals.context", |p| {
        p.recitals.context.clear()
    }),
    case("recital.missing", "recitals.service_integrator", |p| {
        p.recitals.service_integrator.clear()
    }),
    case("recital.intent.missing", "recitals.intent", |p| {
        p.recitals.intent.clear()
    }),
    case("flows.none", "flows", |p| p.flows.clear()),
    case("flow.id.duplicate", "flows[1].id", |p| {
        p.flows[1].id = "insz-lijst".into()
    }),
    case("flow.missing_field", "flows[0].from_party", |p| {
        p.flows[0].from_party.clear()
    }),
    case("flow.missing_field", "flows[0].to_parties", |p| {
        p.flows[0].to_parties.clear()
    }),
    case("flow.missing_field", "flows[0].channel", |p| {
        p.flows[0].channel = ChannelKind::Unspecified
    }),
    case("flow.missing_field", "flows[0].periodicity", |p| {
        p.flows[0].periodicity.frequency = Frequency::Unspecified
    }),
    case("flow.unknown_party", "flows[0].from_party", |p| {
        p.flows[0].from_party = "stad".into()
    }),
    case("flow.unknown_party", "flows[1].to_parties[0]", |p| {
        p.flows[1].to_parties[0] = "niemand".into()
    }),
    case("flow.to_party.is_sender", "flows[0].to_parties[0]", |p| {
        p.flows[0].to_parties[0] = "gemeente".into()
    }),
    case("flow.to_party.duplicate", "flows[0].to_parties[1]", |p| {
        p.flows[0].to_parties.push("opgroeien".into())
    }),
    case(
        "flow.service_integrator.inconsistent",
        "flows[0].via_service_integrator",
        |p| {
            p.flows[0].channel = ChannelKind::EncryptedEmail;
            p.flows[0].via_service_integrator = true;
            p.flows[0].service_integrator = "MAGDA".into();
        },
    ),
    case("flow.via_party.is_end", "flows[0].via_party", |p| {
        p.flows[0].via_party = "opgroeien".into()
    }),
    case("flow.unknown_party", "flows[0].via_party", |p| {
        p.flows[0].via_party = "niemand".into()
    }),
    case(
        "party.representative.differs",
        "parties[1].representative",
        |p| p.parties[1].representative = "Jan Janssens, waarnemend burgemeester".into(),
    ),
    case(
        "flow.service_integrator.missing",
        "flows[0].service_integrator",
        |p| p.flows[0].via_service_integrator = true,
    ),
    case("municipal.channel.mismatch", "flows[1].channel", |p| {
        p.flows[1].channel = ChannelKind::EncryptedEmail
    }),
    case(
        "flow.channel_detail.contradicts",
        "flows[1].channel_detail",
        |p| {
            p.flows[1].channel = ChannelKind::EncryptedEmail;
            p.flows[0].channel = ChannelKind::EncryptedEmail;
        },
    ),
    // Purposes
    case("purpose.missing", "parties[1].processing_purposes", |p| {
        p.parties[1].processing_purposes.clear()
    }),
    case("purpose.missing", "parties[0].original_purposes", |p| {
        p.parties[0]
            .original_purposes
            .iter_mut()
            .for_each(|x| x.description.clear())
    }),
    case(
        "purpose.missing",
        "parties[1].processing_purposes[1].description",
        |p| p.parties[1].processing_purposes[1].description.clear(),
    ),
    case(
        "legal_basis.missing",
        "parties[1].processing_purposes[0].legal_basis",
        |p| p.parties[1].processing_purposes[0].legal_basis.clear(),
    ),
    case("compatibility.missing", "compatibility", |p| {
        p.compatibility.clear()
    }),
    // Data
    case("data.none", "data_items", |p| p.data_items.clear()),
    case("data.identifier.missing", "identifier", |p| {
        p.identifier.clear()
    }),
    case(
        "data_item.description.missing",
        "data_items[2].description",
        |p| p.data_items[2].description.clear(),
    ),
    case(
        "data_item.justification.missing",
        "data_items[2].justification",
        |p| p.data_items[2].justification = "nvt".into(),
    ),
    case(
        "data_item.justification.missing",
        "data_items[1].justification",
        |p| p.data_items[1].justification = "Nodig voor de toekenning.".into(),
    ),
    case(
        "data_item.justification.missing",
        "data_items[0].justification",
        |p| p.data_items[0].justification = "TODO: nog aanvullen na overleg met de DPO".into(),
    ),
    case(
        "data_item.justification.copied",
        "data_items[2].justification",
        |p| {
            // A copy with other spacing and case is still a copy.
            let copy = p.data_items[1]
                .justification
                .to_uppercase()
                .replace(' ', "  ");
            p.data_items[2].justification = copy;
        },
    ),
    case("data_item.no_flow", "data_items[2].flows", |p| {
        p.data_items[2].flows.clear()
    }),
    case("data_item.unknown_flow", "data_items[2].flows[1]", |p| {
        p.data_items[2].flows.push("bestaat-niet".into())
    }),
    case(
        "data_item.special_category.unjustified",
        "data_items[2].special_category_justification",
        |p| p.data_items[2].special_category = SpecialCategory::Article9,
    ),
    case("retention.missing", "retention", |p| p.retention.clear()),
    case("flow.not_used", "flows[2]", |p| {
        let mut extra = p.flows[1].clone();
        extra.id = "extra".into();
        p.flows.push(extra);
    }),
    // Recipients
    case(
        "recipients.missing",
        "parties[1].services_with_access",
        |p| p.parties[1].services_with_access = vec![" ".into()],
    ),
    // Opgroeien regie receives an item it does not send back: it is a recipient in substance.
    case(
        "recipients.missing",
        "parties[0].services_with_access",
        |p| {
            p.parties[0].services_with_access.clear();
            p.data_items[2].flows = vec!["insz-lijst".into()];
        },
    ),
    case(
        "recipients.need_to_know.missing",
        "parties[1].need_to_know",
        |p| p.parties[1].need_to_know.clear(),
    ),
    case(
        "recipients.onward_disclosure.missing",
        "parties[1].onward_disclosure",
        |p| p.parties[1].onward_disclosure.clear(),
    ),
    case(
        "processors.missing_field",
        "parties[1].processors[0].name",
        |p| {
            p.parties[1].processors.push(Processor {
                name: String::new(),
                task: "hosting".into(),
                agreement_concluded: true,
                ..Processor::default()
            })
        },
    ),
    case(
        "processors.task.missing",
        "parties[1].processors[0].task",
        |p| {
            p.parties[1].processors.push(Processor {
                name: "Cipal Schaubroeck".into(),
                task: String::new(),
                agreement_concluded: true,
                ..Processor::default()
            })
        },
    ),
    case(
        "processors.no_agreement",
        "parties[1].processors[0].agreement_concluded",
        |p| {
            p.parties[1].processors.push(Processor {
                name: "Cipal Schaubroeck".into(),
                task: "hosting van de sociale software".into(),
                agreement_concluded: false,
                ..Processor::default()
            })
        },
    ),
    case("data_subject_rights.missing", "data_subject_rights", |p| {
        p.data_subject_rights.clear()
    }),
    // Periodicity and duration
    case(
        "flow.periodicity.detail.missing",
        "flows[0].periodicity.detail",
        |p| {
            p.flows[0].periodicity.frequency = Frequency::Other;
            p.flows[0].periodicity.detail.clear();
        },
    ),
    case(
        "flow.periodicity.day.missing",
        "flows[0].periodicity.day_of_month",
        |p| p.flows[0].periodicity.frequency = Frequency::Monthly,
    ),
    case(
        "flow.periodicity.day.invalid",
        "flows[0].periodicity.day_of_month",
        |p| {
            p.flows[0].periodicity.frequency = Frequency::Monthly;
            p.flows[0].periodicity.day_of_month = Some(32);
        },
    ),
    case(
        "flow.periodicity.justification.missing",
        "flows[1].justification",
        |p| p.flows[1].justification.clear(),
    ),
    case("duration.missing", "term.kind", |p| {
        p.term.kind = TermKind::Unspecified
    }),
    case("duration.missing", "term.description", |p| {
        p.term.description.clear()
    }),
    case("duration.missing", "term.justification", |p| {
        p.term.kind = TermKind::Indefinite;
        p.term.justification.clear();
    }),
    case(
        "duration.justification.missing",
        "term.justification",
        |p| p.term.justification.clear(),
    ),
    // Security
    case("security.none", "security.measures", |p| {
        p.security.measures.clear()
    }),
    case("security.channel.missing", "flows[0].channel_detail", |p| {
        p.flows[0].channel = ChannelKind::Other;
        p.flows[0].channel_detail.clear();
    }),
    case("security.measure.empty", "security.measures[7].text", |p| {
        p.security.measures.push(SecurityMeasure {
            kind: MeasureKind::Hashing,
            text: String::new(),
        })
    }),
    case(
        "security.measure.encryption.missing",
        "security.measures",
        |p| remove_measure(p, MeasureKind::Encryption),
    ),
    case(
        "security.measure.access_control.missing",
        "security.measures",
        |p| remove_measure(p, MeasureKind::AccessControl),
    ),
    case(
        "security.measure.confidentiality.missing",
        "security.measures",
        |p| remove_measure(p, MeasureKind::ConfidentialityDeclaration),
    ),
    case(
        "security.measure.logging.missing",
        "security.measures",
        |p| remove_measure(p, MeasureKind::Logging),
    ),
    case(
        "security.measure.deletion.missing",
        "security.measures",
        |p| remove_measure(p, MeasureKind::DeletionAfterUse),
    ),
    case(
        "security.measure.policy.missing",
        "security.measures",
        |p| remove_measure(p, MeasureKind::SecurityPolicy),
    ),
    // Advice
    case("dpo_advice.missing", "parties[1].dpo_advice.date", |p| {
        p.parties[1].dpo_advice.date = None
    }),
    case(
        "dpo_advice.after_signing",
        "parties[1].dpo_advice.date",
        |p| p.parties[1].dpo_advice.date = date(2026, 3, 31),
    ),
    case("dpo_advice.in_future", "parties[0].dpo_advice.date", |p| {
        p.signing.date = None;
        p.parties[0].dpo_advice.date = date(2026, 6, 2);
    }),
    case(
        "dpo_advice.outcome.missing",
        "parties[1].dpo_advice.outcome",
        |p| p.parties[1].dpo_advice.outcome = None,
    ),
    case(
        "dpo_advice.unfavourable",
        "parties[1].dpo_advice.outcome",
        |p| p.parties[1].dpo_advice.outcome = Some(AdviceOutcome::Unfavourable),
    ),
    case(
        "dpo_advice.conditions",
        "parties[1].dpo_advice.remarks",
        |p| {
            p.parties[1].dpo_advice.outcome = Some(AdviceOutcome::FavourableWithConditions);
            p.parties[1].dpo_advice.remarks = " ".into();
        },
    ),
    case(
        "dpo_advice.conditions.unmet",
        "parties[1].dpo_advice.remarks",
        |p| p.parties[1].dpo_advice.outcome = Some(AdviceOutcome::FavourableWithConditions),
    ),
    case("vtc_advice.after_signing", "vtc_advice_date", |p| {
        p.vtc_advice_date = date(2026, 4, 1)
    }),
    case("vtc_advice.in_future", "vtc_advice_date", |p| {
        p.vtc_advice_date = date(2027, 1, 1)
    }),
    // Municipal
    case(
        "municipal.party.unknown",
        "municipal.municipality_party",
        |p| municipal(p).municipality_party = "stad".into(),
    ),
    case("municipal.data_use.missing", "municipal.data_use", |p| {
        municipal(p).data_use.clear()
    }),
    case(
        "municipal.financial_scenario.missing",
        "municipal.financial_scenario",
        |p| municipal(p).financial_scenario = "\n".into(),
    ),
    case(
        "municipal.college_decision.missing",
        "municipal.college_decision.date",
        |p| municipal(p).college_decision.date = None,
    ),
    case(
        "municipal.college_decision.missing",
        "municipal.college_decision.reference",
        |p| municipal(p).college_decision.reference.clear(),
    ),
    case(
        "municipal.college_decision.after_signing",
        "municipal.college_decision.date",
        |p| municipal(p).college_decision.date = date(2026, 4, 20),
    ),
    case(
        "municipal.college_decision.in_future",
        "municipal.college_decision.date",
        |p| {
            p.signing.date = None;
            municipal(p).college_decision.date = date(2026, 9, 1);
        },
    ),
    // The channel is one fact: the municipality's flow's (step 2).
    case("municipal.channel.missing", "flows[0].channel", |p| {
        municipal(p).exchange_channel = ExchangeChannel::Unchosen;
        p.flows[0].channel = ChannelKind::Unspecified;
    }),
    // An older file without flows: the recorded choice is asked for.
    case(
        "municipal.channel.missing",
        "municipal.exchange_channel",
        |p| {
            municipal(p).exchange_channel = ExchangeChannel::Unchosen;
            p.flows.clear();
            p.data_items.iter_mut().for_each(|item| item.flows.clear());
        },
    ),
    case(
        "municipal.key_exchange.missing",
        "municipal.key_exchange.confirmed",
        |p| municipal(p).key_exchange.confirmed = false,
    ),
    case(
        "municipal.destruction.missing",
        "municipal.destruction.confirmed",
        |p| municipal(p).destruction.confirmed = false,
    ),
    case(
        "gdpr.security_policy.missing",
        "municipal.security_policy.confirmed",
        |p| municipal(p).security_policy.confirmed = false,
    ),
    case(
        "gdpr.processing_register.missing",
        "municipal.processing_register.confirmed",
        |p| municipal(p).processing_register.confirmed = false,
    ),
    case(
        "gdpr.information_duty.missing",
        "municipal.information_duty.confirmed",
        |p| municipal(p).information_duty.confirmed = false,
    ),
    case(
        "municipal.confirmation.detail.missing",
        "municipal.processing_register.detail",
        |p| municipal(p).processing_register.detail.clear(),
    ),
    // Clauses
    case(
        "transparency.url.missing",
        "parties[1].publication_url",
        |p| p.parties[1].publication_url.clear(),
    ),
    case(
        "transparency.url.format",
        "parties[1].publication_url",
        |p| p.parties[1].publication_url = "www.voorbeeldegem.be/privacy".into(),
    ),
    case(
        "transparency.url.format",
        "parties[1].publication_url",
        |p| p.parties[1].publication_url = "https://voorbeeldegem be".into(),
    ),
    // Signing
    case("signing.missing", "signing.place", |p| {
        p.signing.place.clear()
    }),
    case("signing.missing", "signing.date", |p| p.signing.date = None),
    case("title.date.differs", "title.date", |p| {
        p.title.date = date(2026, 3, 29)
    }),
    // Any date. Regression (issue 15): "31-02-20", typed on the way to 31-02-2025, was stored
    // as 20 February 31 and the check said nothing.
    case("date.before_decree", "signing.date", |p| {
        p.signing.date = date(31, 2, 20)
    }),
    case("date.before_decree", "parties[1].dpo_advice.date", |p| {
        p.parties[1].dpo_advice.date = date(2008, 7, 17)
    }),
    case(
        "date.before_decree",
        "municipal.college_decision.date",
        |p| municipal(p).college_decision.date = date(25, 3, 1),
    ),
    case("date.far_future", "signing.date", |p| {
        p.signing.date = date(2205, 3, 30)
    }),
    case("date.far_future", "vtc_advice_date", |p| {
        p.vtc_advice_date = date(2036, 6, 2)
    }),
    case("date.far_future", "title.date", |p| {
        p.title.date = date(2099, 1, 1)
    }),
    // Any text field
    case(
        "template.placeholder",
        "municipal.financial_scenario",
        |p| municipal(p).financial_scenario = "€ 100 per kind, betaald op «datum».".into(),
    ),
    case(
        "template.placeholder",
        "parties[1].services_with_access[1]",
        |p| p.parties[1].services_with_access[1] = "«naam van de dienst»".into(),
    ),
    case("template.placeholder", "clauses.sanction", |p| {
        p.clauses.sanction.push_str(" «aanvullen»")
    }),
    case("text.contains_insz", "municipal.data_use", |p| {
        let insz = valid_insz();
        municipal(p).data_use = format!("Bijvoorbeeld het kind met nummer {insz}.");
    }),
    case(
        "text.contains_insz",
        "parties[1].processing_purposes[0].description",
        |p| {
            // Written the way an identity card shows it: 85.01.01-123.cc.
            let insz = valid_insz();
            let dotted = format!(
                "{}.{}.{}-{}.{}",
                &insz[..2],
                &insz[2..4],
                &insz[4..6],
                &insz[6..9],
                &insz[9..]
            );
            p.parties[1].processing_purposes[0].description = format!("Test met {dotted}.");
        },
    ),
    // Review record
    case("review.open_comment", "data_items[0].justification", |p| {
        p.review.comments.push(Comment {
            id: 1,
            step: Some(protocolwijzer::model::Step::Data),
            path: "data_items[0].justification".into(),
            text: "Te vaag.".into(),
            ..Comment::default()
        })
    }),
    case("import.unplaced", "review.import.unplaced[0]", |p| {
        p.review.import = Some(protocolwijzer::model::ImportRecord {
            source: "Protocol 2019.docx".into(),
            format: "Word".into(),
            unplaced: vec![protocolwijzer::model::UnplacedText {
                section: "Artikel 4: Ontvangers".into(),
                origin: "alinea 40".into(),
                text: "Een zin die nergens paste.".into(),
            }],
            ..Default::default()
        })
    }),
    case("review.step_to_correct", "review.verdicts[0]", |p| {
        p.review.verdicts.push(Verdict {
            step: Some(protocolwijzer::model::Step::Data),
            kind: VerdictKind::ToCorrect,
            comment: "Gegeven 2 schrappen.".into(),
            ..Verdict::default()
        })
    }),
    case("review.step_to_improve", "review.verdicts[0]", |p| {
        p.review.verdicts.push(Verdict {
            step: Some(protocolwijzer::model::Step::Security),
            kind: VerdictKind::Improvable,
            comment: "Logging vermelden.".into(),
            ..Verdict::default()
        })
    }),
    case("review.advice_outdated", "parties[1].dpo_advice", |p| {
        p.parties[1].dpo_advice.fingerprint = "0".repeat(64)
    }),
    case("review.approval_outdated", "review.approval", |p| {
        p.retention.push_str(" Ook na de controle.")
    }),
    case("group.unknown", "parties[1].group", |p| {
        p.parties[1].group = "onbekend".into()
    }),
    case("group.empty", "groups[0]", |p| {
        p.groups.push(PartyGroup {
            id: "leeg".into(),
            name: "lege groep".into(),
            legal_status: "Statuut.".into(),
            ..PartyGroup::default()
        })
    }),
    case("group.missing_field", "groups[0].name", |p| {
        p.groups.push(PartyGroup {
            id: "g".into(),
            legal_status: "Statuut.".into(),
            ..PartyGroup::default()
        });
        p.parties[1].group = "g".into();
    }),
    case("group.roles.differ", "groups[0]", |p| {
        p.groups.push(PartyGroup {
            id: "g".into(),
            name: "partners".into(),
            legal_status: "Statuut.".into(),
            ..PartyGroup::default()
        });
        p.parties[0].group = "g".into();
        p.parties[1].group = "g".into();
        p.parties[1].roles.provider = false;
    }),
    case(
        "shared_processor.parties.unknown",
        "shared_processors[0].parties",
        |p| {
            p.shared_processors.push(SharedProcessor {
                parties: vec!["niemand".into()],
                processor: Processor {
                    name: "KRING".into(),
                    task: "hosting".into(),
                    agreement_concluded: true,
                    ..Processor::default()
                },
            })
        },
    ),
    case("articles.required.missing", "articles", |p| {
        p.articles = standard_articles();
        p.articles
            .retain(|entry| entry.standard != Some(StandardArticle::Data));
    }),
    case("articles.id.invalid", "articles[1].id", |p| {
        p.articles = standard_articles();
        p.articles[1].id = "onderwerp".into();
    }),
    case("articles.added.incomplete", "articles[12].title", |p| {
        p.articles = standard_articles();
        p.articles.push(ArticleEntry {
            id: "extra".into(),
            text: "Een tekst zonder titel.".into(),
            ..ArticleEntry::default()
        });
    }),
    case("articles.reference.unknown", "clauses.sanction", |p| {
        p.clauses.sanction.push_str(" Zie {artikel:nergens}.")
    }),
];

/// Regression guard for issue 14: a DPO without name and e-mail was counted twice.
#[test]
fn a_missing_dpo_is_one_finding_per_party_naming_what_is_missing() {
    let dpo_findings = |protocol: &Protocol| -> Vec<(String, String)> {
        findings(protocol)
            .into_iter()
            .filter(|f| f.rule == "party.dpo.missing")
            .map(|f| (f.path, f.message))
            .collect()
    };
    let mut protocol = complete();
    protocol.parties[0].dpo = Dpo::default();
    protocol.parties[1].dpo = Dpo::default();
    let found = dpo_findings(&protocol);
    assert_eq!(
        found
            .iter()
            .map(|(path, _)| path.as_str())
            .collect::<Vec<_>>(),
        ["parties[0].dpo.name", "parties[1].dpo.name"]
    );
    assert!(
        found[1]
            .1
            .starts_with("Vul de naam en het e-mailadres in van de functionaris"),
        "{found:?}"
    );
    protocol.parties[1].dpo.email = "privacy@voorbeeldegem.be".into();
    let found = dpo_findings(&protocol);
    assert_eq!(found.len(), 2);
    assert!(found[1].1.starts_with("Vul de naam in van"), "{found:?}");
    protocol.parties[1].dpo.email.clear();
    protocol.parties[1].dpo.name = "Sofie Claeys".into();
    let found = dpo_findings(&protocol);
    assert_eq!(found[1].0, "parties[1].dpo.email");
    assert!(found[1].1.starts_with("Vul het e-mailadres"), "{found:?}");
}

fn has(findings: &[Finding], rule: &str, path: &str) -> bool {
    findings.iter().any(|f| f.rule == rule && f.path == path)
}

#[test]
fn the_complete_fixture_gives_no_finding_at_all() {
    let found = findings(&complete());
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn every_rule_fires_at_its_path_and_not_on_the_complete_protocol() {
    let base = findings(&complete());
    let mut failures = Vec::new();
    for case in CASES {
        // Negative: the complete protocol does not trigger the rule.
        if base.iter().any(|f| f.rule == case.rule) {
            failures.push(format!("{}: fires on the complete protocol", case.rule));
        }
        // Positive: the change triggers it, at the field the UI should focus.
        let mut protocol = complete();
        (case.change)(&mut protocol);
        let found = findings(&protocol);
        if !has(&found, case.rule, case.path) {
            let got: Vec<String> = found
                .iter()
                .map(|f| format!("{} @ {}", f.rule, f.path))
                .collect();
            failures.push(format!(
                "{} @ {}: not found; got {got:?}",
                case.rule, case.path
            ));
        }
        for finding in found.iter().filter(|f| f.rule == case.rule) {
            let rule = check::find_rule(finding.rule).unwrap();
            if finding.severity != rule.severity {
                failures.push(format!("{}: severity {:?}", case.rule, finding.severity));
            }
            // A sentence ends in its full stop, also inside a closing quote (“… bus 2.”).
            let sentence_end = finding.message.trim_end_matches(['”', '’']);
            if finding.message.trim().is_empty() || !sentence_end.ends_with(['.', '?', '!']) {
                failures.push(format!("{}: message {:?}", case.rule, finding.message));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_catalogued_rule_has_a_case() {
    let covered: BTreeSet<&str> = CASES.iter().map(|case| case.rule).collect();
    let missing: Vec<&str> = RULES
        .iter()
        .map(|rule| rule.id)
        .filter(|id| !covered.contains(id))
        .collect();
    assert!(missing.is_empty(), "rules without a test case: {missing:?}");
    let ids: BTreeSet<&str> = RULES.iter().map(|rule| rule.id).collect();
    assert_eq!(ids.len(), RULES.len(), "a rule id is listed twice");
}

/// Changes that come close to a rule but must not trigger it.
#[test]
fn near_misses_do_not_fire() {
    let near_misses: &[Case] = &[
        // A group with a name and a status, members alike: nothing to say about it.
        case("group.missing_field", "groups[0].name", |p| {
            p.groups.push(PartyGroup {
                id: "g".into(),
                name: "partners".into(),
                legal_status: "Statuut.".into(),
                ..PartyGroup::default()
            });
            p.parties[0].group = "g".into();
            p.parties[1].group = "g".into();
        }),
        case("group.roles.differ", "groups[0]", |p| {
            p.groups.push(PartyGroup {
                id: "g".into(),
                name: "partners".into(),
                legal_status: "Statuut.".into(),
                ..PartyGroup::default()
            });
            p.parties[0].group = "g".into();
            p.parties[1].group = "g".into();
        }),
        // A shared processor for parties the protocol has.
        case(
            "shared_processor.parties.unknown",
            "shared_processors[0].parties",
            |p| {
                p.shared_processors.push(SharedProcessor {
                    parties: vec!["gemeente".into(), "opgroeien".into()],
                    processor: Processor {
                        name: "KRING".into(),
                        task: "hosting".into(),
                        agreement_concluded: true,
                        ..Processor::default()
                    },
                })
            },
        ),
        // An optional article left out, the rest reordered: still complete.
        case("articles.required.missing", "articles", |p| {
            p.articles = standard_articles();
            p.articles
                .retain(|entry| entry.standard != Some(StandardArticle::DataQuality));
            p.articles.swap(7, 8);
        }),
        // A reference to an article the protocol has.
        case("articles.reference.unknown", "clauses.sanction", |p| {
            p.clauses.sanction.push_str(" Zie {artikel:gegevens}.")
        }),
        // The flows say SFTP and the older recorded choice is empty: the flows decide.
        case(
            "municipal.channel.missing",
            "municipal.exchange_channel",
            |p| municipal(p).exchange_channel = ExchangeChannel::Unchosen,
        ),
        case("municipal.channel.missing", "flows[0].channel", |p| {
            municipal(p).exchange_channel = ExchangeChannel::Unchosen
        }),
        // SFTP whose key goes by e-mail names both: no contradiction.
        case(
            "flow.channel_detail.contradicts",
            "flows[0].channel_detail",
            |p| p.flows[0].channel_detail = "SFTP-server; de sleutel gaat per e-mail.".into(),
        ),
        // SFTP on the service integrator's platform: both true, nothing contradicts.
        case(
            "flow.service_integrator.inconsistent",
            "flows[0].via_service_integrator",
            |p| {
                p.flows[0].channel = ChannelKind::Sftp;
                p.flows[0].via_service_integrator = true;
                p.flows[0].service_integrator = "MAGDA".into();
            },
        ),
        // A college for whom the signatories sign, or a representative who signs.
        case(
            "party.representative.differs",
            "parties[1].representative",
            |p| {
                p.parties[1].representative = "het college van burgemeester en schepenen".into();
                p.parties[1].signatories_sign_for_representative = true;
            },
        ),
        case(
            "party.representative.differs",
            "parties[1].representative",
            |p| p.parties[1].representative = "Karolien De Smedt, burgemeester".into(),
        ),
        // Real KBO numbers from a signed protocol (reference/002): VUTG's ends in 97.
        case("party.kbo.checksum", "parties[1].kbo", |p| {
            p.parties[1].kbo = "0692.793.497".into()
        }),
        case("party.kbo.format", "parties[1].kbo", |p| {
            p.parties[1].kbo = "BE0692793497".into()
        }),
        // Two Flemish entities without legal personality: one KBO number (the Vlaamse
        // Gemeenschap's), told apart by their establishment numbers.
        case("party.kbo.duplicate", "parties[1].kbo", |p| {
            p.parties[1].kbo = "0886.886.638".into();
            p.parties[0].establishment_number = "2.146.484.492".into();
            p.parties[1].establishment_number = "2.000.000.042".into();
        }),
        // One of them with an establishment number is enough to tell them apart.
        case("party.kbo.duplicate", "parties[1].kbo", |p| {
            p.parties[1].kbo = "0886.886.638".into();
            p.parties[1].establishment_number = "2.000.000.042".into();
        }),
        case(
            "party.establishment_number.checksum",
            "parties[1].establishment_number",
            |p| p.parties[1].establishment_number = "2.146.484.492".into(),
        ),
        // A telephone number is a contact too.
        case("party.dpo.missing", "parties[1].dpo.email", |p| {
            p.parties[1].dpo.email.clear();
            p.parties[1].dpo.phone = "011 23 45 67".into();
        }),
        case(
            "party.establishment_number.format",
            "parties[1].establishment_number",
            |p| p.parties[1].establishment_number = " 2 146 484 492 ".into(),
        ),
        case(
            "flow.periodicity.day.missing",
            "flows[0].periodicity.day_of_month",
            |p| {
                p.flows[0].periodicity.frequency = Frequency::Monthly;
                p.flows[0].periodicity.day_of_month = Some(5);
            },
        ),
        case("security.channel.missing", "flows[0].channel_detail", |p| {
            p.flows[0].channel = ChannelKind::Other;
        }),
        case("duration.missing", "term.justification", |p| {
            p.term.kind = TermKind::Indefinite
        }),
        case("retention.missing", "retention", |p| {
            p.retention.clear();
            for item in &mut p.data_items {
                item.retention = "Zes maanden na de betaling.".into();
            }
        }),
        case("dpo_advice.in_future", "parties[1].dpo_advice.date", |p| {
            p.signing.date = None;
            p.parties[1].dpo_advice.date = date(2026, 6, 1);
        }),
        case(
            "dpo_advice.after_signing",
            "parties[1].dpo_advice.date",
            |p| p.parties[1].dpo_advice.date = date(2026, 3, 30),
        ),
        case(
            "dpo_advice.conditions",
            "parties[1].dpo_advice.remarks",
            |p| p.parties[1].dpo_advice.outcome = Some(AdviceOutcome::FavourableWithConditions),
        ),
        case("purpose.missing", "parties[1].original_purposes", |p| {
            p.parties[1].roles.provider = false;
            p.parties[1].original_purposes.clear();
        }),
        case(
            "recipients.missing",
            "parties[0].services_with_access",
            |p| {
                p.parties[0].roles.recipient = false;
                p.parties[0].services_with_access.clear();
            },
        ),
        // Opgroeien regie only receives the INSZ list it answers (item 1 travels both ways):
        // like the VUTG in reference/002 it is a provider in substance, with no article 4.
        case(
            "recipients.missing",
            "parties[0].services_with_access",
            |p| p.parties[0].services_with_access.clear(),
        ),
        case(
            "recipients.need_to_know.missing",
            "parties[0].need_to_know",
            |p| p.parties[0].need_to_know.clear(),
        ),
        case(
            "recipients.onward_disclosure.missing",
            "parties[0].onward_disclosure",
            |p| p.parties[0].onward_disclosure.clear(),
        ),
        // A one-line recital is short, not missing.
        case("recital.missing", "recitals.planned_flow", |p| {
            p.recitals.planned_flow = "Zie bijlage 2.".into()
        }),
        // One real flow beside a blank entry is enough.
        case("data_item.no_flow", "data_items[2].flows", |p| {
            p.data_items[2].flows = vec![" ".into(), "sociale-toeslag".into()]
        }),
        case(
            "processors.no_agreement",
            "parties[1].processors[0].agreement_concluded",
            |p| {
                p.parties[1].processors.push(Processor {
                    name: "Cipal Schaubroeck".into(),
                    task: "hosting van de sociale software".into(),
                    agreement_concluded: true,
                    ..Processor::default()
                })
            },
        ),
        // No advice at all is `dpo_advice.missing`, not a missing outcome.
        case(
            "dpo_advice.outcome.missing",
            "parties[1].dpo_advice.outcome",
            |p| {
                p.parties[1].dpo_advice.date = None;
                p.parties[1].dpo_advice.outcome = None;
            },
        ),
        // An incomplete address is a format warning, not a missing one.
        case(
            "transparency.url.missing",
            "parties[1].publication_url",
            |p| p.parties[1].publication_url = "www.voorbeeldegem.be".into(),
        ),
        case("text.contains_insz", "municipal.data_use", |p| {
            // Eleven digits that fail the check digits, and a telephone number.
            municipal(p).data_use = "Dossier 85010112300, tel. 0471 23 45 67.".into();
        }),
        case("text.contains_insz", "parties[1].dpo.phone", |p| {
            // Codes (telephone, e-mail, URL, KBO) are not searched for INSZ numbers.
            p.parties[1].dpo.phone = valid_insz();
        }),
        case("template.placeholder", "municipal.data_use", |p| {
            municipal(p).data_use.push_str(" Citaat: «sociale toeslag.");
        }),
        case(
            "data_item.justification.copied",
            "data_items[2].justification",
            |p| {
                let mut text = p.data_items[1].justification.clone();
                text.push_str(" Dat geldt ook voor de begunstigde.");
                p.data_items[2].justification = text;
            },
        ),
        case(
            "transparency.url.format",
            "parties[1].publication_url",
            |p| p.parties[1].publication_url = "http://voorbeeldegem.be".into(),
        ),
        case(
            "security.measure.encryption.missing",
            "security.measures",
            |p| {
                p.municipal = None;
                for flow in &mut p.flows {
                    flow.channel = ChannelKind::WebService;
                }
                remove_measure(p, MeasureKind::Encryption);
            },
        ),
        // The day of the e-govdecreet itself, and exactly ten years after today.
        case("date.before_decree", "signing.date", |p| {
            p.signing.date = date(2008, 7, 18)
        }),
        case("date.before_decree", "parties[0].dpo_advice.date", |p| {
            p.parties[0].dpo_advice.date = date(2008, 7, 18)
        }),
        case("date.far_future", "signing.date", |p| {
            p.signing.date = date(2036, 6, 1)
        }),
        case("date.far_future", "vtc_advice_date", |p| {
            p.vtc_advice_date = date(2036, 6, 1)
        }),
        // An import that placed everything leaves nothing to warn about.
        case("import.unplaced", "review.import.unplaced[0]", |p| {
            p.review.import = Some(protocolwijzer::model::ImportRecord {
                source: "Protocol 2019.docx".into(),
                ..Default::default()
            })
        }),
    ];
    let mut failures = Vec::new();
    for near_miss in near_misses {
        let mut protocol = complete();
        (near_miss.change)(&mut protocol);
        let found = findings(&protocol);
        if has(&found, near_miss.rule, near_miss.path) {
            failures.push(format!("{} @ {} fired", near_miss.rule, near_miss.path));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn municipal_rules_only_apply_to_the_opgroeien_case() {
    let mut protocol = complete();
    protocol.municipal = Some(MunicipalCase::default());
    let found = findings(&protocol);
    assert!(has(
        &found,
        "municipal.financial_scenario.missing",
        "municipal.financial_scenario"
    ));
    protocol.municipal = None;
    let found = findings(&protocol);
    assert!(
        !found
            .iter()
            .any(|f| f.rule.starts_with("municipal.") || f.rule.starts_with("gdpr.")),
        "{found:#?}"
    );
}

#[test]
fn findings_are_sorted_by_step_then_severity() {
    let protocol = protocolwijzer::template::new_protocol("leeg-protocol").unwrap();
    let found = findings(&protocol);
    assert!(found.len() > 10);
    assert!(
        found
            .windows(2)
            .all(|pair| (pair[0].step, pair[0].severity) <= (pair[1].step, pair[1].severity))
    );
    let summary = check::summary(&found);
    let total: usize = summary
        .iter()
        .map(|(_, counts)| counts.errors + counts.warnings + counts.infos)
        .sum();
    assert_eq!(total, found.len());
    assert!(check::has_errors(&found));
    assert!(
        found
            .iter()
            .all(|f| f.severity != Severity::Fout || !f.path.is_empty())
    );
}

/// A date years ahead is one finding, the mistyped year, not also "in the future"; a date a
/// little ahead is "in the future" only.
#[test]
fn a_far_future_advice_date_is_reported_once() {
    let mut protocol = complete();
    protocol.signing.date = None;
    protocol.parties[0].dpo_advice.date = date(2062, 3, 1);
    protocol.parties[1].dpo_advice.date = date(2027, 3, 1);
    let found = findings(&protocol);
    let at = |path: &str| -> Vec<&str> {
        found
            .iter()
            .filter(|f| f.path == path)
            .map(|f| f.rule)
            .collect()
    };
    assert_eq!(at("parties[0].dpo_advice.date"), ["date.far_future"]);
    assert_eq!(at("parties[1].dpo_advice.date"), ["dpo_advice.in_future"]);
    let message = &found
        .iter()
        .find(|f| f.rule == "date.far_future")
        .unwrap()
        .message;
    assert!(message.contains("1 maart 2062"), "{message}");
}
