//! Issue 18 §3: a signed protocol amended by addendum. The signed content is kept as the
//! baseline; the user edits; the addendum restates exactly the parts that changed (and names
//! the data items added and removed), with the parties, its own advice and signature fields;
//! the normal export is the consolidated text; signing the addendum records it in the history
//! and the next addendum starts from there. Read back from the tree, the DOCX and the PDF.
#![allow(clippy::unwrap_used)]

mod common;

use chrono::{NaiveDate, NaiveDateTime};
use protocolwijzer::check;
use protocolwijzer::document::{Block, Document};
use protocolwijzer::model::{AdviceOutcome, DataItem, Person, Protocol, Role, Status, fingerprint};
use protocolwijzer::pipeline::{self, Format, Product};
use protocolwijzer::review;
use protocolwijzer::signature;

fn at(month: u32, day: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, month, day)
        .and_then(|date| date.and_hms_opt(10, 0, 0))
        .unwrap()
}

fn person(name: &str, role: Role) -> Person {
    Person {
        name: name.into(),
        role,
        organisation: "Gemeente Voorbeeldegem".into(),
    }
}

/// The municipal fixture as its parties signed it.
fn signed() -> Protocol {
    let mut protocol = common::fixture("opgroeien-gemeente-ingevuld.ron");
    protocol.review.status = Status::Signed;
    protocol
}

/// The changes of the test: a longer retention (article 3), a new data item and one taken
/// out (article 3), and a new word in the flows' periodicity (article 5).
fn amend(protocol: &mut Protocol) -> (String, String) {
    protocol.retention = "Twee jaar na de laatste uitbetaling van de tegemoetkoming.".into();
    let removed = protocol.data_items.last().unwrap().description.clone();
    protocol.data_items.pop();
    let added = "het adres van de gedomicilieerde ouder".to_string();
    let mut item = protocol.data_items[0].clone();
    item.description = added.clone();
    item.justification = "Om de brief met het aanbod aan het juiste adres te sturen.".into();
    protocol.data_items.push(DataItem { ..item });
    for flow in &mut protocol.flows {
        flow.periodicity.detail = "ook na elke herziening van het recht".into();
    }
    (added, removed)
}

/// What `signature::verify` reports on a complete, validly signed PDF of the text with
/// `fingerprint` (the verification itself runs on files signed with pyHanko in
/// tests/signed_pdf.rs).
fn verified_signed_pdf(fingerprint: &str, kind: &str) -> signature::Report {
    signature::Report {
        sha256: "ab".repeat(32),
        revisions: 2,
        fields: vec![signature::FieldReport {
            name: "Addendum1_Handtekening_1".to_string(),
            signature: Some(signature::SignatureReport {
                signer: "Jan Peeters (Signature)".to_string(),
                issuer: "Citizen CA".to_string(),
                signing_time: Some(at(12, 2)),
                validity: signature::Validity::Valid {
                    algorithm: "RSA 2048 bits, SHA-256".to_string(),
                },
                trust: signature::Trust::NotChecked,
                revision: Some(1),
            }),
        }],
        extra_signatures: Vec::new(),
        identity: Some(signature::EmbeddedIdentity {
            kind: kind.to_string(),
            fingerprint: fingerprint.to_string(),
        }),
        changes: Vec::new(),
        text: signature::TextMatch::Approved,
    }
}

fn plain(document: &Document) -> String {
    document.plain_text()
}

#[test]
fn an_addendum_begins_only_from_a_signed_protocol_and_keeps_the_signed_text() {
    let drafter = person("An Opsteller", Role::Drafter);
    let mut draft = common::fixture("opgroeien-gemeente-ingevuld.ron");
    let refused = review::start_amendment(&mut draft, &drafter, at(11, 2)).unwrap_err();
    assert!(
        refused.to_string().contains("ondertekend protocol"),
        "{refused}"
    );

    let mut protocol = signed();
    let before = fingerprint::fingerprint(&protocol);
    let signed_on = protocol.signing.date;
    assert!(signed_on.is_some());
    let number = review::start_amendment(&mut protocol, &drafter, at(11, 2)).unwrap();
    assert_eq!(number, 1);
    let amendment = protocol.review.amendment.clone().unwrap();
    assert_eq!(amendment.baseline_fingerprint, before);
    assert_eq!(fingerprint::fingerprint(&amendment.baseline), before);
    assert_eq!(amendment.signed_on, signed_on);
    assert_eq!(protocol.review.status, Status::Draft);
    assert!(protocol.review.approval.is_none());
    assert_eq!(
        protocol.signing.date, None,
        "the addendum is signed on its own date"
    );
    assert!(review::snapshot(&protocol, &before).is_some());
    let last = protocol.review.history.last().unwrap();
    assert!(
        last.action.starts_with("Addendum 1 begonnen"),
        "{}",
        last.action
    );
    assert_eq!(last.who.name, "An Opsteller");
    assert!(
        review::start_amendment(&mut protocol, &drafter, at(11, 3))
            .unwrap_err()
            .to_string()
            .contains("al in opmaak")
    );

    // The file keeps it all.
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("met addendum.ron");
    protocolwijzer::file::save(&path, &protocol).unwrap();
    assert_eq!(protocolwijzer::file::load(&path).unwrap(), protocol);
}

#[test]
fn the_addendum_restates_exactly_the_parts_that_changed() {
    let drafter = person("An Opsteller", Role::Drafter);
    let mut protocol = signed();
    let baseline_document = pipeline::document(&protocol, &[], Product::Protocol);
    review::start_amendment(&mut protocol, &drafter, at(11, 2)).unwrap();
    let (added, removed) = amend(&mut protocol);
    let findings = check::check(
        &protocol,
        &check::Context {
            today: at(12, 4).date(),
        },
    );
    let addendum = pipeline::document(&protocol, &findings, Product::Addendum);
    let text = plain(&addendum);

    let signed_on = protocolwijzer::dutch::dutch_long(
        protocol
            .review
            .amendment
            .as_ref()
            .unwrap()
            .signed_on
            .unwrap(),
    );
    let Block::Title(title) = &addendum.blocks[0] else {
        panic!("a title first");
    };
    let title: String = title.iter().map(|span| span.text.as_str()).collect();
    assert!(
        title.starts_with("Addendum 1 bij het protocol voor de elektronische mededeling"),
        "{title}"
    );
    assert!(
        text.contains(&format!("ondertekend op {signed_on}")),
        "{text}"
    );
    assert!(text.contains("WORDT OVEREENGEKOMEN WAT VOLGT:"));

    // Articles 3 and 5 are restated in full, with their new text; nothing else.
    let headings = |document: &Document| -> Vec<String> {
        document
            .blocks
            .iter()
            .filter_map(|block| match block {
                Block::Heading(heading) if heading.level == 1 => Some(heading.text.clone()),
                _ => None,
            })
            .collect()
    };
    let article = |prefix: &str| {
        headings(&baseline_document)
            .into_iter()
            .find(|heading| heading.starts_with(prefix))
            .unwrap()
    };
    let article_3 = article("Artikel 3.");
    let article_5 = article("Artikel 5.");
    let replaced: Vec<&str> = text
        .lines()
        .filter(|line| line.contains("wordt vervangen door wat volgt:"))
        .collect();
    assert_eq!(replaced.len(), 2, "{replaced:?}");
    assert!(replaced[0].starts_with("1° Artikel 3 ("), "{replaced:?}");
    assert!(replaced[1].starts_with("2° Artikel 5 ("), "{replaced:?}");
    assert!(text.contains(&article_3) && text.contains(&article_5));
    assert!(text.contains("Twee jaar na de laatste uitbetaling"));
    assert!(text.contains("ook na elke herziening van het recht"));
    assert!(text.contains(&format!("toegevoegd: {added}")), "{text}");
    assert!(text.contains(&format!("geschrapt: {removed}")), "{text}");
    for unchanged in ["Artikel 6.", "Artikel 8.", "Artikel 11."] {
        assert!(
            !text.contains(&article(unchanged)),
            "{unchanged} is not restated"
        );
    }
    assert!(text.contains("Artikel 2. Overige bepalingen"));
    assert!(text.contains("Artikel 3. Inwerkingtreding"));

    // The parties and signatories as in the text; the addendum's own signature fields.
    let boxes: Vec<&protocolwijzer::document::SignatureBox> = addendum
        .blocks
        .iter()
        .filter_map(|block| match block {
            Block::Signatures(boxes) => Some(boxes),
            _ => None,
        })
        .flatten()
        .collect();
    assert_eq!(
        boxes.len(),
        protocol
            .parties
            .iter()
            .map(|p| p.signatories.len().max(1))
            .sum::<usize>()
    );
    assert!(
        boxes
            .iter()
            .all(|each| each.field_name.starts_with("Addendum1_"))
    );
    for party in &protocol.parties {
        assert!(text.contains(party.legal_name.trim()));
    }
    assert!(addendum.metadata.status.is_draft(), "not approved yet");
    assert_eq!(addendum.metadata.fingerprint, fingerprint::short(&protocol));

    // The consolidated text is the protocol's own export: the new content in full.
    let consolidated = plain(&pipeline::document(&protocol, &findings, Product::Protocol));
    assert!(consolidated.contains("Twee jaar na de laatste uitbetaling"));
    assert!(consolidated.contains(&added));
    assert!(!consolidated.contains("wordt vervangen door"));

    // DOCX and PDF say the same; the PDF has the addendum's signature fields.
    let folder = tempfile::tempdir().unwrap();
    let pdf_path = folder.path().join("addendum.pdf");
    pipeline::export_to(
        &protocol,
        &findings,
        Product::Addendum,
        Format::Pdf,
        &pdf_path,
    )
    .unwrap();
    let docx = pipeline::bytes(&addendum, Format::Docx).unwrap();
    let paragraphs = common::readback::docx_paragraphs(&docx).join("\n");
    assert!(paragraphs.contains("Twee jaar na de laatste uitbetaling"));
    assert!(paragraphs.contains(&format!("toegevoegd: {added}")));
    let pdf = lopdf::Document::load(&pdf_path).unwrap();
    let names: Vec<String> = pdf
        .objects
        .values()
        .filter_map(|object| object.as_dict().ok())
        .filter(|dict| dict.get(b"FT").and_then(|ft| ft.as_name()).ok() == Some(b"Sig"))
        .filter_map(|dict| {
            dict.get(b"T")
                .ok()?
                .as_str()
                .ok()
                .map(|t| String::from_utf8_lossy(t).into_owned())
        })
        .collect();
    assert_eq!(names.len(), boxes.len(), "{names:?}");
    assert!(
        names.iter().all(|name| name.starts_with("Addendum1_")),
        "{names:?}"
    );
    if common::readback::available("pdftotext") {
        let pages = common::readback::pdf_pages(&pdf_path).join("\n");
        let folded = common::readback::fold(&pages);
        assert!(folded.contains(&common::readback::fold(
            "Twee jaar na de laatste uitbetaling"
        )));
        assert!(folded.contains(&common::readback::fold("Addendum 1 bij het protocol")));
        assert!(folded.contains("ONTWERP"));
    }
}

#[test]
fn the_signed_addendum_is_recorded_and_the_next_starts_from_it() {
    let drafter = person("An Opsteller", Role::Drafter);
    let dpo = person("Dirk DPO", Role::Dpo);
    let reviewer = person("Bea Behandelaar", Role::OpgroeienReviewer);
    let mut protocol = signed();
    review::start_amendment(&mut protocol, &drafter, at(11, 2)).unwrap();
    amend(&mut protocol);
    protocol.signing.date = NaiveDate::from_ymd_opt(2026, 11, 30);
    review::transition(&mut protocol, Status::WithDpo, &drafter, at(11, 3), "").unwrap();
    for index in 0..protocol.parties.len() {
        review::record_dpo_advice(
            &mut protocol,
            index,
            &dpo,
            NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
            AdviceOutcome::Favourable,
            "",
            at(11, 20),
        )
        .unwrap();
    }
    // The addendum's recitals carry the advice on the addendum.
    let addendum = plain(&pipeline::document(&protocol, &[], Product::Addendum));
    assert!(addendum.contains("C. Over dit addendum"), "{addendum}");
    assert!(addendum.contains("20 november 2026"), "{addendum}");

    review::transition(&mut protocol, Status::Advised, &dpo, at(11, 21), "").unwrap();
    review::transition(&mut protocol, Status::Submitted, &drafter, at(11, 22), "").unwrap();
    review::transition(&mut protocol, Status::Approved, &reviewer, at(12, 1), "").unwrap();
    let approved = fingerprint::fingerprint(&protocol);
    // Signing is refused without the signed PDF; with a verified one it goes through.
    assert!(review::transition(&mut protocol, Status::Signed, &drafter, at(12, 2), "").is_err());
    // The consolidated text states the same content, but the addendum is what is signed.
    assert!(
        review::sign_with_pdf(
            &mut protocol,
            &verified_signed_pdf(&approved, "protocol").evidence(),
            "Protocol geconsolideerd.pdf",
            &drafter,
            at(12, 2),
        )
        .is_err()
    );
    review::sign_with_pdf(
        &mut protocol,
        &verified_signed_pdf(&approved, "addendum 1").evidence(),
        "Addendum 1 ondertekend.pdf",
        &drafter,
        at(12, 2),
    )
    .unwrap();
    assert_eq!(protocol.review.status, Status::Signed);

    assert!(protocol.review.amendment.is_none());
    let record = protocol.review.addenda.last().unwrap();
    assert_eq!(record.number, 1);
    assert_eq!(record.fingerprint, approved);
    assert_eq!(record.signed_on, NaiveDate::from_ymd_opt(2026, 11, 30));
    assert!(
        record
            .changes
            .iter()
            .any(|change| change.contains("Bewaartermijn")),
        "{:?}",
        record.changes
    );
    assert!(
        protocol
            .review
            .history
            .iter()
            .any(|entry| entry.action == "Addendum 1 ondertekend")
    );
    let second = review::start_amendment(&mut protocol, &drafter, at(12, 3)).unwrap();
    assert_eq!(second, 2);
    let amendment = protocol.review.amendment.as_ref().unwrap();
    assert_eq!(amendment.baseline_fingerprint, approved);
    assert_eq!(amendment.signed_on, NaiveDate::from_ymd_opt(2026, 11, 30));
    // Nothing changed yet: the addendum says so, as a gap.
    let empty = pipeline::document(&protocol, &[], Product::Addendum);
    assert!(plain(&empty).starts_with("Addendum 2 bij het protocol"));
    assert!(plain(&empty).contains("[in te vullen: wijziging"));
}

#[test]
fn the_command_line_exports_the_addendum_only_while_one_is_in_the_making() {
    let folder = tempfile::tempdir().unwrap();
    let plain_file = common::fixture_path("opgroeien-gemeente-ingevuld.ron");
    let out = folder.path().join("addendum.pdf");
    let refused = common::protocolwijzer(&[
        "export",
        plain_file.to_str().unwrap(),
        "--addendum-pdf",
        out.to_str().unwrap(),
    ]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(common::stderr(&refused).contains("geen addendum in opmaak"));
    assert!(!out.exists());

    let mut protocol = signed();
    review::start_amendment(&mut protocol, &person("An", Role::Drafter), at(11, 2)).unwrap();
    amend(&mut protocol);
    let file = folder.path().join("met addendum.ron");
    protocolwijzer::file::save(&file, &protocol).unwrap();
    let docx = folder.path().join("addendum.docx");
    let done = common::protocolwijzer(&[
        "export",
        file.to_str().unwrap(),
        "--addendum-pdf",
        out.to_str().unwrap(),
        "--addendum-docx",
        docx.to_str().unwrap(),
    ]);
    assert_eq!(done.status.code(), Some(0), "{}", common::stderr(&done));
    assert!(out.is_file() && docx.is_file());
    assert!(common::stdout(&done).contains("Addendum (PDF)"));
}
