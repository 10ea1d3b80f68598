//! The stress protocol of the performance targets: 12 parties, 250 data items, long texts.
//! Used by tests and (through `#[path]`) by the benchmarks.

#![allow(dead_code)]

use chrono::NaiveDate;
use protocolwijzer::model::*;

/// A KBO number with valid check digits, derived from `seed`.
pub fn valid_kbo(seed: u32) -> String {
    let body = 2_000_000 + seed * 7919 % 7_000_000;
    let check = 97 - body % 97;
    let digits = format!("{body:08}{check:02}");
    format!("{}.{}.{}", &digits[..4], &digits[4..7], &digits[7..])
}

fn long_text(topic: &str, sentences: usize) -> String {
    (1..=sentences)
        .map(|n| {
            format!(
                "Zin {n} over {topic}: de gegevens zijn nodig om de tegemoetkoming correct, \
                 tijdig en zonder bijkomende vragen aan de gezinnen toe te kennen, en ze worden \
                 na gebruik verwijderd."
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// 12 parties (one provider, eleven recipients), three flows, 250 data items with long texts.
pub fn stress_protocol() -> Protocol {
    let date = |month, day| NaiveDate::from_ymd_opt(2026, month, day);
    let parties: Vec<Party> = (0..12)
        .map(|index| Party {
            id: format!("partij-{index}"),
            legal_name: format!("Lokaal bestuur Voorbeeldgem {index}"),
            kbo: valid_kbo(index + 1),
            establishment_number: String::new(),
            address: format!("Marktplein {index}, 9{index:03} Voorbeeldgem"),
            short_name: format!("Voorbeeldgem {index}"),
            legal_status: long_text("het juridisch statuut", 3),
            roles: Roles {
                provider: index == 0,
                recipient: index != 0,
            },
            signatories: vec![
                Signatory {
                    name: format!("Burgemeester {index}"),
                    function: "burgemeester".into(),
                },
                Signatory {
                    name: format!("Directeur {index}"),
                    function: "algemeen directeur".into(),
                },
            ],
            dpo: Dpo {
                name: format!("DPO {index}"),
                email: format!("dpo{index}@voorbeeldgem.be"),
                phone: String::new(),
            },
            dpo_advice: DpoAdvice {
                date: date(3, 1 + index),
                outcome: Some(AdviceOutcome::Favourable),
                remarks: String::new(),
                fingerprint: String::new(),
                outcome_not_stated: false,
            },
            original_purposes: vec![Purpose {
                description: long_text("het oorspronkelijke doel", 2),
                legal_basis: "Decreet van 27 april 2018 tot regeling van de toelagen in het kader van het gezinsbeleid.".into(),
            }],
            processing_purposes: vec![Purpose {
                description: long_text("de verdere verwerking", 2),
                legal_basis: "Decreet over het lokaal bestuur van 22 december 2017.".into(),
            }],
            services_with_access: vec!["Sociale dienst".into(), "Financiële dienst".into()],
            need_to_know: long_text("need-to-know", 2),
            onward_disclosure: "Geen verdere doorgifte.".into(),
            processors: Vec::new(),
            publication_url: format!("https://www.voorbeeldgem{index}.be/privacy"),
            ..Party::default()
        })
        .collect();
    let recipients: Vec<String> = parties[1..].iter().map(|party| party.id.clone()).collect();
    let flow = |id: &str, name: &str, frequency, channel| DataFlow {
        id: id.into(),
        name: name.into(),
        from_party: "partij-0".into(),
        to_parties: recipients.clone(),
        via_party: String::new(),
        description: long_text(name, 3),
        channel,
        channel_detail: "Beheerd door de verstrekker.".into(),
        via_service_integrator: channel == ChannelKind::ServiceIntegrator,
        service_integrator: if channel == ChannelKind::ServiceIntegrator {
            "Vlaamse Dienstenintegrator (MAGDA)".into()
        } else {
            String::new()
        },
        periodicity: Periodicity {
            frequency,
            day_of_month: (frequency == Frequency::Monthly).then_some(5),
            detail: String::new(),
        },
        justification: long_text("de periodiciteit", 2),
    };
    let flows = vec![
        flow(
            "eenmalig",
            "Eenmalige lijst",
            Frequency::Once,
            ChannelKind::Sftp,
        ),
        flow(
            "maandelijks",
            "Maandelijkse lijst",
            Frequency::Monthly,
            ChannelKind::Sftp,
        ),
        flow(
            "raadpleging",
            "Permanente raadpleging",
            Frequency::Continuous,
            ChannelKind::ServiceIntegrator,
        ),
    ];
    let data_items = (1..=250)
        .map(|n| DataItem {
            description: format!("Gegeven nummer {n}: {}", long_text("de omschrijving", 1)),
            justification: format!(
                "Verantwoording {n}. {}",
                long_text("de proportionaliteit", 4)
            ),
            purpose: "Toekennen van de tegemoetkoming.".into(),
            flows: vec![flows[n % 3].id.clone()],
            retention: String::new(),
            special_category: SpecialCategory::None,
            special_category_justification: String::new(),
        })
        .collect();
    Protocol {
        title: Title {
            text: String::new(),
            context: "een stresstest met veel partijen en gegevens".into(),
            short_title: "Stressprotocol".into(),
            date: date(4, 20),
        },
        parties,
        recitals: Recitals {
            context: long_text("de context", 8),
            planned_flow: long_text("het verloop", 8),
            service_integrator: long_text("de dienstenintegrator", 3),
            intent: "De partijen willen dit protocol sluiten en bekendmaken.".into(),
        },
        flows,
        compatibility: long_text("de verenigbaarheid", 4),
        identifier: "INSZ-nummer".into(),
        data_items,
        retention: long_text("de bewaartermijn", 2),
        term: Term {
            kind: TermKind::Indefinite,
            description: "onbepaalde duur".into(),
            justification: long_text("de duur", 2),
        },
        security: Security {
            measures: MeasureKind::ALL
                .iter()
                .map(|kind| SecurityMeasure {
                    kind: *kind,
                    text: long_text(kind.label(), 1),
                })
                .collect(),
            additional_text: long_text("de beveiliging", 2),
        },
        data_subject_rights: long_text("de rechten", 3),
        clauses: StandardClauses {
            data_quality: long_text("de kwaliteit", 3),
            sanction: long_text("de sanctie", 3),
            notification: long_text("de meldingen", 3),
            transparency: long_text("de transparantie", 3),
            law_and_disputes: long_text("het recht", 3),
            entry_into_force: long_text("de inwerkingtreding", 3),
        },
        vtc_advice_date: None,
        signing: Signing {
            place: "Brussel".into(),
            date: date(4, 20),
        },
        annexes: vec![Annex {
            title: "Analyse".into(),
            description: String::new(),
        }],
        ..Protocol::default()
    }
}
