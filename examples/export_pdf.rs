//! Writes the PDF of a protocol file, or of the default template with `--template`:
//! `cargo run --example export_pdf -- FILE.ron OUT.pdf`.

use std::path::PathBuf;
use std::process::ExitCode;

use protocolwijzer::{check, document, export, file, template};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, output] = args.as_slice() else {
        eprintln!("gebruik: export_pdf (BESTAND.ron | --template) UIT.pdf");
        return ExitCode::from(2);
    };
    let protocol = if input == "--template" {
        template::new_protocol(template::DEFAULT_TEMPLATE).map_err(|error| error.to_string())
    } else {
        file::load(&PathBuf::from(input)).map_err(|error| error.to_string())
    };
    let protocol = match protocol {
        Ok(protocol) => protocol,
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::from(2);
        }
    };
    let findings = check::check(&protocol, &check::Context::today());
    let options = document::Options::for_protocol(&protocol, &findings);
    let document = document::build(&protocol, &options);
    let bytes = match export::pdf(&document) {
        Ok(bytes) => bytes,
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::from(1);
        }
    };
    if let Err(error) = std::fs::write(output, &bytes) {
        eprintln!("{output}: {error}");
        return ExitCode::from(1);
    }
    println!("{output}: {} bytes", bytes.len());
    ExitCode::SUCCESS
}
