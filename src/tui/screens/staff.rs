//! Staff: one row per person, the exams and certification that qualify a person (read from
//! the rule set), and whether the person qualifies or what is missing. Ids the rules do not
//! know, read from the file, are kept and shown.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::super::app::{Effect, Mode, Model, Note, Screen};
use super::super::keys::Action;
use super::super::theme::Theme;
use super::super::widgets::table::{self, Column, TableView};
use super::super::widgets::text_field::{EditOp, TextField};
use crate::i18n::thousands;
use crate::profile::Person;
use crate::report::phrases::{item_name, person_line, unknown_ids};
use crate::rules::same_person;
use crate::rules::{RuleSet, same_id};
use crate::text::visible;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    Exam,
    Certification,
}

/// The exams and certifications any route asks for, in rule-file order: one column each.
pub fn items(rules: &RuleSet) -> Vec<(ItemKind, String)> {
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
pub struct NameEdit {
    pub field: TextField,
    pub original: String,
    /// The person was added for this edit: Esc takes the row away again.
    pub added: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct State {
    pub row: usize,
    /// 0 is the name; 1.. the items.
    pub col: usize,
    pub offset: usize,
    pub edit: Option<NameEdit>,
    pub confirm_delete: bool,
    /// The other person the name being typed makes this one (same email, or same name
    /// where either has no email): Enter and Tab are refused while it does, with a message
    /// under the cell (one person is counted once).
    pub repeats: Option<usize>,
}

pub fn mode(model: &Model) -> Mode {
    if model.staff.edit.is_some() {
        Mode::Editing
    } else if model.staff.confirm_delete {
        Mode::Confirm
    } else {
        Mode::Normal
    }
}

fn len(model: &Model) -> usize {
    model.draft.as_ref().map_or(0, |d| d.profile.staff.len())
}

fn item_count(model: &Model) -> usize {
    model.draft.as_ref().map_or(0, |d| items(d.rules()).len())
}

pub fn on_action(model: &mut Model, action: Action) -> Vec<Effect> {
    match mode(model) {
        Mode::Editing => {
            let leaves_the_cell = matches!(
                action,
                Action::Activate | Action::NextField | Action::PrevField
            );
            if leaves_the_cell && model.staff.repeats.is_some() {
                // The message under the cell says why; Esc takes the name back.
                return Vec::new();
            }
            match action {
                Action::Activate => commit_edit(model),
                Action::NextField => {
                    commit_edit(model);
                    move_col(model, true);
                }
                Action::PrevField => {
                    commit_edit(model);
                    move_col(model, false);
                }
                Action::Cancel => cancel_edit(model),
                _ => {}
            }
            Vec::new()
        }
        Mode::Confirm => {
            model.staff.confirm_delete = false;
            if action == Action::Yes {
                delete(model);
            }
            Vec::new()
        }
        _ => normal_action(model, action),
    }
}

fn move_col(model: &mut Model, forward: bool) {
    let last = item_count(model);
    let s = &mut model.staff;
    s.col = if forward {
        (s.col + 1).min(last)
    } else {
        s.col.saturating_sub(1)
    };
}

fn normal_action(model: &mut Model, action: Action) -> Vec<Effect> {
    let n = len(model);
    let page = page_rows(model).max(1);
    let s = &mut model.staff;
    match action {
        Action::Up => s.row = s.row.saturating_sub(1),
        Action::Down => s.row = (s.row + 1).min(n.saturating_sub(1)),
        Action::PageUp => s.row = s.row.saturating_sub(page),
        Action::PageDown => s.row = (s.row + page).min(n.saturating_sub(1)),
        Action::First => s.row = 0,
        Action::Last => s.row = n.saturating_sub(1),
        Action::Left | Action::PrevField => move_col(model, false),
        Action::Right | Action::NextField => move_col(model, true),
        Action::Activate | Action::Toggle => activate(model, action),
        Action::New => add(model),
        Action::Delete if n > 0 => s.confirm_delete = true,
        Action::Cancel => return model.go_to(Screen::Customers),
        _ => {}
    }
    keep_selection_visible(model);
    Vec::new()
}

fn activate(model: &mut Model, action: Action) {
    let (row, col) = (model.staff.row, model.staff.col);
    let Some(d) = &mut model.draft else {
        return;
    };
    let Some(person) = d.profile.staff.get(row).cloned() else {
        return;
    };
    if col == 0 {
        if action == Action::Activate {
            model.staff.edit = Some(NameEdit {
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

fn add(model: &mut Model) {
    let Some(d) = &mut model.draft else {
        return;
    };
    d.edit(|p| p.staff.push(Person::new(String::new())));
    model.staff.row = d.profile.staff.len() - 1;
    model.staff.col = 0;
    model.staff.edit = Some(NameEdit {
        field: TextField::default(),
        original: String::new(),
        added: true,
    });
    keep_selection_visible(model);
}

fn delete(model: &mut Model) {
    let row = model.staff.row;
    if let Some(d) = &mut model.draft
        && row < d.profile.staff.len()
    {
        let name = d.profile.staff[row].name.clone();
        d.edit(|p| {
            p.staff.remove(row);
        });
        model.note = Some(Note::Deleted(name));
    }
    keep_selection_visible(model);
}

/// Text pasted on a name replaces it, as on Customers: Enter keeps it, Esc takes it back.
/// A character typed on the selected name starts editing it with that character.
pub fn on_unbound_key(model: &mut Model, key: &ratatui::crossterm::event::KeyEvent) -> Vec<Effect> {
    match super::customers::typed_char(key) {
        Some(c) => on_paste(model, c.to_string()),
        None => Vec::new(),
    }
}

pub fn on_paste(model: &mut Model, text: String) -> Vec<Effect> {
    if model.staff.col != 0 {
        return Vec::new();
    }
    let Some(person) = model
        .draft
        .as_ref()
        .and_then(|d| d.profile.staff.get(model.staff.row))
    else {
        return Vec::new();
    };
    model.staff.edit = Some(NameEdit {
        field: TextField::default(),
        original: person.name.clone(),
        added: false,
    });
    edit(model, EditOp::Insert(text))
}

pub fn commit_edit(model: &mut Model) {
    model.staff.edit = None;
    model.staff.repeats = None;
    model.staff.confirm_delete = false;
}

fn cancel_edit(model: &mut Model) {
    let row = model.staff.row;
    if let Some(edit) = model.staff.edit.take()
        && let Some(d) = &mut model.draft
        && row < d.profile.staff.len()
    {
        if edit.added {
            d.edit(|p| {
                p.staff.remove(row);
            });
            model.staff.row = row.saturating_sub(1);
        } else if d.profile.staff[row].name != edit.original {
            d.edit_person(row, |p| p.name = edit.original);
        }
    }
    model.staff.repeats = None;
    keep_selection_visible(model);
}

pub fn edit(model: &mut Model, op: EditOp) -> Vec<Effect> {
    let row = model.staff.row;
    if let Some(edit) = &mut model.staff.edit
        && let Some(d) = &mut model.draft
        && row < d.profile.staff.len()
    {
        edit.field.apply(&op);
        if op.changes_text() {
            let name = edit.field.text().to_string();
            d.edit_person(row, |p| p.name = name);
            model.staff.repeats = same_as_another(&d.profile.staff, row);
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

fn page_rows(model: &Model) -> usize {
    TableView::visible_rows(table_area(model.areas().body))
}

pub fn keep_selection_visible(model: &mut Model) {
    let rows = page_rows(model);
    let n = len(model);
    let s = &mut model.staff;
    s.row = s.row.min(n.saturating_sub(1));
    s.offset = table::scroll_to(s.offset, s.row, rows);
}

fn columns(model: &Model, width: u16) -> Vec<Column> {
    let loc = model.loc();
    let Some(d) = &model.draft else {
        return Vec::new();
    };
    let item_cols: Vec<Column> = items(d.rules())
        .iter()
        .map(|(_, id)| {
            let title = item_name(loc, id);
            Column {
                width: crate::text::width(&title).max(3) as u16,
                title,
                right: false,
            }
        })
        .collect();
    let fixed: u16 = item_cols.iter().map(|c| c.width + table::GAP).sum();
    let rest = width.saturating_sub(fixed + table::GAP);
    let name = (rest / 3).clamp(8, 24);
    let status = rest.saturating_sub(name);
    let mut cols = vec![Column {
        title: loc.t("wizard.staff.col_name").to_string(),
        width: name,
        right: false,
    }];
    cols.extend(item_cols);
    cols.push(Column {
        title: loc.t("wizard.staff.col_status").to_string(),
        width: status,
        right: false,
    });
    cols
}

pub fn on_click(model: &mut Model, column: u16, row: u16) -> Vec<Effect> {
    if mode(model) != Mode::Normal {
        return Vec::new();
    }
    let area = table_area(model.areas().body);
    if row <= area.y || row >= area.bottom() {
        return Vec::new();
    }
    let target = model.staff.offset + usize::from(row - area.y - 1);
    if target >= len(model) {
        return Vec::new();
    }
    model.staff.row = target;
    let cols = columns(model, area.width);
    if let Some(c) = table::column_at(&cols, area.x, column) {
        model.staff.col = c.min(item_count(model));
    }
    Vec::new()
}

fn status(model: &Model, row: usize) -> String {
    let loc = model.loc();
    let Some(d) = &model.draft else {
        return String::new();
    };
    let Some(result) = d.assessment.staff.get(row) else {
        return String::new();
    };
    let mut text = person_line(loc, d.rules(), &d.profile.staff, result);
    if let Some(unknown) = unknown_ids(loc, result) {
        text = format!("{text}{}{unknown}", loc.t("person.separator"));
    }
    text
}

pub fn draw(model: &Model, theme: &Theme, frame: &mut Frame, body: Rect) {
    let Some(d) = &model.draft else {
        return;
    };
    let loc = model.loc();
    let s = &model.staff;
    let area = table_area(body);
    let cols = columns(model, area.width);
    let item_list = items(d.rules());
    let staff = &d.profile.staff;
    let view = TableView {
        columns: &cols,
        row_count: staff.len(),
        offset: s.offset,
        selected_row: (!staff.is_empty()).then_some(s.row),
        selected_col: Some(s.col),
    };
    view.draw(area, frame.buffer_mut(), theme, |row, col| {
        let p = &staff[row];
        if col == 0 {
            p.name.clone()
        } else if let Some((kind, id)) = item_list.get(col - 1) {
            if has(p, *kind, id) { "[x]" } else { "[ ]" }.to_string()
        } else {
            status(model, row)
        }
    });
    let buf = frame.buffer_mut();
    // A marker beside the selected row, so the selection shows without colour.
    if let Some(vr) = s.row.checked_sub(s.offset)
        && vr < TableView::visible_rows(area)
        && !staff.is_empty()
    {
        buf.set_string(area.x - 1, area.y + 1 + vr as u16, "›", theme.heading);
    }
    if staff.is_empty() {
        buf.set_line(
            area.x,
            area.y + 1,
            &Line::styled(loc.t("wizard.staff.empty"), theme.dim),
            area.width,
        );
    }
    let summary_y = area.bottom();
    let summary = loc.f(
        "report.staff_heading",
        &[
            (
                "qualified",
                &thousands(u64::from(d.assessment.qualified_people)),
            ),
            ("count", &thousands(staff.len() as u64)),
        ],
    );
    buf.set_line(
        area.x,
        summary_y,
        &Line::styled(summary, theme.heading),
        area.width,
    );
    let detail = if s.confirm_delete {
        let name = staff.get(s.row).map(|p| p.name.as_str()).unwrap_or("");
        Line::styled(
            loc.f("wizard.staff.confirm_delete", &[("name", &visible(name))]),
            theme.warning,
        )
    } else if let Some(p) = staff.get(s.row) {
        let mut text = loc.f(
            "wizard.staff.detail",
            &[
                ("name", &visible(&p.name)),
                ("status", &status(model, s.row)),
            ],
        );
        // Where the exams came from (typed, our CSV, the training report).
        if let Some(source) = &p.source {
            text = crate::report::import_words::with_source(loc, &text, source);
        }
        Line::styled(table::fit(&text, usize::from(area.width)), theme.dim)
    } else {
        Line::default()
    };
    buf.set_line(area.x, summary_y + 1, &detail, area.width);

    if let Some(edit) = &s.edit
        && let Some(vr) = s.row.checked_sub(s.offset)
        && vr < TableView::visible_rows(area)
    {
        let y = area.y + 1 + vr as u16;
        let (cx, cw) = table::column_spans(&cols, area.x)[0];
        let cell = Rect::new(cx, y, cw, 1);
        for x in cell.x..cell.right() {
            buf[(x, y)].set_symbol(" ");
        }
        if let Some(pos) = edit
            .field
            .draw(cell, buf, theme.field.patch(theme.selected))
        {
            frame.set_cursor_position(pos);
        }
        if let Some(other) = s.repeats {
            let message = format!(
                "! {}",
                loc.f(
                    "counted_once.person_exists",
                    &[
                        (
                            "name",
                            &visible(staff.get(other).map_or("", |p| p.name.trim())),
                        ),
                        ("row", &(other + 1)),
                    ],
                )
            );
            // Under the cell, or on the detail line when the cell is the table's last row.
            let my = if y + 1 < area.bottom() {
                y + 1
            } else {
                summary_y + 1
            };
            let line = Rect::new(area.x, my, area.width, 1);
            let buf = frame.buffer_mut();
            buf.set_style(line, theme.plain);
            for x in line.x..line.right() {
                buf[(x, my)].set_symbol(" ");
            }
            buf.set_line(
                area.x,
                my,
                &Line::styled(table::fit(&message, usize::from(area.width)), theme.error),
                area.width,
            );
        }
    }
}
