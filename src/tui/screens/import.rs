//! Customers in from a CSV file: a path field, then what the import did (the summary, or
//! every bad row) in a panel that scrolls. The driver reads the file (`Effect::ImportCsv`);
//! the import itself is pure and runs here, all or nothing. On the Customers screen it goes
//! into the draft and is saved (`Effect::Save`); on the Start screen (no draft open) it goes
//! into a new draft named after the file (`Effect::Create`), which then opens showing the
//! result. A failed import creates nothing.

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
use crate::import::{ImportError, ImportSummary, import_csv, words};
use crate::profile::Profile;
use crate::store::StoreError;
use crate::text::visible;

/// The import in progress (`Model::import`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Import {
    /// The path of the file being typed.
    Path(TextField),
    /// What the import did, shown until closed.
    Result {
        path: PathBuf,
        outcome: Outcome,
        /// First line shown of the (wrapped) result.
        scroll: usize,
    },
}

#[derive(Debug, Clone)]
pub enum Outcome {
    Imported(ImportSummary),
    /// Nothing was imported: the file has bad rows or is not a customer list.
    Refused(ImportError),
    /// The file could not be read at all (or, from the Start screen, the new draft could not
    /// be made).
    Unreadable(Arc<StoreError>),
}

impl PartialEq for Outcome {
    fn eq(&self, other: &Outcome) -> bool {
        match (self, other) {
            (Outcome::Imported(a), Outcome::Imported(b)) => a == b,
            (Outcome::Refused(a), Outcome::Refused(b)) => a == b,
            (Outcome::Unreadable(a), Outcome::Unreadable(b)) => Arc::ptr_eq(a, b),
            _ => false,
        }
    }
}

impl Eq for Outcome {}

pub fn mode(import: &Import) -> Mode {
    match import {
        Import::Path(_) => Mode::Editing,
        Import::Result { .. } => Mode::Picker,
    }
}

pub fn key_table(import: &Import) -> &'static [Binding] {
    match import {
        Import::Path(_) => keys::IMPORT_PATH,
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
                let text = field.text().trim().to_string();
                if text.is_empty() {
                    return Vec::new();
                }
                return vec![Effect::ImportCsv(text)];
            }
            Action::Cancel => model.import = None,
            _ => {}
        },
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

pub fn edit(model: &mut Model, op: EditOp) -> Vec<Effect> {
    if let Some(Import::Path(field)) = &mut model.import {
        field.apply(&op);
    }
    Vec::new()
}

/// The file was read: import it into the draft, all or nothing, and save on success.
pub fn on_read(model: &mut Model, path: PathBuf, bytes: &[u8]) -> Vec<Effect> {
    let Some(d) = &mut model.draft else {
        return into_new_draft(model, path, bytes);
    };
    let mut profile = d.profile.clone();
    let (outcome, effects) = match import_csv(bytes, &mut profile) {
        Ok(summary) => {
            d.edit(|p| *p = profile);
            (Outcome::Imported(summary), vec![Effect::Save])
        }
        Err(error) => (Outcome::Refused(error), Vec::new()),
    };
    show(model, path, outcome);
    super::customers::keep_selection_visible(model);
    effects
}

/// From the Start screen: the customers go into a new draft named after the file (the
/// store numbers the name when taken), created and opened like a new assessment. The
/// result is shown now and stays over the draft's first step once it opens.
fn into_new_draft(model: &mut Model, path: PathBuf, bytes: &[u8]) -> Vec<Effect> {
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut profile = Profile::new(name);
    let (outcome, effects) = match import_csv(bytes, &mut profile) {
        Ok(summary) => (
            Outcome::Imported(summary),
            vec![Effect::Create {
                name: profile.name,
                beside: None,
                customers: profile.customers,
            }],
        ),
        Err(error) => (Outcome::Refused(error), Vec::new()),
    };
    show(model, path, outcome);
    effects
}

/// The new draft of an import from the Start screen could not be made: nothing imported.
pub fn on_create_failed(model: &mut Model, error: Arc<StoreError>) -> Vec<Effect> {
    if let Some(Import::Result { outcome, .. }) = &mut model.import {
        *outcome = Outcome::Unreadable(error);
    }
    Vec::new()
}

pub fn on_unreadable(model: &mut Model, path: PathBuf, error: Arc<StoreError>) -> Vec<Effect> {
    show(model, path, Outcome::Unreadable(error));
    Vec::new()
}

fn show(model: &mut Model, path: PathBuf, outcome: Outcome) {
    model.import = Some(Import::Result {
        path,
        outcome,
        scroll: 0,
    });
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
fn sentences(loc: &Locale, path: &Path, outcome: &Outcome, new_draft: bool) -> Vec<String> {
    let file = path.display().to_string();
    let refused = if new_draft {
        "wizard.start_import.refused"
    } else {
        "wizard.import.refused"
    };
    let mut out = Vec::new();
    match outcome {
        Outcome::Imported(summary) => {
            out.push(loc.f("wizard.import.done", &[("path", &file)]));
            out.extend(words::summary_lines(loc, summary));
        }
        Outcome::Refused(error) => {
            out.push(loc.f(refused, &[("path", &file)]));
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
            out.extend(lines);
        }
        Outcome::Unreadable(error) => {
            out.push(loc.f(refused, &[("path", &file)]));
            out.push(crate::messages::store_error(loc, error));
        }
    }
    out.into_iter().map(|l| visible(&l).into_owned()).collect()
}

/// The result as drawn: every sentence wrapped to the panel's width. Scrolling counts these.
fn lines(model: &Model) -> Vec<String> {
    let Some(Import::Result { path, outcome, .. }) = &model.import else {
        return Vec::new();
    };
    let inner = panel(model.areas().body, u16::MAX).width.saturating_sub(4);
    let room = usize::from(inner).max(10);
    let mut out = Vec::new();
    let new_draft = model.draft.is_none();
    for (i, sentence) in sentences(model.loc(), path, outcome, new_draft)
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
        Import::Path(field) => {
            let area = panel(body, 3);
            let block = titled(loc, theme, title);
            let inner = block.inner(area);
            super::super::widgets::overlay::clear(area, frame.buffer_mut());
            frame.render_widget(block, area);
            if inner.height < 2 {
                return;
            }
            let label = loc.t("wizard.import.path_label");
            let buf = frame.buffer_mut();
            buf.set_line(
                inner.x + 1,
                inner.y,
                &Line::styled(
                    fit(label, usize::from(inner.width.saturating_sub(2))),
                    theme.plain,
                ),
                inner.width.saturating_sub(2),
            );
            let field_area = Rect::new(inner.x + 1, inner.y + 1, inner.width.saturating_sub(2), 1);
            buf.set_style(field_area, theme.field);
            let cursor = field.draw(field_area, buf, theme.field);
            if inner.height >= 3 {
                let hint = loc.t("wizard.import.path_hint");
                buf.set_line(
                    inner.x + 1,
                    inner.y + 2,
                    &Line::styled(
                        fit(hint, usize::from(inner.width.saturating_sub(2))),
                        theme.dim,
                    ),
                    inner.width.saturating_sub(2),
                );
            }
            if let Some(pos) = cursor {
                frame.set_cursor_position(pos);
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
