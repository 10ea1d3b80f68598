//! Issue 17 §3, the submission package (Indienpakket): what the zip holds, that inhoud.txt's
//! checksums and fingerprint are right, the refusal while the check finds errors, the forced
//! draft (ONTWERP in the name and on every page of every document), the `.ron` read back in
//! place (`package::read_protocol`, as the Inzendingen desk does), and `protocolwijzer pakket`.

#![allow(clippy::unwrap_used)] // tests may unwrap: a failure is the test failing

mod common;

use std::io::{Cursor, Read, Write};
use std::path::Path;

use chrono::NaiveDate;
use common::{protocolwijzer, stderr, stdout};
use protocolwijzer::check::{self, Context, Severity};
use protocolwijzer::model::Protocol;
use protocolwijzer::model::fingerprint::fingerprint;
use protocolwijzer::package::{self, Package, PackageError, PackageReadError};
use protocolwijzer::{file, template};

/// A day on which the municipal fixture checks clean.
fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 1).unwrap()
}

fn findings(protocol: &Protocol) -> Vec<check::Finding> {
    check::check(protocol, &Context { today: today() })
}

/// The municipal Opgroeien case, filled in, approved and clean.
fn municipal() -> Protocol {
    common::fixture("opgroeien-gemeente-ingevuld.ron")
}

fn build(protocol: &Protocol, draft: bool) -> Result<Package, PackageError> {
    package::build(protocol, &findings(protocol), today(), draft)
}

/// Every entry of a zip: (name, bytes), in order.
fn unzip(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    (0..archive.len())
        .map(|index| {
            let mut entry = archive.by_index(index).unwrap();
            let mut content = Vec::new();
            entry.read_to_end(&mut content).unwrap();
            (entry.name().unwrap().into_owned(), content)
        })
        .collect()
}

fn entry<'a>(entries: &'a [(String, Vec<u8>)], name: &str) -> &'a [u8] {
    &entries
        .iter()
        .find(|(entry, _)| entry == name)
        .unwrap_or_else(|| panic!("no ‘{name}’ in the package"))
        .1
}

fn sha256(bytes: &[u8]) -> String {
    use sha2::Digest as _;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// The `<sha256>  <name>` lines of inhoud.txt.
fn checksum_lines(contents: &str) -> Vec<(String, String)> {
    contents
        .lines()
        .filter_map(|line| {
            let (hash, name) = line.split_once("  ")?;
            (hash.len() == 64 && hash.bytes().all(|byte| byte.is_ascii_hexdigit()))
                .then(|| (hash.to_string(), name.to_string()))
        })
        .collect()
}

/// A zip of `files`, as another program would make it.
fn zip_of(files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in files {
        writer
            .start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        writer.write_all(bytes).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

#[test]
fn a_clean_municipal_protocol_gives_every_document_with_checksums_and_fingerprint() {
    let protocol = municipal();
    assert!(
        !check::has_errors(&findings(&protocol)),
        "the fixture checks clean"
    );
    let built = build(&protocol, false).unwrap();
    assert_eq!(
        built.file_name,
        "Indienpakket Gemeente Voorbeeldegem 1 juni 2026.zip"
    );
    assert!(!built.draft);
    let entries = unzip(&built.bytes);
    let names: Vec<&str> = entries.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Protocol Gemeente Voorbeeldegem.pdf",
            "Protocol Gemeente Voorbeeldegem.docx",
            "Protocol Gemeente Voorbeeldegem.ron",
            "Besluit college Gemeente Voorbeeldegem.pdf",
            "Besluit college Gemeente Voorbeeldegem.docx",
            "Adviesverslag Gemeente Voorbeeldegem.pdf",
            "inhoud.txt",
        ]
    );
    // The package's own list agrees with the zip, checksum by checksum.
    let listed: Vec<(String, String)> = built
        .entries
        .iter()
        .map(|entry| (entry.name.clone(), entry.sha256.clone()))
        .collect();
    let recomputed: Vec<(String, String)> = entries
        .iter()
        .map(|(name, bytes)| (name.clone(), sha256(bytes)))
        .collect();
    assert_eq!(listed, recomputed);

    // inhoud.txt: one line per other file, its SHA-256 recomputed from the entry's bytes.
    let contents = std::str::from_utf8(entry(&entries, "inhoud.txt")).unwrap();
    let lines = checksum_lines(contents);
    assert_eq!(lines.len(), entries.len() - 1, "{contents}");
    for ((hash, name), (entry_name, bytes)) in lines.iter().zip(&entries) {
        assert_eq!(name, entry_name);
        assert_eq!(hash, &sha256(bytes), "{name}");
    }
    assert!(
        contents.contains(&format!(
            "Vingerafdruk van de inhoud van het protocol (SHA-256): {}\n",
            fingerprint(&protocol)
        )),
        "{contents}"
    );
    assert!(contents.contains("Indiener: Gemeente Voorbeeldegem\n"));
    assert!(contents.contains("Datum van het pakket: 1 juni 2026\n"));
    assert!(
        contents.contains("Soort pakket: indienpakket"),
        "{contents}"
    );
    assert!(contents.contains("Controle: 0 fouten"), "{contents}");
    assert!(!contents.contains("ONTWERPPAKKET"), "{contents}");
    assert!(!contents.contains("Geen ontwerp van collegebesluit"));

    // The approved protocol is final; the college decision is a draft for the college.
    let docx = entry(&entries, "Protocol Gemeente Voorbeeldegem.docx");
    assert!(!docx_header(docx).contains("ONTWERP"));
    let paragraphs = common::readback::docx_paragraphs(docx).join(" ");
    assert!(
        paragraphs.contains("Gemeente Voorbeeldegem"),
        "{paragraphs}"
    );
    if let Some(words) =
        common::readback::pdf_words(entry(&entries, "Protocol Gemeente Voorbeeldegem.pdf"))
    {
        assert!(!words.contains("ONTWERP"), "{words}");
        assert!(words.contains("Gemeente Voorbeeldegem"));
    }
    let besluit = common::readback::docx_paragraphs(entry(
        &entries,
        "Besluit college Gemeente Voorbeeldegem.docx",
    ))
    .join(" ");
    assert!(
        besluit.contains("Ontwerp van besluit van het college"),
        "{besluit}"
    );

    // The .ron is the protocol as the file format saves it, and loads back equal.
    let ron = entry(&entries, "Protocol Gemeente Voorbeeldegem.ron");
    assert_eq!(ron, file::to_ron_string(&protocol).as_bytes());
    let loaded = file::from_bytes(ron, Path::new("Protocol Gemeente Voorbeeldegem.ron")).unwrap();
    assert_eq!(loaded, protocol);

    // Deterministic: the same protocol, findings and day give the same bytes; the entries
    // are dated the package's day.
    assert_eq!(build(&protocol, false).unwrap().bytes, built.bytes);
    let mut archive = zip::ZipArchive::new(Cursor::new(&built.bytes)).unwrap();
    for index in 0..archive.len() {
        let modified = archive.by_index(index).unwrap().last_modified().unwrap();
        assert_eq!(
            (modified.year(), modified.month(), modified.day()),
            (2026, 6, 1)
        );
    }
}

/// The header part of a DOCX (`word/header1.xml`), where the ONTWERP mark stands.
fn docx_header(docx: &[u8]) -> String {
    let entries = unzip(docx);
    String::from_utf8(entry(&entries, "word/header1.xml").to_vec()).unwrap()
}

#[test]
fn a_protocol_with_errors_is_refused_with_its_errors() {
    let protocol = template::new_protocol(template::DEFAULT_TEMPLATE).unwrap();
    let all = findings(&protocol);
    let expected: Vec<check::Finding> = all
        .iter()
        .filter(|finding| finding.severity == Severity::Fout)
        .cloned()
        .collect();
    assert!(expected.len() > 5, "the template has many gaps");
    match build(&protocol, false) {
        Err(PackageError::HasErrors { errors }) => {
            assert_eq!(errors, expected);
            let message = PackageError::HasErrors {
                errors: errors.clone(),
            }
            .to_string();
            assert!(
                message.contains(&format!("de controle vindt nog {} fouten", errors.len())),
                "{message}"
            );
            let first = &errors[0];
            assert!(
                message.contains(&format!(
                    "– stap {} ({}): {}",
                    first.step.number(),
                    first.step.title(),
                    first.message
                )),
                "{message}"
            );
            assert!(
                message.ends_with(&format!("– en nog {} fouten.", errors.len() - 5)),
                "{message}"
            );
            assert!(message.contains("ontwerppakket"), "{message}");
        }
        other => panic!("not refused: {other:?}"),
    }
}

/// Every page of the PDF says ONTWERP (the diagonal mark and the header), read by pdftotext.
fn assert_every_page_says_ontwerp(name: &str, pdf: &[u8]) {
    if !common::readback::available("pdftotext") {
        return;
    }
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("document.pdf");
    std::fs::write(&path, pdf).unwrap();
    let pages = common::readback::pdf_pages(&path);
    assert!(!pages.is_empty(), "{name}: no pages read");
    for (number, page) in pages.iter().enumerate() {
        assert!(
            page.contains("ONTWERP"),
            "{name}, page {}: no ONTWERP in “{page}”",
            number + 1
        );
    }
}

#[test]
fn a_forced_draft_says_ontwerp_in_its_name_and_on_every_page_even_when_approved() {
    let protocol = municipal();
    assert!(
        pipeline_is_final(&protocol),
        "the fixture's own documents are final, so every ONTWERP below is the draft package's"
    );
    let built = build(&protocol, true).unwrap();
    assert!(built.draft);
    assert_eq!(
        built.file_name,
        "Indienpakket Gemeente Voorbeeldegem 1 juni 2026 ONTWERP.zip"
    );
    let entries = unzip(&built.bytes);
    let mut documents = 0;
    for (name, bytes) in &entries {
        if name.ends_with(".pdf") {
            documents += 1;
            assert_every_page_says_ontwerp(name, bytes);
        } else if name.ends_with(".docx") {
            documents += 1;
            let header = docx_header(bytes);
            assert!(header.contains(">ONTWERP<"), "{name}: {header}");
            let core =
                String::from_utf8(entry(&unzip(bytes), "docProps/core.xml").to_vec()).unwrap();
            assert!(core.contains("Ontwerp"), "{name}: {core}");
        }
    }
    assert_eq!(documents, 5, "protocol ×2, besluit ×2, Adviesverslag");
    let contents = std::str::from_utf8(entry(&entries, "inhoud.txt")).unwrap();
    assert!(
        contents.contains("Soort pakket: ONTWERPPAKKET"),
        "{contents}"
    );
    assert!(
        contents.contains("Status van de documenten: Ontwerp – ontwerppakket"),
        "{contents}"
    );
    // The protocol itself is not changed by packaging it as a draft.
    let ron = entry(&entries, "Protocol Gemeente Voorbeeldegem.ron");
    assert_eq!(file::from_bytes(ron, Path::new("p.ron")).unwrap(), protocol);

    // A protocol with errors can be packaged as a draft.
    let incomplete = template::new_protocol(template::DEFAULT_TEMPLATE).unwrap();
    let draft = build(&incomplete, true).unwrap();
    assert!(
        draft.file_name.ends_with(" ONTWERP.zip"),
        "{}",
        draft.file_name
    );
    let contents = String::from_utf8(entry(&unzip(&draft.bytes), "inhoud.txt").to_vec()).unwrap();
    let errors = findings(&incomplete)
        .iter()
        .filter(|finding| finding.severity == Severity::Fout)
        .count();
    assert!(
        contents.contains(&format!("Controle: {errors} fouten")),
        "{contents}"
    );
}

/// Whether the protocol's documents, made the usual way, are final (not ONTWERP).
fn pipeline_is_final(protocol: &Protocol) -> bool {
    !protocolwijzer::pipeline::options(protocol, &findings(protocol))
        .status
        .is_draft()
}

#[test]
fn without_a_municipal_case_there_is_no_besluit_and_inhoud_says_why() {
    let protocol = common::fixture("zeven-partijen.ron");
    assert!(!protocolwijzer::document::besluit::applies(&protocol));
    let built = build(&protocol, true).unwrap();
    let entries = unzip(&built.bytes);
    assert!(
        entries.iter().all(|(name, _)| !name.starts_with("Besluit")),
        "{:?}",
        built.entries
    );
    assert_eq!(entries.len(), 5, "{:?}", built.entries);
    let contents = std::str::from_utf8(entry(&entries, "inhoud.txt")).unwrap();
    assert!(
        contents.contains(
            "Geen ontwerp van collegebesluit: het protocol heeft geen gemeentelijk scenario."
        ),
        "{contents}"
    );
    let name = package::name_for_files(&protocol);
    assert!(
        built
            .file_name
            .starts_with(&format!("Indienpakket {name} "))
    );
    assert_eq!(checksum_lines(contents).len(), 4);
}

#[test]
fn read_protocol_finds_the_ron_in_a_package_and_refuses_anything_else_in_dutch() {
    let protocol = municipal();
    let built = build(&protocol, false).unwrap();
    let (name, text) = package::read_protocol(&built.bytes).unwrap();
    assert_eq!(name, "Protocol Gemeente Voorbeeldegem.ron");
    assert_eq!(text, file::to_ron_string(&protocol));
    assert_eq!(file::from_str(&text, Path::new(&name)).unwrap(), protocol);

    // A package unpacked on a Mac and zipped again: in a folder, with resource forks.
    let ron = file::to_ron_string(&protocol);
    let rezipped = zip_of(&[
        ("Pakket/Protocol Zoersel.ron", ron.as_bytes()),
        (
            "__MACOSX/Pakket/._Protocol Zoersel.ron",
            b"\x00\x05\x16\x07",
        ),
        ("Pakket/inhoud.txt", b"..."),
    ]);
    assert_eq!(
        package::read_protocol(&rezipped).unwrap(),
        ("Pakket/Protocol Zoersel.ron".to_string(), ron.clone())
    );

    let refused = |bytes: &[u8]| package::read_protocol(bytes).unwrap_err();
    let not_zip = refused(b"Dit is een tekst, geen zip.");
    assert_eq!(not_zip, PackageReadError::NotZip);
    assert!(
        not_zip.to_string().contains("geen zip-bestand"),
        "{not_zip}"
    );

    let no_ron = refused(&zip_of(&[("Protocol.pdf", b"%PDF-1.7")]));
    assert_eq!(no_ron, PackageReadError::NoProtocol);
    assert!(no_ron.to_string().contains("geen protocolbestand (.ron)"));

    let two = refused(&zip_of(&[
        ("a.ron", ron.as_bytes()),
        ("b.RON", ron.as_bytes()),
    ]));
    assert_eq!(
        two,
        PackageReadError::SeveralProtocols(vec!["a.ron".to_string(), "b.RON".to_string()])
    );
    assert!(
        two.to_string()
            .contains("bevat 2 protocolbestanden (‘a.ron’, ‘b.RON’)"),
        "{two}"
    );

    let latin1 = refused(&zip_of(&[("Protocol.ron", b"(titel: \"Zo\xeb\")")]));
    assert_eq!(
        latin1,
        PackageReadError::NotUtf8 {
            name: "Protocol.ron".to_string()
        }
    );
    assert!(latin1.to_string().contains("geen tekstbestand in UTF-8"));

    // A damaged .ron is read, and the file parser names the entry, line and column.
    let (name, text) =
        package::read_protocol(&zip_of(&[("Protocol.ron", b"(\n    format: 2,\n    x\n")]))
            .unwrap();
    let error = file::from_str(&text, Path::new(&name)).unwrap_err();
    assert!(error.line > 0, "{error}");
    assert!(
        error.to_string().starts_with("‘Protocol.ron’, regel"),
        "{error}"
    );
}

#[test]
fn pakket_writes_the_zip_refuses_errors_and_does_not_overwrite() {
    let folder = tempfile::tempdir().unwrap();
    let source = folder.path().join("Voorbeeldegem.ron");
    file::save(&source, &municipal()).unwrap();
    let out = folder.path().join("uit");
    std::fs::create_dir(&out).unwrap();
    let run = |extra: &[&str]| {
        let mut args = vec!["pakket", source.to_str().unwrap(), "--today", "2026-06-01"];
        args.extend_from_slice(extra);
        protocolwijzer(&args)
    };

    let written = run(&["-o", out.to_str().unwrap()]);
    assert_eq!(written.status.code(), Some(0), "{}", stderr(&written));
    let zip = out.join("Indienpakket Gemeente Voorbeeldegem 1 juni 2026.zip");
    let text = stdout(&written);
    assert!(text.contains(&zip.display().to_string()), "{text}");
    assert!(
        text.contains("Protocol Gemeente Voorbeeldegem.ron"),
        "{text}"
    );
    assert!(text.contains("inhoud.txt"), "{text}");
    let bytes = std::fs::read(&zip).unwrap();
    assert_eq!(bytes, build(&municipal(), false).unwrap().bytes);

    // Not over an existing package without --force; with it, the old one becomes .bak.
    std::fs::write(&zip, b"vorige").unwrap();
    let again = run(&["-o", out.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(1));
    assert!(stderr(&again).contains("bestaat al"), "{}", stderr(&again));
    assert!(stderr(&again).contains("--force"));
    assert_eq!(std::fs::read(&zip).unwrap(), b"vorige");
    let forced = run(&["-o", out.to_str().unwrap(), "--force"]);
    assert_eq!(forced.status.code(), Some(0), "{}", stderr(&forced));
    assert_eq!(std::fs::read(&zip).unwrap(), bytes);
    assert_eq!(std::fs::read(file::backup_path(&zip)).unwrap(), b"vorige");

    // Without -o: next to the protocol file.
    let beside = run(&[]);
    assert_eq!(beside.status.code(), Some(0), "{}", stderr(&beside));
    assert!(
        folder
            .path()
            .join("Indienpakket Gemeente Voorbeeldegem 1 juni 2026.zip")
            .is_file()
    );

    // A folder that is not there: a file error.
    let missing = run(&["-o", folder.path().join("nergens").to_str().unwrap()]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        stderr(&missing).contains("bestaat niet"),
        "{}",
        stderr(&missing)
    );

    // A protocol with errors: refused with its findings, nothing written; --ontwerp makes
    // the draft package.
    let incomplete = folder.path().join("nieuw.ron");
    file::save(
        &incomplete,
        &template::new_protocol(template::DEFAULT_TEMPLATE).unwrap(),
    )
    .unwrap();
    let drafts = folder.path().join("ontwerpen");
    std::fs::create_dir(&drafts).unwrap();
    let pakket = |extra: &[&str]| {
        let mut args = vec![
            "pakket",
            incomplete.to_str().unwrap(),
            "--today",
            "2026-06-01",
            "-o",
            drafts.to_str().unwrap(),
        ];
        args.extend_from_slice(extra);
        protocolwijzer(&args)
    };
    let refused = pakket(&[]);
    assert_eq!(refused.status.code(), Some(1));
    let message = stderr(&refused);
    assert!(message.starts_with("Geweigerd:"), "{message}");
    assert!(message.contains("--ontwerp"), "{message}");
    assert!(message.contains("[party.missing_field]"), "{message}");
    assert_eq!(std::fs::read_dir(&drafts).unwrap().count(), 0);
    let draft = pakket(&["--ontwerp"]);
    assert_eq!(draft.status.code(), Some(0), "{}", stderr(&draft));
    assert!(stdout(&draft).contains("ONTWERP"));
    let names: Vec<String> = std::fs::read_dir(&drafts)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["Indienpakket nieuw 1 juni 2026 ONTWERP.zip"]);

    // The help is Dutch.
    let help = protocolwijzer(&["pakket", "--help"]);
    assert_eq!(help.status.code(), Some(0));
    let help = stdout(&help);
    assert!(help.contains("Maak het indienpakket"), "{help}");
    assert!(help.contains("--ontwerp"), "{help}");
}
