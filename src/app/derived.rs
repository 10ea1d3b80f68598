//! What is computed from the model: the check's findings and badges, the document status, the
//! preview and, while the review tab is open, the content fingerprint. It is recomputed when
//! the model changes, never every frame, and off the UI thread: the app sends a copy of the
//! protocol with its change counter (generation) to a worker, keeps showing the last result,
//! and takes the new one when it lands (the worker asks for a repaint).
//!
//! Tests that assert right after an edit can compute inline instead ([`Mode::Inline`]), or wait
//! for the worker with [`Engine::wait`].

use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::Duration;

use super::ProtocolApp;
use super::preview::Preview;
use super::side_panel::SideTab;
use crate::check::{self, Finding, StepSummary};
use crate::model::{LockedPart, Protocol, Step, fingerprint};
use crate::{pipeline, review};

/// What is computed from the model (on the worker, see `derived.rs`): the last results that
/// arrived, shown until newer ones land.
#[derive(Default)]
pub(super) struct Derived {
    /// The generation the findings, badges and status are for.
    pub generation: Option<u64>,
    pub findings: Vec<Finding>,
    pub summary: Vec<(Step, StepSummary)>,
    /// The document's status as the export would print it ("Ontwerp", …).
    pub document_status: String,
    /// Whether the export would carry the ONTWERP mark.
    pub document_draft: bool,
    /// The review status in words, for the review tab.
    pub status_text: String,
    pub preview: Preview,
    /// The generation the preview was built for; it is rebuilt only while it is shown.
    pub preview_generation: Option<u64>,
    /// The full content fingerprint and its generation; computed only while the review tab
    /// is shown.
    pub fingerprint: Option<(u64, String)>,
    /// The template's locked parts and the generation they were copied at.
    pub locks: Vec<LockedPart>,
    pub locks_generation: Option<u64>,
}

/// What to compute for one version of the model.
pub struct Request {
    /// The change counter of this version.
    pub generation: u64,
    /// The model.
    pub protocol: Protocol,
    /// Build the preview (only while it is shown).
    pub preview: bool,
    /// Compute the content fingerprint (only while the review tab is shown).
    pub fingerprint: bool,
}

/// The results for one version of the model.
pub struct Results {
    /// The change counter they were computed for.
    pub generation: u64,
    /// The check's findings.
    pub findings: Vec<Finding>,
    /// Errors, warnings and remarks per step.
    pub summary: Vec<(Step, StepSummary)>,
    /// The document's status as the export would print it ("Ontwerp – …").
    pub document_status: String,
    /// Whether the export would carry the ONTWERP mark.
    pub document_draft: bool,
    /// The review status in words ([`review::status_text`]).
    pub status_text: String,
    /// The preview, when it was asked for.
    pub preview: Option<Preview>,
    /// The full content fingerprint, when it was asked for.
    pub fingerprint: Option<String>,
}

/// Computes everything `request` asks for. Pure: runs on the worker, or inline in tests.
pub fn compute(request: Request) -> Results {
    let protocol = &request.protocol;
    let findings = check::check(protocol, &check::Context::today());
    let status = pipeline::options(protocol, &findings).status;
    let preview = request.preview.then(|| {
        let mut preview = Preview::default();
        preview.rebuild(protocol, &findings);
        preview
    });
    Results {
        generation: request.generation,
        summary: check::summary(&findings),
        document_status: status.label(),
        document_draft: status.is_draft(),
        status_text: review::status_text(protocol),
        preview,
        fingerprint: request
            .fingerprint
            .then(|| fingerprint::fingerprint(protocol)),
        findings,
    }
}

/// Where the computation runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// On a worker thread (the app).
    Worker,
    /// On the calling thread, at once (tests that assert right after an edit).
    Inline,
}

/// The worker thread's end of the line.
struct Line {
    requests: Sender<Request>,
    results: Receiver<Results>,
}

/// Sends requests to the worker and hands back its results.
pub struct Engine {
    mode: Mode,
    line: Option<Line>,
    /// What was asked last: generation, preview, fingerprint.
    asked: Option<(u64, bool, bool)>,
    /// An inline result not yet taken.
    ready: Option<Results>,
}

impl Engine {
    /// An engine computing in `mode`.
    pub fn new(mode: Mode) -> Self {
        Self {
            mode,
            line: None,
            asked: None,
            ready: None,
        }
    }

    /// Switches between the worker and inline computation.
    pub fn set_mode(&mut self, mode: Mode) {
        self.mode = mode;
    }

    /// Whether results for this version with these parts were already asked for.
    pub fn asked_for(&self, generation: u64, preview: bool, fingerprint: bool) -> bool {
        self.asked
            .is_some_and(|(asked, with_preview, with_fingerprint)| {
                asked == generation
                    && (with_preview || !preview)
                    && (with_fingerprint || !fingerprint)
            })
    }

    /// Asks for `request`'s results; they arrive through [`Self::poll`]. The caller first checks
    /// [`Self::asked_for`], so a version is sent once.
    pub fn request(&mut self, ctx: &egui::Context, request: Request) {
        self.asked = Some((request.generation, request.preview, request.fingerprint));
        let mut request = request;
        if self.mode == Mode::Worker {
            let sent = match self.line_to_worker(ctx) {
                Some(line) => line.requests.send(request),
                None => {
                    self.ready = Some(compute(request));
                    return;
                }
            };
            match sent {
                Ok(()) => return,
                // The worker is gone (it does not panic; if it did): compute here from now on.
                Err(failed) => {
                    self.line = None;
                    self.mode = Mode::Inline;
                    request = failed.0;
                }
            }
        }
        self.ready = Some(compute(request));
    }

    /// The newest results that arrived, if any (older ones still on the way are skipped).
    pub fn poll(&mut self) -> Option<Results> {
        let mut newest = self.ready.take();
        if let Some(line) = &self.line {
            while let Ok(results) = line.results.try_recv() {
                newest = Some(results);
            }
        }
        newest
    }

    /// Waits up to `timeout` for the worker's next results and keeps them for the next
    /// [`Self::poll`] (tests and benchmarks; the app never waits). Returns their generation,
    /// or `None` when nothing is on its way or it took too long.
    pub fn wait(&mut self, timeout: Duration) -> Option<u64> {
        if let Some(ready) = &self.ready {
            return Some(ready.generation);
        }
        let line = self.line.as_ref()?;
        let mut newest = line.results.recv_timeout(timeout).ok()?;
        while let Ok(results) = line.results.try_recv() {
            newest = results;
        }
        let generation = newest.generation;
        self.ready = Some(newest);
        Some(generation)
    }

    /// The line to the worker, started on first use.
    fn line_to_worker(&mut self, ctx: &egui::Context) -> Option<&Line> {
        if self.line.is_none() {
            let (requests, inbox) = channel::<Request>();
            let (outbox, results) = channel();
            let ctx = ctx.clone();
            let started = std::thread::Builder::new()
                .name("protocolwijzer-controle".to_string())
                .spawn(move || {
                    while let Ok(mut request) = inbox.recv() {
                        // Only the newest version matters; skip the ones typed over.
                        while let Ok(newer) = inbox.try_recv() {
                            request = newer;
                        }
                        if outbox.send(compute(request)).is_err() {
                            return;
                        }
                        ctx.request_repaint();
                    }
                });
            if started.is_err() {
                return None;
            }
            self.line = Some(Line { requests, results });
        }
        self.line.as_ref()
    }
}

impl ProtocolApp {
    /// Whether the findings are those of the model as it is now.
    pub fn is_derived_current(&self) -> bool {
        self.derived.generation == Some(self.generation)
    }

    /// Computes the check and the preview on the UI thread, right when the model changed,
    /// instead of on the worker (for tests that assert on findings right after an edit).
    pub fn set_inline_checks(&mut self, inline: bool) {
        self.engine
            .set_mode(if inline { Mode::Inline } else { Mode::Worker });
    }

    /// Waits up to `timeout` until the worker's results for the model as it is now have
    /// arrived (after a frame asked for them); the next frame takes them in. For tests and
    /// benchmarks: the app itself never waits.
    pub fn wait_for_checks(&mut self, timeout: Duration) -> bool {
        let deadline = std::time::Instant::now() + timeout;
        loop {
            if self.is_derived_current() {
                return true;
            }
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            match self.engine.wait(left) {
                Some(generation) if generation == self.generation => return true,
                Some(_) => {
                    if let Some(older) = self.engine.poll() {
                        self.take_results(older);
                    }
                }
                None => return false,
            }
        }
    }

    /// What to compute for the model as it is now.
    pub(super) fn derive_request(&self, preview: bool, fingerprint: bool) -> Request {
        Request {
            generation: self.generation,
            protocol: self.protocol.clone(),
            preview,
            fingerprint,
        }
    }

    /// Takes results from the worker (or computed inline) into what the panels show.
    pub(super) fn take_results(&mut self, results: Results) {
        let derived = &mut self.derived;
        if derived
            .generation
            .is_some_and(|shown| shown > results.generation)
        {
            return;
        }
        if derived.generation != Some(results.generation) {
            self.side.findings.reset_heights();
        }
        derived.generation = Some(results.generation);
        derived.findings = results.findings;
        derived.summary = results.summary;
        derived.document_status = results.document_status;
        derived.document_draft = results.document_draft;
        derived.status_text = results.status_text;
        if let Some(preview) = results.preview {
            derived.preview.replace_with(preview);
            derived.preview_generation = Some(results.generation);
        }
        if let Some(fingerprint) = results.fingerprint {
            derived.fingerprint = Some((results.generation, fingerprint));
        }
    }

    /// Takes the results that arrived and, if the model changed since, asks for new ones
    /// (with the preview or the fingerprint only while they are shown).
    pub(super) fn refresh_derived(&mut self, ctx: &egui::Context) {
        if self.derived.locks_generation != Some(self.generation) {
            self.derived.locks = self.protocol.template.locked.clone();
            self.derived.locks_generation = Some(self.generation);
        }
        let generation = self.generation;
        let preview = self.side.tab == SideTab::Preview;
        let fingerprint = self.side.tab == SideTab::Review;
        let current = self.derived.generation == Some(generation)
            && (!preview || self.derived.preview_generation == Some(generation))
            && (!fingerprint
                || matches!(&self.derived.fingerprint, Some((at, _)) if *at == generation));
        if !current && !self.engine.asked_for(generation, preview, fingerprint) {
            let request = self.derive_request(preview, fingerprint);
            self.engine.request(ctx, request);
        }
        while let Some(results) = self.engine.poll() {
            self.take_results(results);
        }
    }

    /// Findings of the model as it is now: the last results if they are current, else a
    /// check run here (an export asked for within moments of an edit).
    pub(super) fn current_findings(&self) -> Vec<Finding> {
        if self.is_derived_current() {
            self.derived.findings.clone()
        } else {
            check::check(&self.protocol, &check::Context::today())
        }
    }
}
