//! Benchmark of the check: the Opgroeien template (target < 1 ms) and the stress protocol of 12
//! parties and 250 data items with long texts (target < 10 ms), so the UI can re-check on
//! every edit.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use protocolwijzer::check::{self, Context};
use protocolwijzer::template;

#[path = "../tests/common/stress.rs"]
mod stress;

fn context() -> Context {
    Context {
        today: chrono::NaiveDate::from_ymd_opt(2026, 6, 1).unwrap_or_default(),
    }
}

fn bench_check(c: &mut Criterion) {
    let context = context();
    let Ok(opgroeien) = template::new_protocol(template::DEFAULT_TEMPLATE) else {
        panic!("the built-in template loads");
    };
    c.bench_function("check/opgroeien-template", |b| {
        b.iter(|| check::check(black_box(&opgroeien), &context))
    });
    let stress = stress::stress_protocol();
    c.bench_function("check/stress-12-parties-250-items", |b| {
        b.iter(|| check::check(black_box(&stress), &context))
    });
}

criterion_group!(benches, bench_check);
criterion_main!(benches);
