//! Start: a new assessment (asks for a name), a new one from a CSV file of customers
//! (`import`), or one of the saved drafts: open, rename, duplicate ("what if" copy), delete
//! (after confirmation). A draft open elsewhere is
//! offered read-only; a draft that cannot be read is shown with the reason and a fresh
//! start beside it.
//!
//! The list's actions are the `START` key table plus the match in `on_action`; each question
//! asked (`Prompt`) has its own key table, so footer and help follow it.

mod draw;
mod prompt;

pub(crate) use draw::draw;
use prompt::{ask_about_selected, prompt_action};

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::tui::canvas::Canvas;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::super::keys::{self, Action, Binding};
use super::super::theme::Theme;
use super::super::widgets::table::{self, Column, TableView};
use super::super::widgets::table_nav;
use super::super::widgets::text_field::{EditOp, TextField};
use super::search::Searchable;
use crate::i18n::Locale;
use crate::messages::store_error;
use crate::report::phrases::tier_name;
use crate::store::StoreError;
use crate::text::visible;
use crate::tui::context::{Ctx, Go, ViewCtx};
use crate::tui::effect::Effect;
use crate::tui::mode::Mode;
use crate::tui::msg::DraftSummary;
use crate::tui::note::{DraftNote, Note};

#[derive(Debug, Clone, Default)]
pub struct State {
    /// 0 is "new assessment"; 1.. are the drafts.
    pub selected: usize,
    pub(crate) offset: usize,
    /// The name being typed for a new assessment.
    pub naming: Option<TextField>,
    pub name_missing: bool,
    /// Where the new assessment goes when it is a fresh start beside a draft that cannot be
    /// read (None: the drafts folder).
    pub(crate) beside: Option<PathBuf>,
    pub drafts: Vec<DraftSummary>,
    /// The folder is still being read (just after the first frame): not yet "no drafts".
    pub listing: bool,
    /// While listing: how many drafts are read, of how many (None: not counted yet).
    pub(crate) reading: Option<(usize, usize)>,
    /// A question about one draft, over the list.
    pub prompt: Option<Prompt>,
    /// The draft to select when the list comes back (after a rename or a copy).
    pub(crate) select_path: Option<PathBuf>,
    /// The drafts folder cannot be written in: drafts open read-only, and creating,
    /// renaming, copying and deleting are not offered.
    pub(crate) folder_read_only: bool,
    /// The drafts folder, named under the list.
    pub(crate) folder: PathBuf,
}

/// What the name typed over the list is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameFor {
    Rename,
    Copy,
}

impl NameFor {
    fn effect(self, path: PathBuf, name: String) -> Effect {
        match self {
            NameFor::Rename => Effect::Rename { path, name },
            NameFor::Copy => Effect::Duplicate { path, name },
        }
    }

    fn keys(self) -> &'static [Binding] {
        match self {
            NameFor::Rename => keys::RENAMING,
            NameFor::Copy => keys::DUPLICATING,
        }
    }

    /// The locale keys of the field's label and hint.
    fn words(self) -> (&'static str, &'static str) {
        match self {
            NameFor::Rename => ("wizard.drafts.rename_label", "wizard.drafts.rename_hint"),
            NameFor::Copy => (
                "wizard.drafts.duplicate_label",
                "wizard.drafts.duplicate_hint",
            ),
        }
    }
}

/// A question about one draft.
#[derive(Debug, Clone)]
pub enum Prompt {
    /// A name is typed: its new name, or its copy's.
    Name {
        purpose: NameFor,
        path: PathBuf,
        name: String,
        field: TextField,
        /// Enter was pressed with no name typed.
        missing: bool,
    },
    /// Delete it? y/n.
    Delete { path: PathBuf, name: String },
    /// It is open in another program: open read-only, or cancel.
    Locked {
        path: PathBuf,
        error: Arc<StoreError>,
    },
    /// It cannot be read: why, and a fresh start beside it or another draft.
    Broken {
        path: PathBuf,
        error: Arc<StoreError>,
    },
    /// It is being read on another thread; Esc stops waiting for it. Said on screen only
    /// once it takes more than a moment (`shown`), so a quick open does not flicker.
    Opening {
        path: PathBuf,
        name: String,
        shown: bool,
    },
}

pub(crate) fn mode(s: &State) -> Mode {
    match &s.prompt {
        Some(Prompt::Name { .. }) => Mode::Editing,
        Some(_) => Mode::Confirm,
        None if s.naming.is_some() => Mode::Editing,
        None => Mode::Normal,
    }
}

/// The key table of the question being asked, when there is one of this screen's own.
pub(crate) fn prompt_key_tables(s: &State) -> Option<Vec<&'static [Binding]>> {
    let table: &'static [Binding] = match s.prompt.as_ref()? {
        Prompt::Name { purpose, .. } => purpose.keys(),
        Prompt::Delete { .. } => keys::CONFIRM,
        Prompt::Locked { .. } => keys::LOCKED,
        Prompt::Broken { .. } => keys::BROKEN,
        Prompt::Opening { .. } => keys::OPENING,
    };
    Some(vec![table])
}

pub(crate) fn set_drafts(s: &mut State, drafts: Vec<DraftSummary>, body: Rect) {
    let selected_path = s
        .selected
        .checked_sub(1)
        .and_then(|i| s.drafts.get(i))
        .map(|d| d.path.clone());
    s.drafts = drafts;
    s.listing = false;
    s.reading = None;
    if let Some(path) = selected_path
        && let Some(i) = s.drafts.iter().position(|d| d.path == path)
    {
        // The draft chosen while the list was filling in stays chosen.
        s.selected = i + 1;
    }
    if let Some(path) = s.select_path.take()
        && let Some(i) = s.drafts.iter().position(|d| d.path == path)
    {
        s.selected = i + 1;
    }
    s.selected = s.selected.min(s.drafts.len());
    s.offset = s.offset.min(s.drafts.len().saturating_sub(1));
    keep_selection_visible(s, body);
}

/// Part of the list while the folder is still being read: shown and chosen from at once,
/// the choice kept as drafts are put in above it.
pub(crate) fn set_drafts_so_far(
    s: &mut State,
    drafts: Vec<DraftSummary>,
    read: usize,
    total: usize,
    body: Rect,
) {
    let select_path = s.select_path.take();
    set_drafts(s, drafts, body);
    s.select_path = select_path;
    s.listing = true;
    s.reading = Some((read, total));
}

/// Selects the draft at `path` in the list, when it is there.
fn select(s: &mut State, path: &Path, body: Rect) {
    if let Some(i) = s.drafts.iter().position(|d| d.path == path) {
        s.selected = i + 1;
        keep_selection_visible(s, body);
    }
}

/// Back on the Start screen, asking whether to open `path` read-only.
pub(crate) fn ask_locked(s: &mut State, path: PathBuf, error: Arc<StoreError>, body: Rect) {
    s.naming = None;
    select(s, &path, body);
    s.prompt = Some(Prompt::Locked { path, error });
}

/// `path` is being opened on another thread: keys wait for Esc (stop) until it is open.
pub(crate) fn opening(s: &mut State, path: PathBuf) {
    let name = s
        .drafts
        .iter()
        .find(|d| d.path == path)
        .map(|d| d.name.clone())
        .or_else(|| path.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .unwrap_or_default();
    s.naming = None;
    s.prompt = Some(Prompt::Opening {
        path,
        name,
        shown: false,
    });
}

/// The draft being opened takes more than a moment: say so.
pub(crate) fn opening_is_slow(s: &mut State) {
    if let Some(Prompt::Opening { shown, .. }) = &mut s.prompt {
        *shown = true;
    }
}

/// Back on the Start screen, showing why `path` cannot be read.
pub(crate) fn show_broken(s: &mut State, path: PathBuf, error: Arc<StoreError>, body: Rect) {
    s.naming = None;
    select(s, &path, body);
    s.prompt = Some(Prompt::Broken { path, error });
}

/// A draft of the list was renamed, copied or deleted (or that failed): say so, list again.
pub(crate) fn drafts_changed(s: &mut State, cx: &mut Ctx, note: DraftNote) -> Vec<Effect> {
    match &note {
        DraftNote::Renamed { path, .. } | DraftNote::Duplicated { path, .. } => {
            s.select_path = Some(path.clone());
        }
        _ => {}
    }
    cx.tell(Note::Drafts(note));
    vec![Effect::ListDrafts]
}

fn item_count(s: &State) -> usize {
    s.drafts.len() + 1
}

pub(crate) fn on_action(s: &mut State, cx: &mut Ctx, action: Action) -> Vec<Effect> {
    if s.prompt.is_some() {
        return prompt_action(s, action);
    }
    if s.naming.is_some() {
        return naming_action(s, action);
    }
    if refused_in_read_only_folder(s, action)
        || (action == Action::Activate && s.folder_read_only && s.selected == 0)
    {
        cx.tell(Note::FolderReadOnly(s.folder.clone()));
        return Vec::new();
    }
    let page = TableView::visible_rows(geometry(cx.body).table);
    let rows = item_count(s);
    if table_nav::move_row(&mut s.selected, action, rows, page) {
        keep_selection_visible(s, cx.body);
        return Vec::new();
    }
    match action {
        Action::New => start_naming(s),
        Action::Import => cx.go(Go::Import),
        Action::Activate => return activate(s),
        Action::Cancel => return vec![Effect::Quit],
        Action::Rename | Action::Duplicate | Action::Delete => ask_about_selected(s, cx, action),
        _ => {}
    }
    keep_selection_visible(s, cx.body);
    Vec::new()
}

/// What cannot work in a drafts folder that cannot be written in.
pub(crate) fn refused_in_read_only_folder(s: &State, action: Action) -> bool {
    s.folder_read_only
        && s.prompt.is_none()
        && s.naming.is_none()
        && matches!(
            action,
            Action::New | Action::Import | Action::Rename | Action::Duplicate | Action::Delete
        )
}

fn start_naming(s: &mut State) {
    s.selected = 0;
    s.naming = Some(TextField::default());
    s.name_missing = false;
    s.beside = None;
}

fn activate(s: &mut State) -> Vec<Effect> {
    match s.selected {
        0 => {
            start_naming(s);
            Vec::new()
        }
        i => match s.drafts.get(i - 1) {
            Some(d) => vec![Effect::Open(d.path.clone())],
            None => Vec::new(),
        },
    }
}

fn naming_action(s: &mut State, action: Action) -> Vec<Effect> {
    match action {
        Action::Activate => {
            let name = s
                .naming
                .as_ref()
                .map(|f| f.text().trim().to_string())
                .unwrap_or_default();
            if name.is_empty() {
                s.name_missing = true;
                return Vec::new();
            }
            s.naming = None;
            vec![Effect::Create {
                name,
                beside: s.beside.take(),
                customers: Vec::new(),
                staff: Vec::new(),
            }]
        }
        Action::Cancel => {
            s.naming = None;
            s.name_missing = false;
            s.beside = None;
            Vec::new()
        }
        _ => Vec::new(),
    }
}

pub(crate) fn edit(s: &mut State, op: EditOp) -> Vec<Effect> {
    if let Some(Prompt::Name { field, missing, .. }) = &mut s.prompt {
        field.apply(&op);
        if op.changes_text() {
            *missing = false;
        }
        return Vec::new();
    }
    if let Some(field) = &mut s.naming {
        field.apply(&op);
        if op.changes_text() {
            s.name_missing = false;
        }
    }
    Vec::new()
}

/// Rows of the body: intro, blank, the "new" line, its message, blank, then the table.
struct Geometry {
    intro: Rect,
    new_line: Rect,
    message: Rect,
    table: Rect,
    folder: Rect,
}

fn geometry(body: Rect) -> Geometry {
    let line = |dy: u16| {
        Rect::new(
            body.x + 1,
            (body.y + dy).min(body.bottom()),
            body.width.saturating_sub(2),
            u16::from(body.y + dy < body.bottom()),
        )
    };
    let table_top = body.y + 5;
    let table_height = body.bottom().saturating_sub(table_top + 1);
    Geometry {
        intro: line(0),
        new_line: line(2),
        message: line(3),
        table: Rect::new(
            body.x + 3,
            table_top.min(body.bottom()),
            body.width.saturating_sub(4),
            table_height,
        ),
        folder: line(body.height.saturating_sub(1)),
    }
}

pub(crate) fn keep_selection_visible(s: &mut State, body: Rect) {
    let g = geometry(body);
    let rows = TableView::visible_rows(g.table);
    if s.selected > 0 {
        s.offset = table::scroll_to(s.offset, s.selected - 1, rows);
    }
}

pub(crate) fn on_click(s: &mut State, cx: &mut Ctx, column: u16, row: u16) -> Vec<Effect> {
    if s.naming.is_some() || s.prompt.is_some() {
        return Vec::new();
    }
    let g = geometry(cx.body);
    let _ = column;
    let target = if row == g.new_line.y && g.new_line.height > 0 {
        Some(0)
    } else if row > g.table.y && row < g.table.bottom() {
        let i = s.offset + usize::from(row - g.table.y - 1);
        (i < s.drafts.len()).then_some(i + 1)
    } else {
        None
    };
    match target {
        // A click on the selected line opens it; on another line, selects it.
        Some(t) if t == s.selected => activate(s),
        Some(t) => {
            s.selected = t;
            Vec::new()
        }
        None => Vec::new(),
    }
}

/// The list of drafts as `/` searches it (without its "new assessment" row).
pub(crate) struct Rows<'a> {
    pub(crate) state: &'a mut State,
    pub(crate) body: Rect,
}

impl Searchable for Rows<'_> {
    fn names(&self) -> Vec<String> {
        self.state.drafts.iter().map(|d| d.name.clone()).collect()
    }

    fn selected(&self) -> usize {
        self.state.selected.saturating_sub(1)
    }

    fn select(&mut self, row: usize) {
        if !self.state.drafts.is_empty() {
            self.state.selected = row.min(self.state.drafts.len() - 1) + 1;
            keep_selection_visible(self.state, self.body);
        }
    }
}

/// The draft selected in the list, if a draft is.
pub(crate) fn selected_draft(s: &State) -> Option<&DraftSummary> {
    s.selected.checked_sub(1).and_then(|i| s.drafts.get(i))
}
