//! File work that would keep a key waiting: exports, renames, copies, deletions, comparisons
//! and new drafts. Each runs on a thread of its own while keys go on being read; the loop
//! looks for what each came to about every frame and hands it on.

use std::sync::mpsc::{Receiver, TryRecvError};

use super::msg::Msg;
use crate::store::{OpenDraft, StoreError};

/// What a piece of file work came to.
pub(crate) enum Done {
    /// Messages for `update`.
    Said(Vec<Msg>),
    /// A new draft made (or why not): the app opens it and its saver takes the lock over.
    /// `instead`: it replaces the draft open now (kept as a copy).
    Created {
        result: Box<Result<OpenDraft, StoreError>>,
        instead: bool,
    },
}

/// The file work under way.
#[derive(Default)]
pub(crate) struct Errands {
    running: Vec<Receiver<Done>>,
}

impl Errands {
    /// Starts `work` on a thread of its own.
    pub(crate) fn start(
        &mut self,
        work: impl FnOnce() -> Done + Send + 'static,
    ) -> std::io::Result<()> {
        let (send, receive) = std::sync::mpsc::channel();
        std::thread::Builder::new()
            .name("files".into())
            .spawn(move || {
                let _ = send.send(work());
            })?;
        self.running.push(receive);
        Ok(())
    }

    pub(crate) fn busy(&self) -> bool {
        !self.running.is_empty()
    }

    /// What the finished work came to, in the order it was started.
    pub(crate) fn take_finished(&mut self) -> Vec<Done> {
        let mut finished = Vec::new();
        self.running.retain(|receive| match receive.try_recv() {
            Ok(done) => {
                finished.push(done);
                false
            }
            Err(TryRecvError::Empty) => true,
            // The thread ended without a word (it panicked): nothing to hand on.
            Err(TryRecvError::Disconnected) => false,
        });
        finished
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::note::Note;

    #[test]
    fn work_runs_on_another_thread_and_its_outcome_is_taken_once() {
        let mut errands = Errands::default();
        let here = std::thread::current().id();
        let (ready, wait) = std::sync::mpsc::channel::<()>();
        errands
            .start(move || {
                let elsewhere = std::thread::current().id() != here;
                // Held until the test has seen the work under way.
                let _ = wait.recv();
                Done::Said(if elsewhere {
                    vec![Msg::Told(Note::MouseOn)]
                } else {
                    Vec::new()
                })
            })
            .expect("thread");
        assert!(errands.busy());
        assert!(errands.take_finished().is_empty());
        ready.send(()).expect("worker waits");
        let done = loop {
            let mut finished = errands.take_finished();
            if let Some(done) = finished.pop() {
                break done;
            }
            std::thread::yield_now();
        };
        assert!(matches!(done, Done::Said(msgs) if matches!(msgs[..], [Msg::Told(Note::MouseOn)])));
        assert!(!errands.busy());
        assert!(errands.take_finished().is_empty());
    }
}
