//! The worker threads: file dialogs, opening, saving and exporting each get a thread; the
//! store's writes and deletes (settings, recovery file) go down one line, in order. Their
//! results come back as [`Done`] messages, so no frame ever waits on a disk or a dialog.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};

use super::commands::{Format, Pending};
use crate::model::Protocol;

/// A result from a worker thread.
#[derive(Debug)]
pub enum Done {
    /// A signed PDF was verified (or could not be read).
    Verified {
        /// The file.
        path: PathBuf,
        /// The report, or the Dutch error.
        result: Result<Box<crate::signature::Report>, String>,
    },
    /// A file was opened (or failed to).
    Opened {
        /// The file.
        path: PathBuf,
        /// The protocol, or the Dutch error with line and column.
        result: Result<Box<Protocol>, String>,
    },
    /// A save finished.
    Saved {
        /// The file.
        path: PathBuf,
        /// The model generation that was saved.
        generation: u64,
        /// Ok, or the Dutch error.
        result: Result<(), String>,
        /// What to do after a successful save.
        then: Option<Pending>,
    },
    /// An export finished.
    Exported {
        /// The file.
        path: PathBuf,
        /// The format.
        format: Format,
        /// Ok, or the Dutch error.
        result: Result<(), String>,
    },
    /// A file other than a document was written: the submission package, the register sheet.
    Written {
        /// The file.
        path: PathBuf,
        /// What it is, as the notice names it ("Indienpakket").
        what: String,
        /// Ok, or the Dutch error.
        result: Result<(), String>,
    },
    /// The submission package was refused: these are the check's errors.
    PackageRefused(Vec<crate::check::Finding>),
    /// Another protocol file to compare with was loaded (or failed to).
    Compared {
        /// The file.
        path: PathBuf,
        /// The protocol, or the Dutch error with line and column.
        result: Result<Box<Protocol>, String>,
    },
    /// A signed protocol was imported (or failed to).
    Imported {
        /// The source document.
        path: PathBuf,
        /// The protocol (its review record lists what was not placed), or the Dutch error.
        result: Result<Box<Protocol>, String>,
    },
    /// A protocol was read from inside a submission package (or failed to); the package
    /// itself is never written to.
    OpenedPackage {
        /// The package.
        package: PathBuf,
        /// The `.ron` inside it.
        inner: String,
        /// The protocol, or the Dutch error.
        result: Result<Box<Protocol>, String>,
    },
    /// A folder was chosen for the Inzendingen view.
    DeskFolder(PathBuf),
    /// The Inzendingen overview was written as an Excel sheet (or failed to).
    SheetWritten {
        /// The file.
        path: PathBuf,
        /// Ok, or the Dutch error.
        result: Result<(), String>,
    },
    /// The autosave finished.
    Autosaved(Result<(), String>),
    /// The settings were written.
    SettingsWritten(Result<(), String>),
    /// The recovery file was deleted.
    RecoveryDeleted(Result<(), String>),
    /// The user closed a file dialog without choosing.
    Cancelled,
    /// The system's file dialog did not open (it answered at once, without a window): the
    /// built-in one takes over for this purpose.
    NoDialog(super::file_picker::PickFor),
}

/// A job for the store's line: settings and recovery file, one after the other.
type StoreJob = Box<dyn FnOnce() -> Done + Send>;

/// Where worker threads report. File dialogs, opening, saving and exporting each get a thread;
/// the store's writes and deletes (settings, recovery file) go down one line, in order, so a
/// late autosave cannot bring back a recovery file deleted after it.
pub struct Worker {
    sender: Sender<(bool, Done)>,
    receiver: Receiver<(bool, Done)>,
    /// How many dialog and file jobs are running (the status shows "Bezig…"); the store's
    /// quick writes are not counted.
    pub running: usize,
    store: Option<(Sender<StoreJob>, std::thread::JoinHandle<()>)>,
}

impl Default for Worker {
    fn default() -> Self {
        let (sender, receiver) = channel();
        Self {
            sender,
            receiver,
            running: 0,
            store: None,
        }
    }
}

impl Worker {
    /// Runs `job` on a new thread; its result arrives through [`Worker::poll`].
    pub fn spawn(&mut self, ctx: &egui::Context, job: impl FnOnce() -> Done + Send + 'static) {
        self.running += 1;
        let sender = self.sender.clone();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("protocolwijzer-werk".to_string())
            .spawn(move || {
                let _ = sender.send((true, job()));
                ctx.request_repaint();
            });
        if spawned.is_err() {
            self.running -= 1;
        }
    }

    /// Runs `job` on the store's line, after the store jobs before it.
    pub fn store(&mut self, ctx: &egui::Context, job: impl FnOnce() -> Done + Send + 'static) {
        if self.store.is_none() {
            let (jobs, inbox) = channel::<StoreJob>();
            let sender = self.sender.clone();
            let ctx = ctx.clone();
            let started = std::thread::Builder::new()
                .name("protocolwijzer-opslag".to_string())
                .spawn(move || {
                    while let Ok(job) = inbox.recv() {
                        let _ = sender.send((false, job()));
                        ctx.request_repaint();
                    }
                });
            match started {
                Ok(handle) => self.store = Some((jobs, handle)),
                // No thread to be had: the job runs here rather than not at all.
                Err(_) => {
                    let _ = self.sender.send((false, job()));
                    return;
                }
            }
        }
        if let Some((jobs, _)) = &self.store {
            let _ = jobs.send(Box::new(job));
        }
    }

    /// Waits until the store's line has done every job (on exit).
    pub fn finish_store(&mut self) {
        if let Some((jobs, handle)) = self.store.take() {
            drop(jobs);
            let _ = handle.join();
        }
    }

    /// The next finished result, if any.
    pub fn poll(&mut self) -> Option<Done> {
        let (counted, done) = self.receiver.try_recv().ok()?;
        if counted {
            self.running = self.running.saturating_sub(1);
        }
        Some(done)
    }
}
