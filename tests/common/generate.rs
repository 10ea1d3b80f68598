//! Proptest strategies that generate whole protocols with arbitrary Unicode text, for round
//! trips and for "never panics" tests of the check and the writers.

#![allow(dead_code)]

use chrono::NaiveDate;
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use protocolwijzer::model::*;

/// Arbitrary Unicode text, including control characters, quotes, backslashes and emoji.
pub fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => any::<String>(),
        1 => "[ -~ëéèïüö’‘“”–—€…\\n\\t\"\\\\«»]{0,40}",
        1 => Just(String::new()),
    ]
}

pub fn date() -> impl Strategy<Value = Option<NaiveDate>> {
    option::of((1900i32..2100, 1u32..=12, 1u32..=28))
        .prop_map(|parts| parts.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)))
}

fn article() -> impl Strategy<Value = Option<Article>> {
    option::of(proptest::sample::select(vec![Article::De, Article::Het]))
}

fn outcome() -> impl Strategy<Value = Option<AdviceOutcome>> {
    option::of(proptest::sample::select(AdviceOutcome::ALL.to_vec()))
}

prop_compose! {
    fn purpose()(description in text(), legal_basis in text()) -> Purpose {
        Purpose { description, legal_basis }
    }
}

prop_compose! {
    fn signatory()(name in text(), function in text()) -> Signatory {
        Signatory { name, function }
    }
}

prop_compose! {
    fn processor()(
        name in text(), task in text(), agreement_concluded in any::<bool>(),
        agreement_not_stated in any::<bool>(),
    ) -> Processor {
        Processor { name, task, agreement_concluded, agreement_not_stated }
    }
}

/// A group id from a small set, so parties and groups often meet (and sometimes miss).
fn group_id() -> impl Strategy<Value = String> {
    proptest::sample::select(vec![
        String::new(),
        "groep".to_string(),
        "actoren".to_string(),
        "x".to_string(),
    ])
}

prop_compose! {
    fn group()(
        id in group_id(), name in text(), article in article(), legal_status in text(),
        purposes in (vec(purpose(), 0..2), vec(purpose(), 0..2)),
        services_with_access in vec(text(), 0..2),
        need_to_know in text(), onward_disclosure in text(),
        processors in vec(processor(), 0..2),
    ) -> PartyGroup {
        PartyGroup {
            id, name, article, legal_status,
            original_purposes: purposes.0, processing_purposes: purposes.1,
            services_with_access, need_to_know, onward_disclosure, processors,
        }
    }
}

prop_compose! {
    fn shared_processor()(parties in vec(group_id(), 0..3), processor in processor()) -> SharedProcessor {
        SharedProcessor { parties, processor }
    }
}

/// An article list: empty (the standard one), or the standard articles shuffled, some left
/// out, with added articles whose texts may refer to others.
fn articles() -> impl Strategy<Value = Vec<ArticleEntry>> {
    let entry = prop_oneof![
        proptest::sample::select(StandardArticle::ALL.to_vec()).prop_map(ArticleEntry::standard),
        (text(), text(), text()).prop_map(|(id, title, text)| ArticleEntry {
            id,
            standard: None,
            title,
            text: format!("{text} {{artikel:gegevens}} {{artikel:"),
        }),
    ];
    prop_oneof![Just(Vec::new()), vec(entry, 0..14)]
}

prop_compose! {
    fn party_identity()(
        id in text(), legal_name in text(), kbo in text(), address in text(),
        short_name in text(), legal_status in text(), provider in any::<bool>(),
        recipient in any::<bool>(), signatories in vec(signatory(), 0..3),
        articles in (article(), article()),
        representation in (text(), any::<bool>()),
        group in group_id(),
    ) -> Party {
        Party {
            group,
            id, legal_name, kbo, address, short_name, legal_status,
            article: articles.0,
            legal_name_article: articles.1,
            roles: Roles { provider, recipient },
            signatories,
            representative: representation.0,
            signatories_sign_for_representative: representation.1,
            ..Party::default()
        }
    }
}

prop_compose! {
    pub fn party()(
        identity in party_identity(),
        dpo in (text(), text(), text()),
        advice in (date(), outcome(), text(), text()),
        original_purposes in vec(purpose(), 0..3),
        processing_purposes in vec(purpose(), 0..3),
        services_with_access in vec(text(), 0..3),
        need_to_know in text(),
        onward_disclosure in text(),
        processors in vec(processor(), 0..2),
        publication_url in text(),
        not_stated in (any::<bool>(), any::<bool>()),
    ) -> Party {
        Party {
            dpo: Dpo { name: dpo.0, email: dpo.1, phone: dpo.2 },
            dpo_advice: DpoAdvice {
                date: advice.0, outcome: advice.1, remarks: advice.2, fingerprint: advice.3,
                outcome_not_stated: not_stated.0,
            },
            original_purposes, processing_purposes, services_with_access, need_to_know,
            onward_disclosure, processors, publication_url,
            publication_url_not_stated: not_stated.1,
            ..identity
        }
    }
}

prop_compose! {
    pub fn flow()(
        id in text(), name in text(), from_party in text(), to_parties in vec(text(), 0..3),
        via_party in text(), description in text(),
        channel in proptest::sample::select(ChannelKind::ALL.to_vec()),
        channel_detail in text(), via_service_integrator in any::<bool>(),
        service_integrator in text(),
        frequency in proptest::sample::select(Frequency::ALL.to_vec()),
        day_of_month in option::of(any::<u8>()), detail in text(), justification in text(),
    ) -> DataFlow {
        DataFlow {
            id, name, from_party, to_parties, via_party, description, channel, channel_detail,
            via_service_integrator, service_integrator,
            periodicity: Periodicity { frequency, day_of_month, detail },
            justification,
        }
    }
}

prop_compose! {
    pub fn data_item()(
        description in text(), justification in text(), purpose in text(),
        flows in vec(text(), 0..3), retention in text(),
        special_category in proptest::sample::select(SpecialCategory::ALL.to_vec()),
        special_category_justification in text(),
    ) -> DataItem {
        DataItem {
            description, justification, purpose, flows, retention, special_category,
            special_category_justification,
        }
    }
}

fn confirmation() -> impl Strategy<Value = Confirmation> {
    (any::<bool>(), text()).prop_map(|(confirmed, detail)| Confirmation { confirmed, detail })
}

prop_compose! {
    fn municipal_case()(
        municipality_party in text(), data_use in text(), financial_scenario in text(),
        decision in (date(), text(), text()),
        exchange_channel in proptest::sample::select(ExchangeChannel::ALL.to_vec()),
        confirmations in (confirmation(), confirmation(), confirmation(), confirmation(), confirmation()),
    ) -> MunicipalCase {
        MunicipalCase {
            municipality_party, data_use, financial_scenario,
            college_decision: protocolwijzer::model::CollegeDecision {
                date: decision.0, reference: decision.1, body: decision.2,
            },
            exchange_channel,
            key_exchange: confirmations.0,
            destruction: confirmations.1,
            security_policy: confirmations.2,
            processing_register: confirmations.3,
            information_duty: confirmations.4,
        }
    }
}

prop_compose! {
    fn clauses()(texts in vec(text(), 6)) -> StandardClauses {
        StandardClauses {
            data_quality: texts[0].clone(), sanction: texts[1].clone(),
            notification: texts[2].clone(), transparency: texts[3].clone(),
            law_and_disputes: texts[4].clone(), entry_into_force: texts[5].clone(),
        }
    }
}

prop_compose! {
    fn measure()(kind in proptest::sample::select(MeasureKind::ALL.to_vec()), text in text()) -> SecurityMeasure {
        SecurityMeasure { kind, text }
    }
}

prop_compose! {
    fn head()(
        template in (text(), text(), text(), vec((text(), text(), text()), 0..3)),
        title in (text(), text(), text(), date()),
        recitals in (text(), text(), text(), text()),
    ) -> (TemplateInfo, Title, Recitals) {
        (
            TemplateInfo {
                name: template.0, title: template.1, version: template.2,
                locked: template.3.into_iter()
                    .map(|(path, by, reason)| LockedPart { path, by, reason })
                    .collect(),
            },
            Title { text: title.0, context: title.1, short_title: title.2, date: title.3 },
            Recitals { context: recitals.0, planned_flow: recitals.1, service_integrator: recitals.2, intent: recitals.3 },
        )
    }
}

fn moment() -> impl Strategy<Value = Option<chrono::NaiveDateTime>> {
    (date(), 0u32..24, 0u32..60)
        .prop_map(|(day, hour, minute)| day.and_then(|day| day.and_hms_opt(hour, minute, 0)))
}

fn step() -> impl Strategy<Value = Option<protocolwijzer::model::Step>> {
    option::of(proptest::sample::select(
        protocolwijzer::model::Step::ALL.to_vec(),
    ))
}

prop_compose! {
    fn person()(name in text(), role in proptest::sample::select(Role::ALL.to_vec()), organisation in text()) -> Person {
        Person { name, role, organisation }
    }
}

prop_compose! {
    fn comment()(
        id in any::<u32>(), step in step(), path in text(), author in person(), written in moment(),
        text in text(), resolved in option::of((person(), moment(), text())),
    ) -> Comment {
        Comment {
            id, step, path, author, written, text,
            resolved: resolved.map(|(by, when, remark)| Resolution { by, when, remark }),
        }
    }
}

prop_compose! {
    /// Review data: comments, verdicts, status, approval, history (no snapshots).
    pub fn review()(
        status in proptest::sample::select(Status::ALL.to_vec()),
        comments in vec(comment(), 0..3),
        verdicts in vec((step(), proptest::sample::select(VerdictKind::ALL.to_vec()), text(), person(), moment()), 0..3),
        approval in option::of((person(), date(), text(), text())),
        history in vec((moment(), person(), text(), text(), text()), 0..3),
        import in option::of((text(), moment(), vec((text(), text()), 0..3), vec((text(), text(), text()), 0..3))),
        addenda in vec((1u32..5, text(), text(), date(), vec(text(), 0..3)), 0..2),
        signed_pdf in option::of((text(), text(), text(), vec(text(), 0..3), vec(text(), 0..3), moment())),
    ) -> Review {
        Review {
            status,
            comments,
            verdicts: verdicts.into_iter().map(|(step, kind, comment, by, when)| Verdict { step, kind, comment, by, when }).collect(),
            approval: approval.map(|(by, date, fingerprint, remark)| Approval { by, date, fingerprint, remark }),
            history: history.into_iter().map(|(when, who, action, remark, fingerprint)| HistoryEntry { when, who, action, remark, fingerprint }).collect(),
            snapshots: Vec::new(),
            import: import.map(|(source, at, placements, unplaced)| ImportRecord {
                source,
                format: "Word".into(),
                at,
                placements: placements.into_iter().map(|(path, origin)| ImportPlacement { path, origin }).collect(),
                unplaced: unplaced.into_iter().map(|(section, origin, text)| UnplacedText { section, origin, text }).collect(),
            }),
            // An amendment in the making holds a whole protocol: the round trip of one is
            // tested in tests/addendum.rs.
            amendment: None,
            addenda: addenda
                .into_iter()
                .map(|(number, baseline_fingerprint, fingerprint, signed_on, changes)| {
                    protocolwijzer::model::AddendumRecord { number, baseline_fingerprint, fingerprint, signed_on, changes }
                })
                .collect(),
            signed_pdf: signed_pdf.map(|(file_name, sha256, fingerprint, signers, certificates, verified)| {
                protocolwijzer::model::SignedPdf { file_name, sha256, fingerprint, signers, certificates, verified }
            }),
        }
    }
}

prop_compose! {
    /// A whole protocol with arbitrary content in every field.
    pub fn protocol()(
        head in head(),
        parties in vec(party(), 0..4),
        flows in vec(flow(), 0..3),
        compatibility in text(), identifier in text(),
        data_items in vec(data_item(), 0..4),
        retention in text(),
        term in (proptest::sample::select(TermKind::ALL.to_vec()), text(), text()),
        security in (vec(measure(), 0..4), text()),
        data_subject_rights in (text(), any::<bool>()),
        clauses in clauses(),
        vtc_advice_date in date(),
        signing in (text(), date()),
        annexes in vec((text(), text()), 0..3),
        municipal in option::of(municipal_case()),
        review in review(),
        structure in (vec(group(), 0..3), vec(shared_processor(), 0..2), articles()),
    ) -> Protocol {
        Protocol {
            format: FORMAT_VERSION,
            template: head.0, title: head.1, parties, recitals: head.2, flows, compatibility,
            identifier, data_items, retention,
            term: Term { kind: term.0, description: term.1, justification: term.2 },
            security: Security { measures: security.0, additional_text: security.1 },
            data_subject_rights: data_subject_rights.0,
            data_subject_rights_not_stated: data_subject_rights.1,
            clauses, vtc_advice_date,
            signing: Signing { place: signing.0, date: signing.1 },
            annexes: annexes.into_iter().map(|(title, description)| Annex { title, description }).collect(),
            municipal,
            review,
            groups: structure.0,
            shared_processors: structure.1,
            articles: structure.2,
        }
    }
}
