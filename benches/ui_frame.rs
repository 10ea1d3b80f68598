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

/// The CPU time this thread has used. The target is the UI thread's CPU time per frame: the
/// check and the document build run on the worker's thread, and on a busy machine (two cores,
/// three builds) wall time also counts the worker and other programs.
#[cfg(unix)]
#[allow(unsafe_code)]
fn thread_cpu_time() -> Duration {
    let mut time = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `time` is a valid, writable timespec that outlives the call.
    let result = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut time) };
    if result != 0 {
        return Duration::ZERO;
    }
    Duration::new(
        time.tv_sec.max(0) as u64,
        time.tv_nsec.clamp(0, 999_999_999) as u32,
    )
}

/// Elsewhere: wall time.
#[cfg(not(unix))]
fn thread_cpu_time() -> Duration {
    static START: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
    START.get_or_init(Instant::now).elapsed()
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
    // The same, counting this (the UI) thread's CPU time only.
    for (name, tab) in [
        ("gegevens_voorbeeld_na_wijziging_cpu", SideTab::Preview),
        ("gegevens_controle_na_wijziging_cpu", SideTab::Check),
        ("gegevens_beoordeling_na_wijziging_cpu", SideTab::Review),
    ] {
        let (ctx, mut app) = app_at(&dir, Step::Data, tab);
        group.bench_function(name, |b| {
            b.iter_custom(|iterations| {
                let start = thread_cpu_time();
                for _ in 0..iterations {
                    edit(&mut app);
                    frame(&ctx, &mut app);
                }
                thread_cpu_time().saturating_sub(start)
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
