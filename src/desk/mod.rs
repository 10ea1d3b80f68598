//! Inzendingen: the behandelaar's desk over a folder of submissions. Every protocol file
//! (`.ron`) in a folder and its subfolders, and every submission package (`.zip` with a `.ron`
//! inside, read in place), becomes one row: who submits, where it stands in the workflow, what
//! the check finds, each DPO's advice, whether the approval still matches the content, the
//! college decision and the last change. A file that cannot be read is a row with its Dutch
//! error, never hidden and never in the way of the others.
//!
//! This module is plain data and pure functions over it ([`read`], [`Column`], [`Filter`]);
//! [`loader`] reads a folder on worker threads and watches it, [`sheet`] writes the overview
//! as an Excel sheet. The app's table is `crate::app::desk_view`.

pub mod loader;
pub mod sheet;

use std::cmp::Ordering;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use chrono::{NaiveDate, NaiveDateTime};

use crate::check::{self, Context, Severity};
use crate::document;
use crate::model::{AdviceOutcome, Protocol, Status, fingerprint};

pub use loader::{Desk, Loader, Message};

/// The file kinds the desk lists: protocol files and submission packages.
pub const EXTENSIONS: [&str; 2] = ["ron", "zip"];

/// One submission: a file in the folder and what it holds.
#[derive(Clone, Debug, PartialEq)]
pub struct Submission {
    /// The file.
    pub path: PathBuf,
    /// The path below the desk's folder, with `/` between folders ("2026/Zoersel.ron").
    pub name: String,
    /// When the file was last written (the file system's time).
    pub modified: Option<NaiveDateTime>,
    /// What the file holds, or the Dutch error (file, line, column) why it cannot be read.
    pub content: Result<Summary, String>,
}

/// What the desk shows of a readable protocol.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    /// The municipality (the municipal case's party), else the drafting party; its legal name.
    pub municipality: String,
    /// The protocol's short title.
    pub title: String,
    /// Where the protocol is in its workflow.
    pub status: Status,
    /// How many errors the check finds.
    pub errors: usize,
    /// How many warnings the check finds.
    pub warnings: usize,
    /// Each party's DPO advice, in the order of the parties.
    pub advice: Vec<PartyAdvice>,
    /// Whether an approval is on record and still matches the content.
    pub approval: Approval,
    /// The college's decision date (municipal case).
    pub college_decision: Option<NaiveDate>,
    /// The last entry of the file's history: when and who.
    pub last_change: Option<LastChange>,
    /// The `.ron` inside a submission package this was read from.
    pub in_package: Option<String>,
}

/// One party's DPO advice as the desk sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PartyAdvice {
    /// The party's name.
    pub party: String,
    /// Given, outdated or missing.
    pub state: AdviceState,
}

/// Where a DPO's advice stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AdviceState {
    /// Given on the current content (or recorded by hand, without a fingerprint).
    Given(Option<AdviceOutcome>),
    /// Given on content that has changed since.
    Outdated,
    /// Not given yet.
    Missing,
}

impl AdviceState {
    /// The state in words: "gegeven (gunstig)", "verouderd", "ontbreekt".
    pub fn label(self) -> String {
        match self {
            AdviceState::Given(Some(outcome)) => format!("gegeven ({})", outcome.label()),
            AdviceState::Given(None) => "gegeven".to_string(),
            AdviceState::Outdated => "verouderd door latere wijzigingen".to_string(),
            AdviceState::Missing => "ontbreekt".to_string(),
        }
    }
}

/// Whether the approval matches the content.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Approval {
    /// No approval on record.
    None,
    /// Approved, but the content changed after.
    Outdated,
    /// Approved on exactly the current content.
    Current,
}

impl Approval {
    /// The state in one word, for a table: "geldig", "verouderd", "geen".
    pub fn short_label(self) -> &'static str {
        match self {
            Approval::None => "geen",
            Approval::Outdated => "verouderd",
            Approval::Current => "geldig",
        }
    }

    /// The state in words.
    pub fn label(self) -> &'static str {
        match self {
            Approval::None => "geen",
            Approval::Outdated => "verouderd (gewijzigd na goedkeuring)",
            Approval::Current => "geldt voor deze inhoud",
        }
    }
}

/// The last change a file's history records.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LastChange {
    /// When.
    pub when: NaiveDateTime,
    /// Who (name), possibly empty.
    pub who: String,
    /// What ("Status gewijzigd naar …").
    pub what: String,
}

impl Summary {
    /// The desk's view of `protocol`, checked on `context`'s day.
    pub fn of(protocol: &Protocol, context: &Context) -> Self {
        let findings = check::check(protocol, context);
        let count = |severity| {
            findings
                .iter()
                .filter(|finding| finding.severity == severity)
                .count()
        };
        let current = fingerprint::fingerprint(protocol);
        let advice = protocol
            .parties
            .iter()
            .enumerate()
            .map(|(index, party)| {
                let given = &party.dpo_advice;
                let state = if given.date.is_none() && given.outcome.is_none() {
                    AdviceState::Missing
                } else if !given.fingerprint.is_empty() && given.fingerprint != current {
                    AdviceState::Outdated
                } else {
                    AdviceState::Given(given.outcome)
                };
                PartyAdvice {
                    party: crate::review::sentences::party_name(party, index),
                    state,
                }
            })
            .collect();
        let approval = match &protocol.review.approval {
            None => Approval::None,
            Some(approval) if approval.fingerprint != current => Approval::Outdated,
            Some(_) => Approval::Current,
        };
        let municipality = protocol
            .drafting_party()
            .map(|party| {
                let legal = one_line(&party.legal_name);
                if legal.is_empty() {
                    one_line(party.display_name())
                } else {
                    legal
                }
            })
            .unwrap_or_default();
        let last_change = protocol.review.history.iter().rev().find_map(|entry| {
            entry.when.map(|when| LastChange {
                when,
                who: one_line(&entry.who.name),
                what: one_line(&entry.action),
            })
        });
        Summary {
            municipality,
            title: document::metadata(protocol, &document::Options::default()).short_title,
            status: protocol.review.status,
            errors: count(Severity::Fout),
            warnings: count(Severity::Waarschuwing),
            advice,
            approval,
            college_decision: protocol
                .municipal
                .as_ref()
                .and_then(|case| case.college_decision.date),
            last_change,
            in_package: None,
        }
    }

    /// The advice in short: "2 gegeven, 1 verouderd, 1 ontbreekt".
    pub fn advice_counts(&self) -> String {
        let given = self
            .advice
            .iter()
            .filter(|advice| matches!(advice.state, AdviceState::Given(_)))
            .count();
        let outdated = self
            .advice
            .iter()
            .filter(|advice| advice.state == AdviceState::Outdated)
            .count();
        let missing = self.advice.len() - given - outdated;
        let mut parts = Vec::new();
        if given > 0 {
            parts.push(format!("{given} gegeven"));
        }
        if outdated > 0 {
            parts.push(format!("{outdated} verouderd"));
        }
        if missing > 0 {
            parts.push(format!("{missing} ontbreekt"));
        }
        if parts.is_empty() {
            "geen partijen".to_string()
        } else {
            parts.join(", ")
        }
    }

    /// Each party's advice on its own line: "Gemeente Zoersel: gegeven (gunstig)".
    pub fn advice_lines(&self) -> Vec<String> {
        self.advice
            .iter()
            .map(|advice| format!("{}: {}", advice.party, advice.state.label()))
            .collect()
    }

    /// How many advices are missing or outdated (for sorting: the most work first).
    fn advice_open(&self) -> usize {
        self.advice
            .iter()
            .filter(|advice| !matches!(advice.state, AdviceState::Given(_)))
            .count()
    }
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Submission {
    /// The last change: the history's last entry, else the file's own time.
    pub fn last_change_time(&self) -> Option<NaiveDateTime> {
        self.content
            .as_ref()
            .ok()
            .and_then(|summary| summary.last_change.as_ref().map(|change| change.when))
            .or(self.modified)
    }

    /// The last change in words: "3 december 2026 om 14:05 door An Peeters", or the file's
    /// time ("3 december 2026 om 14:05 (bestand)") when the history records none.
    pub fn last_change_text(&self) -> String {
        let history = self
            .content
            .as_ref()
            .ok()
            .and_then(|summary| summary.last_change.as_ref());
        match (history, self.modified) {
            (Some(change), _) if change.who.is_empty() => moment(change.when),
            (Some(change), _) => format!("{} door {}", moment(change.when), change.who),
            (None, Some(modified)) => format!("{} (bestand)", moment(modified)),
            (None, None) => String::new(),
        }
    }
}

impl Submission {
    /// The last change in short, for a table: "03-12-2026 14:05 · An Peeters".
    pub fn last_change_short(&self) -> String {
        let Some(when) = self.last_change_time() else {
            return String::new();
        };
        let who = self
            .content
            .as_ref()
            .ok()
            .and_then(|summary| summary.last_change.as_ref())
            .map(|change| change.who.as_str())
            .filter(|who| !who.is_empty());
        match who {
            Some(who) => format!("{} · {who}", when.format("%d-%m-%Y %H:%M")),
            None => when.format("%d-%m-%Y %H:%M").to_string(),
        }
    }
}

/// "3 december 2026 om 14:05".
pub fn moment(when: NaiveDateTime) -> String {
    format!(
        "{} om {}",
        crate::dutch::dutch_long(when.date()),
        when.format("%H:%M")
    )
}

/// What [`scan`] found: the submission files, and the folders that could not be listed.
#[derive(Debug, Default)]
pub struct Scan {
    /// The protocol files and packages, sorted by path.
    pub files: Vec<PathBuf>,
    /// Folders that could not be read, with the Dutch reason; they become rows too.
    pub unreadable: Vec<(PathBuf, String)>,
}

/// Every `.ron` and `.zip` in `folder` and its subfolders (hidden files and folders, whose
/// names begin with a dot, left out: they are temporary files and version-control folders).
pub fn scan(folder: &Path) -> Scan {
    let mut scan = Scan::default();
    let mut folders = vec![folder.to_path_buf()];
    while let Some(current) = folders.pop() {
        let entries = match std::fs::read_dir(&current) {
            Ok(entries) => entries,
            Err(error) => {
                scan.unreadable.push((
                    current.clone(),
                    format!(
                        "‘{}’: de map kan niet gelezen worden ({error}).",
                        current.display()
                    ),
                ));
                continue;
            }
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            match entry.file_type() {
                Ok(kind) if kind.is_dir() => folders.push(path),
                Ok(_) if is_submission_file(&path) => scan.files.push(path),
                _ => {}
            }
        }
    }
    scan.files.sort();
    scan
}

/// Whether the desk lists this file: a `.ron` or `.zip` whose name does not begin with a dot.
pub fn is_submission_file(path: &Path) -> bool {
    let hidden = path
        .file_name()
        .is_none_or(|name| name.to_string_lossy().starts_with('.'));
    !hidden
        && path.extension().is_some_and(|extension| {
            EXTENSIONS
                .iter()
                .any(|wanted| extension.eq_ignore_ascii_case(wanted))
        })
}

/// The name of `path` below `folder`, with `/` between folders.
pub fn name_in(folder: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(folder).unwrap_or(path);
    relative
        .components()
        .map(|part| part.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// Reads one submission file: a protocol, or a package with a protocol inside.
pub fn read(folder: &Path, path: &Path, context: &Context) -> Submission {
    let modified = std::fs::metadata(path)
        .and_then(|metadata| metadata.modified())
        .ok()
        .map(local_time);
    let content = read_protocol(path).map(|(protocol, in_package)| Summary {
        in_package,
        ..Summary::of(&protocol, context)
    });
    Submission {
        path: path.to_path_buf(),
        name: name_in(folder, path),
        modified,
        content,
    }
}

/// The protocol in `path` (a `.ron`, or the `.ron` inside a package `.zip`, with its name
/// there), or the Dutch error.
pub fn read_protocol(path: &Path) -> Result<(Protocol, Option<String>), String> {
    let is_zip = path
        .extension()
        .is_some_and(|extension| extension.eq_ignore_ascii_case("zip"));
    if !is_zip {
        return crate::file::load(path)
            .map(|protocol| (protocol, None))
            .map_err(|error| error.to_string());
    }
    // A package holds a few documents; a zip of more than this is not one of ours.
    const LARGEST_PACKAGE: u64 = 200 * 1024 * 1024;
    if std::fs::metadata(path).is_ok_and(|metadata| metadata.len() > LARGEST_PACKAGE) {
        return Err(format!(
            "‘{}’ is groter dan 200 MB en is geen indienpakket.",
            path.display()
        ));
    }
    let bytes = std::fs::read(path)
        .map_err(|error| format!("‘{}’ kan niet gelezen worden: {error}.", path.display()))?;
    let (inner, text) = crate::package::read_protocol(&bytes)
        .map_err(|error| format!("‘{}’: {error}", path.display()))?;
    // Errors name the file inside the package: "Pakket.zip/Protocol Zoersel.ron", regel …
    crate::file::from_str(&text, &path.join(&inner))
        .map(|protocol| (protocol, Some(inner)))
        .map_err(|error| error.to_string())
}

fn local_time(time: SystemTime) -> NaiveDateTime {
    chrono::DateTime::<chrono::Local>::from(time).naive_local()
}

/// Reads every submission in `folder` (see [`scan`]) on up to `threads` threads, in path
/// order; `progress(done, total)` is called after each file.
pub fn read_all(
    folder: &Path,
    context: &Context,
    threads: usize,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Vec<Submission> {
    let scan = scan(folder);
    let total = scan.files.len();
    let done = std::sync::atomic::AtomicUsize::new(0);
    let chunk = total.div_ceil(threads.max(1)).max(1);
    let mut rows: Vec<Submission> = std::thread::scope(|scope| {
        let handles: Vec<_> = scan
            .files
            .chunks(chunk)
            .map(|files| {
                let done = &done;
                scope.spawn(move || {
                    files
                        .iter()
                        .map(|path| {
                            let row = read(folder, path, context);
                            let count = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                            progress(count + 1, total);
                            row
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|handle| handle.join().unwrap_or_default())
            .collect()
    });
    rows.extend(
        scan.unreadable
            .into_iter()
            .map(|(path, message)| Submission {
                name: name_in(folder, &path),
                path,
                modified: None,
                content: Err(message),
            }),
    );
    rows
}

/// A column of the overview.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    /// Gemeente and title.
    Municipality,
    /// Workflow status.
    Status,
    /// Errors and warnings.
    Findings,
    /// The DPOs' advice.
    Advice,
    /// The approval.
    Approval,
    /// The college decision's date.
    CollegeDecision,
    /// The last change.
    LastChange,
    /// The file.
    File,
}

impl Column {
    /// The columns, left to right.
    pub const ALL: [Column; 8] = [
        Column::Municipality,
        Column::Status,
        Column::Findings,
        Column::Advice,
        Column::Approval,
        Column::CollegeDecision,
        Column::LastChange,
        Column::File,
    ];

    /// The column's heading.
    pub fn title(self) -> &'static str {
        match self {
            Column::Municipality => "Gemeente / titel",
            Column::Status => "Status",
            Column::Findings => "Controle",
            Column::Advice => "DPO-advies",
            Column::Approval => "Goedkeuring",
            Column::CollegeDecision => "Collegebesluit",
            Column::LastChange => "Laatste wijziging",
            Column::File => "Bestand",
        }
    }

    /// Orders two submissions by this column (ties by file name). Unreadable files come
    /// first in every order: they are what needs attention before anything else.
    pub fn compare(self, a: &Submission, b: &Submission) -> Ordering {
        let by_name = || a.name.to_lowercase().cmp(&b.name.to_lowercase());
        let (first, second) = match (&a.content, &b.content) {
            (Err(_), Err(_)) => return by_name(),
            (Err(_), Ok(_)) => return Ordering::Less,
            (Ok(_), Err(_)) => return Ordering::Greater,
            (Ok(first), Ok(second)) => (first, second),
        };
        let status_rank = |status: Status| Status::ALL.iter().position(|each| *each == status);
        let ordering = match self {
            Column::Municipality => first
                .municipality
                .to_lowercase()
                .cmp(&second.municipality.to_lowercase())
                .then_with(|| first.title.cmp(&second.title)),
            Column::Status => status_rank(first.status).cmp(&status_rank(second.status)),
            Column::Findings => {
                (first.errors, first.warnings).cmp(&(second.errors, second.warnings))
            }
            Column::Advice => first.advice_open().cmp(&second.advice_open()),
            Column::Approval => first.approval.cmp(&second.approval),
            Column::CollegeDecision => first.college_decision.cmp(&second.college_decision),
            Column::LastChange => a.last_change_time().cmp(&b.last_change_time()),
            Column::File => Ordering::Equal,
        };
        ordering.then_with(by_name)
    }
}

/// Sorts `rows` by `column`, ascending or descending; unreadable files stay first.
pub fn sort(rows: &mut [&Submission], column: Column, descending: bool) {
    rows.sort_by(|a, b| {
        let ordering = column.compare(a, b);
        let unreadable = a.content.is_err() || b.content.is_err();
        if descending && !unreadable {
            ordering.reverse()
        } else {
            ordering
        }
    });
}

/// What the overview shows: a status, only those with errors, and a text to search for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only protocols in this status.
    pub status: Option<Status>,
    /// Only protocols the check finds errors in.
    pub with_errors: bool,
    /// Only rows whose gemeente, title or file name contains this (case-insensitive).
    pub text: String,
}

impl Filter {
    /// Whether `row` passes. An unreadable file always does: it is never hidden.
    pub fn matches(&self, row: &Submission) -> bool {
        let Ok(summary) = &row.content else {
            return true;
        };
        if self.status.is_some_and(|status| status != summary.status) {
            return false;
        }
        if self.with_errors && summary.errors == 0 {
            return false;
        }
        let wanted = self.text.trim().to_lowercase();
        wanted.is_empty()
            || [&summary.municipality, &summary.title, &row.name]
                .iter()
                .any(|text| text.to_lowercase().contains(&wanted))
    }

    /// Whether any filter is set.
    pub fn is_active(&self) -> bool {
        self.status.is_some() || self.with_errors || !self.text.trim().is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(name: &str, status: Status, errors: usize) -> Submission {
        Submission {
            path: PathBuf::from(name),
            name: name.to_string(),
            modified: None,
            content: Ok(Summary {
                municipality: format!("Gemeente {name}"),
                title: String::new(),
                status,
                errors,
                warnings: 0,
                advice: Vec::new(),
                approval: Approval::None,
                college_decision: None,
                last_change: None,
                in_package: None,
            }),
        }
    }

    fn unreadable(name: &str) -> Submission {
        Submission {
            path: PathBuf::from(name),
            name: name.to_string(),
            modified: None,
            content: Err("kapot".to_string()),
        }
    }

    #[test]
    fn sorting_by_status_follows_the_workflow_and_keeps_unreadable_files_first() {
        let rows = [
            row("b.ron", Status::Approved, 0),
            unreadable("z.ron"),
            row("a.ron", Status::Draft, 2),
            row("c.ron", Status::Submitted, 1),
        ];
        let mut shown: Vec<&Submission> = rows.iter().collect();
        sort(&mut shown, Column::Status, false);
        let names: Vec<&str> = shown.iter().map(|row| row.name.as_str()).collect();
        assert_eq!(names, ["z.ron", "a.ron", "c.ron", "b.ron"]);
        sort(&mut shown, Column::Status, true);
        let names: Vec<&str> = shown.iter().map(|row| row.name.as_str()).collect();
        assert_eq!(names, ["z.ron", "b.ron", "c.ron", "a.ron"]);
        sort(&mut shown, Column::Findings, true);
        assert_eq!(shown[1].name, "a.ron");
    }

    #[test]
    fn the_filter_never_hides_an_unreadable_file() {
        let filter = Filter {
            status: Some(Status::Submitted),
            with_errors: true,
            text: "gemeente c".to_string(),
        };
        assert!(filter.matches(&row("c.ron", Status::Submitted, 1)));
        assert!(!filter.matches(&row("c.ron", Status::Submitted, 0)));
        assert!(!filter.matches(&row("c.ron", Status::Draft, 1)));
        assert!(!filter.matches(&row("a.ron", Status::Submitted, 1)));
        assert!(filter.matches(&unreadable("x.ron")));
        assert!(filter.is_active() && !Filter::default().is_active());
    }

    #[test]
    fn the_scan_goes_into_subfolders_and_leaves_hidden_and_other_files_out() {
        let dir = tempfile::tempdir().unwrap_or_else(|error| panic!("{error}"));
        let sub = dir.path().join("2026");
        std::fs::create_dir_all(sub.join(".git")).unwrap_or_default();
        for name in ["a.ron", "b.zip", "c.ron.bak", ".d.ron", "e.txt"] {
            std::fs::write(dir.path().join(name), "").unwrap_or_default();
        }
        std::fs::write(sub.join("f.RON"), "").unwrap_or_default();
        std::fs::write(sub.join(".git").join("g.ron"), "").unwrap_or_default();
        let found = scan(dir.path());
        let names: Vec<String> = found
            .files
            .iter()
            .map(|path| name_in(dir.path(), path))
            .collect();
        assert_eq!(names, ["2026/f.RON", "a.ron", "b.zip"]);
        assert!(found.unreadable.is_empty());
        let missing = scan(&dir.path().join("weg"));
        assert_eq!(missing.unreadable.len(), 1);
        assert!(missing.unreadable[0].1.contains("kan niet gelezen worden"));
    }
}
