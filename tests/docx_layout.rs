//! The DOCX lays out like the PDF where a lawyer would notice (issue "Real protocols,
//! exactly"): a data item's rows stay on one page, and the signature lines of a pair of boxes
//! stand at one height. Checked through LibreOffice (DOCX → PDF → pdftotext per page) and
//! through our own PDF.

#![allow(clippy::unwrap_used)] // tests may unwrap: a failure is the test failing

mod common;

use common::readback::{available, convert_with_libreoffice, pdf_pages};
use protocolwijzer::check::{self, Context};
use protocolwijzer::export;
use protocolwijzer::model::{DataItem, Protocol};
use protocolwijzer::pipeline::{self, Product};

/// The fixture with 14 data items of some length, each with its own retention.
fn many_items() -> Protocol {
    let mut protocol = common::fixture("uitbetalingsactoren.ron");
    protocol.data_items = (1..=14)
        .map(|number| DataItem {
            description: format!("Omschrijving van het gegeven met nummer {number}."),
            justification: "Dit gegeven is nodig om de zorgtoeslag juist te berekenen en aan \
                            het juiste gezin toe te kennen; zonder dit gegeven moet het gezin \
                            zelf bewijsstukken voorleggen, wat de toekenning vertraagt en \
                            gezinnen met de meeste nood het hardst treft. "
                .repeat(2),
            purpose: "Berekening van de zorgtoeslag.".to_string(),
            flows: vec!["beslissingen".to_string()],
            retention: format!("Eigen termijn {number}."),
            ..DataItem::default()
        })
        .collect();
    protocol
}

/// The page (0-based) each item starts on and the page its last row ("Eigen termijn N") is on.
fn item_pages(pages: &[String]) -> Vec<(usize, usize)> {
    (1..=14)
        .map(|number| {
            let start = pages
                .iter()
                .position(|page| page.contains(&format!("Gegeven {number} ")))
                .unwrap_or_else(|| panic!("Gegeven {number} is somewhere"));
            let end = pages
                .iter()
                .position(|page| page.contains(&format!("Eigen termijn {number}.")))
                .unwrap_or_else(|| panic!("the retention of item {number} is somewhere"));
            (start, end)
        })
        .collect()
}

#[test]
fn a_data_items_rows_stay_on_one_page_in_the_docx_and_the_pdf() {
    if !available("soffice") || !available("pdftotext") {
        return;
    }
    let protocol = many_items();
    let findings = check::check(&protocol, &Context::today());
    let document = pipeline::document(&protocol, &findings, Product::Protocol);
    let folder = tempfile::tempdir().unwrap();
    let docx = folder.path().join("protocol.docx");
    std::fs::write(&docx, export::docx(&document).unwrap()).unwrap();
    convert_with_libreoffice(folder.path(), &[&docx]);
    let ours = folder.path().join("ours.pdf");
    std::fs::write(&ours, export::pdf(&document).unwrap()).unwrap();
    for (reader, pdf) in [
        ("LibreOffice (DOCX)", folder.path().join("protocol.pdf")),
        ("our PDF", ours),
    ] {
        let pages = pdf_pages(&pdf);
        let spans = item_pages(&pages);
        // The items fill more than one page, so some page break falls in the table.
        assert!(
            spans.last().unwrap().1 > spans.first().unwrap().0,
            "{reader}: the table spans pages"
        );
        for (number, (start, end)) in spans.iter().enumerate() {
            assert_eq!(
                start,
                end,
                "{reader}: data item {} starts on page {} and ends on page {}",
                number + 1,
                start + 1,
                end + 1
            );
        }
    }
}
