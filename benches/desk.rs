//! Benchmark of the Inzendingen desk (issue 17 §1): 300 submissions in a folder with
//! subfolders (the five fixtures, each saved 60 times under a municipality of its own, as a
//! behandelaar's folder holds them) listed, read and checked as the app's loader does, on every
//! core. Target: under 2 s on the 2-core machine.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use protocolwijzer::check::Context;
use protocolwijzer::desk;

const FIXTURES: [&str; 5] = [
    "opgroeien-gemeente-ingevuld.ron",
    "zeven-partijen.ron",
    "uitbetalingsactoren.ron",
    "vutg-opgroeien-2025.ron",
    "agodi-kind-en-gezin.ron",
];

/// Writes 300 submissions into `folder`: 60 of each fixture, in ten subfolders, each with a
/// municipality name of its own so no two files are the same.
fn three_hundred(folder: &Path) {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    for (kind, name) in FIXTURES.iter().enumerate() {
        let Ok(protocol) = protocolwijzer::file::load(&fixtures.join(name)) else {
            panic!("the fixture {name} loads");
        };
        for copy in 0..60 {
            let mut protocol = protocol.clone();
            if let Some(party) = protocol.parties.first_mut() {
                party.legal_name = format!("Gemeente Proefdorp {kind}-{copy}");
            }
            let sub = folder.join(format!("map-{}", copy % 10));
            let _ = std::fs::create_dir_all(&sub);
            let path = sub.join(format!("inzending-{kind}-{copy}.ron"));
            if protocolwijzer::file::save(&path, &protocol).is_err() {
                panic!("{} could not be written", path.display());
            }
        }
    }
}

fn bench_desk(c: &mut Criterion) {
    let Ok(folder) = tempfile::tempdir() else {
        panic!("a temporary folder");
    };
    three_hundred(folder.path());
    let context = Context {
        today: chrono::NaiveDate::from_ymd_opt(2026, 12, 4).unwrap_or_default(),
    };
    let threads = std::thread::available_parallelism().map_or(2, |count| count.get().min(4));
    let rows = desk::read_all(folder.path(), &context, threads, &|_, _| {});
    assert_eq!(rows.len(), 300, "300 submissions listed");
    assert!(rows.iter().all(|row| row.content.is_ok()));
    let mut group = c.benchmark_group("desk");
    group.sample_size(10);
    group.bench_function("300-submissions", |b| {
        b.iter(|| desk::read_all(black_box(folder.path()), &context, threads, &|_, _| {}))
    });
    group.finish();
}

criterion_group!(benches, bench_desk);
criterion_main!(benches);
