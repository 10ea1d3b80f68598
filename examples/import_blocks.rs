//! Prints the source blocks the import reads from a Word, PDF or text file, one per line with
//! its origin and kind: for seeing why the import placed a paragraph where it did.
//!
//! `cargo run --example import_blocks -- FILE`

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("Gebruik: import_blocks BESTAND");
        std::process::exit(2);
    };
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(error) => {
            eprintln!("Fout: {error}");
            std::process::exit(2);
        }
    };
    let blocks = match protocolwijzer::import::SourceFormat::detect(&bytes) {
        Some(protocolwijzer::import::SourceFormat::Word) => {
            protocolwijzer::import::docx::read_docx(&bytes)
        }
        Some(protocolwijzer::import::SourceFormat::Pdf) => {
            protocolwijzer::import::pdf::read_pdf(&bytes)
        }
        Some(protocolwijzer::import::SourceFormat::Text) => Ok(
            protocolwijzer::import::source::read_text(&String::from_utf8_lossy(&bytes)),
        ),
        None => Err(protocolwijzer::import::ImportError::UnknownFormat),
    };
    match blocks {
        Ok(blocks) => {
            for block in blocks {
                let kind = match (block.cells.is_empty(), block.kind) {
                    (false, _) => "rij",
                    (true, protocolwijzer::import::source::BlockKind::Heading) => "kop",
                    (true, protocolwijzer::import::source::BlockKind::ListItem) => "lijst",
                    (true, _) => "alinea",
                };
                println!("{} [{kind}] {}", block.origin, block.text);
            }
        }
        Err(error) => {
            eprintln!("Fout: {error}");
            std::process::exit(2);
        }
    }
}
