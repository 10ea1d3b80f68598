//! Prints the catalogue of check rules as a Markdown table, for docs/RULES.md:
//! `cargo run --example rules_table > docs/RULES.md`.

use protocolwijzer::check::RULES;

fn main() {
    println!("# The check's rules\n");
    println!(
        "Every rule `protocolwijzer check` and the app's Controle panel can report, with its \
         severity, the legal ground or supervisor's criterion it enforces (shown to users as \
         “Grond: …” and in the JSON output as `ground`), and why the severity is what it is. \
         Rule ids are stable: scripts and tests rely on them.\n"
    );
    println!(
        "The severities follow one line. **fout**: the protocol would be unlawful or cannot be \
         signed (a legal element is missing, the text that would be signed has a gap or a \
         contradiction, or a step that must precede the signature has not happened). \
         **waarschuwing**: a reviewer (DPO, Opgroeien regie, the VTC) will ask, but signed \
         protocols routinely leave it out (compare `shared/reference/002`, signed in 2025). \
         **info**: good practice, worth knowing.\n"
    );
    println!(
        "Grounds: e-govdecreet = decreet van 18 juli 2008 betreffende het elektronische \
         bestuurlijke gegevensverkeer; AVG = Regulation (EU) 2016/679; WVG = wet van 30 juli \
         2018 (federal, its art. 20 lists a protocol's minimum content that Flemish practice \
         mirrors); VTC-criterium = a criterion the Vlaamse Toezichtcommissie applies when it \
         reviews a data flow; vormvereiste = what a text needs to be signed as it stands.\n"
    );
    println!(
        "Generated from `check::RULES` with `cargo run --example rules_table > docs/RULES.md`; \
         a test checks that every rule is listed here.\n"
    );
    println!("| rule id | severity | ground | what it finds | why this severity |");
    println!("|---|---|---|---|---|");
    for rule in RULES {
        println!(
            "| `{}` | {} | {} | {} | {} |",
            rule.id,
            rule.severity.label(),
            rule.ground.replace('|', "\\|"),
            rule.summary.replace('|', "\\|"),
            rule.why.replace('|', "\\|")
        );
    }
}
