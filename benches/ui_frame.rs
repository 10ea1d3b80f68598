//! One frame of the app, headless (egui `Context::run_ui` + tessellation, no GPU), on the
//! stress protocol (12 parties, 250 data items). Target: ≤ 4 ms for every frame on the
//! heaviest step, including the frame right after an edit and the frame that takes in the
//! check and preview the worker rebuilt for it.
#![allow(clippy::unwrap_used)]

#[path = "../tests/common/stress.rs"]
mod stress;

use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use protocolwijzer::app::{ProtocolApp, SideTab};
use protocolwijzer::step::Step;

fn input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1400.0, 900.0),
        )),
        ..egui::RawInput::default()
    }
}

fn frame(ctx: &egui::Context, app: &mut ProtocolApp) -> usize {
    let output = ctx.run_ui(input(), |ui| app.show(ui));
    let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
    primitives.len()
}

/// An app on the stress protocol at `step` with `tab` open, warmed up (fonts, layout caches,
/// the first check and preview).
fn app_at(dir: &std::path::Path, step: Step, tab: SideTab) -> (egui::Context, ProtocolApp) {
    let ctx = egui::Context::default();
    let mut app = ProtocolApp::new(stress::stress_protocol(), None, dir.to_path_buf());
    app.set_step(step);
    app.set_side_tab(tab);
    for _ in 0..5 {
        frame(&ctx, &mut app);
        app.wait_for_checks(Duration::from_secs(10));
    }
    frame(&ctx, &mut app);
    (ctx, app)
}

/// What a keystroke in a data item's justification does to the model.
fn edit(app: &mut ProtocolApp) {
    app.protocol_mut().data_items[0].justification.push('x');
    app.touch();
}

fn bench_frames(c: &mut Criterion) {
    let dir = std::env::temp_dir().join(format!("protocolwijzer-bench-{}", std::process::id()));
    let mut group = c.benchmark_group("ui_frame");
    group.sample_size(30);
    group.measurement_time(Duration::from_secs(3));
    for (name, step, tab) in [
        ("gegevens_controle", Step::Data, SideTab::Check),
        ("gegevens_voorbeeld", Step::Data, SideTab::Preview),
        ("partijen_controle", Step::Parties, SideTab::Check),
        ("doeleinden_voorbeeld", Step::Purposes, SideTab::Preview),
        ("adviezen_controle", Step::Advice, SideTab::Check),
        ("beveiliging_controle", Step::Security, SideTab::Check),
        ("gegevens_beoordeling", Step::Data, SideTab::Review),
    ] {
        let (ctx, mut app) = app_at(&dir, step, tab);
        group.bench_function(name, |b| b.iter(|| frame(&ctx, &mut app)));
    }
    // The frame right after an edit: undo takes a snapshot, the worker gets a copy of the
    // model (the check and the preview are rebuilt there, not in this frame).
    for (name, tab) in [
        ("gegevens_voorbeeld_na_wijziging", SideTab::Preview),
        ("gegevens_controle_na_wijziging", SideTab::Check),
        ("gegevens_beoordeling_na_wijziging", SideTab::Review),
    ] {
        let (ctx, mut app) = app_at(&dir, Step::Data, tab);
        group.bench_function(name, |b| {
            b.iter(|| {
                edit(&mut app);
                frame(&ctx, &mut app)
            })
        });
    }
    // The frame that takes in the worker's new findings and preview after an edit (timed
    // alone: the edit's frame and the wait for the worker are not).
    group.measurement_time(Duration::from_secs(1));
    for (name, tab) in [
        ("gegevens_voorbeeld_resultaat", SideTab::Preview),
        ("gegevens_controle_resultaat", SideTab::Check),
    ] {
        let (ctx, mut app) = app_at(&dir, Step::Data, tab);
        group.bench_function(name, |b| {
            b.iter_custom(|iterations| {
                let mut total = Duration::ZERO;
                for _ in 0..iterations {
                    edit(&mut app);
                    frame(&ctx, &mut app);
                    assert!(app.wait_for_checks(Duration::from_secs(10)));
                    let start = Instant::now();
                    frame(&ctx, &mut app);
                    total += start.elapsed();
                    assert!(app.is_derived_current());
                }
                total
            })
        });
    }
    group.finish();
    let _ = std::fs::remove_dir_all(dir);
}

criterion_group!(benches, bench_frames);
criterion_main!(benches);
