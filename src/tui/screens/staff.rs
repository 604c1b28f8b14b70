//! Staff: one row per person, the exams and certification that qualify a person (read from
//! the rule set), and whether the person qualifies or what is missing. Ids the rules do not
//! know, read from the file, are kept and shown.

mod draw;

use draw::columns;
pub(crate) use draw::draw;

use crate::tui::canvas::Canvas;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::super::keys::Action;
use super::super::widgets::table::{self, Column, TableView};
use super::super::widgets::table_nav::{self, CellKey};
use super::super::widgets::text_field::{EditOp, TextField};
use super::search::Searchable;
use crate::i18n::{Locale, thousands};
use crate::profile::Person;
use crate::report::phrases::{item_name, person_line, unknown_ids};
use crate::rules::same_person;
use crate::rules::{RuleSet, same_id};
use crate::text::visible;
use crate::tui::context::{Ctx, Go, ViewCtx};
use crate::tui::draft::Draft;
use crate::tui::effect::Effect;
use crate::tui::mode::Mode;
use crate::tui::note::Note;
use crate::tui::screen::Screen;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ItemKind {
    Exam,
    Certification,
}

/// The exams and certifications any route asks for, in rule-file order: one column each.
pub(crate) fn items(rules: &RuleSet) -> Vec<(ItemKind, String)> {
    let mut out: Vec<(ItemKind, String)> = Vec::new();
    for route in &rules.routes {
        for e in &route.exams {
            if !out.iter().any(|(_, id)| same_id(id, e)) {
                out.push((ItemKind::Exam, e.clone()));
            }
        }
    }
    for route in &rules.routes {
        for c in &route.certifications {
            if !out.iter().any(|(_, id)| same_id(id, c)) {
                out.push((ItemKind::Certification, c.clone()));
            }
        }
    }
    out
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NameEdit {
    pub(crate) field: TextField,
    pub(crate) original: String,
    /// The person was added for this edit: Esc takes the row away again.
    pub(crate) added: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct State {
    pub row: usize,
    /// 0 is the name; 1.. the items.
    pub col: usize,
    pub(crate) offset: usize,
    pub(crate) edit: Option<NameEdit>,
    pub(crate) confirm_delete: bool,
    /// The other person the name being typed makes this one (same email, or same name
    /// where either has no email): Enter and Tab are refused while it does, with a message
    /// under the cell (one person is counted once).
    pub repeats: Option<usize>,
}

pub(crate) fn mode(s: &State) -> Mode {
    if s.edit.is_some() {
        Mode::Editing
    } else if s.confirm_delete {
        Mode::Confirm
    } else {
        Mode::Normal
    }
}

fn len(draft: &Option<Draft>) -> usize {
    draft.as_ref().map_or(0, |d| d.profile.staff.len())
}

fn item_count(draft: &Option<Draft>) -> usize {
    draft.as_ref().map_or(0, |d| items(d.rules()).len())
}

pub(crate) fn on_action(s: &mut State, cx: &mut Ctx, action: Action) -> Vec<Effect> {
    match mode(s) {
        Mode::Editing => {
            match table_nav::cell_key(action, s.repeats.is_some()) {
                CellKey::Keep => commit_edit(s),
                CellKey::KeepAndMove { forward } => {
                    commit_edit(s);
                    move_col(s, cx, forward);
                }
                CellKey::TakeBack => cancel_edit(s, cx),
                CellKey::Nothing => {}
            }
            Vec::new()
        }
        Mode::Confirm => {
            s.confirm_delete = false;
            if action == Action::Yes {
                delete(s, cx);
            }
            Vec::new()
        }
        _ => normal_action(s, cx, action),
    }
}

fn move_col(s: &mut State, cx: &mut Ctx, forward: bool) {
    let last = item_count(cx.draft);
    s.col = if forward {
        (s.col + 1).min(last)
    } else {
        s.col.saturating_sub(1)
    };
}

fn normal_action(s: &mut State, cx: &mut Ctx, action: Action) -> Vec<Effect> {
    let n = len(cx.draft);
    if table_nav::move_row(&mut s.row, action, n, page_rows(cx.body)) {
        keep_selection_visible(s, cx.draft, cx.body);
        return Vec::new();
    }
    match action {
        Action::Left | Action::PrevField => move_col(s, cx, false),
        Action::Right | Action::NextField => move_col(s, cx, true),
        Action::Activate | Action::Toggle => activate(s, cx, action),
        Action::New => add(s, cx),
        Action::Delete if n > 0 => s.confirm_delete = true,
        Action::Cancel => cx.go(Go::To(Screen::Customers)),
        _ => {}
    }
    keep_selection_visible(s, cx.draft, cx.body);
    Vec::new()
}

fn activate(s: &mut State, cx: &mut Ctx, action: Action) {
    let (row, col) = (s.row, s.col);
    let Some(d) = &mut cx.draft else {
        return;
    };
    let Some(person) = d.profile.staff.get(row).cloned() else {
        return;
    };
    if col == 0 {
        if action == Action::Activate {
            s.edit = Some(NameEdit {
                field: TextField::new(person.name.clone()),
                original: person.name,
                added: false,
            });
        }
        return;
    }
    let Some((kind, id)) = items(d.rules()).into_iter().nth(col - 1) else {
        return;
    };
    d.edit_person(row, |p| toggle(p, kind, &id));
}

fn toggle(person: &mut Person, kind: ItemKind, id: &str) {
    let list = match kind {
        ItemKind::Exam => &mut person.exams,
        ItemKind::Certification => &mut person.certifications,
    };
    if list.iter().any(|x| same_id(x, id)) {
        list.retain(|x| !same_id(x, id));
    } else {
        list.push(id.to_string());
    }
}

fn has(person: &Person, kind: ItemKind, id: &str) -> bool {
    let list = match kind {
        ItemKind::Exam => &person.exams,
        ItemKind::Certification => &person.certifications,
    };
    list.iter().any(|x| same_id(x, id))
}

fn add(s: &mut State, cx: &mut Ctx) {
    let Some(d) = &mut cx.draft else {
        return;
    };
    d.edit(|p| p.staff.push(Person::new(String::new())));
    s.row = d.profile.staff.len() - 1;
    s.col = 0;
    s.edit = Some(NameEdit {
        field: TextField::default(),
        original: String::new(),
        added: true,
    });
    keep_selection_visible(s, cx.draft, cx.body);
}

fn delete(s: &mut State, cx: &mut Ctx) {
    let row = s.row;
    if let Some(d) = &mut cx.draft
        && row < d.profile.staff.len()
    {
        let name = d.profile.staff[row].name.clone();
        d.edit(|p| {
            p.staff.remove(row);
        });
        *cx.note = Some(Note::Deleted(name));
    }
    keep_selection_visible(s, cx.draft, cx.body);
}

/// Text pasted on a name replaces it, as on Customers: Enter keeps it, Esc takes it back.
/// A character typed on the selected name starts editing it with that character.
pub(crate) fn on_unbound_key(
    s: &mut State,
    cx: &mut Ctx,
    key: &ratatui::crossterm::event::KeyEvent,
) -> Vec<Effect> {
    match super::customers::typed_char(key) {
        Some(c) => on_paste(s, cx, c.to_string()),
        None => Vec::new(),
    }
}

pub(crate) fn on_paste(s: &mut State, cx: &mut Ctx, text: String) -> Vec<Effect> {
    if s.col != 0 {
        return Vec::new();
    }
    let Some(person) = cx.draft.as_ref().and_then(|d| d.profile.staff.get(s.row)) else {
        return Vec::new();
    };
    s.edit = Some(NameEdit {
        field: TextField::default(),
        original: person.name.clone(),
        added: false,
    });
    edit(s, cx, EditOp::Insert(text))
}

pub(crate) fn commit_edit(s: &mut State) {
    s.edit = None;
    s.repeats = None;
    s.confirm_delete = false;
}

fn cancel_edit(s: &mut State, cx: &mut Ctx) {
    let row = s.row;
    if let Some(edit) = s.edit.take()
        && let Some(d) = &mut cx.draft
        && row < d.profile.staff.len()
    {
        if edit.added {
            d.edit(|p| {
                p.staff.remove(row);
            });
            s.row = row.saturating_sub(1);
        } else if d.profile.staff[row].name != edit.original {
            d.edit_person(row, |p| p.name = edit.original);
        }
    }
    s.repeats = None;
    keep_selection_visible(s, cx.draft, cx.body);
}

pub(crate) fn edit(s: &mut State, cx: &mut Ctx, op: EditOp) -> Vec<Effect> {
    let row = s.row;
    if let Some(edit) = &mut s.edit
        && let Some(d) = &mut cx.draft
        && row < d.profile.staff.len()
    {
        edit.field.apply(&op);
        if op.changes_text() {
            let name = edit.field.text().to_string();
            d.edit_person(row, |p| p.name = name);
            s.repeats = same_as_another(&d.profile.staff, row);
        }
    }
    Vec::new()
}

/// Another person than the one at `row` who is the same person (staff lists are short).
fn same_as_another(staff: &[Person], row: usize) -> Option<usize> {
    let person = staff.get(row)?;
    staff
        .iter()
        .enumerate()
        .find(|&(j, other)| j != row && same_person(other, person))
        .map(|(j, _)| j)
}

fn table_area(body: Rect) -> Rect {
    Rect::new(
        body.x + 1,
        body.y,
        body.width.saturating_sub(2),
        body.height.saturating_sub(2),
    )
}

fn page_rows(body: Rect) -> usize {
    TableView::visible_rows(table_area(body))
}

pub(crate) fn keep_selection_visible(s: &mut State, draft: &Option<Draft>, body: Rect) {
    table_nav::keep_visible(&mut s.row, &mut s.offset, len(draft), page_rows(body));
}

pub(crate) fn on_click(s: &mut State, cx: &mut Ctx, column: u16, row: u16) -> Vec<Effect> {
    if mode(s) != Mode::Normal {
        return Vec::new();
    }
    let area = table_area(cx.body);
    if row <= area.y || row >= area.bottom() {
        return Vec::new();
    }
    let target = s.offset + usize::from(row - area.y - 1);
    if target >= len(cx.draft) {
        return Vec::new();
    }
    s.row = target;
    let cols = columns(cx.loc, cx.draft, area.width);
    if let Some(c) = table::column_at(&cols, area.x, column) {
        s.col = c.min(item_count(cx.draft));
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
            d.profile.staff.iter().map(|p| p.name.clone()).collect()
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
