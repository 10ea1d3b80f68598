//! Reading a folder of submissions without blocking anyone: a thread lists the folder and reads
//! the files on every core, sending each row as it is read (so a progress bar can follow), and
//! a file watcher (`notify`) reads a file again whenever it changes on disk, or drops its row
//! when it goes. [`Desk`] keeps the rows and takes in the messages; the app polls it each
//! frame and is woken by `wake` when something arrives.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};

use notify::Watcher as _;

use super::{Submission, is_submission_file, read, scan};
use crate::check::Context;

/// Called from a worker thread when a message is waiting (the app asks for a repaint).
pub type Wake = Arc<dyn Fn() + Send + Sync>;

/// What the loader and the watcher report.
#[derive(Debug)]
pub enum Message {
    /// The folder was listed: this many rows will follow as [`Message::Loaded`].
    Listed(usize),
    /// A row of the first reading.
    Loaded(Submission),
    /// A file changed or appeared after the first reading: its new row.
    Changed(Submission),
    /// A file went away.
    Removed(PathBuf),
    /// The folder cannot be watched; the list does not refresh by itself.
    NotWatched(String),
}

/// The threads that read and watch one folder. Dropping it stops the watcher; reading threads
/// still running stop at their next send.
pub struct Loader {
    receiver: Receiver<Message>,
    /// The watcher, once the reading thread has set it up.
    _watcher: Arc<Mutex<Option<notify::RecommendedWatcher>>>,
}

impl Loader {
    /// Starts reading `folder` (checking each protocol on `context`'s day) and watching it.
    pub fn start(folder: PathBuf, context: Context, wake: Wake) -> Self {
        let (sender, receiver) = channel();
        let watcher_slot = Arc::new(Mutex::new(None));
        let slot = Arc::clone(&watcher_slot);
        let spawned = std::thread::Builder::new()
            .name("inzendingen-lezen".to_string())
            .spawn({
                let sender = sender.clone();
                let wake = Arc::clone(&wake);
                move || {
                    // Watch first, so a change during the reading is not missed.
                    match watch(&folder, context, sender.clone(), Arc::clone(&wake)) {
                        Ok(watcher) => {
                            if let Ok(mut slot) = slot.lock() {
                                *slot = Some(watcher);
                            }
                        }
                        Err(reason) => {
                            let _ = sender.send(Message::NotWatched(reason));
                        }
                    }
                    load(&folder, &context, &sender, &wake);
                }
            });
        if let Err(error) = spawned {
            let _ = sender.send(Message::NotWatched(format!(
                "De map kon niet gelezen worden: er kon geen werkdraad starten ({error})."
            )));
        }
        Self {
            receiver,
            _watcher: watcher_slot,
        }
    }

    /// The messages that arrived since the last call.
    pub fn poll(&self) -> Vec<Message> {
        self.receiver.try_iter().collect()
    }
}

/// The first reading: list, then read on every core, a message per row.
fn load(folder: &Path, context: &Context, sender: &Sender<Message>, wake: &Wake) {
    let found = scan(folder);
    let total = found.files.len() + found.unreadable.len();
    if sender.send(Message::Listed(total)).is_err() {
        return;
    }
    wake();
    for (path, message) in found.unreadable {
        let _ = sender.send(Message::Loaded(Submission {
            name: super::name_in(folder, &path),
            path,
            modified: None,
            content: Err(message),
        }));
    }
    let threads = std::thread::available_parallelism().map_or(2, |count| count.get().min(4));
    let next = std::sync::atomic::AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                loop {
                    let index = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some(path) = found.files.get(index) else {
                        break;
                    };
                    if sender
                        .send(Message::Loaded(read(folder, path, context)))
                        .is_err()
                    {
                        break;
                    }
                    // Not every row needs a frame: a repaint every 16 rows and at the end.
                    if index.is_multiple_of(16) || index + 1 == found.files.len() {
                        wake();
                    }
                }
            });
        }
    });
    wake();
}

/// Watches `folder` and its subfolders; each changed submission file is read again.
fn watch(
    folder: &Path,
    context: Context,
    sender: Sender<Message>,
    wake: Wake,
) -> Result<notify::RecommendedWatcher, String> {
    let root = folder.to_path_buf();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        let Ok(event) = event else {
            return;
        };
        // Reading a file is no change (and this watcher reads files itself).
        if matches!(
            event.kind,
            notify::EventKind::Access(notify::event::AccessKind::Open(_))
                | notify::EventKind::Access(notify::event::AccessKind::Read)
                | notify::EventKind::Access(notify::event::AccessKind::Close(
                    notify::event::AccessMode::Read
                ))
        ) {
            return;
        }
        for path in event.paths {
            if !is_submission_file(&path) {
                continue;
            }
            let message = if path.is_file() {
                Message::Changed(read(&root, &path, &context))
            } else {
                Message::Removed(path)
            };
            if sender.send(message).is_err() {
                return;
            }
            wake();
        }
    })
    .map_err(|error| format!("De map kan niet gevolgd worden: {error}."))?;
    watcher
        .watch(folder, notify::RecursiveMode::Recursive)
        .map_err(|error| {
            format!(
                "De map ‘{}’ kan niet gevolgd worden: {error}. Wijzigingen verschijnen pas na \
                 ‘Vernieuwen’.",
                folder.display()
            )
        })?;
    Ok(watcher)
}

/// The rows of a folder, kept up to date by a [`Loader`].
pub struct Desk {
    /// The folder.
    pub folder: PathBuf,
    context: Context,
    wake: Wake,
    rows: Vec<Submission>,
    loader: Loader,
    /// How many rows the first reading will bring, once the folder is listed.
    pub total: Option<usize>,
    /// How many rows of the first reading have arrived.
    pub loaded: usize,
    /// Why the folder is not watched, if it is not.
    pub not_watched: Option<String>,
    /// Bumped whenever the rows change, so a view can keep its sorted order until then.
    pub generation: u64,
}

impl Desk {
    /// Starts reading and watching `folder`.
    pub fn open(folder: PathBuf, context: Context, wake: Wake) -> Self {
        let loader = Loader::start(folder.clone(), context, Arc::clone(&wake));
        Self {
            folder,
            context,
            wake,
            rows: Vec::new(),
            loader,
            total: None,
            loaded: 0,
            not_watched: None,
            generation: 0,
        }
    }

    /// Reads the folder again from the start.
    pub fn reload(&mut self) {
        *self = Self::open(self.folder.clone(), self.context, Arc::clone(&self.wake));
    }

    /// The rows, in no particular order.
    pub fn rows(&self) -> &[Submission] {
        &self.rows
    }

    /// Whether the first reading is still going on.
    pub fn is_loading(&self) -> bool {
        self.total.is_none_or(|total| self.loaded < total)
    }

    /// Takes in what the threads sent; `true` when a row changed.
    pub fn poll(&mut self) -> bool {
        let messages = self.loader.poll();
        let changed = !messages.is_empty();
        for message in messages {
            self.apply(message);
        }
        if changed {
            self.generation += 1;
        }
        changed
    }

    fn apply(&mut self, message: Message) {
        match message {
            Message::Listed(total) => self.total = Some(total),
            Message::Loaded(row) => {
                self.loaded += 1;
                // A change the watcher saw during the reading is newer than this.
                if !self.rows.iter().any(|each| each.path == row.path) {
                    self.rows.push(row);
                }
            }
            Message::Changed(row) => {
                match self.rows.iter_mut().find(|each| each.path == row.path) {
                    Some(each) => *each = row,
                    None => self.rows.push(row),
                }
            }
            Message::Removed(path) => self.rows.retain(|row| row.path != path),
            Message::NotWatched(reason) => self.not_watched = Some(reason),
        }
    }
}
