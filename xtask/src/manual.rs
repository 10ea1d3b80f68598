//! The Dutch manual page `protocolwijzer(1)` for the `.deb`, written from the same clap command
//! the program parses with (`protocolwijzer::cli::command()`), so the page cannot drift from
//! `--help`.

use std::fmt::Write as _;

use clap::{Arg, Command};
use protocolwijzer::cli::{self, EXIT_FILE_ERROR, EXIT_FINDINGS, EXIT_OK};

/// The manual page in roff (`man` macros), for `usr/share/man/man1/protocolwijzer.1`.
pub fn manual_page(version: &str) -> String {
    let mut command = cli::command();
    command.build();
    let mut page = String::new();
    let name = command.get_name().to_owned();
    let _ = writeln!(
        page,
        ".TH {} 1 \"\" \"{name} {version}\" \"Gebruikershandleiding\"",
        name.to_uppercase()
    );
    // groff hyphenates with English patterns, which split Dutch words wrongly, and justified
    // lines open wide gaps in short Dutch lines: no hyphenation, ragged right.
    page.push_str(".nh\n.ad l\n");
    page.push_str(".SH NAAM\n");
    let _ = writeln!(
        page,
        "{name} \\- protocollen voor de elektronische mededeling van persoonsgegevens opstellen, \
         controleren en exporteren"
    );

    page.push_str(".SH OVERZICHT\n");
    for line in usage_lines(&mut command) {
        let _ = writeln!(page, "{}\n.br", escape(&line));
    }

    page.push_str(".SH BESCHRIJVING\n");
    if let Some(about) = command.get_about() {
        let _ = writeln!(page, "{}", escape(&about.to_string()));
    }
    if let Some(after) = command.get_after_help() {
        for paragraph in after.to_string().split("\n\n") {
            let _ = writeln!(page, ".PP\n{}", escape(paragraph));
        }
    }

    page.push_str(".SH OPDRACHTEN\n");
    let subcommand_names: Vec<String> = command
        .get_subcommands()
        .map(|subcommand| subcommand.get_name().to_owned())
        .collect();
    for subcommand_name in subcommand_names {
        let Some(subcommand) = command.find_subcommand_mut(&subcommand_name) else {
            continue;
        };
        let usage = usage_lines(subcommand).join(" ");
        let _ = writeln!(page, ".TP\n.B {}", escape(&usage));
        if let Some(about) = subcommand.get_about() {
            let _ = writeln!(page, "{}", escape(&about.to_string()));
        }
        let arguments: Vec<&Arg> = subcommand
            .get_arguments()
            .filter(|argument| !argument.is_hide_set() && argument.get_id() != "help")
            .collect();
        if !arguments.is_empty() {
            page.push_str(".RS\n");
            for argument in arguments {
                write_argument(&mut page, argument);
            }
            page.push_str(".RE\n");
        }
    }

    page.push_str(".SH OPTIES\n");
    for argument in command
        .get_arguments()
        .filter(|argument| !argument.is_positional())
    {
        write_argument(&mut page, argument);
    }
    page.push_str(".PP\nElke opdracht kent ook \\fB\\-h\\fR, \\fB\\-\\-help\\fR.\n");

    page.push_str(".SH AFSLUITCODES\n");
    for (code, meaning) in [
        (EXIT_OK, "in orde"),
        (
            EXIT_FINDINGS,
            "de controle vond fouten, of de opdracht weigerde (bijvoorbeeld om een bestaand \
             bestand te overschrijven)",
        ),
        (
            EXIT_FILE_ERROR,
            "een bestand kon niet gelezen of geschreven worden, of de opdracht is verkeerd \
             geschreven",
        ),
    ] {
        let _ = writeln!(page, ".TP\n.B {code}\n{}", escape(meaning));
    }

    page.push_str(".SH BESTANDEN\n");
    page.push_str(
        "Een protocol is een tekstbestand (.ron). Bij bewaren blijft de vorige versie staan als \
         .bak naast het bestand.\n",
    );
    page.push_str(".SH ZIE OOK\n");
    let _ = writeln!(
        page,
        "De handleiding van de app in \\fI/usr/share/doc/{name}\\fR."
    );
    page
}

/// The usage lines of a (built) command, without the "Gebruik:" heading.
fn usage_lines(command: &mut Command) -> Vec<String> {
    let rendered = command.render_usage().to_string();
    let text = rendered
        .strip_prefix("Usage: ")
        .or_else(|| rendered.strip_prefix("Gebruik: "))
        .unwrap_or(&rendered);
    text.lines().map(|line| line.trim().to_owned()).collect()
}

/// One argument as a tagged paragraph: its flags or value name in bold, its help below.
fn write_argument(page: &mut String, argument: &Arg) {
    let label = if argument.is_positional() {
        argument
            .get_value_names()
            .map(|names| {
                names
                    .iter()
                    .map(|name| format!("<{name}>"))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .unwrap_or_else(|| argument.get_id().to_string())
    } else {
        let mut flags = Vec::new();
        if let Some(short) = argument.get_short() {
            flags.push(format!("-{short}"));
        }
        if let Some(long) = argument.get_long() {
            flags.push(format!("--{long}"));
        }
        let mut label = flags.join(", ");
        if argument.get_action().takes_values()
            && let Some(names) = argument.get_value_names()
        {
            for name in names {
                let _ = write!(label, " <{name}>");
            }
        }
        label
    };
    let help = argument
        .get_help()
        .map(ToString::to_string)
        .unwrap_or_default();
    let _ = writeln!(page, ".TP\n.B {}\n{}", escape(&label), escape(&help));
}

/// Text safe in a roff line: backslashes and hyphens escaped, a leading dot or quote guarded,
/// and every character outside ASCII written as a groff escape (`\[u00A7]` for §), so the page
/// reads the same whether or not the renderer runs `preconv` on it.
fn escape(text: &str) -> String {
    text.lines()
        .map(|line| {
            let mut escaped = String::with_capacity(line.len());
            for character in line.chars() {
                match character {
                    '\\' => escaped.push_str("\\e"),
                    '-' => escaped.push_str("\\-"),
                    '\t' => escaped.push(' '),
                    ' '..='~' => escaped.push(character),
                    _ => {
                        let _ = write!(escaped, "\\[u{:04X}]", u32::from(character));
                    }
                }
            }
            if escaped.starts_with(['.', '\'']) {
                format!("\\&{escaped}")
            } else {
                escaped
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_has_every_command_and_option() {
        let page = manual_page("9.9.9");
        assert!(page.starts_with(".TH PROTOCOLWIJZER 1 \"\" \"protocolwijzer 9.9.9\""));
        for section in [
            "NAAM",
            "OVERZICHT",
            "BESCHRIJVING",
            "OPDRACHTEN",
            "OPTIES",
            "AFSLUITCODES",
        ] {
            assert!(page.contains(&format!(".SH {section}\n")), "{section}");
        }
        for subcommand in cli::command().get_subcommands() {
            let usage = format!(".B protocolwijzer {}", subcommand.get_name());
            assert!(page.contains(&usage), "{usage} in\n{page}");
        }
        assert!(page.contains(".B \\-\\-report\\-pdf <BESTAND>"), "{page}");
        assert!(page.contains(".B \\-V, \\-\\-version"), "{page}");
        assert!(
            !page.contains("Usage") && !page.contains("[OPTIONS]"),
            "{page}"
        );
    }

    #[test]
    fn escape_guards_roff_control_characters() {
        assert_eq!(escape(".bak en 'x'"), "\\&.bak en 'x'");
        assert_eq!(escape("a\\b-c"), "a\\eb\\-c");
    }

    #[test]
    fn escape_writes_non_ascii_characters_as_groff_escapes() {
        assert_eq!(escape("art. 8 §1, Zoë"), "art. 8 \\[u00A7]1, Zo\\[u00EB]");
        assert_eq!(escape("a\tb"), "a b");
    }

    #[test]
    fn page_is_ascii_only() {
        let page = manual_page("1.0.0");
        assert!(page.is_ascii(), "{page}");
        assert!(page.contains("art. 8 \\[u00A7]1"), "{page}");
    }
}
