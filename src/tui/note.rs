//! The status line's messages, as data: worded at draw time (`words`), so that a language
//! switch rewords them too.

use std::path::PathBuf;
use std::sync::Arc;

use crate::store::StoreError;

/// A one-line message for the status line, worded at draw time so that a language switch
/// rewords it too.
#[derive(Debug, Clone)]
pub enum Note {
    Saved,
    SaveFailed(Arc<StoreError>),
    Exported(PathBuf),
    ExportFailed(Arc<StoreError>),
    /// The customers were written to a CSV file.
    CsvExported {
        path: PathBuf,
        customers: usize,
    },
    CsvExportFailed(Arc<StoreError>),
    ListFailed(Arc<StoreError>),
    MouseOn,
    MouseOff,
    Deleted(String),
    /// Opening, renaming, duplicating or deleting drafts; read-only refusals.
    Drafts(DraftNote),
    /// A quit whose save failed: the next quit leaves without saving.
    QuitUnsaved,
    /// The drafts folder cannot be written in: nothing can be created, renamed or deleted.
    FolderReadOnly(PathBuf),
    /// The draft was opened read-only because it cannot be written as it is (a read-only
    /// file or folder, a hard-linked file): why.
    OpenedReadOnly(Arc<StoreError>),
    /// `=` was pressed on this draft: `=` on another compares the two.
    CompareMarked(String),
    /// The drafts to compare could not be read.
    CompareFailed(Arc<StoreError>),
    /// The language was switched with `L`; `L` again switches back.
    LanguageSwitched,
    /// A change was undone (`true`) or redone (`false`): which.
    Undo {
        undone: bool,
        what: super::undo::Change,
    },
    /// Nothing to undo (`true`) or redo (`false`).
    NothingToUndo(bool),
}

impl Note {
    pub(crate) fn is_error(&self) -> bool {
        matches!(
            self,
            Note::SaveFailed(_)
                | Note::ExportFailed(_)
                | Note::CsvExportFailed(_)
                | Note::ListFailed(_)
                | Note::QuitUnsaved
                | Note::CompareFailed(_)
        ) || matches!(self, Note::Drafts(n) if n.is_error())
    }
}

/// The Start screen's messages about drafts (and the refusals of a read-only draft).
#[derive(Debug, Clone)]
pub enum DraftNote {
    Renamed {
        name: String,
        path: PathBuf,
    },
    Duplicated {
        name: String,
        path: PathBuf,
    },
    Deleted {
        name: String,
    },
    Failed(Arc<StoreError>),
    /// A change was asked for on a read-only draft.
    ReadOnlyRefused,
}

impl DraftNote {
    pub(crate) fn is_error(&self) -> bool {
        matches!(self, DraftNote::Failed(_) | DraftNote::ReadOnlyRefused)
    }
}
