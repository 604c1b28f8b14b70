//! Reads the drafts folder on a thread of its own, so that the thread taking keys never
//! waits on files: the Start screen answers from its first frame while the list fills in.

use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::time::SystemTime;

use super::msg::DraftSummary;
use crate::store::{ListedDraft, Store, StoreError};
use crate::time::local_date_time;

enum Event {
    Counted(usize),
    Read(ListedDraft),
    Done,
    Failed(StoreError),
}

/// Where a listing stands, as the Start screen shows it.
pub(crate) enum Progress {
    /// Nothing new since the last look.
    Unchanged,
    /// More drafts read: the list so far, newest first, and how many of how many.
    Reading {
        drafts: Vec<DraftSummary>,
        read: usize,
        total: usize,
    },
    Done(Vec<DraftSummary>),
    Failed(StoreError),
}

pub(crate) struct Lister {
    events: Receiver<Event>,
    total: usize,
    /// What the thread has read so far, newest first (by last change, then path).
    read: Vec<(Option<SystemTime>, DraftSummary)>,
}

impl Lister {
    /// Starts reading the folder. Dropping the lister stops the thread after the draft it
    /// is reading (its next send fails).
    pub(crate) fn spawn(store: Store) -> Lister {
        let (tx, events) = mpsc::channel();
        std::thread::spawn(move || {
            let mut listing = match store.listing() {
                Ok(listing) => listing,
                Err(e) => {
                    let _ = tx.send(Event::Failed(e));
                    return;
                }
            };
            if tx.send(Event::Counted(listing.total())).is_err() {
                return;
            }
            for draft in listing.by_ref() {
                if tx.send(Event::Read(draft)).is_err() {
                    return;
                }
            }
            listing.finish();
            let _ = tx.send(Event::Done);
        });
        Lister {
            events,
            total: 0,
            read: Vec::new(),
        }
    }

    /// Takes in everything the thread has sent since the last look, without waiting.
    pub(crate) fn poll(&mut self) -> Progress {
        let mut more = false;
        loop {
            match self.events.try_recv() {
                Ok(Event::Counted(total)) => {
                    self.total = total;
                    more = true;
                }
                Ok(Event::Read(draft)) => {
                    let key = (draft.modified, summary(draft));
                    let at = self.read.partition_point(|(modified, d)| {
                        (std::cmp::Reverse(*modified), &d.path)
                            < (std::cmp::Reverse(key.0), &key.1.path)
                    });
                    self.read.insert(at, key);
                    more = true;
                }
                Ok(Event::Done) => {
                    let read = std::mem::take(&mut self.read);
                    return Progress::Done(read.into_iter().map(|(_, d)| d).collect());
                }
                Ok(Event::Failed(e)) => return Progress::Failed(e),
                Err(TryRecvError::Empty) => break,
                // The thread can only end this way by panicking.
                Err(TryRecvError::Disconnected) => {
                    return Progress::Failed(StoreError::Io {
                        path: std::path::PathBuf::new(),
                        source: std::io::ErrorKind::Interrupted.into(),
                    });
                }
            }
        }
        if !more {
            return Progress::Unchanged;
        }
        Progress::Reading {
            drafts: self.read.iter().map(|(_, d)| d.clone()).collect(),
            read: self.read.len(),
            total: self.total,
        }
    }
}

/// A draft's line of the Start screen.
pub(crate) fn summary(entry: ListedDraft) -> DraftSummary {
    DraftSummary {
        name: entry.display_name(),
        changed: entry.modified.map(local_date_time).unwrap_or_default(),
        status: entry.summary.map(|s| s.highest_tier).map_err(Arc::new),
        path: entry.path,
    }
}
