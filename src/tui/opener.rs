//! Opens a draft on a thread of its own, so that a large one never holds up the keys: the
//! Start screen says it is opening after a moment, and Esc stops waiting for it.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, TryRecvError};
use std::time::{Duration, Instant};

use crate::store::{OpenDraft, StoreError};

/// How the opening went: the draft (for editing, or read-only with the reason it could
/// not be edited), or why it cannot be opened.
pub(crate) struct Outcome {
    pub(crate) path: PathBuf,
    pub(crate) result: Result<OpenDraft, StoreError>,
    /// Opened read-only because the file or folder cannot be written as it is.
    pub(crate) read_only_because: Option<StoreError>,
}

/// Opens a draft for editing, or read-only when its file or folder cannot be written as it
/// is (then saying why).
pub(crate) fn open_for_editing(path: &Path) -> Outcome {
    match OpenDraft::open(path) {
        Err(
            e @ (StoreError::FileReadOnly { .. }
            | StoreError::FolderReadOnly { .. }
            | StoreError::HardLinked { .. }),
        ) => match OpenDraft::open_read_only(path) {
            Ok(open) => Outcome {
                path: path.to_path_buf(),
                result: Ok(open),
                read_only_because: Some(e),
            },
            Err(other) => Outcome {
                path: path.to_path_buf(),
                result: Err(other),
                read_only_because: None,
            },
        },
        result => Outcome {
            path: path.to_path_buf(),
            result,
            read_only_because: None,
        },
    }
}

pub(crate) struct Opener {
    outcome: Receiver<Outcome>,
    started: Instant,
    told_slow: bool,
}

/// After this long, the screen says the draft is being opened.
pub(crate) const A_MOMENT: Duration = Duration::from_millis(250);

impl Opener {
    /// Starts opening `path`. Dropping the opener lets the draft go when it arrives (its
    /// lock is freed with it).
    pub(crate) fn spawn(path: PathBuf, read_only: bool) -> Opener {
        let (tx, outcome) = mpsc::channel();
        std::thread::spawn(move || {
            let outcome = if read_only {
                Outcome {
                    result: OpenDraft::open_read_only(&path),
                    path,
                    read_only_because: None,
                }
            } else {
                open_for_editing(&path)
            };
            let _ = tx.send(outcome);
        });
        Opener {
            outcome,
            started: Instant::now(),
            told_slow: false,
        }
    }

    /// The outcome, if the draft is read, without waiting.
    pub(crate) fn poll(&mut self) -> Option<Outcome> {
        match self.outcome.try_recv() {
            Ok(outcome) => Some(outcome),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(self.stopped()),
        }
    }

    /// The outcome, waiting for it at most `limit`.
    pub(crate) fn wait(&mut self, limit: Duration) -> Option<Outcome> {
        match self.outcome.recv_timeout(limit) {
            Ok(outcome) => Some(outcome),
            Err(RecvTimeoutError::Timeout) => None,
            Err(RecvTimeoutError::Disconnected) => Some(self.stopped()),
        }
    }

    /// True once, when opening has taken more than a moment.
    pub(crate) fn turned_slow(&mut self, now: Instant) -> bool {
        if !self.told_slow && now.duration_since(self.started) >= A_MOMENT {
            self.told_slow = true;
            return true;
        }
        false
    }

    /// The thread is gone (it can only panic).
    fn stopped(&self) -> Outcome {
        Outcome {
            path: PathBuf::new(),
            result: Err(StoreError::Io {
                path: PathBuf::new(),
                source: std::io::ErrorKind::Interrupted.into(),
            }),
            read_only_because: None,
        }
    }
}
