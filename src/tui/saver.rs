//! The one place the wizard writes its draft: a saver thread (started by the first write)
//! that owns the draft's `OpenDraft` (and so its lock) and writes what it is given. In the terminal the wizard
//! hands it a copy of the draft and goes on taking keys, so typing never waits on the disk
//! (a 20,000-customer draft takes tens of milliseconds to write); tests and every way out
//! wait for the write to finish.

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread::JoinHandle;

use crate::profile::Profile;
use crate::store::{OpenDraft, StoreError};

struct Job {
    profile: Profile,
    revision: u64,
}

/// A finished write: which revision of the draft, and whether it is on disk.
pub(crate) struct Done {
    pub(crate) revision: u64,
    pub(crate) result: Result<(), StoreError>,
}

pub(crate) struct Saver {
    path: PathBuf,
    /// The draft until the first write, which starts the thread that then owns it: a draft
    /// opened and left unchanged costs no thread (and `edit` starts none before its first
    /// frame).
    idle: Option<OpenDraft>,
    jobs: Option<Sender<Job>>,
    results: Option<Receiver<Done>>,
    thread: Option<JoinHandle<()>>,
    /// The revision being written, if a write is under way.
    in_flight: Option<u64>,
}

impl Saver {
    /// Takes over an open (locked) draft; the lock is let go when the saver is dropped. The
    /// saving thread is started by the first write.
    pub(crate) fn spawn(open: OpenDraft) -> Saver {
        Saver {
            path: open.path().to_path_buf(),
            idle: Some(open),
            jobs: None,
            results: None,
            thread: None,
            in_flight: None,
        }
    }

    /// Starts the saving thread, which owns the draft from now on.
    fn start_thread(&mut self, mut open: OpenDraft) {
        let (jobs, job_rx) = mpsc::channel::<Job>();
        let (done_tx, results) = mpsc::channel();
        let thread = std::thread::spawn(move || {
            for job in job_rx {
                let result = open.save(&job.profile);
                let done = Done {
                    revision: job.revision,
                    result,
                };
                if done_tx.send(done).is_err() {
                    break;
                }
            }
            // `open` drops here: the lock goes with the last write.
        });
        self.jobs = Some(jobs);
        self.results = Some(results);
        self.thread = Some(thread);
    }

    pub(crate) fn busy(&self) -> bool {
        self.in_flight.is_some()
    }

    pub(crate) fn in_flight(&self) -> Option<u64> {
        self.in_flight
    }

    /// Starts writing `profile` (revision `revision`) unless a write is under way. (When
    /// the thread is gone, `poll` and `wait` report the write as failed.)
    pub(crate) fn start(&mut self, profile: Profile, revision: u64) -> bool {
        if self.busy() {
            return false;
        }
        if let Some(open) = self.idle.take() {
            self.start_thread(open);
        }
        if let Some(jobs) = &self.jobs {
            let _ = jobs.send(Job { profile, revision });
        }
        self.in_flight = Some(revision);
        true
    }

    /// The write that finished, if one did, without waiting.
    pub(crate) fn poll(&mut self) -> Option<Done> {
        let revision = self.in_flight?;
        let received = match &self.results {
            Some(results) => results.try_recv(),
            None => Err(mpsc::TryRecvError::Disconnected),
        };
        match received {
            Ok(done) => {
                self.in_flight = None;
                Some(done)
            }
            Err(mpsc::TryRecvError::Empty) => None,
            Err(mpsc::TryRecvError::Disconnected) => Some(self.stopped(revision)),
        }
    }

    /// Waits for the write under way, if any.
    pub(crate) fn wait(&mut self) -> Option<Done> {
        let revision = self.in_flight?;
        let received = match &self.results {
            Some(results) => results.recv().ok(),
            None => None,
        };
        Some(match received {
            Some(done) => {
                self.in_flight = None;
                done
            }
            None => self.stopped(revision),
        })
    }

    /// The thread is gone (it can only panic): the write did not happen.
    fn stopped(&mut self, revision: u64) -> Done {
        self.in_flight = None;
        Done {
            revision,
            result: Err(StoreError::Io {
                path: self.path.clone(),
                source: std::io::ErrorKind::Interrupted.into(),
            }),
        }
    }
}

impl Drop for Saver {
    fn drop(&mut self) {
        // Closing the queue ends the thread after its last write; joining it means the
        // lock is let go before anything else opens the draft.
        self.jobs = None;
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
