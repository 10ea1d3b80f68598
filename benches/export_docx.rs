//! Benchmark of the DOCX export of the stress protocol (12 parties, 250 data items with long
//! texts): building the document tree and writing the DOCX, and the writer alone. Target: at
//! least 100 times faster than LibreOffice converting that DOCX to PDF on the same machine.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use protocolwijzer::check::{self, Context};
use protocolwijzer::document;
use protocolwijzer::export;

#[path = "../tests/common/stress.rs"]
mod stress;

fn bench_export_docx(c: &mut Criterion) {
    let context = Context {
        today: chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default(),
    };
    let protocol = stress::stress_protocol();
    let findings = check::check(&protocol, &context);
    let options = protocolwijzer::pipeline::options(&protocol, &findings);
    c.bench_function("export_docx/stress-build-and-write", |b| {
        b.iter(|| {
            let document = document::build(black_box(&protocol), &options);
            export::docx(&document)
                .map(|bytes| bytes.len())
                .unwrap_or(0)
        })
    });
    let document = document::build(&protocol, &options);
    c.bench_function("export_docx/stress-write-only", |b| {
        b.iter(|| {
            export::docx(black_box(&document))
                .map(|bytes| bytes.len())
                .unwrap_or(0)
        })
    });
}

criterion_group!(benches, bench_export_docx);
criterion_main!(benches);
