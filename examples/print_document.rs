//! Prints the document text of a protocol file, as the exports will say it:
//! `cargo run --example print_document -- FILE.ron`.

use std::path::PathBuf;
use std::process::ExitCode;

use protocolwijzer::{check, document, file};

fn main() -> ExitCode {
    let Some(path) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("gebruik: print_document BESTAND.ron");
        return ExitCode::from(2);
    };
    let protocol = match file::load(&path) {
        Ok(protocol) => protocol,
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::from(2);
        }
    };
    let findings = check::check(&protocol, &check::Context::today());
    let options = protocolwijzer::pipeline::options(&protocol, &findings);
    let document = document::build(&protocol, &options);
    println!("{:#?}", document.metadata);
    for block in &document.blocks {
        match block {
            document::Block::Heading(heading) => {
                println!("\n{} {}", "#".repeat(heading.level as usize), heading.text)
            }
            other => {
                for line in other.plain_text() {
                    println!("{line}");
                }
            }
        }
    }
    ExitCode::SUCCESS
}
