//! The command line: `new`, `templates`, `open` on a bad file, and the documented exit codes
//! (0 ok, 1 findings/refused, 2 unreadable input).

#![allow(clippy::unwrap_used)] // tests may unwrap: a failure is the test failing

mod common;

use common::{protocolwijzer, stderr, stdout};

use std::fs;

use protocolwijzer::{file, template};

#[test]
fn templates_lists_names_and_titles() {
    let output = protocolwijzer(&["templates"]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    for entry in template::TEMPLATES {
        assert!(text.contains(entry.name), "{text}");
        assert!(text.contains(&entry.title()), "{text}");
    }
    assert!(text.contains("Standaardprotocol Opgroeien"), "{text}");
}

#[test]
fn new_writes_the_template_as_a_file() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("Protocol Zoë.ron");
    let output = protocolwijzer(&[
        "new",
        "--template",
        "leeg-protocol",
        "-o",
        path.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        file::load(&path).unwrap(),
        template::new_protocol("leeg-protocol").unwrap()
    );
}

#[test]
fn new_defaults_to_the_opgroeien_template() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("gemeente.ron");
    let output = protocolwijzer(&["new", "-o", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let protocol = file::load(&path).unwrap();
    assert_eq!(protocol.template.name, template::DEFAULT_TEMPLATE);
}

#[test]
fn new_refuses_to_overwrite_unless_forced() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("bestaand.ron");
    fs::write(&path, "mijn werk").unwrap();
    let output = protocolwijzer(&["new", "-o", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("bestaat al"),
        "{}",
        stderr(&output)
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), "mijn werk");

    let output = protocolwijzer(&["new", "-o", path.to_str().unwrap(), "--force"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        fs::read_to_string(file::backup_path(&path)).unwrap(),
        "mijn werk"
    );
    assert!(file::load(&path).is_ok());
}

#[test]
fn unknown_template_is_exit_2_with_the_names() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("x.ron");
    let output = protocolwijzer(&[
        "new",
        "--template",
        "bestaat-niet",
        "-o",
        path.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(
        message.contains("geen sjabloon ‘bestaat-niet’"),
        "{message}"
    );
    assert!(message.contains("opgroeien-lokaal-bestuur"), "{message}");
    assert!(!path.exists());
}

/// Opening a bad file prints where it is wrong; the app would then start on a new protocol
/// with the same message in a dialog (tests/ui_wizard.rs). Without a display it cannot start,
/// and the exit code says the file was the problem. Both `open FILE` and a bare `FILE` (how a
/// double-click on a file starts the app) behave so.
#[test]
fn opening_a_bad_file_is_exit_2_with_line_and_column() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("kapot.ron");
    fs::write(&path, "(\n    format: 1,\n    retention: 12,\n)").unwrap();
    for args in [
        vec!["open", path.to_str().unwrap()],
        vec![path.to_str().unwrap()],
    ] {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_protocolwijzer"))
            .args(&args)
            .env_remove("DISPLAY")
            .env_remove("WAYLAND_DISPLAY")
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let message = stderr(&output);
        assert!(message.contains("regel 3, kolom"), "{message}");
        assert!(message.contains("kapot.ron"), "{message}");
    }
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        "(\n    format: 1,\n    retention: 12,\n)"
    );
}

#[test]
fn usage_errors_are_exit_2_and_help_is_exit_0() {
    assert_eq!(protocolwijzer(&["bestaat-niet"]).status.code(), Some(2));
    assert_eq!(protocolwijzer(&["new"]).status.code(), Some(2));
    let help = protocolwijzer(&["--help"]);
    assert_eq!(help.status.code(), Some(0));
    assert!(stdout(&help).contains("Afsluitcodes"), "{}", stdout(&help));
    let version = protocolwijzer(&["--version"]);
    assert_eq!(version.status.code(), Some(0));
    let version = stdout(&version);
    assert!(version.contains(env!("CARGO_PKG_VERSION")), "{version}");
    assert!(version.contains("(commit "), "{version}");
}

/// What a user sees from the binary, on the right stream: Dutch help on stdout ending in a
/// newline, and a Dutch error with the usage on stderr (the texts are unit-tested in
/// src/cli/dutch.rs).
#[test]
fn help_and_usage_errors_are_dutch_on_the_right_stream() {
    let help = protocolwijzer(&["export", "--help"]);
    assert_eq!(help.status.code(), Some(0));
    let text = stdout(&help);
    assert!(text.starts_with("Exporteer een protocol"), "{text}");
    assert!(
        text.contains("Gebruik: protocolwijzer export [OPTIES] <BESTAND>"),
        "{text}"
    );
    assert!(text.ends_with("Toon deze hulp\n"), "{text}");
    assert!(stderr(&help).is_empty());

    let wrong = protocolwijzer(&["export", "x.ron", "--pdff", "x.pdf"]);
    assert_eq!(wrong.status.code(), Some(2));
    assert!(stdout(&wrong).is_empty());
    let text = stderr(&wrong);
    assert!(
        text.starts_with("Fout: ‘--pdff’ hoort niet bij deze opdracht. Bedoelt u ‘--pdf’?"),
        "{text}"
    );
    assert!(
        text.contains("Meer uitleg: protocolwijzer export --help"),
        "{text}"
    );
    for english in ["error:", "Usage", "tip:", "For more information"] {
        assert!(!text.contains(english), "{english} in {text}");
    }
}

/// `import`: the signed reference text becomes a protocol file with its report; a foreign file,
/// an existing output and the source itself as output are exit 2 with nothing written.
#[test]
fn import_writes_the_protocol_and_its_report_and_refuses_harm() {
    let folder = tempfile::tempdir().unwrap();
    let source = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/import/vutg-opgroeien-2025.txt"
    );
    let output_path = folder.path().join("VUTG.ron");
    let report = folder.path().join("verslag.txt");
    let output = protocolwijzer(&[
        "import",
        source,
        "-o",
        output_path.to_str().unwrap(),
        "--report",
        report.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("2 partijen, 12 artikels, 10 gegevens"),
        "{}",
        stdout(&output)
    );
    let protocol = file::load(&output_path).unwrap();
    assert_eq!(protocol.parties[0].kbo, "0692.793.497");
    let text = fs::read_to_string(&report).unwrap();
    assert!(text.contains("Waar elk veld vandaan komt"), "{text}");
    assert!(
        text.contains("VUTG › KBO-nummer (parties[0].kbo) ← alinea "),
        "{text}"
    );

    // An existing output is kept unless --force.
    let before = fs::read(&output_path).unwrap();
    let again = protocolwijzer(&["import", source, "-o", output_path.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(2));
    assert!(stderr(&again).contains("bestaat al"), "{}", stderr(&again));
    assert_eq!(fs::read(&output_path).unwrap(), before);

    // A foreign file: a Dutch reason, no output.
    let foreign = folder.path().join("boodschappen.txt");
    fs::write(&foreign, "Brood\nMelk\n").unwrap();
    let nothing = folder.path().join("niets.ron");
    let refused = protocolwijzer(&[
        "import",
        foreign.to_str().unwrap(),
        "-o",
        nothing.to_str().unwrap(),
    ]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        stderr(&refused).contains("lijkt geen protocol"),
        "{}",
        stderr(&refused)
    );
    assert!(!nothing.exists());

    // The source as its own output is refused, and the source stays.
    let copy = folder.path().join("bron.txt");
    fs::copy(source, &copy).unwrap();
    let same = protocolwijzer(&[
        "import",
        copy.to_str().unwrap(),
        "-o",
        copy.to_str().unwrap(),
        "--force",
    ]);
    assert_eq!(same.status.code(), Some(2));
    assert_eq!(fs::read(&copy).unwrap(), fs::read(source).unwrap());
}

/// Splits one CSV line with `separator` and `"` quotes (doubled inside a field).
fn csv_fields(line: &str, separator: char) -> Vec<String> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut characters = line.chars().peekable();
    while let Some(character) = characters.next() {
        match character {
            '"' if quoted && characters.peek() == Some(&'"') => {
                field.push('"');
                characters.next();
            }
            '"' => quoted = !quoted,
            c if c == separator && !quoted => fields.push(std::mem::take(&mut field)),
            c => field.push(c),
        }
    }
    fields.push(field);
    fields
}

/// Issue 17 §4 (CSV): `register` writes the processing-register row of the municipal case;
/// read back directly and as LibreOffice reads it (its CSV import, then its own CSV export),
/// every column holds the protocol's facts.
#[test]
fn register_writes_the_processing_register_row() {
    let folder = tempfile::tempdir().unwrap();
    let source = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/opgroeien-gemeente-ingevuld.ron"
    );
    let csv = folder.path().join("register.csv");
    let output = protocolwijzer(&["register", source, "-o", csv.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let protocol = file::load(std::path::Path::new(source)).unwrap();
    let municipality = protocol.drafting_party().unwrap().clone();
    let text = fs::read_to_string(&csv).unwrap();
    assert!(text.starts_with('\u{feff}'), "a BOM for Excel");
    let lines: Vec<&str> = text.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(lines.len(), 2);
    let check = |header: Vec<String>, row: Vec<String>, reader: &str| {
        assert_eq!(header, protocolwijzer::register::COLUMNS, "{reader}");
        let column = |name: &str| {
            let index = header.iter().position(|column| column == name).unwrap();
            row[index].clone()
        };
        assert!(
            column("Verwerkingsverantwoordelijke").contains(&municipality.legal_name),
            "{reader}"
        );
        assert!(
            column("Verwerkingsverantwoordelijke").contains(&municipality.kbo),
            "{reader}"
        );
        assert!(
            column("Functionaris voor gegevensbescherming").contains(&municipality.dpo.email),
            "{reader}"
        );
        let first_purpose = &municipality.processing_purposes[0].description;
        assert!(
            column("Doeleinden").contains(first_purpose.split_whitespace().next().unwrap()),
            "{reader}"
        );
        assert!(column("Doeleinden").contains("€ 100"), "{reader}");
        assert!(
            column("Categorieën van persoonsgegevens").contains("INSZ-nummer"),
            "{reader}"
        );
        assert!(
            column("Doorgifte buiten de EU").starts_with("Geen"),
            "{reader}"
        );
        assert!(
            column("Bewaartermijn").contains("niet langer dan nodig"),
            "{reader}"
        );
        assert!(
            column("Beveiligingsmaatregelen").contains("versleuteld"),
            "{reader}"
        );
        assert_eq!(
            column("Gegevens van"),
            "Agentschap Opgroeien regie",
            "{reader}"
        );
        assert_eq!(column("Protocol (datum)"), "30 maart 2026", "{reader}");
        assert_eq!(
            column("Bekendmaking"),
            municipality.publication_url,
            "{reader}"
        );
    };
    check(csv_fields(lines[0], ';'), csv_fields(lines[1], ';'), "CSV");

    if !common::readback::available("soffice") {
        return;
    }
    let profile = format!("file://{}", folder.path().join("lo-profile").display());
    let converted = folder.path().join("lo");
    let result = std::process::Command::new("soffice")
        .args([
            "--headless",
            "--norestore",
            &format!("-env:UserInstallation={profile}"),
            "--infilter=Text - txt - csv (StarCalc):59,34,76,1",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1",
            "--outdir",
        ])
        .arg(&converted)
        .arg(&csv)
        .output()
        .unwrap();
    assert!(
        result.status.success(),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
    let back = fs::read_to_string(converted.join("register.csv")).unwrap();
    let back_lines: Vec<&str> = back.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(back_lines.len(), 2, "{back}");
    check(
        csv_fields(back_lines[0], ','),
        csv_fields(back_lines[1], ','),
        "LibreOffice",
    );
}

/// Issue 17 §4 (Excel): `register -o OUT.xlsx` writes the same row as the CSV, from the same
/// entry, as a sheet "Verwerkingsregister": read back through LibreOffice Calc (xlsx → CSV)
/// every column equals the entry, the date shown as dd/mm/yyyy; in the sheet's XML the date
/// is a number (a real date), the header row frozen and an autofilter set.
#[test]
fn register_writes_an_excel_sheet_with_a_real_date() {
    use std::io::Read as _;
    let folder = tempfile::tempdir().unwrap();
    let source = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/opgroeien-gemeente-ingevuld.ron"
    );
    let xlsx = folder.path().join("register.xlsx");
    let output = protocolwijzer(&["register", source, "-o", xlsx.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).contains("Excel"), "{}", stdout(&output));
    let protocol = file::load(std::path::Path::new(source)).unwrap();
    let entry = protocolwijzer::register::entry(&protocol);
    let date = entry.date.unwrap();
    assert_eq!(date, chrono::NaiveDate::from_ymd_opt(2026, 3, 30).unwrap());
    let bytes = fs::read(&xlsx).unwrap();
    assert_eq!(
        bytes,
        protocolwijzer::register::xlsx(&protocol).unwrap(),
        "deterministic: the same protocol gives the same workbook"
    );

    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
    let mut read = |name: &str| {
        let mut text = String::new();
        archive
            .by_name(name)
            .unwrap()
            .read_to_string(&mut text)
            .unwrap();
        text
    };
    let sheet = read("xl/worksheets/sheet1.xml");
    assert!(
        sheet.contains(
            r#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
        ),
        "{sheet}"
    );
    assert!(sheet.contains(r#"<autoFilter ref="A1:N2"/>"#), "{sheet}");
    // The date cell (column M, the 13th) is a number: days since 30 December 1899.
    let serial = (date - chrono::NaiveDate::from_ymd_opt(1899, 12, 30).unwrap()).num_days();
    let cell = sheet
        .split("<c r=\"M2\"")
        .nth(1)
        .and_then(|rest| rest.split("</c>").next())
        .unwrap();
    assert!(!cell.contains("t=\"s\""), "the date is not text: {cell}");
    assert!(cell.ends_with(&format!("<v>{serial}</v>")), "{cell}");
    let workbook = read("xl/workbook.xml");
    assert!(
        workbook.contains(r#"name="Verwerkingsregister""#),
        "{workbook}"
    );
    let styles = read("xl/styles.xml");
    assert!(styles.contains(r#"formatCode="dd/mm/yyyy""#), "{styles}");
    assert!(styles.contains("<b/>"), "a bold header: {styles}");
    assert!(styles.contains(r#"wrapText="1""#), "{styles}");

    if !common::readback::available("soffice") {
        return;
    }
    let profile = format!("file://{}", folder.path().join("lo-profile").display());
    let converted = folder.path().join("lo");
    let result = std::process::Command::new("soffice")
        .args([
            "--headless",
            "--norestore",
            &format!("-env:UserInstallation={profile}"),
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):59,34,76,1",
            "--outdir",
        ])
        .arg(&converted)
        .arg(&xlsx)
        .output()
        .unwrap();
    assert!(
        result.status.success(),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
    let back = fs::read_to_string(converted.join("register.csv")).unwrap();
    let lines: Vec<&str> = back.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(lines.len(), 2, "{back}");
    assert_eq!(
        csv_fields(lines[0], ';'),
        protocolwijzer::register::COLUMNS,
        "the header row"
    );
    let row = csv_fields(lines[1], ';');
    assert_eq!(row.len(), entry.columns.len());
    for (index, ((name, value), read)) in entry.columns.iter().zip(&row).enumerate() {
        if index == protocolwijzer::register::DATE_COLUMN {
            assert_eq!(read, "30/03/2026", "{name}");
            assert_eq!(value, "30 maart 2026", "the CSV keeps the date in words");
        } else {
            assert!(!value.is_empty(), "{name} is filled in the fixture");
            assert_eq!(read, value, "{name}");
        }
    }
}

/// `register -o` with another extension than .csv or .xlsx: a Dutch error, nothing written.
#[test]
fn register_refuses_an_unknown_extension() {
    let folder = tempfile::tempdir().unwrap();
    let source = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/opgroeien-gemeente-ingevuld.ron"
    );
    let out = folder.path().join("register.ods");
    let output = protocolwijzer(&["register", source, "-o", out.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(
        message.contains("eindigt niet op .csv of .xlsx"),
        "{message}"
    );
    assert!(!out.exists());
}
