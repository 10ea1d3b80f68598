//! `protocolwijzer check`: the check over one file, several files, or a folder.
//!
//! Text output groups the findings per wizard step (severity, path, rule id, message, and a
//! line "Grond: …" with the legal ground the rule enforces); `--format json` prints one JSON
//! array of `{file, rule, severity, ground, step, path, message}` objects. With several files (or a folder, all
//! its `*.ron` files sorted by name) a batch overview follows: per file a summary line and a
//! total. Exit code 0 when no `fout`, 1 when any, 2 when a file could not be read (the other
//! files are still checked).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::{CheckArgs, EXIT_FILE_ERROR, EXIT_FINDINGS, EXIT_OK, OutputFormat};
use crate::check::{self, Context, Finding, Severity};
use crate::file;
use crate::model::Step;

/// The rule id JSON output uses for a file that could not be read.
pub const UNREADABLE_RULE: &str = "file.unreadable";

/// The result for one input file.
struct Checked {
    path: PathBuf,
    outcome: Result<FileReport, String>,
}

/// What the check found in a readable file.
struct FileReport {
    municipality: String,
    findings: Vec<Finding>,
}

/// One object of the JSON array.
#[derive(Serialize)]
struct JsonFinding<'a> {
    file: String,
    rule: &'a str,
    severity: &'static str,
    /// The legal ground or supervisor's criterion of the rule, in Dutch (`check::Rule::ground`);
    /// `null` for an unreadable file.
    ground: Option<&'static str>,
    /// A stable step id (`parties`, `context`, …); `null` for an unreadable file.
    step: Option<&'static str>,
    path: &'a str,
    message: &'a str,
}

pub(super) fn run(args: &CheckArgs) -> u8 {
    let context = match args.today {
        Some(today) => Context { today },
        None => Context::today(),
    };
    let results: Vec<Checked> = expand(&args.files)
        .into_iter()
        .map(|input| match input {
            Input::File(path) => {
                let outcome = file::load(&path)
                    .map(|protocol| FileReport {
                        municipality: protocol
                            .drafting_party()
                            .map(|party| {
                                if party.legal_name.trim().is_empty() {
                                    party.display_name().trim().to_string()
                                } else {
                                    party.legal_name.trim().to_string()
                                }
                            })
                            .unwrap_or_default(),
                        findings: check::check(&protocol, &context),
                    })
                    .map_err(|error| error.to_string());
                Checked { path, outcome }
            }
            Input::Unreadable(path, message) => Checked {
                path,
                outcome: Err(message),
            },
        })
        .collect();

    for result in &results {
        if let Err(message) = &result.outcome {
            eprintln!("Fout: {message}");
        }
    }
    match args.format {
        OutputFormat::Text => print!("{}", render_text(&results)),
        OutputFormat::Json => println!("{}", render_json(&results)),
    }

    if results.iter().any(|result| result.outcome.is_err()) {
        EXIT_FILE_ERROR
    } else if results.iter().any(|result| {
        result
            .outcome
            .as_ref()
            .is_ok_and(|report| check::has_errors(&report.findings))
    }) {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}

/// One thing to check: a file, or a folder that could not be listed.
enum Input {
    File(PathBuf),
    Unreadable(PathBuf, String),
}

/// Files as given; a folder becomes all `*.ron` files in it, sorted by name.
fn expand(paths: &[PathBuf]) -> Vec<Input> {
    let mut inputs = Vec::new();
    for path in paths {
        if !path.is_dir() {
            inputs.push(Input::File(path.clone()));
            continue;
        }
        match std::fs::read_dir(path) {
            Ok(entries) => {
                let mut files: Vec<PathBuf> = entries
                    .filter_map(Result::ok)
                    .map(|entry| entry.path())
                    .filter(|file| {
                        file.is_file()
                            && file
                                .extension()
                                .is_some_and(|ext| ext.eq_ignore_ascii_case("ron"))
                    })
                    .collect();
                files.sort();
                if files.is_empty() {
                    eprintln!(
                        "Let op: in de map ‘{}’ staan geen .ron-bestanden.",
                        path.display()
                    );
                }
                inputs.extend(files.into_iter().map(Input::File));
            }
            Err(error) => inputs.push(Input::Unreadable(
                path.clone(),
                format!(
                    "‘{}’: de map kan niet gelezen worden ({error}).",
                    path.display()
                ),
            )),
        }
    }
    inputs
}

fn render_json(results: &[Checked]) -> String {
    let mut rows = Vec::new();
    for result in results {
        let file = result.path.display().to_string();
        match &result.outcome {
            Ok(report) => rows.extend(report.findings.iter().map(|finding| JsonFinding {
                file: file.clone(),
                rule: finding.rule,
                severity: finding.severity.label(),
                ground: Some(finding.ground()),
                step: Some(finding.step.id()),
                path: &finding.path,
                message: &finding.message,
            })),
            Err(message) => rows.push(JsonFinding {
                file,
                rule: UNREADABLE_RULE,
                severity: Severity::Fout.label(),
                ground: None,
                step: None,
                path: "",
                message,
            }),
        }
    }
    serde_json::to_string_pretty(&rows).unwrap_or_else(|_| "[]".to_string())
}

fn render_text(results: &[Checked]) -> String {
    let mut out = String::new();
    for result in results {
        let Ok(report) = &result.outcome else {
            continue;
        };
        let _ = writeln!(out, "{}", heading(&result.path, &report.municipality));
        if report.findings.is_empty() {
            let _ = writeln!(out, "  Geen bevindingen.");
        }
        let mut current: Option<Step> = None;
        for finding in &report.findings {
            if current != Some(finding.step) {
                current = Some(finding.step);
                let _ = writeln!(
                    out,
                    "\n  Stap {} · {}",
                    finding.step.number(),
                    finding.step.title()
                );
            }
            let _ = writeln!(
                out,
                "    {:<12} {}  [{}]\n                 {}",
                finding.severity.label(),
                finding.path,
                finding.rule,
                finding.message
            );
            let ground = finding.ground();
            if !ground.is_empty() {
                let _ = writeln!(out, "                 Grond: {ground}");
            }
        }
        let _ = writeln!(out, "\n  {}\n", counts(&report.findings));
    }
    if results.len() > 1 {
        let _ = writeln!(out, "Overzicht");
        let (mut errors, mut warnings, mut unreadable) = (0, 0, 0);
        for result in results {
            let name = file_name(&result.path);
            match &result.outcome {
                Ok(report) => {
                    errors += count(&report.findings, Severity::Fout);
                    warnings += count(&report.findings, Severity::Waarschuwing);
                    let municipality = if report.municipality.is_empty() {
                        "(naam niet ingevuld)"
                    } else {
                        &report.municipality
                    };
                    let _ = writeln!(
                        out,
                        "  {name} · {municipality} · {}",
                        counts(&report.findings)
                    );
                }
                Err(_) => {
                    unreadable += 1;
                    let _ = writeln!(out, "  {name} · onleesbaar (zie de foutmelding)");
                }
            }
        }
        let _ = writeln!(
            out,
            "Totaal: {} {}, {}, {}{}",
            results.len(),
            if results.len() == 1 {
                "bestand"
            } else {
                "bestanden"
            },
            plural(errors, "fout", "fouten"),
            plural(warnings, "waarschuwing", "waarschuwingen"),
            if unreadable > 0 {
                format!(", {unreadable} onleesbaar")
            } else {
                String::new()
            }
        );
    }
    out
}

fn heading(path: &Path, municipality: &str) -> String {
    if municipality.is_empty() {
        format!("{}", path.display())
    } else {
        format!("{} · {municipality}", path.display())
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

fn count(findings: &[Finding], severity: Severity) -> usize {
    findings
        .iter()
        .filter(|finding| finding.severity == severity)
        .count()
}

/// "2 fouten, 1 waarschuwing, 3 ter info".
fn counts(findings: &[Finding]) -> String {
    format!(
        "{}, {}, {} ter info",
        plural(count(findings, Severity::Fout), "fout", "fouten"),
        plural(
            count(findings, Severity::Waarschuwing),
            "waarschuwing",
            "waarschuwingen"
        ),
        count(findings, Severity::Info)
    )
}

fn plural(n: usize, one: &str, many: &str) -> String {
    crate::dutch::count_of(n, one, many)
}
