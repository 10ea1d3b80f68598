//! The parts of the library depend on each other in one direction only (ARCHITECTURE.md): the
//! model at the bottom, the app and the command line at the top. This test reads every source
//! file and fails when a `crate::…` path crosses an arrow that is not in the table below, so a
//! cycle (check ↔ review, document ↔ review, app → cli) cannot come back unnoticed.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// What each top-level part may use of the others. A part not in this table fails the test:
/// say where it belongs when you add one.
const ALLOWED: &[(&str, &[&str])] = &[
    // Plain data of a protocol, its steps, field labels and fingerprint.
    ("model", &[]),
    // Dutch dates, capitals and lists of names.
    ("dutch", &[]),
    ("file", &["model"]),
    ("template", &["model", "file"]),
    ("check", &["model", "dutch", "template"]),
    ("review", &["model", "dutch", "check"]),
    ("document", &["model", "dutch", "review"]),
    // The writers see nothing but the document tree.
    ("export", &["document"]),
    (
        "pipeline",
        &["model", "check", "review", "document", "export", "file"],
    ),
    // The submission package: the pipeline's documents, the .ron, checksums, one zip.
    (
        "package",
        &[
            "model", "dutch", "check", "document", "export", "pipeline", "file",
        ],
    ),
    ("store", &["model", "dutch", "file"]),
    // A signed PDF checked: reads what the PDF writer embedded, gives the workflow its evidence.
    ("signature", &["model", "dutch", "review", "export"]),
    // Signed protocols from Word, PDF or text into the model; knows no writer and no check.
    ("import", &["model", "dutch"]),
    // The processing-register entry of a protocol.
    ("register", &["model", "dutch"]),
    // The Inzendingen desk: reads and checks submissions, knows no writer but its Excel sheet.
    (
        "desk",
        &[
            "model", "dutch", "file", "check", "review", "document", "package",
        ],
    ),
    // The website version of a folder of protocols: pages, PDFs and an index.
    (
        "publish",
        &[
            "model",
            "dutch",
            "file",
            "check",
            "document",
            "export",
            "pipeline",
            "desk",
            "signature",
        ],
    ),
    (
        "cli",
        &[
            "model",
            "dutch",
            "file",
            "template",
            "check",
            "review",
            "document",
            "export",
            "pipeline",
            "store",
            "import",
            "register",
            "desk",
            "package",
            "publish",
            "signature",
        ],
    ),
    (
        "app",
        &[
            "model",
            "dutch",
            "file",
            "template",
            "check",
            "review",
            "document",
            "export",
            "pipeline",
            "store",
            "import",
            "register",
            "desk",
            "package",
            "signature",
        ],
    ),
    ("windows_console", &[]),
];

/// The parts a `crate::` path in `source` names, with the line it stands on. Comment lines are
/// skipped, and so is a file's `#[cfg(test)]` module at its end (unit tests may build their
/// fixtures with a higher part; the library itself never does); `crate::{a, b::c}` names `a` and `b`; items of the library root (`crate::VERSION`,
/// upper case) are not parts.
fn named_parts(source: &str) -> Vec<(usize, String)> {
    let library = source
        .split("#[cfg(test)]\nmod tests")
        .next()
        .unwrap_or(source);
    // Comment lines become empty lines, so line numbers stay right.
    let code: String = library
        .lines()
        .map(|line| {
            if line.trim_start().starts_with("//") {
                ""
            } else {
                line
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    let mut found = Vec::new();
    let mut searched = 0;
    while let Some(found_at) = code[searched..].find("crate::") {
        let at = searched + found_at;
        searched = at + "crate::".len();
        if code[..at].ends_with('$') {
            continue;
        }
        let rest = &code[searched..];
        let names = if let Some(inside) = rest.strip_prefix('{') {
            top_level_names(inside)
        } else {
            vec![identifier(rest)]
        };
        let line = code[..at].matches('\n').count() + 1;
        for name in names {
            if name.chars().next().is_some_and(char::is_lowercase) {
                found.push((line, name));
            }
        }
    }
    found
}

/// The first identifier of each comma-separated entry of a `{…}` list, up to its closing brace.
fn top_level_names(inside: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut depth = 0;
    let mut entry_start = true;
    for (index, character) in inside.char_indices() {
        match character {
            '{' => depth += 1,
            '}' if depth == 0 => break,
            '}' => depth -= 1,
            ',' if depth == 0 => entry_start = true,
            c if entry_start && (c.is_alphanumeric() || c == '_') => {
                names.push(identifier(&inside[index..]));
                entry_start = false;
            }
            _ => {}
        }
    }
    names
}

fn identifier(text: &str) -> String {
    text.chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect()
}

/// The top-level part a source file belongs to: `src/check/rules.rs` → `check`,
/// `src/file.rs` → `file`; `None` for the crate roots.
fn part_of(source_root: &Path, path: &Path) -> Option<String> {
    let relative = path.strip_prefix(source_root).ok()?;
    let first = relative.components().next()?.as_os_str().to_str()?;
    let part = first.strip_suffix(".rs").unwrap_or(first);
    (part != "lib" && part != "main").then(|| part.to_string())
}

fn rust_files(folder: &Path, into: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(folder)
        .expect("src/ is readable")
        .map(|entry| entry.expect("a readable entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, into);
        } else if path.extension().is_some_and(|extension| extension == "rs") {
            into.push(path);
        }
    }
}

#[test]
fn no_part_uses_a_part_above_it() {
    let allowed: BTreeMap<&str, &[&str]> = ALLOWED.iter().copied().collect();
    let source_root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&source_root, &mut files);
    assert!(files.len() > 20, "the sources were found");
    let mut crossings = Vec::new();
    for path in &files {
        let Some(part) = part_of(&source_root, path) else {
            continue;
        };
        // A module's unit tests in a file of their own (`review/tests.rs`).
        if path.file_name().is_some_and(|name| name == "tests.rs") {
            continue;
        }
        let Some(may_use) = allowed.get(part.as_str()) else {
            crossings.push(format!(
                "{}: the part ‘{part}’ is not in the layering table of tests/layering.rs",
                path.display()
            ));
            continue;
        };
        let source = std::fs::read_to_string(path).expect("a readable source file");
        for (line, used) in named_parts(&source) {
            if used != part && !may_use.contains(&used.as_str()) {
                crossings.push(format!(
                    "{}:{line}: ‘{part}’ uses ‘{used}’, which it may not",
                    path.display()
                ));
            }
        }
    }
    assert!(
        crossings.is_empty(),
        "forbidden dependencies:\n{}",
        crossings.join("\n")
    );
}

#[test]
fn the_reader_finds_every_kind_of_path() {
    let source = "use crate::model::{Party, Step};\n\
                  use crate::{check::{self, Finding},\n    review};\n\
                  // use crate::app; (a comment)\n\
                  let version = crate::VERSION;\n\
                  let date = crate::dutch::dutch_long(today);\n\
                  macro_rules! m { () => { $crate::app::x } }\n";
    let parts: Vec<(usize, String)> = named_parts(source);
    assert_eq!(
        parts,
        [
            (1, "model".to_string()),
            (2, "check".to_string()),
            (2, "review".to_string()),
            (6, "dutch".to_string()),
        ]
    );
}

#[test]
fn a_crossing_is_reported() {
    // The table forbids the model from using the check; the reader sees such a use.
    let allowed: BTreeMap<&str, &[&str]> = ALLOWED.iter().copied().collect();
    let uses = named_parts("use crate::check::Finding;");
    assert_eq!(uses, [(1, "check".to_string())]);
    assert!(!allowed["model"].contains(&"check"));
    assert!(!allowed["export"].contains(&"model"));
    assert!(!allowed["check"].contains(&"review"));
    assert!(!allowed["review"].contains(&"document"));
    assert!(!allowed["app"].contains(&"cli"));
}
