//! The `protocolwijzer` binary: parses the command line, then runs the app or a subcommand.

mod windows_console;

use std::process::ExitCode;

use protocolwijzer::cli::{self, EXIT_FILE_ERROR, EXIT_FINDINGS};
use protocolwijzer::{app, file, template};

fn main() -> ExitCode {
    let cli = match cli::parse_from(std::env::args_os()) {
        Ok(cli) => cli,
        Err(stop) => {
            if stop.is_error {
                eprint!("{}", stop.message);
            } else {
                print!("{}", stop.message);
            }
            return ExitCode::from(stop.exit_code);
        }
    };
    if !cli.opens_window()
        && let Some(command) = &cli.command
    {
        return cli::run(command).unwrap_or(ExitCode::from(EXIT_FILE_ERROR));
    }
    if let Some(word) = cli.mistyped_command() {
        eprintln!(
            "Fout: ‘{word}’ is geen opdracht en geen bestand. De opdrachten staan in \
             `protocolwijzer --help`."
        );
        return ExitCode::from(EXIT_FILE_ERROR);
    }
    windows_console::release_own_console();

    // A file that cannot be read still opens the app: on a new protocol, with the reason in a
    // dialog, since a double-clicked file has no terminal to print to.
    let mut opening_error = None;
    let mut start = None;
    if let Some(path) = cli.file_to_open() {
        match file::load(path) {
            Ok(protocol) => start = Some((protocol, Some(path.to_path_buf()))),
            Err(error) => {
                eprintln!("Fout: {error}");
                opening_error = Some(error.to_string());
            }
        }
    }
    let (protocol, path) = match start {
        Some(start) => start,
        None => match template::new_protocol(template::DEFAULT_TEMPLATE) {
            Ok(protocol) => (protocol, None),
            Err(error) => {
                eprintln!("Fout: {error}");
                return ExitCode::from(EXIT_FILE_ERROR);
            }
        },
    };
    let had_opening_error = opening_error.is_some();
    let desk = cli.desk_to_open().map(std::path::Path::to_path_buf);
    if let Some(folder) = &desk
        && !folder.is_dir()
    {
        eprintln!("Fout: ‘{}’ is geen map.", folder.display());
        return ExitCode::from(EXIT_FILE_ERROR);
    }
    match app::run(protocol, path, opening_error, desk) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            let message = format!("De app kon niet starten: {error}");
            eprintln!("Fout: {message}");
            app::show_start_failure(&message);
            ExitCode::from(if had_opening_error {
                EXIT_FILE_ERROR
            } else {
                EXIT_FINDINGS
            })
        }
    }
}
