//! One frame of the app, headless (egui `Context::run_ui` + tessellation, no GPU), on the
//! stress protocol (12 parties, 250 data items). Target: ≤ 4 ms on the heaviest step.
#![allow(clippy::unwrap_used)]

#[path = "../tests/common/stress.rs"]
mod stress;

use criterion::{Criterion, criterion_group, criterion_main};
use protocolwijzer::app::{ProtocolApp, SideTab};
use protocolwijzer::model::Step;

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

fn bench_frames(c: &mut Criterion) {
    let dir = std::env::temp_dir().join(format!("protocolwijzer-bench-{}", std::process::id()));
    let mut group = c.benchmark_group("ui_frame");
    group.sample_size(30);
    group.measurement_time(std::time::Duration::from_secs(3));
    for (name, step, tab) in [
        ("gegevens_controle", Step::Data, SideTab::Check),
        ("gegevens_voorbeeld", Step::Data, SideTab::Preview),
        ("partijen_controle", Step::Parties, SideTab::Check),
        ("doeleinden_voorbeeld", Step::Purposes, SideTab::Preview),
        ("adviezen_controle", Step::Advice, SideTab::Check),
        ("beveiliging_controle", Step::Security, SideTab::Check),
    ] {
        let ctx = egui::Context::default();
        let mut app = ProtocolApp::new(stress::stress_protocol(), None, dir.clone());
        app.set_step(step);
        app.set_side_tab(tab);
        // Warm up: fonts, layout caches, the first check.
        for _ in 0..5 {
            frame(&ctx, &mut app);
        }
        group.bench_function(name, |b| b.iter(|| frame(&ctx, &mut app)));
    }
    // A frame right after an edit: the check and the preview are rebuilt, undo takes a snapshot.
    let ctx = egui::Context::default();
    let mut app = ProtocolApp::new(stress::stress_protocol(), None, dir.clone());
    app.set_step(Step::Data);
    app.set_side_tab(SideTab::Preview);
    for _ in 0..5 {
        frame(&ctx, &mut app);
    }
    group.bench_function("gegevens_voorbeeld_na_wijziging", |b| {
        b.iter(|| {
            app.protocol_mut().data_items[0].justification.push('x');
            app.touch();
            frame(&ctx, &mut app)
        })
    });
    app.set_side_tab(SideTab::Check);
    group.bench_function("gegevens_controle_na_wijziging", |b| {
        b.iter(|| {
            app.protocol_mut().data_items[0].justification.push('x');
            app.touch();
            frame(&ctx, &mut app)
        })
    });
    group.finish();
    let _ = std::fs::remove_dir_all(dir);
}

criterion_group!(benches, bench_frames);
criterion_main!(benches);
