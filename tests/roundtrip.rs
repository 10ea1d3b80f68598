//! Round trips through the file format: every template, and generated protocols with arbitrary
//! Unicode in every field, come back equal after save and load.

#![allow(clippy::unwrap_used)] // tests may unwrap: a failure is the test failing

mod common;

use std::path::Path;

use proptest::prelude::*;
use protocolwijzer::{file, model::FORMAT_VERSION, template};

#[test]
fn every_template_round_trips_through_a_file() {
    let folder = tempfile::tempdir().unwrap();
    for entry in template::TEMPLATES {
        let protocol = entry.protocol().unwrap();
        assert_eq!(protocol.format, FORMAT_VERSION);
        let path = folder.path().join(format!("{}.ron", entry.name));
        file::save(&path, &protocol).unwrap();
        let loaded = file::load(&path).unwrap();
        assert_eq!(loaded, protocol, "template {}", entry.name);
    }
}

#[test]
fn saved_text_starts_with_the_format_and_keeps_field_order() {
    let protocol = template::new_protocol(template::DEFAULT_TEMPLATE).unwrap();
    let text = file::to_ron_string(&protocol);
    let body: Vec<&str> = text
        .lines()
        .filter(|line| !line.starts_with("//"))
        .collect();
    assert_eq!(body[0], "(");
    assert_eq!(body[1].trim(), format!("format: {FORMAT_VERSION},"));
    // Saving twice gives the same text: the order is the model's, not a hash map's.
    assert_eq!(
        text,
        file::to_ron_string(&file::from_str(&text, Path::new("x.ron")).unwrap())
    );
    let position = |field: &str| text.find(&format!("\n    {field}:")).unwrap();
    assert!(position("format") < position("template"));
    assert!(position("parties") < position("flows"));
    assert!(position("flows") < position("data_items"));
    assert!(position("signing") < position("municipal"));
}

#[test]
fn dates_are_iso_in_the_file() {
    let mut protocol = template::new_protocol(template::DEFAULT_TEMPLATE).unwrap();
    protocol.signing.date = chrono::NaiveDate::from_ymd_opt(2025, 2, 13);
    let text = file::to_ron_string(&protocol);
    assert!(text.contains("Some(\"2025-02-13\")"), "{text}");
}

#[test]
fn generated_protocols_round_trip() {
    common::for_generated_protocols(64, |protocol| {
        let text = file::to_ron_string(&protocol);
        let loaded = file::from_str(&text, Path::new("generated.ron"));
        prop_assert!(
            loaded.is_ok(),
            "{}",
            loaded.err().map(|e| e.to_string()).unwrap_or_default()
        );
        prop_assert_eq!(loaded.unwrap(), protocol);
        Ok(())
    });
}

#[test]
fn generated_protocols_round_trip_through_disk() {
    common::for_generated_protocols(16, |protocol| {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("protocol.ron");
        file::save(&path, &protocol).unwrap();
        prop_assert_eq!(file::load(&path).unwrap(), protocol);
        Ok(())
    });
}

#[test]
fn the_example_in_the_format_documentation_is_the_template() {
    let documentation =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/FORMAT.md")).unwrap();
    let example = documentation
        .split("```ron\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("docs/FORMAT.md has a ```ron example");
    let protocol = file::from_str(example, Path::new("docs/FORMAT.md")).unwrap();
    assert_eq!(
        protocol,
        template::new_protocol(template::DEFAULT_TEMPLATE).unwrap()
    );
    assert_eq!(
        example,
        file::to_ron_string(&protocol),
        "regenerate the example with scripts/regenerate-format-example.sh"
    );
}

#[test]
fn the_stress_protocol_has_the_promised_size_and_round_trips() {
    let protocol = common::stress::stress_protocol();
    assert_eq!(protocol.parties.len(), 12);
    assert_eq!(protocol.data_items.len(), 250);
    for party in &protocol.parties {
        assert!(
            protocolwijzer::check::identifiers::check_kbo(&party.kbo).is_ok(),
            "{}",
            party.kbo
        );
    }
    let text = file::to_ron_string(&protocol);
    assert_eq!(
        file::from_str(&text, Path::new("stress.ron")).unwrap(),
        protocol
    );
}

/// Files written in format 1 (before articles, representatives, "niet vermeld" and routes via a
/// party) load, convert to the current format, and say exactly what they said: the same
/// document text, the same fingerprint (so an approval or advice given on them still holds).
#[test]
fn format_1_files_load_convert_and_export_the_same_text() {
    for name in [
        "agodi-kind-en-gezin.ron",
        "opgroeien-gemeente-ingevuld.ron",
        "zeven-partijen.ron",
    ] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("    format: 1,"), "{name} is a format-1 file");
        let old = file::from_str(&text, &path).unwrap();
        assert_eq!(old.format, FORMAT_VERSION, "{name} converted");
        let saved = file::to_ron_string(&old);
        assert!(saved.contains(&format!("    format: {FORMAT_VERSION},")));
        let new = file::from_str(&saved, &path).unwrap();
        assert_eq!(old, new, "{name}: nothing lost in the conversion");
        assert_eq!(
            protocolwijzer::model::fingerprint::fingerprint(&old),
            protocolwijzer::model::fingerprint::fingerprint(&new),
            "{name}: the fingerprint survives"
        );
        let findings = protocolwijzer::check::check(&new, &protocolwijzer::check::Context::today());
        let document = |protocol| {
            protocolwijzer::pipeline::document(
                protocol,
                &findings,
                protocolwijzer::pipeline::Product::Protocol,
            )
            .plain_text()
        };
        assert_eq!(document(&old), document(&new), "{name}: the same text");
        assert_eq!(
            protocolwijzer::review::is_approved(&old),
            protocolwijzer::review::is_approved(&new),
            "{name}: an approval still holds"
        );
    }
}
