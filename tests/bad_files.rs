//! Bad files give a Dutch error naming the file, line, column and problem; they are never
//! modified by a failed load; a failed save leaves the previous file intact.

#![allow(clippy::unwrap_used)] // tests may unwrap: a failure is the test failing

use std::fs;
use std::path::{Path, PathBuf};

use protocolwijzer::file::{self, LoadError, LoadErrorKind};
use protocolwijzer::template;

fn template_text() -> String {
    file::to_ron_string(&template::new_protocol(template::DEFAULT_TEMPLATE).unwrap())
}

/// Writes `bytes` to a file, loads it, checks the file is unchanged, returns the error.
fn load_bad(name: &str, bytes: &[u8]) -> (LoadError, PathBuf, tempfile::TempDir) {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join(name);
    fs::write(&path, bytes).unwrap();
    let error = file::load(&path).expect_err("a bad file must not load");
    assert_eq!(
        fs::read(&path).unwrap(),
        bytes,
        "a failed load must not modify the file"
    );
    let message = error.to_string();
    assert!(
        message.contains(&path.display().to_string()),
        "names the file: {message}"
    );
    (error, path, folder)
}

fn assert_position(error: &LoadError, line: usize, column: usize) {
    assert_eq!((error.line, error.column), (line, column), "{error}");
    let message = error.to_string();
    assert!(
        message.contains(&format!("regel {line}, kolom {column}")),
        "{message}"
    );
}

#[test]
fn syntax_error_names_line_and_column() {
    // Remove the comma after the format line (line 4 after the two comment lines and "(").
    let text = template_text().replacen("format: 2,", "format: 2", 1);
    let (error, _, _) = load_bad("komma.ron", text.as_bytes());
    assert!(matches!(error.kind, LoadErrorKind::Invalid(_)));
    assert_position(&error, 5, 5);
    assert!(error.to_string().contains("komma"), "{error}");
}

#[test]
fn wrong_type_is_explained() {
    let text = template_text().replacen("vtc_advice_date: None", "vtc_advice_date: 42", 1);
    let line = text
        .lines()
        .position(|l| l.contains("vtc_advice_date: 42"))
        .unwrap()
        + 1;
    let (error, _, _) = load_bad("type.ron", text.as_bytes());
    assert_eq!(error.line, line, "{error}");
    assert!(error.column > 0);
    assert!(error.to_string().contains("Some(…) of None"), "{error}");
}

#[test]
fn invalid_date_is_explained() {
    let text = template_text().replacen(
        "vtc_advice_date: None",
        "vtc_advice_date: Some(\"2025-02-30\")",
        1,
    );
    let line = text.lines().position(|l| l.contains("2025-02-30")).unwrap() + 1;
    let (error, _, _) = load_bad("datum.ron", text.as_bytes());
    assert_eq!(error.line, line, "{error}");
    assert!(error.to_string().contains("ongeldige datum"), "{error}");
}

#[test]
fn unknown_field_is_named() {
    let text = template_text().replacen(
        "    compatibility:",
        "    kleur: \"rood\",\n    compatibility:",
        1,
    );
    let line = text.lines().position(|l| l.contains("kleur:")).unwrap() + 1;
    let (error, _, _) = load_bad("veld.ron", text.as_bytes());
    assert_position(&error, line, 5);
    let message = error.to_string();
    assert!(message.contains("onbekend veld ‘kleur’"), "{message}");
}

#[test]
fn unknown_choice_is_named() {
    let text = template_text().replacen(
        "exchange_channel: Unchosen",
        "exchange_channel: Postduif",
        1,
    );
    let (error, _, _) = load_bad("keuze.ron", text.as_bytes());
    assert!(error.line > 0);
    assert!(
        error.to_string().contains("onbekende keuze ‘Postduif’"),
        "{error}"
    );
}

#[test]
fn missing_format_is_refused() {
    let text = template_text().replacen("    format: 2,\n", "", 1);
    let (error, _, _) = load_bad("zonder-format.ron", text.as_bytes());
    assert!(matches!(error.kind, LoadErrorKind::MissingFormat));
    assert_position(&error, 1, 1);
    assert!(error.to_string().contains("‘format’"), "{error}");
}

#[test]
fn newer_format_is_refused_before_its_new_fields() {
    let text = template_text()
        .replacen("format: 2,", "format: 7,", 1)
        .replacen(
            "    compatibility:",
            "    nieuw_veld: true,\n    compatibility:",
            1,
        );
    let (error, _, _) = load_bad("nieuwer.ron", text.as_bytes());
    assert!(
        matches!(error.kind, LoadErrorKind::NewerFormat { found: 7 }),
        "{error}"
    );
    assert_position(&error, 4, 5);
    assert!(error.to_string().contains("nieuwere versie"), "{error}");
}

#[test]
fn non_utf8_is_refused_with_its_position() {
    let mut bytes = b"// kop\n(\n    format: 1,\n    retention: \"caf".to_vec();
    bytes.extend_from_slice(&[0xE9, b'"', b',', b'\n', b')']);
    let (error, _, _) = load_bad("latin1.ron", &bytes);
    assert!(matches!(error.kind, LoadErrorKind::NotUtf8));
    assert_position(&error, 4, 20);
    assert!(error.to_string().contains("UTF-8"), "{error}");
}

#[test]
fn empty_file_is_refused() {
    let (error, _, _) = load_bad("leeg.ron", b"");
    assert!(matches!(error.kind, LoadErrorKind::Empty));
    assert_position(&error, 1, 1);
    let (error, _, _) = load_bad("spaties.ron", b"  \n\t\n");
    assert!(matches!(error.kind, LoadErrorKind::Empty));
}

#[test]
fn oversized_file_is_refused_without_reading_it() {
    let mut bytes = template_text().into_bytes();
    bytes.resize(file::MAX_FILE_BYTES as usize + 1, b' ');
    let (error, _, _) = load_bad("groot.ron", &bytes);
    assert!(matches!(error.kind, LoadErrorKind::TooLarge { .. }));
    assert!(error.to_string().contains("10 MB"), "{error}");
}

#[test]
fn truncated_file_says_it_ends_early() {
    let text = template_text();
    // Cut halfway, just after a complete field: what is missing is the rest of the file.
    let half = text.len() / 2;
    let cut = half + text[half..].find(",\n").unwrap() + 2;
    let (error, _, _) = load_bad("afgekapt.ron", &text.as_bytes()[..cut]);
    assert!(error.line > 1);
    assert!(error.to_string().contains("houdt onverwacht op"), "{error}");
}

#[test]
fn missing_file_is_reported_in_dutch() {
    let error = file::load(Path::new("/bestaat/niet/protocol.ron")).unwrap_err();
    assert!(error.to_string().contains("bestaat niet"), "{error}");
}

#[test]
fn a_byte_order_mark_and_crlf_line_ends_are_accepted() {
    let text = template_text().replace('\n', "\r\n");
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend_from_slice(text.as_bytes());
    let loaded = file::from_bytes(&bytes, Path::new("windows.ron")).unwrap();
    assert_eq!(
        loaded,
        template::new_protocol(template::DEFAULT_TEMPLATE).unwrap()
    );
}

#[test]
fn save_keeps_the_previous_version_as_backup() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("protocol.ron");
    let mut protocol = template::new_protocol(template::DEFAULT_TEMPLATE).unwrap();
    file::save(&path, &protocol).unwrap();
    let first = fs::read(&path).unwrap();
    assert!(!file::backup_path(&path).exists());
    protocol.retention = "Twee jaar.".into();
    file::save(&path, &protocol).unwrap();
    assert_eq!(fs::read(file::backup_path(&path)).unwrap(), first);
    assert_eq!(file::load(&path).unwrap(), protocol);
    // No temporary files are left behind.
    let names: Vec<_> = fs::read_dir(folder.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
}

// `a_failed_save_leaves_the_old_file_intact` is in tests/file_faults.rs: temporary names are
// unpredictable now, so the write is blocked by a read-only folder there.

#[cfg(unix)]
#[test]
fn saving_into_a_read_only_folder_fails_cleanly() {
    use std::os::unix::fs::PermissionsExt;
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("protocol.ron");
    let mut protocol = template::new_protocol(template::DEFAULT_TEMPLATE).unwrap();
    file::save(&path, &protocol).unwrap();
    let before = fs::read(&path).unwrap();
    fs::set_permissions(folder.path(), fs::Permissions::from_mode(0o555)).unwrap();
    let privileged = fs::write(folder.path().join("probe"), b"").is_ok();
    protocol.retention = "gewijzigd".into();
    let result = file::save(&path, &protocol);
    fs::set_permissions(folder.path(), fs::Permissions::from_mode(0o755)).unwrap();
    if privileged {
        // Root writes anyway; the blocked-temporary-file test covers the failure path.
        assert!(result.is_ok());
    } else {
        let error = result.unwrap_err();
        assert_eq!(fs::read(&path).unwrap(), before);
        assert!(error.to_string().contains("alleen-lezen"), "{error}");
    }
}
