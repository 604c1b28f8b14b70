//! Customers: an editable table, one row per customer tenant, with the counted value and
//! why a customer is excluded. Only the visible rows are built and drawn; the total comes
//! from the assessment.

mod cell_edit;
mod draw;

pub(crate) use cell_edit::{commit_edit, edit};
use cell_edit::{editing_action, open_number_edit, start_edit};
use draw::columns;
pub(crate) use draw::draw;

use crate::tui::canvas::Canvas;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Block;

use super::super::keys::Action;
use super::super::widgets::table::{self, Column, TableView};
use super::super::widgets::table_nav;
use super::super::widgets::text_field::{EditOp, TextField};
use super::search::Searchable;
use crate::i18n::{Locale, thousands};
use crate::profile::{Association, Count, Customer, Problem, Source, SourceKind, Workload};
use crate::report::phrases::{association_name, customer_note, exclusion_reason, workload_name};
use crate::rules::Exclusion;
use crate::tui::context::{Ctx, Go, ViewCtx};
use crate::tui::draft::Draft;
use crate::tui::effect::Effect;
use crate::tui::mode::Mode;
use crate::tui::note::Note;
use crate::tui::screen::Screen;

const NAME: usize = 0;
const ASSOCIATION: usize = 1;
const TRIAL: usize = 2;
const FIRST_WORKLOAD: usize = 3;
/// Columns the cursor can stand on: name, association, trial and the five workloads.
const EDITABLE: usize = FIRST_WORKLOAD + Workload::ALL.len();
/// After the editable columns: the value counted, and why (shown when wide enough).
const COUNTED: usize = EDITABLE;
const WHY: usize = COUNTED + 1;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CellEdit {
    pub(crate) field: TextField,
    /// The customer as it was before the edit, restored by Esc.
    pub(crate) original: Customer,
    /// The row was added for this edit: Esc takes it away again.
    pub(crate) added: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct State {
    pub row: usize,
    pub col: usize,
    pub(crate) offset: usize,
    pub(crate) edit: Option<CellEdit>,
    /// The association list, open on this entry.
    pub(crate) picker: Option<usize>,
    pub(crate) confirm_delete: bool,
    /// Why the last keystroke in a number cell was refused.
    pub problem: Option<Problem>,
    /// The other row whose name the name being typed repeats: Enter and Tab are refused
    /// while it does (one tenant is counted once), with a message under the cell.
    pub repeats: Option<usize>,
}

pub(crate) fn mode(s: &State) -> Mode {
    if s.edit.is_some() {
        Mode::Editing
    } else if s.picker.is_some() {
        Mode::Picker
    } else if s.confirm_delete {
        Mode::Confirm
    } else {
        Mode::Normal
    }
}

fn len(draft: &Option<Draft>) -> usize {
    draft.as_ref().map_or(0, |d| d.profile.customers.len())
}

pub fn workload(col: usize) -> Option<Workload> {
    col.checked_sub(FIRST_WORKLOAD)
        .and_then(|i| Workload::ALL.get(i).copied())
}

pub(crate) fn on_action(s: &mut State, cx: &mut Ctx, action: Action) -> Vec<Effect> {
    match mode(s) {
        Mode::Editing => editing_action(s, cx, action),
        Mode::Picker => picker_action(s, cx, action),
        Mode::Confirm => confirm_action(s, cx, action),
        Mode::Normal => normal_action(s, cx, action),
    }
}

fn normal_action(s: &mut State, cx: &mut Ctx, action: Action) -> Vec<Effect> {
    let n = len(cx.draft);
    if table_nav::move_row(&mut s.row, action, n, page_rows(cx.body)) {
        keep_selection_visible(s, cx.draft, cx.body);
        return Vec::new();
    }
    match action {
        Action::Left => s.col = s.col.saturating_sub(1),
        Action::Right => s.col = (s.col + 1).min(EDITABLE - 1),
        Action::NextField => next_cell(s, cx, true),
        Action::PrevField => next_cell(s, cx, false),
        Action::Activate => activate(s, cx),
        Action::Toggle => match s.col {
            TRIAL | ASSOCIATION => activate(s, cx),
            _ => {}
        },
        Action::New => add(s, cx),
        Action::Import => cx.go(Go::Import),
        Action::Delete if n > 0 => s.confirm_delete = true,
        Action::Cancel => {
            cx.go(Go::To(Screen::Market));
            return Vec::new();
        }
        _ => {}
    }
    keep_selection_visible(s, cx.draft, cx.body);
    Vec::new()
}

/// Tab and Shift-Tab walk the cells row by row.
fn next_cell(s: &mut State, cx: &mut Ctx, forward: bool) {
    let n = len(cx.draft);
    if forward {
        if s.col + 1 < EDITABLE {
            s.col += 1;
        } else if s.row + 1 < n {
            s.col = 0;
            s.row += 1;
        }
    } else if s.col > 0 {
        s.col -= 1;
    } else if s.row > 0 {
        s.col = EDITABLE - 1;
        s.row -= 1;
    }
}

fn activate(s: &mut State, cx: &mut Ctx) {
    let row = s.row;
    let Some(customer) = cx
        .draft
        .as_ref()
        .and_then(|d| d.profile.customers.get(row))
        .cloned()
    else {
        return;
    };
    match s.col {
        NAME => start_edit(s, TextField::new(customer.name.clone()), customer),
        ASSOCIATION => {
            let at = Association::ALL
                .iter()
                .position(|a| *a == customer.association)
                .unwrap_or(0);
            s.picker = Some(at);
        }
        TRIAL => {
            if let Some(d) = &mut cx.draft {
                d.edit_customer(row, |c| c.trial = !customer.trial);
            }
        }
        col => {
            if workload(col).is_some() {
                open_number_edit(s, cx, customer, None);
            }
        }
    }
}

fn add(s: &mut State, cx: &mut Ctx) {
    let Some(d) = &mut cx.draft else {
        return;
    };
    d.edit(|p| p.customers.push(Customer::new(String::new())));
    let row = d.profile.customers.len() - 1;
    let original = d.profile.customers[row].clone();
    s.row = row;
    s.col = NAME;
    start_edit(s, TextField::default(), original);
    if let Some(edit) = &mut s.edit {
        edit.added = true;
    }
    keep_selection_visible(s, cx.draft, cx.body);
}

/// Digits typed on a number cell start editing it with what was typed, as in a spreadsheet.
pub(crate) fn on_unbound_key(s: &mut State, cx: &mut Ctx, key: &KeyEvent) -> Vec<Effect> {
    if let KeyCode::Char(c) = key.code
        && c.is_ascii_digit()
        && !key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
        && workload(s.col).is_some()
        && let Some(customer) = cx
            .draft
            .as_ref()
            .and_then(|d| d.profile.customers.get(s.row))
            .cloned()
    {
        return open_number_edit(s, cx, customer, Some(EditOp::Insert(c.to_string())));
    }
    match typed_char(key) {
        Some(c) if s.col == NAME => on_paste(s, cx, c.to_string()),
        _ => Vec::new(),
    }
}

/// The printable character of a key with no Ctrl or Alt, if it is one.
pub(crate) fn typed_char(key: &KeyEvent) -> Option<char> {
    match key.code {
        KeyCode::Char(c)
            if !c.is_control()
                && !key
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            Some(c)
        }
        _ => None,
    }
}

/// Text pasted on a name or number cell replaces what is in it, as typing digits does: the
/// edit opens with the pasted text, for Enter to keep or Esc to take back.
pub(crate) fn on_paste(s: &mut State, cx: &mut Ctx, text: String) -> Vec<Effect> {
    let col = s.col;
    if col != NAME && workload(col).is_none() {
        return Vec::new();
    }
    let Some(customer) = cx
        .draft
        .as_ref()
        .and_then(|d| d.profile.customers.get(s.row))
        .cloned()
    else {
        return Vec::new();
    };
    if col == NAME {
        start_edit(s, TextField::default(), customer);
        return edit(s, cx, EditOp::Insert(text));
    }
    open_number_edit(s, cx, customer, Some(EditOp::Insert(text)))
}

fn picker_action(s: &mut State, cx: &mut Ctx, action: Action) -> Vec<Effect> {
    let last = Association::ALL.len() - 1;
    let row = s.row;
    let Some(at) = s.picker else {
        return Vec::new();
    };
    match action {
        Action::Up => s.picker = Some(at.saturating_sub(1)),
        Action::Down => s.picker = Some((at + 1).min(last)),
        Action::Activate | Action::Toggle => {
            s.picker = None;
            let chosen = Association::ALL[at];
            if let Some(d) = &mut cx.draft
                && d.profile.customers.get(row).map(|c| c.association) != Some(chosen)
            {
                d.edit_customer(row, |c| c.association = chosen);
            }
        }
        Action::Cancel => s.picker = None,
        _ => {}
    }
    Vec::new()
}

fn confirm_action(s: &mut State, cx: &mut Ctx, action: Action) -> Vec<Effect> {
    s.confirm_delete = false;
    if action == Action::Yes {
        let row = s.row;
        if let Some(d) = &mut cx.draft
            && row < d.profile.customers.len()
        {
            let name = d.profile.customers[row].name.clone();
            d.edit(|p| {
                p.customers.remove(row);
            });
            s.row = row.min(d.profile.customers.len().saturating_sub(1));
            *cx.note = Some(Note::Deleted(name));
        }
        keep_selection_visible(s, cx.draft, cx.body);
    }
    Vec::new()
}

struct Geometry {
    table: Rect,
    total: Rect,
    detail: Rect,
}

fn geometry(body: Rect) -> Geometry {
    let x = body.x + 1;
    let w = body.width.saturating_sub(2);
    let table_height = body.height.saturating_sub(2);
    Geometry {
        table: Rect::new(x, body.y, w, table_height),
        total: Rect::new(x, body.y + table_height, w, u16::from(body.height >= 2)),
        detail: Rect::new(x, body.y + table_height + 1, w, u16::from(body.height >= 1)),
    }
}

fn page_rows(body: Rect) -> usize {
    TableView::visible_rows(geometry(body).table)
}

pub(crate) fn keep_selection_visible(s: &mut State, draft: &Option<Draft>, body: Rect) {
    table_nav::keep_visible(&mut s.row, &mut s.offset, len(draft), page_rows(body));
}

pub(crate) fn on_click(s: &mut State, cx: &mut Ctx, column: u16, row: u16) -> Vec<Effect> {
    if mode(s) != Mode::Normal {
        return Vec::new();
    }
    let g = geometry(cx.body);
    if row <= g.table.y || row >= g.table.bottom() {
        return Vec::new();
    }
    let target = s.offset + usize::from(row - g.table.y - 1);
    if target >= len(cx.draft) {
        return Vec::new();
    }
    s.row = target;
    let cols = columns(cx.loc, g.table.width);
    if let Some(c) = table::column_at(&cols, g.table.x, column) {
        s.col = c.min(EDITABLE - 1);
    }
    Vec::new()
}

/// The table as `/` searches it.
pub(crate) struct Rows<'a> {
    pub(crate) state: &'a mut State,
    pub(crate) draft: &'a Option<Draft>,
    pub(crate) body: Rect,
}

impl Searchable for Rows<'_> {
    fn names(&self) -> Vec<String> {
        self.draft.as_ref().map_or_else(Vec::new, |d| {
            d.profile.customers.iter().map(|c| c.name.clone()).collect()
        })
    }

    fn selected(&self) -> usize {
        self.state.row
    }

    fn select(&mut self, row: usize) {
        self.state.row = row;
        keep_selection_visible(self.state, self.draft, self.body);
    }
}
