//! Files in: a path field taking several files (our customers or staff CSV, Microsoft's
//! usage, activations and training reports), the import running with its progress, then
//! what it did (the summary, or every bad row) in a panel that scrolls. The driver runs the
//! import on its own thread (`Effect::ImportFiles`), so keys are read all along and Esc
//! stops it; the import is all or nothing. On the Customers screen the result goes into
//! the draft and is saved (`Effect::Save`); on the Start screen (no draft open) it goes
//! into a new draft named after the first file (`Effect::Create`), which then opens showing
//! the result. A failed or cancelled import changes and creates nothing.

mod draw;

pub(crate) use draw::draw;
use draw::sentences;

use std::path::PathBuf;
use std::sync::Arc;

use crate::tui::canvas::Canvas;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Block;

use super::super::keys::{self, Action, Binding};
use super::super::theme::Theme;
use super::super::widgets::table::fit;
use super::super::widgets::text_field::{EditOp, TextField};
use super::super::widgets::wrap::wrap_indented;
use crate::i18n::{Locale, thousands};
use crate::import::{
    FileDetail, FileError, ImportError, Input, Progress, RunOptions, RunSummary, import_files,
};
use crate::profile::Profile;
use crate::report::import_words as words;
use crate::store::StoreError;
use crate::text::visible;
use crate::tui::context::{Ctx, ViewCtx};
use crate::tui::effect::Effect;
use crate::tui::import_job::{Finished, ImportProgress};
use crate::tui::mode::Mode;

/// The import in progress (`Model::import`).
#[derive(Debug, Clone)]
pub enum Import {
    /// The paths of the files being typed.
    Path(TextField),
    /// A report whose user names are concealed names no tenant: the customer is asked
    /// for (the command line's `--customer`), then the same files are imported again.
    Customer { typed: String, field: TextField },
    /// Running on the driver's import thread.
    Running {
        typed: String,
        progress: ImportProgress,
    },
    /// What the import did, shown until closed.
    Result {
        paths: Vec<PathBuf>,
        outcome: Outcome,
        /// First line shown of the (wrapped) result.
        scroll: usize,
    },
}

#[derive(Debug, Clone)]
pub enum Outcome {
    Imported(RunSummary),
    /// Nothing was imported: a file has bad rows, or is none of the kinds read.
    Refused(Vec<FileError>),
    /// A file could not be read at all (or, from the Start screen, the new draft could not
    /// be made).
    Unreadable(Arc<StoreError>),
    /// Stopped with Esc: nothing was imported.
    Cancelled,
}

pub(crate) fn mode(import: &Import) -> Mode {
    match import {
        Import::Path(_) | Import::Customer { .. } => Mode::Editing,
        Import::Running { .. } | Import::Result { .. } => Mode::Picker,
    }
}

pub(crate) fn key_table(import: &Import) -> &'static [Binding] {
    match import {
        Import::Path(_) | Import::Customer { .. } => keys::IMPORT_PATH,
        Import::Running { .. } => keys::IMPORT_RUNNING,
        Import::Result { .. } => keys::IMPORT_RESULT,
    }
}

/// Opens the path field.
/// The path field, empty: how the panel opens.
pub(crate) fn opened() -> Import {
    Import::Path(TextField::default())
}

pub(crate) fn on_action(panel: &mut Option<Import>, cx: &mut Ctx, action: Action) -> Vec<Effect> {
    let page = page_rows(cx.body).max(1);
    let total = lines(panel, cx.draft.is_some(), cx.loc, cx.body).len();
    match panel {
        Some(Import::Path(field)) => match action {
            Action::Activate => {
                let typed = field.text().trim().to_string();
                if typed.is_empty() {
                    return Vec::new();
                }
                return start(panel, cx, typed, None);
            }
            Action::Cancel => *panel = None,
            _ => {}
        },
        Some(Import::Customer { typed, field }) => match action {
            Action::Activate => {
                let customer = field.text().trim().to_string();
                if customer.is_empty() {
                    return Vec::new();
                }
                let typed = typed.clone();
                return start(panel, cx, typed, Some(customer));
            }
            Action::Cancel => *panel = None,
            _ => {}
        },
        // The thread stops at its next look and reports `Cancelled`.
        Some(Import::Running { .. }) if action == Action::Cancel => {
            return vec![Effect::CancelImport];
        }
        Some(Import::Running { .. }) => {}
        Some(Import::Result { scroll, .. }) => {
            let max = total.saturating_sub(page);
            match action {
                Action::Up => *scroll = scroll.saturating_sub(1),
                Action::Down => *scroll = (*scroll + 1).min(max),
                Action::PageUp => *scroll = scroll.saturating_sub(page),
                Action::PageDown => *scroll = (*scroll + page).min(max),
                Action::First => *scroll = 0,
                Action::Last => *scroll = max,
                Action::Activate | Action::Cancel => *panel = None,
                _ => {}
            }
        }
        None => {}
    }
    Vec::new()
}

/// The import starts on the driver's thread, from the draft as it is now (an empty one
/// from the Start screen).
fn start(
    panel: &mut Option<Import>,
    cx: &mut Ctx,
    typed: String,
    customer: Option<String>,
) -> Vec<Effect> {
    let base = cx
        .draft
        .as_ref()
        .map_or_else(|| Profile::new(""), |d| d.profile.clone());
    *panel = Some(Import::Running {
        typed: typed.clone(),
        progress: ImportProgress::default(),
    });
    vec![Effect::ImportFiles {
        typed,
        customer,
        base: Box::new(base),
    }]
}

pub(crate) fn edit(panel: &mut Option<Import>, op: EditOp) -> Vec<Effect> {
    match panel {
        Some(Import::Path(field)) | Some(Import::Customer { field, .. }) => field.apply(&op),
        _ => {}
    }
    Vec::new()
}

/// The import thread's progress, shown while it runs.
pub(crate) fn on_progress(panel: &mut Option<Import>, now: ImportProgress) -> Vec<Effect> {
    if let Some(Import::Running { progress, .. }) = panel {
        *progress = now;
    }
    Vec::new()
}

/// The import thread is done: into the draft (saved), or into a new draft from the Start
/// screen; or refused, cancelled, or asking for the customer of a concealed report.
pub(crate) fn on_finished(
    panel: &mut Option<Import>,
    cx: &mut Ctx,
    paths: Vec<PathBuf>,
    customer: Option<String>,
    finished: Finished,
) -> Vec<Effect> {
    // Closed meanwhile (the draft was left): the result is not wanted.
    let Some(Import::Running { typed, .. }) = panel else {
        return Vec::new();
    };
    let typed = typed.clone();
    match finished {
        Finished::Done { summary, profile } => {
            let Some(d) = &mut cx.draft else {
                return into_new_draft(panel, paths, summary, *profile);
            };
            d.edit(|p| *p = *profile);
            show(panel, paths, Outcome::Imported(summary));
            vec![Effect::Save]
        }
        Finished::Refused(errors) => {
            let cancelled = errors.iter().any(|e| e.error == ImportError::Cancelled);
            let needs_customer = customer.is_none()
                && !errors.is_empty()
                && errors
                    .iter()
                    .all(|e| e.error == ImportError::ConcealedNeedsCustomer);
            if cancelled {
                show(panel, paths, Outcome::Cancelled);
            } else if needs_customer {
                *panel = Some(Import::Customer {
                    typed,
                    field: TextField::default(),
                });
            } else {
                show(panel, paths, Outcome::Refused(errors));
            }
            Vec::new()
        }
        Finished::Unreadable(error) => {
            show(panel, paths, Outcome::Unreadable(error));
            Vec::new()
        }
    }
}

/// A file already read (a test, or a paste of a whole file): imported at once, alone.
pub(crate) fn on_read(
    panel: &mut Option<Import>,
    cx: &mut Ctx,
    path: PathBuf,
    bytes: &[u8],
) -> Vec<Effect> {
    let mut profile = cx
        .draft
        .as_ref()
        .map_or_else(|| Profile::new(""), |d| d.profile.clone());
    let input = Input {
        name: path.display().to_string(),
        size: bytes.len() as u64,
        reader: Box::new(std::io::Cursor::new(bytes.to_vec())),
    };
    let result = import_files(
        vec![input],
        &mut profile,
        &RunOptions::default(),
        &Progress::new(),
    );
    let finished = match result {
        Ok(summary) => Finished::Done {
            summary,
            profile: Box::new(profile),
        },
        Err(errors) => Finished::Refused(errors),
    };
    *panel = Some(Import::Running {
        typed: path.display().to_string(),
        progress: ImportProgress::default(),
    });
    on_finished(panel, cx, vec![path], None, finished)
}

/// From the Start screen: the customers and people go into a new draft named after the
/// first file (the store numbers the name when taken), created and opened like a new
/// assessment. The result is shown now and stays over the draft's first step once it
/// opens.
fn into_new_draft(
    panel: &mut Option<Import>,
    paths: Vec<PathBuf>,
    summary: RunSummary,
    profile: Profile,
) -> Vec<Effect> {
    let name = paths
        .first()
        .and_then(|p| p.file_stem())
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    show(panel, paths, Outcome::Imported(summary));
    vec![Effect::Create {
        name,
        beside: None,
        customers: profile.customers,
        staff: profile.staff,
    }]
}

/// The new draft of an import from the Start screen could not be made: nothing imported.
pub(crate) fn on_create_failed(panel: &mut Option<Import>, error: Arc<StoreError>) -> Vec<Effect> {
    if let Some(Import::Result { outcome, .. }) = panel {
        *outcome = Outcome::Unreadable(error);
    }
    Vec::new()
}

pub(crate) fn on_unreadable(
    panel: &mut Option<Import>,
    path: PathBuf,
    error: Arc<StoreError>,
) -> Vec<Effect> {
    show(panel, vec![path], Outcome::Unreadable(error));
    Vec::new()
}

fn show(panel: &mut Option<Import>, paths: Vec<PathBuf>, outcome: Outcome) {
    *panel = Some(Import::Result {
        paths,
        outcome,
        scroll: 0,
    });
}

/// The result as drawn: every sentence wrapped to the panel's width. Scrolling counts these.
fn lines(panel: &Option<Import>, draft_open: bool, loc: &Locale, body: Rect) -> Vec<String> {
    let Some(Import::Result { paths, outcome, .. }) = panel else {
        return Vec::new();
    };
    let inner = panel_area(body, u16::MAX).width.saturating_sub(4);
    let room = usize::from(inner).max(10);
    let mut out = Vec::new();
    let new_draft = !draft_open;
    for (i, sentence) in sentences(loc, paths, outcome, new_draft).iter().enumerate() {
        // Lines after the headline are indented under it.
        let indent = if i == 0 { "" } else { "  " };
        out.extend(wrap_indented(&format!("{indent}{sentence}"), room));
    }
    out
}

/// The panel over the body: the whole body but a margin, or `rows` of content high.
fn panel_area(body: Rect, rows: u16) -> Rect {
    let height = rows.saturating_add(2).min(body.height);
    Rect::new(body.x, body.y, body.width, height)
}

fn page_rows(body: Rect) -> usize {
    usize::from(panel_area(body, u16::MAX).height.saturating_sub(2))
}
