//! The protocol fixtures in `tests/fixtures/`: every file loads, survives a save/load round trip
//! unchanged, refers only to parties and flows that exist, and carries valid KBO numbers; and
//! each fixture holds the facts of the document it stands for.

#![allow(clippy::unwrap_used)] // tests may unwrap: a failure is the test failing

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use protocolwijzer::check::identifiers::{check_kbo, find_insz};
use protocolwijzer::file;
use protocolwijzer::model::{
    AdviceOutcome, ChannelKind, ExchangeChannel, Frequency, MeasureKind, Protocol, SpecialCategory,
    TermKind,
};
use protocolwijzer::template;

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("fixtures")
}

/// Every `.ron` file in the fixtures folder, sorted by name.
fn fixture_paths() -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(fixtures_dir())
        .expect("tests/fixtures can be read")
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "ron"))
        .collect();
    paths.sort();
    paths
}

fn load(name: &str) -> Protocol {
    let path = fixtures_dir().join(name);
    file::load(&path).unwrap_or_else(|error| panic!("{error}"))
}

fn raw(name: &str) -> String {
    std::fs::read_to_string(fixtures_dir().join(name)).expect("fixture can be read")
}

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("valid ISO date")
}

fn is_blank(text: &str) -> bool {
    text.trim().is_empty()
}

/// Checks that hold for every fixture; returns the problems found, prefixed with the file name.
fn general_problems(name: &str, protocol: &Protocol, text: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let mut report = |problem: String| problems.push(format!("{name}: {problem}"));

    let party_ids: HashSet<&str> = protocol.parties.iter().map(|p| p.id.as_str()).collect();
    let flow_ids: HashSet<&str> = protocol.flows.iter().map(|f| f.id.as_str()).collect();
    if party_ids.len() != protocol.parties.len() {
        report("two parties share an id".into());
    }
    if flow_ids.len() != protocol.flows.len() {
        report("two flows share an id".into());
    }
    if protocol.parties.iter().any(|party| is_blank(&party.id)) {
        report("a party has no id".into());
    }

    for flow in &protocol.flows {
        if !party_ids.contains(flow.from_party.as_str()) {
            report(format!(
                "flow {} comes from unknown party {}",
                flow.id, flow.from_party
            ));
        }
        if flow.to_parties.is_empty() {
            report(format!("flow {} goes to nobody", flow.id));
        }
        for to in &flow.to_parties {
            if !party_ids.contains(to.as_str()) {
                report(format!("flow {} goes to unknown party {to}", flow.id));
            }
            if *to == flow.from_party {
                report(format!("flow {} goes to its own sender", flow.id));
            }
        }
        if let Some(sender) = protocol.party(&flow.from_party)
            && !sender.roles.provider
        {
            report(format!(
                "flow {} comes from {}, which is no provider",
                flow.id, sender.id
            ));
        }
        for to in &flow.to_parties {
            if let Some(receiver) = protocol.party(to)
                && !receiver.roles.recipient
            {
                report(format!(
                    "flow {} goes to {}, which is no recipient",
                    flow.id, receiver.id
                ));
            }
        }
        if !protocol
            .data_items
            .iter()
            .any(|item| item.flows.contains(&flow.id))
        {
            report(format!("no data item travels in flow {}", flow.id));
        }
    }
    for (index, item) in protocol.data_items.iter().enumerate() {
        if item.flows.is_empty() {
            report(format!("data item {} is in no flow", index + 1));
        }
        for id in &item.flows {
            if !flow_ids.contains(id.as_str()) {
                report(format!(
                    "data item {} refers to unknown flow {id}",
                    index + 1
                ));
            }
        }
    }
    if let Some(case) = &protocol.municipal
        && !party_ids.contains(case.municipality_party.as_str())
    {
        report(format!(
            "municipal case names unknown party {}",
            case.municipality_party
        ));
    }

    let mut kbos = HashSet::new();
    for party in &protocol.parties {
        if let Err(problem) = check_kbo(&party.kbo) {
            report(format!(
                "KBO {:?} of {} fails: {problem:?}",
                party.kbo, party.id
            ));
        }
        if !kbos.insert(party.kbo.replace('.', "")) {
            report(format!("KBO {} occurs twice", party.kbo));
        }
    }

    // DPO advice and the VTC's advice come before signing.
    if let Some(signed) = protocol.signing.date {
        for party in &protocol.parties {
            if let Some(advised) = party.dpo_advice.date
                && advised > signed
            {
                report(format!(
                    "DPO advice of {} ({advised}) after signing ({signed})",
                    party.id
                ));
            }
        }
        if let Some(vtc) = protocol.vtc_advice_date
            && vtc > signed
        {
            report(format!("VTC advice ({vtc}) after signing ({signed})"));
        }
    }

    // A protocol describes data; it never holds a citizen's number.
    for range in find_insz(text) {
        report(format!("text looks like an INSZ: {:?}", &text[range]));
    }
    problems
}

#[test]
fn every_fixture_loads_round_trips_and_is_consistent() {
    let paths = fixture_paths();
    assert!(
        paths.len() >= 4,
        "expected at least the four fixtures, found {paths:?}"
    );
    let mut problems = Vec::new();
    for path in &paths {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("?")
            .to_string();
        let protocol = match file::load(path) {
            Ok(protocol) => protocol,
            Err(error) => {
                problems.push(format!("{error}"));
                continue;
            }
        };
        let saved = file::to_ron_string(&protocol);
        match file::from_str(&saved, path) {
            Ok(reloaded) if reloaded == protocol => {}
            Ok(_) => problems.push(format!("{name}: changes in a save/load round trip")),
            Err(error) => problems.push(format!("{name}: saved text does not load: {error}")),
        }
        let text = std::fs::read_to_string(path).unwrap_or_default();
        problems.extend(general_problems(&name, &protocol, &text));
    }
    assert!(
        problems.is_empty(),
        "fixture problems:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_expected_fixtures_are_present() {
    let names: Vec<String> = fixture_paths()
        .iter()
        .filter_map(|path| {
            path.file_name()
                .and_then(|n| n.to_str())
                .map(str::to_string)
        })
        .collect();
    for expected in [
        "agodi-kind-en-gezin.ron",
        "opgroeien-gemeente-ingevuld.ron",
        "vutg-opgroeien-2025.ron",
        "zeven-partijen.ron",
    ] {
        assert!(
            names.iter().any(|name| name == expected),
            "{expected} missing in {names:?}"
        );
    }
}

#[test]
fn vutg_fixture_holds_the_signed_protocol() {
    let protocol = load("vutg-opgroeien-2025.ron");

    assert_eq!(protocol.parties.len(), 2);
    let vutg = protocol.party("vutg").expect("party vutg");
    let opgroeien = protocol.party("opgroeien").expect("party opgroeien");
    assert_eq!(vutg.kbo, "0692.793.497");
    assert_eq!(opgroeien.kbo, "0886.886.638");
    assert_eq!(vutg.short_name, "VUTG");
    assert_eq!(opgroeien.short_name, "Opgroeien regie");
    assert!(vutg.address.contains("Simon Bolivarlaan 17"));
    assert!(opgroeien.address.contains("Hallepoortlaan 27"));
    assert_eq!(vutg.signatories.len(), 1);
    assert_eq!(vutg.signatories[0].name, "Leo Van Loo");
    assert_eq!(vutg.signatories[0].function, "gedelegeerd bestuurder");
    assert_eq!(
        opgroeien.signatories[0].function,
        "waarnemend administrateur-generaal"
    );
    assert!(vutg.legal_status.contains("decreet van 7 juli 2017"));
    assert!(opgroeien.legal_status.contains("decreet van 30 april 2004"));

    assert_eq!(vutg.dpo_advice.date, Some(date("2025-02-12")));
    assert_eq!(opgroeien.dpo_advice.date, Some(date("2025-01-30")));
    assert!(vutg.publication_url.contains("www.gpedia.be"));
    assert!(opgroeien.publication_url.contains("www.opgroeien.be"));
    assert_eq!(
        opgroeien.services_with_access,
        ["IT", "Team Financieel beheer", "Team Datamanagement"]
    );
    assert_eq!(vutg.original_purposes.len(), 2);
    assert!(!opgroeien.original_purposes.is_empty());
    assert!(
        opgroeien.processing_purposes[0]
            .legal_basis
            .contains("Artikel 5, §2")
    );

    for part in [
        &protocol.recitals.context,
        &protocol.recitals.planned_flow,
        &protocol.recitals.service_integrator,
        &protocol.recitals.intent,
        &protocol.compatibility,
        &protocol.identifier,
        &protocol.retention,
    ] {
        assert!(!is_blank(part));
    }

    assert_eq!(protocol.data_items.len(), 10);
    assert!(
        protocol
            .data_items
            .iter()
            .all(|item| !is_blank(&item.description) && !is_blank(&item.justification))
    );
    assert!(
        protocol
            .data_items
            .iter()
            .all(|item| item.special_category == SpecialCategory::None)
    );
    assert_eq!(
        protocol.data_items[0].flows,
        ["insz-lijst", "verrijkte-gegevens"]
    );
    assert!(
        protocol.data_items[1..]
            .iter()
            .all(|item| item.flows == ["verrijkte-gegevens"])
    );

    assert_eq!(protocol.flows.len(), 2);
    let insz = protocol.flow("insz-lijst").expect("flow insz-lijst");
    assert_eq!(insz.from_party, "opgroeien");
    assert_eq!(insz.to_parties, ["vutg"]);
    let enriched = protocol
        .flow("verrijkte-gegevens")
        .expect("flow verrijkte-gegevens");
    assert_eq!(enriched.from_party, "vutg");
    assert_eq!(enriched.to_parties, ["opgroeien"]);
    for flow in &protocol.flows {
        assert_eq!(flow.channel, ChannelKind::Sftp);
        assert!(!flow.via_service_integrator);
        assert_eq!(flow.periodicity.frequency, Frequency::Once);
        assert!(flow.periodicity.detail.contains("2025"));
    }

    assert_eq!(protocol.term.kind, TermKind::Fixed);
    let kinds: Vec<MeasureKind> = protocol.security.measures.iter().map(|m| m.kind).collect();
    assert_eq!(
        kinds,
        [
            MeasureKind::Channel,
            MeasureKind::ConfidentialityDeclaration,
            MeasureKind::DeletionAfterUse
        ]
    );
    assert!(protocol.security.measures[0].text.contains("Kring"));

    let clauses = &protocol.clauses;
    for clause in [
        &clauses.data_quality,
        &clauses.sanction,
        &clauses.notification,
        &clauses.transparency,
        &clauses.law_and_disputes,
        &clauses.entry_into_force,
    ] {
        assert!(!is_blank(clause));
    }

    assert_eq!(protocol.signing.place, "Brussel");
    assert_eq!(protocol.signing.date, Some(date("2025-02-13")));
    assert_eq!(protocol.title.date, Some(date("2025-02-13")));
    assert_eq!(protocol.vtc_advice_date, None);
    assert_eq!(protocol.annexes.len(), 2);
    assert!(protocol.municipal.is_none());
}

/// The value at a lock path (`parties[0].kbo`, `security.measures[2]`) in the JSON form of a
/// protocol.
fn at_path<'a>(value: &'a serde_json::Value, path: &str) -> Option<&'a serde_json::Value> {
    let mut current = value;
    for segment in path.split('.') {
        let (field, index) = match segment.split_once('[') {
            Some((field, rest)) => (
                field,
                Some(rest.trim_end_matches(']').parse::<usize>().ok()?),
            ),
            None => (segment, None),
        };
        current = current.get(field)?;
        if let Some(index) = index {
            current = current.get(index)?;
        }
    }
    Some(current)
}

#[test]
fn gemeente_fixture_fills_in_the_template_without_touching_its_locked_parts() {
    let protocol = load("opgroeien-gemeente-ingevuld.ron");
    let text = raw("opgroeien-gemeente-ingevuld.ron");
    let original = template::new_protocol(template::DEFAULT_TEMPLATE).expect("built-in template");

    assert_eq!(
        protocol.template, original.template,
        "the template block is kept as is"
    );
    let filled = serde_json::to_value(&protocol).expect("protocol as JSON");
    let pristine = serde_json::to_value(&original).expect("template as JSON");
    for lock in &original.template.locked {
        assert_eq!(
            at_path(&filled, &lock.path),
            at_path(&pristine, &lock.path),
            "locked part {} differs from the template",
            lock.path
        );
        assert!(
            at_path(&filled, &lock.path).is_some(),
            "locked path {} not found",
            lock.path
        );
    }

    assert!(
        !text.contains('«') && !text.contains('»'),
        "placeholder left in the text"
    );

    let case = protocol.municipal.as_ref().expect("municipal case");
    let gemeente = protocol
        .party(&case.municipality_party)
        .expect("municipality party");
    assert_eq!(gemeente.legal_name, "Gemeente Voorbeeldegem");
    assert!(check_kbo(&gemeente.kbo).is_ok());
    for (what, value) in [
        ("legal_name", &gemeente.legal_name),
        ("kbo", &gemeente.kbo),
        ("address", &gemeente.address),
        ("short_name", &gemeente.short_name),
        ("legal_status", &gemeente.legal_status),
        ("dpo.name", &gemeente.dpo.name),
        ("dpo.email", &gemeente.dpo.email),
        ("need_to_know", &gemeente.need_to_know),
        ("onward_disclosure", &gemeente.onward_disclosure),
        ("publication_url", &gemeente.publication_url),
        ("data_use", &case.data_use),
        ("financial_scenario", &case.financial_scenario),
        (
            "college_decision.reference",
            &case.college_decision.reference,
        ),
        ("college_decision.body", &case.college_decision.body),
        ("title.short_title", &protocol.title.short_title),
        ("signing.place", &protocol.signing.place),
    ] {
        assert!(!is_blank(value), "{what} is empty");
    }
    let functions: Vec<&str> = gemeente
        .signatories
        .iter()
        .map(|s| s.function.as_str())
        .collect();
    assert_eq!(functions, ["burgemeester", "algemeen directeur"]);
    assert!(gemeente.signatories.iter().all(|s| !is_blank(&s.name)));
    assert!(!gemeente.processing_purposes.is_empty());
    assert!(
        gemeente
            .processing_purposes
            .iter()
            .all(|p| !is_blank(&p.description) && !is_blank(&p.legal_basis))
    );
    assert!(!gemeente.services_with_access.is_empty());
    assert!(case.financial_scenario.contains("€"));

    assert_eq!(case.exchange_channel, ExchangeChannel::Sftp);
    assert!(
        protocol
            .flows
            .iter()
            .all(|flow| flow.channel == ChannelKind::Sftp)
    );
    for (what, confirmation) in [
        ("key_exchange", &case.key_exchange),
        ("destruction", &case.destruction),
        ("security_policy", &case.security_policy),
        ("processing_register", &case.processing_register),
        ("information_duty", &case.information_duty),
    ] {
        assert!(confirmation.confirmed, "{what} not confirmed");
        assert!(!is_blank(&confirmation.detail), "{what} without detail");
    }

    // Every date set, in 2026, before 1 November 2026; advice and decision before signing.
    let signed = protocol.signing.date.expect("signing date");
    assert_eq!(protocol.title.date, Some(signed));
    let decided = case.college_decision.date.expect("college decision date");
    let mut dates = vec![signed, decided];
    for party in &protocol.parties {
        let advised = party.dpo_advice.date.expect("DPO advice date");
        assert!(
            advised < signed,
            "advice of {} not before signing",
            party.id
        );
        assert_eq!(party.dpo_advice.outcome, Some(AdviceOutcome::Favourable));
        dates.push(advised);
    }
    assert!(decided < signed);
    for day in dates {
        assert!(
            day >= date("2026-01-01") && day < date("2026-11-01"),
            "{day} out of range"
        );
    }
}

#[test]
fn agodi_fixture_holds_the_deliberation() {
    let protocol = load("agodi-kind-en-gezin.ron");

    assert_eq!(protocol.parties.len(), 2);
    let agodi = protocol.party("agodi").expect("party agodi");
    let kg = protocol
        .party("kind-en-gezin")
        .expect("party kind-en-gezin");
    assert!(agodi.roles.provider && !agodi.roles.recipient);
    assert!(kg.roles.recipient && !kg.roles.provider);
    assert_eq!(agodi.short_name, "AgODi");
    assert_eq!(kg.short_name, "Kind en Gezin");
    assert!(!agodi.original_purposes.is_empty());
    assert_eq!(
        kg.processing_purposes.len(),
        3,
        "three purposes of Kind en Gezin"
    );
    assert!(kg.processors.iter().any(|p| p.name.contains("Smals")));

    assert!(protocol.identifier.contains("INSZ"));
    assert_eq!(protocol.data_items.len(), 4);
    assert!(protocol.data_items[0].description.contains("INSZ"));

    assert_eq!(protocol.flows.len(), 1);
    let flow = &protocol.flows[0];
    assert_eq!(flow.from_party, "agodi");
    assert_eq!(flow.to_parties, ["kind-en-gezin"]);
    assert_eq!(flow.periodicity.frequency, Frequency::Continuous);
    assert!(flow.via_service_integrator);
    assert_eq!(flow.channel, ChannelKind::ServiceIntegrator);

    assert_eq!(protocol.term.kind, TermKind::Fixed);
    assert!(protocol.term.description.contains("1 januari 2019"));
    assert_eq!(protocol.vtc_advice_date, Some(date("2017-12-20")));
    let signed = protocol.signing.date.expect("signing date");
    assert!(signed < date("2019-01-01"));
}

#[test]
fn zeven_partijen_fixture_has_one_provider_six_recipients_and_three_flows() {
    let protocol = load("zeven-partijen.ron");

    assert_eq!(protocol.parties.len(), 7);
    assert_eq!(protocol.providers().count(), 1);
    assert_eq!(protocol.recipients().count(), 6);
    let provider = protocol.providers().next().expect("a provider");

    assert_eq!(protocol.flows.len(), 3);
    assert!(
        protocol
            .flows
            .iter()
            .all(|flow| flow.from_party == provider.id)
    );
    let frequencies: Vec<Frequency> = protocol
        .flows
        .iter()
        .map(|flow| flow.periodicity.frequency)
        .collect();
    assert_eq!(
        frequencies,
        [Frequency::Once, Frequency::Monthly, Frequency::Continuous]
    );
    assert_eq!(protocol.flows[1].periodicity.day_of_month, Some(5));
    let continuous = &protocol.flows[2];
    assert!(continuous.via_service_integrator);
    assert_eq!(continuous.channel, ChannelKind::ServiceIntegrator);
    assert!(continuous.service_integrator.contains("MAGDA"));
    assert_eq!(continuous.to_parties.len(), 6);

    assert!(protocol.data_items.len() >= 8);
    for item in &protocol.data_items {
        assert!(!is_blank(&item.description) && !is_blank(&item.justification));
        if item.special_category.is_special() {
            assert!(!is_blank(&item.special_category_justification));
        }
    }

    let signed = protocol.signing.date.expect("signing date");
    assert!(!is_blank(&protocol.signing.place));
    assert!(protocol.vtc_advice_date.is_some_and(|vtc| vtc < signed));
    for party in &protocol.parties {
        assert!(
            !is_blank(&party.dpo.name) && !is_blank(&party.dpo.email),
            "{} DPO",
            party.id
        );
        assert!(
            party.dpo_advice.date.is_some_and(|d| d < signed),
            "{} advice",
            party.id
        );
        assert!(
            party.dpo_advice.outcome.is_some(),
            "{} advice outcome",
            party.id
        );
        assert!(!party.signatories.is_empty());
        assert!(
            party
                .signatories
                .iter()
                .all(|s| !is_blank(&s.name) && !is_blank(&s.function))
        );
        assert!(
            !is_blank(&party.publication_url),
            "{} publication",
            party.id
        );
        if party.roles.recipient {
            assert!(
                !party.processing_purposes.is_empty(),
                "{} purposes",
                party.id
            );
            assert!(
                !party.services_with_access.is_empty(),
                "{} services",
                party.id
            );
            assert!(!is_blank(&party.need_to_know), "{} need to know", party.id);
        }
        if party.legal_name.starts_with("Gemeente") || party.legal_name.starts_with("Stad") {
            let functions: Vec<&str> = party
                .signatories
                .iter()
                .map(|s| s.function.as_str())
                .collect();
            assert_eq!(
                functions,
                ["burgemeester", "algemeen directeur"],
                "{}",
                party.id
            );
        }
    }
    assert!(
        protocol
            .parties
            .iter()
            .filter(|p| p.signatories.len() >= 2)
            .count()
            >= 2
    );
}

#[test]
fn the_general_checks_catch_broken_references_and_kbo_typos() {
    let mut protocol = load("vutg-opgroeien-2025.ron");
    protocol.data_items[3].flows.push("bestaat-niet".into());
    protocol.flows[0].to_parties.push("niemand".into());
    protocol.parties[0].kbo = "0692.793.498".into();
    protocol.parties[1].dpo_advice.date = Some(date("2025-03-01"));
    let problems = general_problems(
        "gewijzigd",
        &protocol,
        "rijksregisternummer 85.07.30-033.28",
    );
    for expected in [
        "bestaat-niet",
        "niemand",
        "0692.793.498",
        "after signing",
        "INSZ",
    ] {
        assert!(
            problems.iter().any(|problem| problem.contains(expected)),
            "no problem mentions {expected}: {problems:?}"
        );
    }
}
