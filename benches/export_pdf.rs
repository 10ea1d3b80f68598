//! PDF export (document tree + layout + writing) of the stress protocol: 12 parties, 250 data
//! items, as the signature-ready PDF and as the tagged publication PDF (PDF/UA-1, PDF/A-2u).
//! `cargo bench --bench export_pdf`.

#![allow(clippy::unwrap_used)]

#[path = "../tests/common/stress.rs"]
mod stress;

use criterion::{Criterion, criterion_group, criterion_main};
use protocolwijzer::document::{self, Options};
use protocolwijzer::export;

fn export_pdf(c: &mut Criterion) {
    let protocol = stress::stress_protocol();
    let options = Options {
        creator: "Protocolwijzer bench".to_string(),
        status: document::DocumentStatus::draft("concept"),
    };
    let mut group = c.benchmark_group("export_pdf");
    group.sample_size(20);
    group.bench_function("stress_build_and_write", |b| {
        b.iter(|| {
            let document = document::build(&protocol, &options);
            export::pdf(&document).unwrap()
        })
    });
    group.bench_function("stress_build_and_write_publication", |b| {
        b.iter(|| {
            let document = document::build(&protocol, &options);
            export::publication_pdf(&document).unwrap()
        })
    });
    group.finish();
}

criterion_group!(benches, export_pdf);
criterion_main!(benches);
