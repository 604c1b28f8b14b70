//! Start: a new assessment (asks for a name), a new one from a CSV file of customers
//! (`import`), or one of the saved drafts: open, rename, duplicate ("what if" copy), delete
//! (after confirmation). A draft open elsewhere is
//! offered read-only; a draft that cannot be read is shown with the reason and a fresh
//! start beside it.
//!
//! The list's actions are the `START` key table plus the match in `on_action`; each question
//! asked (`Prompt`) has its own key table, so footer and help follow it.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::super::keys::{self, Action, Binding};
use super::super::theme::Theme;
use super::super::widgets::table::{self, Column, TableView};
use super::super::widgets::text_field::{EditOp, TextField};
use super::search::Searchable;
use crate::i18n::Locale;
use crate::messages::store_error;
use crate::report::phrases::tier_name;
use crate::store::StoreError;
use crate::text::visible;
use crate::tui::context::{Ctx, Go, ViewCtx};
use crate::tui::{DraftNote, DraftSummary, Effect, Mode, Note};

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
    let last = item_count(s) - 1;
    match action {
        Action::Up => s.selected = s.selected.saturating_sub(1),
        Action::Down => s.selected = (s.selected + 1).min(last),
        Action::First => s.selected = 0,
        Action::Last => s.selected = last,
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

/// Rename, duplicate or delete the selected draft: asks for the name, or for confirmation.
fn ask_about_selected(s: &mut State, cx: &mut Ctx, action: Action) {
    let Some(d) = s.selected.checked_sub(1).and_then(|i| s.drafts.get(i)) else {
        return;
    };
    let (path, name) = (d.path.clone(), d.name.clone());
    let (purpose, typed) = match action {
        Action::Rename => (NameFor::Rename, name.clone()),
        Action::Duplicate => (
            NameFor::Copy,
            cx.loc
                .f("wizard.drafts.copy_name", &[("name", &name.trim())]),
        ),
        _ => {
            s.prompt = Some(Prompt::Delete { path, name });
            return;
        }
    };
    s.prompt = Some(Prompt::Name {
        purpose,
        path,
        name,
        field: TextField::new(typed),
        missing: false,
    });
}

fn prompt_action(s: &mut State, action: Action) -> Vec<Effect> {
    let Some(prompt) = s.prompt.take() else {
        return Vec::new();
    };
    let keep = |s: &mut State, prompt| {
        s.prompt = Some(prompt);
        Vec::new()
    };
    match (prompt, action) {
        (
            Prompt::Name {
                purpose,
                path,
                name,
                field,
                ..
            },
            Action::Activate,
        ) => match typed_name(&field) {
            Some(new_name) => vec![purpose.effect(path, new_name)],
            None => keep(
                s,
                Prompt::Name {
                    purpose,
                    path,
                    name,
                    field,
                    missing: true,
                },
            ),
        },
        (Prompt::Delete { path, .. }, Action::Yes) => vec![Effect::Delete(path)],
        (Prompt::Locked { path, .. }, Action::OpenReadOnly) => vec![Effect::OpenReadOnly(path)],
        (Prompt::Broken { path, .. }, Action::New) => {
            // A fresh start beside the file, named after it; the file itself stays as it is.
            let stem = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            start_naming(s);
            s.naming = Some(TextField::new(stem));
            s.beside = path.parent().map(Path::to_path_buf);
            Vec::new()
        }
        (Prompt::Opening { .. }, Action::Cancel) => vec![Effect::StopOpening],
        (_, Action::Cancel | Action::No) => Vec::new(),
        (prompt, _) => keep(s, prompt),
    }
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

fn columns(loc: &Locale, width: u16) -> Vec<Column> {
    let changed = 16;
    let tier = 22.min(width / 3);
    let name = width.saturating_sub(changed + tier + 2 * table::GAP);
    vec![
        Column {
            title: loc.t("drafts.col_name").to_string(),
            width: name,
            right: false,
        },
        Column {
            title: loc.t("drafts.col_changed").to_string(),
            width: changed,
            right: false,
        },
        Column {
            title: loc.t("drafts.col_tier").to_string(),
            width: tier,
            right: false,
        },
    ]
}

/// The name typed into a rename or copy field, or None when it is blank.
fn typed_name(field: &TextField) -> Option<String> {
    let name = field.text().trim();
    (!name.is_empty()).then(|| name.to_string())
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

pub(crate) fn draw(s: &State, cx: &ViewCtx, frame: &mut Frame, body: Rect) {
    let (loc, theme) = (cx.loc, cx.theme);
    let g = geometry(body);
    let buf = frame.buffer_mut();
    buf.set_line(
        g.intro.x,
        g.intro.y,
        &Line::styled(loc.t("wizard.start.intro"), theme.plain),
        g.intro.width,
    );
    let mut cursor = None;
    if let Some(Prompt::Opening {
        name, shown: true, ..
    }) = &s.prompt
    {
        buf.set_line(
            g.message.x + 2,
            g.message.y,
            &Line::styled(
                loc.f("opening.progress", &[("name", &visible(name))]),
                theme.dim,
            ),
            g.message.width.saturating_sub(2),
        );
    }
    if let Some(Prompt::Delete { name, .. }) = &s.prompt {
        let question = loc.f("wizard.drafts.delete_question", &[("name", &visible(name))]);
        buf.set_line(
            g.new_line.x,
            g.new_line.y,
            &Line::styled(format!("! {question}"), theme.error),
            g.new_line.width,
        );
        buf.set_line(
            g.message.x + 2,
            g.message.y,
            &Line::styled(loc.t("wizard.drafts.delete_hint"), theme.dim),
            g.message.width.saturating_sub(2),
        );
    } else if let Some((label, field, missing, hint)) = field_prompt(s, loc) {
        let label = table::fit(&label, usize::from(g.new_line.width / 2));
        // A full-width colon (Chinese) has its space built in; ":" wants one.
        let gap = if label.ends_with('：') { "" } else { " " };
        let label_line = Line::from(vec![
            Span::raw("› "),
            Span::styled(label, theme.heading),
            Span::raw(gap),
        ]);
        let used = buf
            .set_line(g.new_line.x, g.new_line.y, &label_line, g.new_line.width)
            .0;
        let field_area = Rect::new(
            used,
            g.new_line.y,
            g.new_line.right().saturating_sub(used),
            g.new_line.height,
        );
        cursor = field.draw(field_area, buf, theme.field);
        let hint = if missing {
            Line::styled(
                format!("! {}", loc.t("wizard.start.name_missing")),
                theme.error,
            )
        } else {
            Line::styled(loc.t(hint), theme.dim)
        };
        buf.set_line(
            g.message.x + 2,
            g.message.y,
            &hint,
            g.message.width.saturating_sub(2),
        );
    } else {
        let style = if s.selected == 0 {
            theme.selected
        } else {
            theme.plain
        };
        let marker = if s.selected == 0 { "› " } else { "  " };
        if g.new_line.height > 0 {
            buf.set_style(g.new_line, style);
        }
        buf.set_line(
            g.new_line.x,
            g.new_line.y,
            &Line::styled(
                if s.folder_read_only {
                    format!("{marker}{}", loc.t("store_safety.no_new_here"))
                } else {
                    format!("{marker}+ {}", loc.t("wizard.start.new"))
                },
                style,
            ),
            g.new_line.width,
        );
    }

    if s.listing && s.drafts.is_empty() {
        // Nothing yet: drawn again as soon as drafts are read.
    } else if s.drafts.is_empty() {
        buf.set_line(
            g.table.x,
            g.table.y,
            &Line::styled(loc.t("wizard.start.no_drafts"), theme.dim),
            g.table.width,
        );
    } else {
        let columns = columns(loc, g.table.width);
        let view = TableView {
            columns: &columns,
            row_count: s.drafts.len(),
            offset: s.offset,
            selected_row: s.selected.checked_sub(1).filter(|_| s.naming.is_none()),
            selected_col: None,
        };
        view.draw(g.table, buf, theme, |row, col| {
            let d = &s.drafts[row];
            match col {
                0 => d.name.clone(),
                1 => d.changed.clone(),
                _ => match &d.status {
                    Ok(Some(tier)) => tier_name(loc, tier),
                    Ok(None) => loc.t("drafts.no_tier").to_string(),
                    Err(e) => loc.f("drafts.unreadable", &[("reason", &reason(loc, d, e))]),
                },
            }
        });
        // Markers beside selected rows, so the choice shows without colour.
        if let Some(sel) = view.selected_row
            && sel >= s.offset
            && sel - s.offset < TableView::visible_rows(g.table)
        {
            let y = g.table.y + 1 + (sel - s.offset) as u16;
            buf.set_string(g.table.x.saturating_sub(2), y, "›", theme.selected);
        }
    }
    // With the count, once known, so that a list longer than the screen says how long it
    // is.
    let folder_name = visible(&s.folder.display().to_string()).into_owned();
    let folder = if let (true, Some((read, total))) = (s.listing, s.reading) {
        loc.f(
            "listing.reading",
            &[
                ("read", &read.to_string()),
                ("total", &total.to_string()),
                ("folder", &folder_name),
            ],
        )
    } else if s.listing {
        loc.f("wizard.start.folder_reading", &[("folder", &folder_name)])
    } else {
        loc.plural(
            "wizard.start.folder",
            s.drafts.len() as u64,
            &[("folder", &folder_name)],
        )
    };
    buf.set_line(
        g.folder.x,
        g.folder.y,
        &Line::styled(table::fit(&folder, usize::from(g.folder.width)), theme.dim),
        g.folder.width,
    );
    if let Some(Prompt::Locked { error, .. } | Prompt::Broken { error, .. }) = &s.prompt {
        draw_problem(loc, theme, frame, g.table, error);
    }
    if let Some(pos) = cursor {
        frame.set_cursor_position(pos);
    }
}

/// Why a draft of the list cannot be read, without its path (the row names the file, and
/// the column is narrow); opening it shows the whole message.
fn reason(loc: &Locale, d: &DraftSummary, e: &StoreError) -> String {
    let full = store_error(loc, e);
    let path = d.path.display().to_string();
    full.strip_prefix(&path)
        .and_then(|rest| rest.strip_prefix(": ").or_else(|| rest.strip_prefix('：')))
        .map_or_else(|| full.clone(), str::to_string)
}

/// The text field being typed on this screen, if any: label, field, whether the name is
/// missing, and the hint's locale key.
fn field_prompt<'a>(
    s: &'a State,
    loc: &Locale,
) -> Option<(String, &'a TextField, bool, &'static str)> {
    match &s.prompt {
        Some(Prompt::Name {
            purpose,
            name,
            field,
            missing,
            ..
        }) => {
            let (label, hint) = purpose.words();
            Some((
                loc.f(label, &[("name", &visible(name))]),
                field,
                *missing,
                hint,
            ))
        }
        Some(_) => None,
        None => s.naming.as_ref().map(|field| {
            (
                loc.t("wizard.start.name_label").to_string(),
                field,
                s.name_missing,
                "wizard.start.name_hint",
            )
        }),
    }
}

/// A box over the list: the draft asked for is open elsewhere, or cannot be read (the
/// message names the file, the line and what is wrong), and what can be done now.
fn draw_problem(loc: &Locale, theme: &Theme, frame: &mut Frame, area: Rect, error: &StoreError) {
    let (title, choices) = match error {
        StoreError::Locked { .. } => ("wizard.drafts.locked_title", "wizard.drafts.locked_choices"),
        _ => ("wizard.drafts.broken_title", "wizard.drafts.broken_choices"),
    };
    let message = visible(&store_error(loc, error)).into_owned();
    let inner_width = usize::from(area.width.saturating_sub(4).max(1));
    // Rows the wrapped text takes, with one to spare for breaks at word ends.
    let rows = |t: &str| crate::text::width(t).div_ceil(inner_width).max(1);
    let needed = (rows(&message) + 1 + rows(loc.t(choices)) + 1 + 2) as u16;
    let text = vec![
        Line::styled(message, theme.plain),
        Line::raw(""),
        Line::styled(loc.t(choices), theme.heading),
    ];
    let paragraph = Paragraph::new(text).wrap(Wrap { trim: true });
    // From the list's selection marker to its right edge, so the box covers the marker.
    let box_area = Rect::new(
        area.x.saturating_sub(2),
        area.y,
        area.width.saturating_add(2),
        needed.min(area.height),
    );
    frame.render_widget(Clear, box_area);
    let block = Block::bordered().title(Span::styled(format!(" {} ", loc.t(title)), theme.error));
    let inner = block.inner(box_area);
    frame.render_widget(block, box_area);
    frame.render_widget(
        paragraph,
        Rect::new(
            inner.x + 1,
            inner.y,
            inner.width.saturating_sub(2),
            inner.height,
        ),
    );
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
