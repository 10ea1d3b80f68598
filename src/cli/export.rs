//! `protocolwijzer export`: DOCX and PDF from a protocol file.

use std::path::Path;

use super::{EXIT_FILE_ERROR, EXIT_FINDINGS, EXIT_OK, ExportArgs};
use crate::check::{self, Context, Finding, Severity};
use crate::document::{self, Document, Options};
use crate::{export, file, review};

pub(super) fn run(args: &ExportArgs) -> u8 {
    if args.docx.is_none()
        && args.pdf.is_none()
        && args.report_docx.is_none()
        && args.report_pdf.is_none()
    {
        eprintln!(
            "Fout: zeg wat er gemaakt moet worden: --docx BESTAND.docx en/of --pdf BESTAND.pdf \
             (of het adviesverslag met --report-docx / --report-pdf)."
        );
        return EXIT_FILE_ERROR;
    }
    let protocol = match file::load(&args.file) {
        Ok(protocol) => protocol,
        Err(error) => {
            eprintln!("Fout: {error}");
            return EXIT_FILE_ERROR;
        }
    };
    let context = args
        .today
        .map_or_else(Context::today, |today| Context { today });
    let findings = check::check(&protocol, &context);
    if args.require_complete && check::has_errors(&findings) {
        refuse(&args.file, &findings);
        return EXIT_FINDINGS;
    }
    let options = Options::for_protocol(&protocol, &findings);
    let document = document::build(&protocol, &options);

    let mut code = EXIT_OK;
    if let Some(path) = &args.docx {
        code = code.max(export_one(&document, path, "DOCX", export::docx));
    }
    if let Some(path) = &args.pdf {
        code = code.max(export_one(&document, path, "PDF", export::pdf));
    }
    if args.report_docx.is_some() || args.report_pdf.is_some() {
        let report = review::report::build(&protocol, &options);
        if let Some(path) = &args.report_docx {
            code = code.max(export_one(
                &report,
                path,
                "Adviesverslag (DOCX)",
                export::docx,
            ));
        }
        if let Some(path) = &args.report_pdf {
            code = code.max(export_one(
                &report,
                path,
                "Adviesverslag (PDF)",
                export::pdf,
            ));
        }
    }
    code
}

/// Prints why the export is refused: every finding of severity `fout`, grouped by step.
fn refuse(path: &Path, findings: &[Finding]) {
    let errors: Vec<&Finding> = findings
        .iter()
        .filter(|finding| finding.severity == Severity::Fout)
        .collect();
    eprintln!(
        "Geweigerd: ‘{}’ is nog niet volledig. De controle vond {} {}; los ze op en exporteer \
         opnieuw, of exporteer zonder --require-complete als ontwerp.",
        path.display(),
        errors.len(),
        if errors.len() == 1 { "fout" } else { "fouten" },
    );
    for finding in errors {
        eprintln!(
            "  {} · stap {} {} · {}: {} [{}]",
            finding.severity.label(),
            finding.step.number(),
            finding.step.title(),
            finding.path,
            finding.message,
            finding.rule
        );
    }
}

/// Writes one export; the exit code says whether it worked.
fn export_one(
    document: &Document,
    path: &Path,
    format: &str,
    writer: fn(&Document) -> Result<Vec<u8>, export::ExportError>,
) -> u8 {
    let bytes = match writer(document) {
        Ok(bytes) => bytes,
        Err(error) => {
            eprintln!(
                "Fout: de {format} ‘{}’ kon niet worden gemaakt: {error}",
                path.display()
            );
            return EXIT_FINDINGS;
        }
    };
    match file::write_atomically(path, &bytes) {
        Ok(()) => {
            let mark = if document.metadata.draft {
                " (ontwerp)"
            } else {
                ""
            };
            println!("{format}{mark} geschreven naar ‘{}’.", path.display());
            EXIT_OK
        }
        Err(error) => {
            eprintln!("Fout: {error}");
            EXIT_FILE_ERROR
        }
    }
}
