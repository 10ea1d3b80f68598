//! clap's own texts in Dutch. clap has no translations: its help headings ("Usage", "Options"),
//! built-in flags ("Print help"), "[default: …]" and its parse errors are English. Officials run
//! `protocolwijzer.exe check …` in PowerShell, so the derived command line is adjusted here
//! (headings, flags, value lists, usage lines) and a parse error is rewritten from its kind and
//! context into a Dutch message.

use std::error::Error as _;
use std::ffi::OsString;

use clap::builder::StyledStr;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command, CommandFactory, FromArgMatches};

use super::{Cli, EXIT_FILE_ERROR, EXIT_OK};

/// Heading above the subcommands in the help.
const COMMANDS_HEADING: &str = "Opdrachten";
/// Heading above positional arguments.
const ARGUMENTS_HEADING: &str = "Argumenten";
/// Heading above options and flags.
const OPTIONS_HEADING: &str = "Opties";
/// What stands for the options in a usage line, instead of clap's "[OPTIONS]".
const OPTIONS_PLACEHOLDER: &str = "[OPTIES]";
/// Our help layout: clap's default with "Gebruik:" for "Usage:".
const HELP_TEMPLATE: &str =
    "{before-help}{about-with-newline}\nGebruik: {usage}\n\n{all-args}{after-help}";

/// The command line definition with every text a user sees in Dutch.
pub fn command() -> Command {
    let command = Cli::command()
        .disable_help_subcommand(true)
        .disable_version_flag(true)
        .subcommand_help_heading(COMMANDS_HEADING)
        .subcommand_value_name("OPDRACHT")
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help("Toon de versie en de commit waaruit ze gebouwd is"),
        );
    let command = dutch_texts(command);
    with_dutch_usage(command)
}

/// Headings, the help flag and the value lists of one command and its subcommands.
fn dutch_texts(command: Command) -> Command {
    let command = command
        .help_template(HELP_TEMPLATE)
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help("Toon deze hulp"),
        )
        .mut_args(dutch_argument);
    command.mut_subcommands(dutch_texts)
}

/// One argument: its heading, and its default and possible values said in Dutch in its help.
fn dutch_argument(argument: Arg) -> Arg {
    let heading = if argument.is_positional() {
        ARGUMENTS_HEADING
    } else {
        OPTIONS_HEADING
    };
    let takes_values = argument.get_action().takes_values();
    let mut notes = Vec::new();
    let defaults = argument.get_default_values();
    if takes_values && !defaults.is_empty() {
        let defaults: Vec<_> = defaults.iter().map(|d| d.to_string_lossy()).collect();
        notes.push(format!("standaard: {}", defaults.join(", ")));
    }
    let possible: Vec<_> = argument
        .get_possible_values()
        .iter()
        .filter(|value| !value.is_hide_set())
        .map(|value| value.get_name().to_owned())
        .collect();
    if takes_values && !possible.is_empty() {
        notes.push(format!("mogelijk: {}", possible.join(", ")));
    }
    let argument = argument.help_heading(heading);
    if !takes_values {
        return argument;
    }
    let argument = argument.hide_default_value(true).hide_possible_values(true);
    if notes.is_empty() {
        return argument;
    }
    let help = argument
        .get_help()
        .map(StyledStr::to_string)
        .unwrap_or_default();
    argument.help(format!("{help} ({})", notes.join("; ")))
}

/// Replaces clap's usage lines ("Usage: … [OPTIONS] <COMMAND>") by the same lines with the Dutch
/// placeholder, aligned under "Gebruik: ".
fn with_dutch_usage(command: Command) -> Command {
    let mut built = command.clone();
    built.build();
    let root_usage = dutch_usage(built.render_usage());
    let mut command = command.override_usage(root_usage);
    for subcommand in built.get_subcommands() {
        let usage = dutch_usage(subcommand.clone().render_usage());
        command = command.mut_subcommand(subcommand.get_name(), |s| s.override_usage(usage));
    }
    command
}

/// clap's rendered usage without its "Usage: " title, with "[OPTIES]", continuation lines
/// indented under "Gebruik: ".
fn dutch_usage(rendered: StyledStr) -> String {
    let text = rendered.to_string();
    let text = text.strip_prefix("Usage: ").unwrap_or(&text);
    text.replace("[OPTIONS]", OPTIONS_PLACEHOLDER)
        .lines()
        .map(str::trim)
        .collect::<Vec<_>>()
        .join("\n         ")
}

/// Why parsing did not give a command line to run: help or the version was asked (printed to
/// stdout, exit 0), or the arguments were wrong (a Dutch message on stderr, exit 2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseStop {
    /// What to print.
    pub message: String,
    /// Whether it goes to stderr (an error) rather than stdout.
    pub is_error: bool,
    /// The exit code.
    pub exit_code: u8,
}

/// Parses a command line (program name first) into [`Cli`], with help and errors in Dutch.
pub fn parse_from<I, T>(arguments: I) -> Result<Cli, ParseStop>
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let arguments: Vec<OsString> = arguments.into_iter().map(Into::into).collect();
    let mut command = command();
    // `protocolwijzer help [OPDRACHT]` / `hulp`: what people type when they do not know
    // `--help`; becomes `[OPDRACHT] --help` unless a file has that name.
    if let [program, word, rest @ ..] = arguments.as_slice()
        && (word == "help" || word == "hulp")
        && rest.len() <= 1
        && !std::path::Path::new(word).exists()
    {
        if let [name] = rest
            && command.find_subcommand(name).is_none()
        {
            return Err(ParseStop {
                message: format!(
                    "Fout: ‘{}’ is geen opdracht. De opdrachten staan in `protocolwijzer \
                     --help`.\n",
                    name.to_string_lossy()
                ),
                is_error: true,
                exit_code: EXIT_FILE_ERROR,
            });
        }
        let mut help_line = vec![program.clone()];
        help_line.extend(rest.iter().cloned());
        help_line.push("--help".into());
        return match command.try_get_matches_from_mut(help_line.clone()) {
            Ok(_) => unreachable_help(),
            Err(error) => Err(stop_for(&error, &mut command, &help_line)),
        };
    }
    let parsed = command
        .try_get_matches_from_mut(arguments.clone())
        .and_then(|matches| Cli::from_arg_matches(&matches));
    parsed.map_err(|error| stop_for(&error, &mut command, &arguments))
}

/// `--help` always stops parsing; should clap ever parse it, the arguments were wrong.
fn unreachable_help() -> Result<Cli, ParseStop> {
    Err(ParseStop {
        message: "Fout: de hulp kon niet getoond worden.\n".to_owned(),
        is_error: true,
        exit_code: EXIT_FILE_ERROR,
    })
}

/// The stop for a clap error: help and version as clap rendered them (with our Dutch
/// template), anything else as a Dutch message.
fn stop_for(error: &clap::Error, command: &mut Command, arguments: &[OsString]) -> ParseStop {
    let mut stop = match error.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => ParseStop {
            message: error.render().to_string(),
            is_error: false,
            exit_code: EXIT_OK,
        },
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => ParseStop {
            message: error.render().to_string(),
            is_error: true,
            exit_code: EXIT_FILE_ERROR,
        },
        _ => ParseStop {
            message: dutch_error(error, &usage_for(command, arguments)),
            is_error: true,
            exit_code: EXIT_FILE_ERROR,
        },
    };
    // clap leaves the last line of a help open; a shell prompt would follow on it.
    if !stop.message.ends_with('\n') {
        stop.message.push('\n');
    }
    stop
}

/// The usage line of the subcommand the arguments name (the first argument that is one), else
/// of the program.
fn usage_for(command: &mut Command, arguments: &[OsString]) -> String {
    let subcommand = arguments.iter().skip(1).find_map(|argument| {
        let name = argument.to_str()?;
        command
            .find_subcommand(name)
            .map(|s| s.get_name().to_owned())
    });
    let rendered = match subcommand.and_then(|name| command.find_subcommand_mut(name)) {
        Some(subcommand) => subcommand.render_usage(),
        None => command.render_usage(),
    };
    dutch_usage(rendered)
}

/// A Dutch message for a parse error: what is wrong, a suggestion when clap has one, the usage
/// line and where the help is.
fn dutch_error(error: &clap::Error, usage: &str) -> String {
    let invalid_argument = context_text(error, ContextKind::InvalidArg);
    let invalid_value = context_text(error, ContextKind::InvalidValue);
    let argument = invalid_argument.as_deref().unwrap_or("een argument");
    let mut message = match error.kind() {
        ErrorKind::InvalidSubcommand => format!(
            "‘{}’ is geen opdracht.",
            context_text(error, ContextKind::InvalidSubcommand).unwrap_or_default()
        ),
        ErrorKind::UnknownArgument => format!("‘{argument}’ hoort niet bij deze opdracht."),
        ErrorKind::InvalidValue => match invalid_value.as_deref() {
            Some("") | None => format!("{argument} heeft een waarde nodig."),
            Some(value) => {
                let mut text = format!("‘{value}’ is geen geldige waarde voor {argument}.");
                if let Some(valid) = context_text(error, ContextKind::ValidValue) {
                    text.push_str(&format!(" Mogelijk: {valid}."));
                }
                text
            }
        },
        ErrorKind::ValueValidation => {
            let value = invalid_value.unwrap_or_default();
            match error.source() {
                Some(reason) => format!("Ongeldige waarde voor {argument}: {reason}."),
                None => format!("‘{value}’ is geen geldige waarde voor {argument}."),
            }
        }
        ErrorKind::NoEquals => format!("{argument} verwacht een waarde na ‘=’."),
        ErrorKind::TooManyValues => format!(
            "‘{}’ is een waarde te veel voor {argument}.",
            invalid_value.unwrap_or_default()
        ),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => format!(
            "{argument} verwacht {} waarde(n) en kreeg er {}.",
            context_text(error, ContextKind::ExpectedNumValues)
                .or_else(|| context_text(error, ContextKind::MinValues))
                .unwrap_or_else(|| "meer".to_owned()),
            context_text(error, ContextKind::ActualNumValues).unwrap_or_else(|| "minder".into())
        ),
        ErrorKind::ArgumentConflict => match context_text(error, ContextKind::PriorArg) {
            Some(prior) => format!("{argument} kan niet samen met {prior}."),
            None => format!("{argument} kan maar één keer."),
        },
        ErrorKind::MissingRequiredArgument => format!("Er ontbreekt: {argument}."),
        ErrorKind::MissingSubcommand => "Kies een opdracht.".to_owned(),
        ErrorKind::InvalidUtf8 => "Een argument is geen geldige tekst (UTF-8).".to_owned(),
        _ => "De opdracht is niet juist geschreven.".to_owned(),
    };
    let suggestion = [
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedArg,
        ContextKind::SuggestedValue,
    ]
    .into_iter()
    .find_map(|kind| context_text(error, kind));
    if let Some(suggestion) = suggestion {
        message.push_str(&format!(" Bedoelt u ‘{suggestion}’?"));
    }
    format!(
        "Fout: {message}\n\nGebruik: {usage}\n\nMeer uitleg: {} --help\n",
        command_words(usage)
    )
}

/// The program and subcommand words at the start of a usage line ("protocolwijzer export").
fn command_words(usage: &str) -> String {
    usage
        .split_whitespace()
        .take_while(|word| !word.starts_with(['[', '<']))
        .take(2)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A context value of a clap error as text; lists are joined with commas.
fn context_text(error: &clap::Error, kind: ContextKind) -> Option<String> {
    match error.get(kind)? {
        ContextValue::String(text) => Some(text.clone()),
        ContextValue::Strings(texts) => Some(texts.join(", ")),
        ContextValue::StyledStr(text) => Some(text.to_string()),
        ContextValue::StyledStrs(texts) => Some(
            texts
                .iter()
                .map(StyledStr::to_string)
                .collect::<Vec<_>>()
                .join(", "),
        ),
        ContextValue::Number(number) => Some(number.to_string()),
        ContextValue::Bool(_) | ContextValue::None => None,
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    use super::*;

    fn stop(arguments: &[&str]) -> ParseStop {
        let mut line = vec!["protocolwijzer"];
        line.extend_from_slice(arguments);
        match parse_from(line) {
            Ok(cli) => panic!("parsed: {cli:?}"),
            Err(stop) => stop,
        }
    }

    /// clap's English words that must not reach a user.
    const ENGLISH: [&str; 9] = [
        "Usage",
        "Options",
        "Commands",
        "Arguments",
        "Print",
        "[default",
        "possible values",
        "error:",
        "For more information",
    ];

    fn assert_dutch(text: &str) {
        for word in ENGLISH {
            assert!(!text.contains(word), "‘{word}’ in:\n{text}");
        }
    }

    #[test]
    fn every_help_is_dutch() {
        let mut lines = vec![
            vec!["--help"],
            vec!["-h"],
            vec!["help"],
            vec!["hulp"],
            vec!["hulp", "export"],
        ];
        let command = command();
        for subcommand in command.get_subcommands() {
            lines.push(vec![subcommand.get_name(), "--help"]);
        }
        for line in lines {
            let stop = stop(&line);
            assert_eq!(stop.exit_code, EXIT_OK, "{line:?}");
            assert!(!stop.is_error);
            assert!(
                stop.message.contains("Gebruik: protocolwijzer"),
                "{}",
                stop.message
            );
            assert!(stop.message.contains("Toon deze hulp"), "{}", stop.message);
            assert_dutch(&stop.message);
        }
    }

    #[test]
    fn root_help_lists_commands_options_and_arguments_under_dutch_headings() {
        let help = stop(&["--help"]).message;
        for expected in [
            "Opdrachten:",
            "Argumenten:",
            "Opties:",
            "[BESTAND]",
            "protocolwijzer <OPDRACHT>",
            "-V, --version",
        ] {
            assert!(help.contains(expected), "{expected} in:\n{help}");
        }
        // The second usage line is aligned under the first.
        assert!(
            help.contains("Gebruik: protocolwijzer [BESTAND]\n         protocolwijzer <OPDRACHT>"),
            "{help}"
        );
    }

    #[test]
    fn defaults_and_value_lists_are_said_in_dutch() {
        let help = stop(&["check", "--help"]).message;
        assert!(
            help.contains("(standaard: text; mogelijk: text, json)"),
            "{help}"
        );
        assert!(
            help.contains("Gebruik: protocolwijzer check [OPTIES] <BESTANDEN>..."),
            "{help}"
        );
        let help = stop(&["new", "--help"]).message;
        assert!(
            help.contains(&format!(
                "(standaard: {})",
                crate::template::DEFAULT_TEMPLATE
            )),
            "{help}"
        );
    }

    #[test]
    fn help_with_a_command_shows_that_commands_help() {
        assert_eq!(stop(&["help", "check"]), stop(&["check", "--help"]));
        assert_eq!(stop(&["hulp", "export"]), stop(&["export", "-h"]));
        let unknown = stop(&["hulp", "exporteren"]);
        assert_eq!(unknown.exit_code, EXIT_FILE_ERROR);
        assert!(unknown.message.contains("‘exporteren’ is geen opdracht"));
        assert_dutch(&unknown.message);
    }

    #[test]
    fn version_names_the_commit() {
        let stop = stop(&["--version"]);
        assert_eq!(stop.exit_code, EXIT_OK);
        assert_eq!(
            stop.message.trim(),
            format!("protocolwijzer {}", super::super::VERSION)
        );
    }

    #[test]
    fn errors_are_dutch_with_usage_and_where_help_is() {
        let cases: [(&[&str], &str); 6] = [
            (&["check"], "Er ontbreekt: <BESTANDEN>..."),
            (
                &["export", "a.ron", "--foo"],
                "‘--foo’ hoort niet bij deze opdracht.",
            ),
            (
                &["check", "a.ron", "--format", "xml"],
                "‘xml’ is geen geldige waarde voor --format <VORM>. Mogelijk: text, json.",
            ),
            (
                &["check", "a.ron", "--today", "23/11/2026"],
                "‘23/11/2026’ is geen geldige datum; schrijf JJJJ-MM-DD",
            ),
            (&["export", "a.ron", "--pdff", "x"], "Bedoelt u ‘--pdf’?"),
            (&["new"], "Er ontbreekt: --output <BESTAND>."),
        ];
        for (line, expected) in cases {
            let stop = stop(line);
            assert_eq!(stop.exit_code, EXIT_FILE_ERROR, "{line:?}");
            assert!(stop.is_error);
            assert!(stop.message.starts_with("Fout: "), "{}", stop.message);
            assert!(
                stop.message.contains(expected),
                "{expected} in:\n{}",
                stop.message
            );
            assert!(
                stop.message.contains("\nGebruik: protocolwijzer "),
                "{}",
                stop.message
            );
            let help_hint = format!("Meer uitleg: protocolwijzer {} --help", line[0]);
            assert!(stop.message.contains(&help_hint), "{}", stop.message);
            assert_dutch(&stop.message);
        }
    }

    #[test]
    fn a_valid_line_parses_as_the_derive_would() {
        let line = ["protocolwijzer", "check", "a.ron", "--format", "json"];
        let ours = parse_from(line).expect("parses");
        let derived = Cli::try_parse_from(line).expect("parses");
        assert_eq!(format!("{ours:?}"), format!("{derived:?}"));
    }
}
