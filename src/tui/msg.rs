//! What can happen to the wizard: input events, and what the loop's effects came to.

use std::path::PathBuf;
use std::sync::Arc;

use ratatui::crossterm::event::KeyEvent;

use super::import_job::{Finished, ImportProgress};
use super::note::{DraftNote, Note};
use crate::profile::Profile;
use crate::store::StoreError;

/// One saved draft as the Start screen lists it.
#[derive(Debug, Clone)]
pub struct DraftSummary {
    pub path: PathBuf,
    pub name: String,
    /// Local date and time of the last change, already formatted.
    pub changed: String,
    /// The highest tier reached, or why the file cannot be read.
    pub status: Result<Option<String>, Arc<StoreError>>,
}

#[derive(Debug, Clone)]
pub enum Msg {
    Key(KeyEvent),
    Paste(String),
    Click {
        column: u16,
        row: u16,
    },
    Scroll {
        down: bool,
    },
    Resize {
        width: u16,
        height: u16,
    },
    Opened {
        path: PathBuf,
        profile: Profile,
        read_only: bool,
    },
    /// The draft is open in another program: ask whether to open it read-only.
    Locked {
        path: PathBuf,
        error: Arc<StoreError>,
    },
    /// The draft cannot be read (or is of a newer version): show why, offer a fresh start.
    LoadFailed {
        path: PathBuf,
        error: Arc<StoreError>,
    },
    /// A draft of the list was renamed, duplicated or deleted.
    DraftsChanged(DraftNote),
    DraftsListed(Vec<DraftSummary>),
    /// Whether the drafts folder can be written in: when not, drafts open read-only and
    /// no new one is offered.
    DraftsFolder {
        read_only: bool,
    },
    /// A draft is being opened on another thread.
    Opening(PathBuf),
    /// ... and it takes more than a moment.
    OpeningSlow,
    /// Part of the list, read so far (newest first); `read` of `total` drafts.
    DraftsReading {
        drafts: Vec<DraftSummary>,
        read: usize,
        total: usize,
    },
    /// Two drafts compared, to show.
    Compared(Box<crate::compare::Comparison>),
    /// An effect whose only outcome is a message on the status line (an export written or
    /// failed, a listing failed).
    Told(Note),
    /// An export was not written: a file is already there. Review asks whether to replace it.
    ExportExists {
        path: PathBuf,
        kind: super::effect::ExportKind,
    },
    /// The draft was saved and put away: back to the Start screen.
    DraftClosed,
    /// Quit was asked for but the draft could not be saved.
    QuitRefused,
    SaveFailed(Arc<StoreError>),
    /// A CSV file to import was read.
    CsvRead {
        path: PathBuf,
        bytes: Vec<u8>,
    },
    CsvUnreadable {
        path: PathBuf,
        error: Arc<StoreError>,
    },
    /// How far the running import is.
    ImportProgress(ImportProgress),
    /// The import thread is done with the files at `paths`.
    ImportFinished {
        paths: Vec<PathBuf>,
        customer: Option<String>,
        finished: Finished,
    },
}
