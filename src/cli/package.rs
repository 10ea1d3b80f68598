//! `protocolwijzer pakket`: the submission package (Indienpakket) of a protocol file, written
//! atomically into a folder under the name the package gives itself.

use std::path::{Path, PathBuf};

use super::{EXIT_FILE_ERROR, EXIT_FINDINGS, EXIT_OK, PackageArgs};
use crate::check::{self, Context};
use crate::file;
use crate::package::{self, PackageError};

pub(super) fn run(args: &PackageArgs) -> u8 {
    let folder = match &args.output {
        Some(folder) => folder.clone(),
        None => match args.file.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
            _ => PathBuf::from("."),
        },
    };
    if !folder.is_dir() {
        let reason = if folder.exists() {
            "is geen map"
        } else {
            "bestaat niet"
        };
        eprintln!(
            "Fout: ‘{}’ {reason}. Geef met -o de map op waarin het indienpakket komt; de naam \
             van het pakket kiest Protocolwijzer zelf.",
            folder.display()
        );
        return EXIT_FILE_ERROR;
    }
    let protocol = match file::load(&args.file) {
        Ok(protocol) => protocol,
        Err(error) => {
            eprintln!("Fout: {error}");
            return EXIT_FILE_ERROR;
        }
    };
    let context = args
        .today
        .map_or_else(Context::today, |today| Context { today });
    let findings = check::check(&protocol, &context);
    let built = match package::build(&protocol, &findings, context.today, args.ontwerp) {
        Ok(built) => built,
        Err(PackageError::HasErrors { errors }) => {
            eprintln!(
                "Geweigerd: ‘{}’ is nog niet volledig. De controle vond {} {}; los ze op en \
                 maak het pakket opnieuw, of maak met --ontwerp een ontwerppakket (elk \
                 document krijgt dan het opschrift ONTWERP).",
                args.file.display(),
                errors.len(),
                if errors.len() == 1 { "fout" } else { "fouten" },
            );
            for finding in &errors {
                eprintln!("{}", super::export::refusal_line(finding));
            }
            return EXIT_FINDINGS;
        }
        Err(error) => {
            eprintln!("Fout: {error}");
            return EXIT_FINDINGS;
        }
    };
    let path = folder.join(&built.file_name);
    if file::same_file(&path, &args.file) {
        eprintln!(
            "Fout: ‘{}’ is het protocolbestand zelf; kies met -o een andere map.",
            path.display()
        );
        return EXIT_FILE_ERROR;
    }
    if path.exists() && !args.force {
        eprintln!(
            "Fout: ‘{}’ bestaat al. Gebruik --force om het te vervangen (het vorige pakket blijft \
             bewaard als .bak), of kies met -o een andere map.",
            path.display()
        );
        return EXIT_FINDINGS;
    }
    if let Err(error) = file::write_atomically(&path, &built.bytes) {
        eprintln!("Fout: {error}");
        return EXIT_FILE_ERROR;
    }
    print_written(&path, &built);
    EXIT_OK
}

/// What was written: the package and the files in it.
fn print_written(path: &Path, built: &package::Package) {
    let what = if built.draft {
        "Ontwerppakket (ONTWERP)"
    } else {
        "Indienpakket"
    };
    println!(
        "{what} geschreven naar ‘{}’ ({} bestanden):",
        path.display(),
        built.entries.len()
    );
    for entry in &built.entries {
        println!("  {}", entry.name);
    }
}
