//! Prints the catalogue of check rules as a Markdown table, for docs/RULES.md:
//! `cargo run --example rules_table > docs/RULES.md`.

use protocolwijzer::check::RULES;

fn main() {
    println!("# The check's rules\n");
    println!(
        "Every rule `protocolwijzer check` and the app's Controle panel can report, with its \
         severity (fout: must be fixed before signing; waarschuwing: a reviewer will ask; info: \
         worth knowing). Rule ids are stable: scripts and tests rely on them.\n"
    );
    println!(
        "Generated from `check::RULES` with `cargo run --example rules_table > docs/RULES.md`; \
         a test checks that every rule is listed here.\n"
    );
    println!("| rule id | severity | what it finds |");
    println!("|---|---|---|");
    for rule in RULES {
        println!(
            "| `{}` | {} | {} |",
            rule.id,
            rule.severity.label(),
            rule.summary.replace('|', "\\|")
        );
    }
}
