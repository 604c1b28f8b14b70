//! What the wizard asks the loop to do: everything that touches files or the terminal.

use std::path::PathBuf;

use crate::i18n::Lang;
use crate::profile::{Customer, Person, Profile};

/// What Review writes to a file: the Markdown report (`e`) or the customers CSV (`c`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    Report,
    CustomersCsv,
}

impl ExportKind {
    /// The export of this kind to `path`.
    pub(crate) fn effect(self, path: PathBuf, replace: bool) -> Effect {
        match self {
            ExportKind::Report => Effect::ExportReport { path, replace },
            ExportKind::CustomersCsv => Effect::ExportCsv { path, replace },
        }
    }
}

/// What the loop does for `update`: everything that touches files or the terminal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Write the draft now (otherwise changes are written within a second).
    Save,
    /// Save, then leave the draft for the Start screen.
    CloseDraft,
    Quit,
    /// Write the Markdown report to this file; an existing file only when `replace` (else
    /// the loop answers `Msg::ExportExists` and the user is asked).
    ExportReport {
        path: PathBuf,
        replace: bool,
    },
    /// Write the customers as CSV to this file; an existing file only when `replace`.
    ExportCsv {
        path: PathBuf,
        replace: bool,
    },
    /// Import the files typed (`~` and relative paths still to expand, several separated
    /// by spaces) into a copy of `base`, on the import thread; `customer` names the tenant
    /// of a concealed report.
    ImportFiles {
        typed: String,
        customer: Option<String>,
        base: Box<Profile>,
    },
    /// Stop the import that runs: nothing is imported.
    CancelImport,
    /// Open a draft for editing (taking its lock).
    Open(PathBuf),
    /// Open a draft that is open elsewhere, read-only.
    OpenReadOnly(PathBuf),
    /// Let go of the open draft and open its file again (it was changed outside).
    ReloadDraft(PathBuf),
    /// The open draft as it is here, saved as a new draft beside its file (which was
    /// changed outside and is left as it is), and open instead.
    KeepAsCopy,
    /// A new draft of this name, in the drafts folder or, when `beside` is given, in that
    /// folder (fresh start beside a draft that cannot be read), with these customers (an
    /// import from the Start screen; none for a new assessment).
    Create {
        name: String,
        beside: Option<PathBuf>,
        customers: Vec<Customer>,
        staff: Vec<Person>,
    },
    Rename {
        path: PathBuf,
        name: String,
    },
    Duplicate {
        path: PathBuf,
        name: String,
    },
    /// Delete a draft file from the list (after confirmation).
    Delete(PathBuf),
    ListDrafts,
    /// Stop waiting for a draft being opened (it is let go when it arrives).
    StopOpening,
    SetMouseCapture(bool),
    /// Remember the language chosen for the next start.
    RememberLanguage(Lang),
    /// Read two drafts and compare them (`=` on the Start screen).
    Compare(PathBuf, PathBuf),
}
