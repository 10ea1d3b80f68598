//! Import of the stress protocol's exports (12 parties, 250 data items, about 100 pages) from
//! PDF and from DOCX: reading the source and finding the protocol's structure. Target: under
//! 500 ms each (release). `cargo bench --bench import`.

#![allow(clippy::unwrap_used)]

#[path = "../tests/common/stress.rs"]
mod stress;

use criterion::{Criterion, criterion_group, criterion_main};
use protocolwijzer::document::{self, Options};
use protocolwijzer::export;
use protocolwijzer::import;

fn import_exports(c: &mut Criterion) {
    let protocol = stress::stress_protocol();
    let options = Options {
        creator: "Protocolwijzer bench".to_string(),
        status: document::DocumentStatus::draft("concept"),
    };
    let tree = document::build(&protocol, &options);
    let pdf = export::pdf(&tree).unwrap();
    let docx = export::docx(&tree).unwrap();
    let imported = import::import_bytes(&pdf, "stress.pdf").unwrap();
    assert_eq!(
        imported.protocol.data_items.len(),
        protocol.data_items.len()
    );
    let mut group = c.benchmark_group("import");
    group.sample_size(10);
    group.bench_function("stress_pdf", |b| {
        b.iter(|| import::import_bytes(&pdf, "stress.pdf").unwrap())
    });
    group.bench_function("stress_docx", |b| {
        b.iter(|| import::import_bytes(&docx, "stress.docx").unwrap())
    });
    group.finish();
}

criterion_group!(benches, import_exports);
criterion_main!(benches);
