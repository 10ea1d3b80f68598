//! `protocolwijzer export`: DOCX and PDF from a protocol file.

use std::path::Path;

use super::{EXIT_FILE_ERROR, EXIT_FINDINGS, EXIT_OK, ExportArgs};
use crate::check::{self, Context, Finding, Severity};
use crate::file;
use crate::model::Protocol;
use crate::pipeline::{self, Format, PipelineError, Product};

pub(super) fn run(args: &ExportArgs) -> u8 {
    if args.docx.is_none()
        && args.pdf.is_none()
        && args.publication_pdf.is_none()
        && args.report_docx.is_none()
        && args.report_pdf.is_none()
        && args.besluit_docx.is_none()
        && args.besluit_pdf.is_none()
        && args.addendum_docx.is_none()
        && args.addendum_pdf.is_none()
    {
        eprintln!(
            "Fout: zeg wat er gemaakt moet worden: --docx BESTAND.docx en/of --pdf BESTAND.pdf \
             (de publicatieversie met --publication-pdf, het adviesverslag met --report-docx / --report-pdf, het ontwerp van \
             collegebesluit met --besluit-docx / --besluit-pdf, een addendum met \
             --addendum-docx / --addendum-pdf)."
        );
        return EXIT_FILE_ERROR;
    }
    if let Some(message) = clashing_output(args) {
        eprintln!("Fout: {message}");
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
    let mut code = EXIT_OK;
    for (path, product, format) in [
        (&args.docx, Product::Protocol, Format::Docx),
        (&args.pdf, Product::Protocol, Format::Pdf),
        (
            &args.publication_pdf,
            Product::Protocol,
            Format::PublicationPdf,
        ),
        (&args.report_docx, Product::Adviesverslag, Format::Docx),
        (&args.report_pdf, Product::Adviesverslag, Format::Pdf),
        (&args.besluit_docx, Product::Besluit, Format::Docx),
        (&args.besluit_pdf, Product::Besluit, Format::Pdf),
        (&args.addendum_docx, Product::Addendum, Format::Docx),
        (&args.addendum_pdf, Product::Addendum, Format::Pdf),
    ] {
        if let Some(path) = path {
            if product == Product::Besluit && !crate::document::besluit::applies(&protocol) {
                eprintln!(
                    "Fout: ‘{}’ heeft geen gemeentelijk scenario; een collegebesluit hoort \
                     alleen bij het standaardprotocol van Opgroeien voor een lokaal bestuur.",
                    args.file.display()
                );
                code = code.max(EXIT_FINDINGS);
                continue;
            }
            if product == Product::Addendum && !crate::document::addendum::applies(&protocol) {
                eprintln!(
                    "Fout: ‘{}’ heeft geen addendum in opmaak. Begin er een in de app \
                     (Beoordeling › Wijziging (addendum) opstellen) bij een ondertekend \
                     protocol.",
                    args.file.display()
                );
                code = code.max(EXIT_FINDINGS);
                continue;
            }
            code = code.max(export_one(&protocol, &findings, product, format, path));
        }
    }
    code
}

/// Why the outputs cannot be written as asked, if an output is the protocol file itself or
/// another output (the same file, however it is written): the export would destroy the
/// protocol, or one export would replace the other.
fn clashing_output(args: &ExportArgs) -> Option<String> {
    let outputs: Vec<(&str, &Path)> = [
        ("--docx", &args.docx),
        ("--pdf", &args.pdf),
        ("--publication-pdf", &args.publication_pdf),
        ("--report-docx", &args.report_docx),
        ("--report-pdf", &args.report_pdf),
        ("--besluit-docx", &args.besluit_docx),
        ("--besluit-pdf", &args.besluit_pdf),
        ("--addendum-docx", &args.addendum_docx),
        ("--addendum-pdf", &args.addendum_pdf),
    ]
    .into_iter()
    .filter_map(|(flag, path)| Some((flag, path.as_deref()?)))
    .collect();
    for (index, &(flag, output)) in outputs.iter().enumerate() {
        if file::same_file(output, &args.file) {
            return Some(format!(
                "{flag} ‘{}’ is het protocolbestand zelf (‘{}’); de export zou het protocol \
                 overschrijven. Kies een andere bestandsnaam voor de export, bijvoorbeeld met \
                 .docx of .pdf op het einde.",
                output.display(),
                args.file.display()
            ));
        }
        if let Some(&(other_flag, other)) = outputs[..index]
            .iter()
            .find(|(_, other)| file::same_file(output, other))
        {
            return Some(format!(
                "{other_flag} ‘{}’ en {flag} ‘{}’ zijn hetzelfde bestand; de ene export zou \
                 de andere overschrijven. Kies voor elke export een eigen bestandsnaam.",
                other.display(),
                output.display()
            ));
        }
    }
    None
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
        eprintln!("{}", refusal_line(finding));
    }
}

/// One finding as a refusal prints it: "  fout · stap 1 Partijen · parties[0].kbo: … [rule]".
pub(super) fn refusal_line(finding: &Finding) -> String {
    format!(
        "  {} · stap {} {} · {}: {} [{}]",
        finding.severity.label(),
        finding.step.number(),
        finding.step.title(),
        finding.path,
        finding.message,
        finding.rule
    )
}

/// Writes one export; the exit code says whether it worked.
fn export_one(
    protocol: &Protocol,
    findings: &[Finding],
    product: Product,
    format: Format,
    path: &Path,
) -> u8 {
    let what = match product {
        Product::Protocol if format == Format::PublicationPdf => {
            "Publicatieversie (PDF)".to_string()
        }
        Product::Protocol => format.short_name().to_string(),
        Product::Adviesverslag => format!("Adviesverslag ({})", format.short_name()),
        Product::Besluit => format!("Ontwerp van collegebesluit ({})", format.short_name()),
        Product::Addendum => format!("Addendum ({})", format.short_name()),
    };
    match pipeline::export_to(protocol, findings, product, format, path) {
        Ok(status) => {
            let mark = if status.is_draft() { " (ontwerp)" } else { "" };
            println!("{what}{mark} geschreven naar ‘{}’.", path.display());
            EXIT_OK
        }
        Err(PipelineError::Export(error)) => {
            eprintln!(
                "Fout: de {what} ‘{}’ kon niet worden gemaakt: {error}",
                path.display()
            );
            EXIT_FINDINGS
        }
        Err(PipelineError::Save(error)) => {
            eprintln!("Fout: {error}");
            EXIT_FILE_ERROR
        }
    }
}
