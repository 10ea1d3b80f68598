//! The `protocolwijzer` binary: parses the command line, then runs the app or a subcommand.

use std::process::ExitCode;

use clap::Parser;

use protocolwijzer::cli::{self, Cli, Command, EXIT_FINDINGS, EXIT_UNREADABLE};
use protocolwijzer::{app, file, template};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let (protocol, path) = match &cli.command {
        Some(Command::Open { file: path }) => match file::load(path) {
            Ok(protocol) => (protocol, Some(path.clone())),
            Err(error) => {
                eprintln!("Fout: {error}");
                return ExitCode::from(EXIT_UNREADABLE);
            }
        },
        Some(command) => {
            return cli::run(command).unwrap_or(ExitCode::from(EXIT_UNREADABLE));
        }
        None => match template::new_protocol(template::DEFAULT_TEMPLATE) {
            Ok(protocol) => (protocol, None),
            Err(error) => {
                eprintln!("Fout: {error}");
                return ExitCode::from(EXIT_UNREADABLE);
            }
        },
    };
    match app::run(protocol, path) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("Fout: de app kon niet starten: {error}");
            ExitCode::from(EXIT_FINDINGS)
        }
    }
}
