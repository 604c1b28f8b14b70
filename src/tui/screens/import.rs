//! Files in: a path field taking several files (our customers or staff CSV, Microsoft's
//! usage, activations and training reports), the import running with its progress, then
//! what it did (the summary, or every bad row) in a panel that scrolls. The driver runs the
//! import on its own thread (`Effect::ImportFiles`), so keys are read all along and Esc
//! stops it; the import is all or nothing. On the Customers screen the result goes into
//! the draft and is saved (`Effect::Save`); on the Start screen (no draft open) it goes
//! into a new draft named after the first file (`Effect::Create`), which then opens showing
//! the result. A failed or cancelled import changes and creates nothing.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Block;

use super::super::app::{Effect, Mode, Model};
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

/// The import in progress (`Model::import`).
#[derive(Debug, Clone, PartialEq, Eq)]
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

/// How far a running import is: which file, rows read, share of the file read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportProgress {
    pub file: String,
    pub rows: u64,
    pub percent: u8,
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

impl PartialEq for Outcome {
    fn eq(&self, other: &Outcome) -> bool {
        match (self, other) {
            (Outcome::Imported(a), Outcome::Imported(b)) => a == b,
            (Outcome::Refused(a), Outcome::Refused(b)) => a == b,
            (Outcome::Unreadable(a), Outcome::Unreadable(b)) => Arc::ptr_eq(a, b),
            (Outcome::Cancelled, Outcome::Cancelled) => true,
            _ => false,
        }
    }
}

impl Eq for Outcome {}

/// What the driver's import thread hands back.
#[derive(Debug, Clone)]
pub enum Finished {
    /// Every file read: the draft as it is with them.
    Done {
        summary: RunSummary,
        profile: Box<Profile>,
    },
    Refused(Vec<FileError>),
    Unreadable(Arc<StoreError>),
}

pub fn mode(import: &Import) -> Mode {
    match import {
        Import::Path(_) | Import::Customer { .. } => Mode::Editing,
        Import::Running { .. } | Import::Result { .. } => Mode::Picker,
    }
}

pub fn key_table(import: &Import) -> &'static [Binding] {
    match import {
        Import::Path(_) | Import::Customer { .. } => keys::IMPORT_PATH,
        Import::Running { .. } => keys::IMPORT_RUNNING,
        Import::Result { .. } => keys::IMPORT_RESULT,
    }
}

/// Opens the path field.
pub fn open(model: &mut Model) {
    model.import = Some(Import::Path(TextField::default()));
}

pub fn on_action(model: &mut Model, action: Action) -> Vec<Effect> {
    let page = page_rows(model).max(1);
    let total = lines(model).len();
    match &mut model.import {
        Some(Import::Path(field)) => match action {
            Action::Activate => {
                let typed = field.text().trim().to_string();
                if typed.is_empty() {
                    return Vec::new();
                }
                return start(model, typed, None);
            }
            Action::Cancel => model.import = None,
            _ => {}
        },
        Some(Import::Customer { typed, field }) => match action {
            Action::Activate => {
                let customer = field.text().trim().to_string();
                if customer.is_empty() {
                    return Vec::new();
                }
                let typed = typed.clone();
                return start(model, typed, Some(customer));
            }
            Action::Cancel => model.import = None,
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
                Action::Activate | Action::Cancel => model.import = None,
                _ => {}
            }
        }
        None => {}
    }
    Vec::new()
}

/// The import starts on the driver's thread, from the draft as it is now (an empty one
/// from the Start screen).
fn start(model: &mut Model, typed: String, customer: Option<String>) -> Vec<Effect> {
    let base = model
        .draft
        .as_ref()
        .map_or_else(|| Profile::new(""), |d| d.profile.clone());
    model.import = Some(Import::Running {
        typed: typed.clone(),
        progress: ImportProgress::default(),
    });
    vec![Effect::ImportFiles {
        typed,
        customer,
        base: Box::new(base),
    }]
}

pub fn edit(model: &mut Model, op: EditOp) -> Vec<Effect> {
    match &mut model.import {
        Some(Import::Path(field)) | Some(Import::Customer { field, .. }) => field.apply(&op),
        _ => {}
    }
    Vec::new()
}

/// The import thread's progress, shown while it runs.
pub fn on_progress(model: &mut Model, now: ImportProgress) -> Vec<Effect> {
    if let Some(Import::Running { progress, .. }) = &mut model.import {
        *progress = now;
    }
    Vec::new()
}

/// The import thread is done: into the draft (saved), or into a new draft from the Start
/// screen; or refused, cancelled, or asking for the customer of a concealed report.
pub fn on_finished(
    model: &mut Model,
    paths: Vec<PathBuf>,
    customer: Option<String>,
    finished: Finished,
) -> Vec<Effect> {
    // Closed meanwhile (the draft was left): the result is not wanted.
    let Some(Import::Running { typed, .. }) = &model.import else {
        return Vec::new();
    };
    let typed = typed.clone();
    match finished {
        Finished::Done { summary, profile } => {
            let Some(d) = &mut model.draft else {
                return into_new_draft(model, paths, summary, *profile);
            };
            d.edit(|p| *p = *profile);
            show(model, paths, Outcome::Imported(summary));
            super::customers::keep_selection_visible(model);
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
                show(model, paths, Outcome::Cancelled);
            } else if needs_customer {
                model.import = Some(Import::Customer {
                    typed,
                    field: TextField::default(),
                });
            } else {
                show(model, paths, Outcome::Refused(errors));
            }
            Vec::new()
        }
        Finished::Unreadable(error) => {
            show(model, paths, Outcome::Unreadable(error));
            Vec::new()
        }
    }
}

/// A file already read (a test, or a paste of a whole file): imported at once, alone.
pub fn on_read(model: &mut Model, path: PathBuf, bytes: &[u8]) -> Vec<Effect> {
    let mut profile = model
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
    model.import = Some(Import::Running {
        typed: path.display().to_string(),
        progress: ImportProgress::default(),
    });
    on_finished(model, vec![path], None, finished)
}

/// From the Start screen: the customers and people go into a new draft named after the
/// first file (the store numbers the name when taken), created and opened like a new
/// assessment. The result is shown now and stays over the draft's first step once it
/// opens.
fn into_new_draft(
    model: &mut Model,
    paths: Vec<PathBuf>,
    summary: RunSummary,
    profile: Profile,
) -> Vec<Effect> {
    let name = paths
        .first()
        .and_then(|p| p.file_stem())
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    show(model, paths, Outcome::Imported(summary));
    vec![Effect::Create {
        name,
        beside: None,
        customers: profile.customers,
        staff: profile.staff,
    }]
}

/// The new draft of an import from the Start screen could not be made: nothing imported.
pub fn on_create_failed(model: &mut Model, error: Arc<StoreError>) -> Vec<Effect> {
    if let Some(Import::Result { outcome, .. }) = &mut model.import {
        *outcome = Outcome::Unreadable(error);
    }
    Vec::new()
}

pub fn on_unreadable(model: &mut Model, path: PathBuf, error: Arc<StoreError>) -> Vec<Effect> {
    show(model, vec![path], Outcome::Unreadable(error));
    Vec::new()
}

fn show(model: &mut Model, paths: Vec<PathBuf>, outcome: Outcome) {
    model.import = Some(Import::Result {
        paths,
        outcome,
        scroll: 0,
    });
}

/// The paths of a typed line: separated by spaces, a path with spaces in quotes (`"…"` or
/// `'…'`). A line that is one existing file as typed is that file, spaces and all.
pub fn split_paths(typed: &str, exists: impl Fn(&str) -> bool) -> Vec<String> {
    let typed = typed.trim();
    if exists(typed) {
        return vec![typed.to_string()];
    }
    let mut paths = Vec::new();
    let mut current = String::new();
    let mut quote: Option<char> = None;
    let mut quoted = false;
    for ch in typed.chars() {
        match (quote, ch) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => current.push(c),
            (None, '"' | '\'') => {
                quote = Some(ch);
                quoted = true;
            }
            (None, c) if c.is_whitespace() => {
                if !current.is_empty() || quoted {
                    paths.push(std::mem::take(&mut current));
                }
                quoted = false;
            }
            (None, c) => current.push(c),
        }
    }
    if !current.is_empty() || quoted {
        paths.push(current);
    }
    paths
}

/// The path typed, made absolute: `~` is the home folder, and a relative path starts from
/// `cwd` (the folder the program was started in).
pub fn expand(text: &str, home: Option<&Path>, cwd: &Path) -> PathBuf {
    let text = text.trim();
    let home_relative = match text {
        "~" => Some(""),
        t => t.strip_prefix("~/").or_else(|| {
            // Windows users type either separator.
            t.strip_prefix("~\\").filter(|_| cfg!(windows))
        }),
    };
    let path = match (home_relative, home) {
        (Some(rest), Some(home)) => home.join(rest),
        _ => PathBuf::from(text),
    };
    let path = if path.is_absolute() {
        path
    } else {
        cwd.join(path)
    };
    normalize(&path)
}

/// `a/./b/../c` as `a/c`, as a shell's `cd` reads it, so that the path shown is the one the
/// user means.
fn normalize(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push(part);
                }
            }
            other => out.push(other),
        }
    }
    out
}

/// The result panel's lines in the user's language, safe to show, before wrapping.
/// `new_draft`: the import was from the Start screen and created nothing.
fn sentences(loc: &Locale, paths: &[PathBuf], outcome: &Outcome, new_draft: bool) -> Vec<String> {
    let file = paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(loc.t("csv.list_separator"));
    let refused = if new_draft {
        "wizard.start_import.refused"
    } else {
        "wizard.import.refused"
    };
    let mut out = Vec::new();
    match outcome {
        Outcome::Imported(summary) => {
            out.push(loc.f("wizard.import.done", &[("path", &file)]));
            // One customers CSV alone reads as it always has: its summary, no heading.
            if let [only] = summary.files.as_slice()
                && let FileDetail::Customers(csv) = &only.detail
            {
                out.extend(words::summary_lines(loc, csv));
                out.extend(summary.stale.iter().map(|s| words::stale_line(loc, s)));
            } else {
                out.extend(words::run_summary_lines(loc, summary));
            }
        }
        Outcome::Refused(errors) => {
            out.push(loc.f(refused, &[("path", &file)]));
            for FileError { file, error } in errors {
                let mut lines = words::error_lines(loc, error);
                // The shared headline says nothing was imported, as the line above already
                // does: here it only counts the bad rows.
                if let ImportError::InvalidRows(rows) = error {
                    lines[0] = loc.plural(
                        "wizard.start_import.invalid_rows",
                        words::bad_lines(rows),
                        &[],
                    );
                }
                // Which file, when there are several.
                if paths.len() > 1 {
                    lines[0] = loc.f("csv.in_file", &[("file", file), ("message", &lines[0])]);
                }
                out.extend(lines);
            }
        }
        Outcome::Unreadable(error) => {
            out.push(loc.f(refused, &[("path", &file)]));
            out.push(crate::messages::store_error(loc, error));
        }
        Outcome::Cancelled if new_draft => out.push(loc.t("import.cancelled_new").to_string()),
        Outcome::Cancelled => out.push(loc.t("import.cancelled").to_string()),
    }
    out.into_iter().map(|l| visible(&l).into_owned()).collect()
}

/// The result as drawn: every sentence wrapped to the panel's width. Scrolling counts these.
fn lines(model: &Model) -> Vec<String> {
    let Some(Import::Result { paths, outcome, .. }) = &model.import else {
        return Vec::new();
    };
    let inner = panel(model.areas().body, u16::MAX).width.saturating_sub(4);
    let room = usize::from(inner).max(10);
    let mut out = Vec::new();
    let new_draft = model.draft.is_none();
    for (i, sentence) in sentences(model.loc(), paths, outcome, new_draft)
        .iter()
        .enumerate()
    {
        // Lines after the headline are indented under it.
        let indent = if i == 0 { "" } else { "  " };
        out.extend(wrap_indented(&format!("{indent}{sentence}"), room));
    }
    out
}

/// The panel over the body: the whole body but a margin, or `rows` of content high.
fn panel(body: Rect, rows: u16) -> Rect {
    let height = rows.saturating_add(2).min(body.height);
    Rect::new(body.x, body.y, body.width, height)
}

fn page_rows(model: &Model) -> usize {
    usize::from(panel(model.areas().body, u16::MAX).height.saturating_sub(2))
}

pub fn draw(model: &Model, theme: &Theme, frame: &mut Frame, body: Rect) {
    let Some(import) = &model.import else {
        return;
    };
    let loc = model.loc();
    // From the Start screen, until the new draft is open.
    let title = if model.draft.is_none() {
        "wizard.start_import.title"
    } else {
        "wizard.import.title"
    };
    match import {
        Import::Path(field) => draw_field(
            frame,
            theme,
            titled(loc, theme, title),
            body,
            field,
            loc.t("wizard.import.path_label"),
            &[loc.t("wizard.import.path_hint"), loc.t("import.path_hint")],
        ),
        Import::Customer { field, .. } => draw_field(
            frame,
            theme,
            titled(loc, theme, title),
            body,
            field,
            loc.t("import.customer_label"),
            &[loc.t("import.concealed_wizard")],
        ),
        Import::Running { typed, progress } => {
            let area = panel(body, 2);
            let block = titled(loc, theme, "import.progress_title");
            let inner = block.inner(area);
            super::super::widgets::overlay::clear(area, frame.buffer_mut());
            frame.render_widget(block, area);
            let file = if progress.file.is_empty() {
                typed.as_str()
            } else {
                progress.file.as_str()
            };
            let line = loc.f(
                "import.progress",
                &[
                    ("file", &file),
                    ("rows", &thousands(progress.rows)),
                    ("percent", &progress.percent),
                ],
            );
            let w = inner.width.saturating_sub(2);
            let buf = frame.buffer_mut();
            for (i, (text, style)) in [
                (visible(&line).into_owned(), theme.plain),
                (loc.t("import.cancel_hint").to_string(), theme.dim),
            ]
            .iter()
            .enumerate()
            .take(usize::from(inner.height))
            {
                buf.set_line(
                    inner.x + 1,
                    inner.y + i as u16,
                    &Line::styled(fit(text, usize::from(w)), *style),
                    w,
                );
            }
        }
        Import::Result {
            outcome, scroll, ..
        } => {
            let all = lines(model);
            let area = panel(body, all.len() as u16);
            let block = titled(loc, theme, title);
            let inner = block.inner(area);
            super::super::widgets::overlay::clear(area, frame.buffer_mut());
            frame.render_widget(block, area);
            let style = match outcome {
                Outcome::Imported(_) => theme.plain,
                _ => theme.error,
            };
            let buf = frame.buffer_mut();
            let w = inner.width.saturating_sub(2);
            for (i, text) in all
                .iter()
                .skip(*scroll)
                .take(usize::from(inner.height))
                .enumerate()
            {
                let line_style = if *scroll + i == 0 {
                    style.patch(theme.heading)
                } else {
                    theme.plain
                };
                buf.set_line(
                    inner.x + 1,
                    inner.y + i as u16,
                    &Line::styled(fit(text, usize::from(w)), line_style),
                    w,
                );
            }
            // Where in a long result the view is, so that more lines below are not missed.
            if all.len() > usize::from(inner.height) && inner.height > 0 {
                let shown_to = (*scroll + usize::from(inner.height)).min(all.len());
                let position = loc.f(
                    "wizard.import.position",
                    &[
                        ("from", &thousands((*scroll + 1) as u64)),
                        ("to", &thousands(shown_to as u64)),
                        ("total", &thousands(all.len() as u64)),
                    ],
                );
                let text = format!(" {position} ");
                let width = crate::text::width(&text) as u16;
                let x = area.right().saturating_sub(width + 2).max(area.x);
                buf.set_string(x, area.bottom() - 1, text, theme.dim);
            }
        }
    }
}

/// A text field in a panel: a label above it, hints below as room allows.
fn draw_field(
    frame: &mut Frame,
    theme: &Theme,
    block: Block,
    body: Rect,
    field: &TextField,
    label: &str,
    hints: &[&str],
) {
    let area = panel(body, 2 + hints.len() as u16);
    let inner = block.inner(area);
    super::super::widgets::overlay::clear(area, frame.buffer_mut());
    frame.render_widget(block, area);
    if inner.height < 2 {
        return;
    }
    let w = inner.width.saturating_sub(2);
    let buf = frame.buffer_mut();
    buf.set_line(
        inner.x + 1,
        inner.y,
        &Line::styled(fit(label, usize::from(w)), theme.plain),
        w,
    );
    let field_area = Rect::new(inner.x + 1, inner.y + 1, w, 1);
    buf.set_style(field_area, theme.field);
    let cursor = field.draw(field_area, buf, theme.field);
    for (i, hint) in hints.iter().enumerate() {
        let y = 2 + i as u16;
        if y >= inner.height {
            break;
        }
        buf.set_line(
            inner.x + 1,
            inner.y + y,
            &Line::styled(fit(hint, usize::from(w)), theme.dim),
            w,
        );
    }
    if let Some(pos) = cursor {
        frame.set_cursor_position(pos);
    }
}

fn titled<'a>(loc: &'a Locale, theme: &Theme, title: &str) -> Block<'a> {
    Block::bordered().title(Span::styled(format!(" {} ", loc.t(title)), theme.heading))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_expanded() {
        let home = Path::new("/home/mei");
        let cwd = Path::new("/work");
        assert_eq!(expand("~", Some(home), cwd), PathBuf::from("/home/mei"));
        assert_eq!(
            expand(" ~/客戶.csv ", Some(home), cwd),
            PathBuf::from("/home/mei/客戶.csv")
        );
        assert_eq!(
            expand("a/b.csv", Some(home), cwd),
            PathBuf::from("/work/a/b.csv")
        );
        assert_eq!(
            expand("../tmp/./x.csv", Some(home), cwd),
            PathBuf::from("/tmp/x.csv")
        );
        assert_eq!(
            expand("/tmp/x.csv", Some(home), cwd),
            PathBuf::from("/tmp/x.csv")
        );
        // `~user` is not expanded, and without a home `~` is a plain name.
        assert_eq!(
            expand("~bob/x", Some(home), cwd),
            PathBuf::from("/work/~bob/x")
        );
        assert_eq!(expand("~/x", None, cwd), PathBuf::from("/work/~/x"));
    }
}
