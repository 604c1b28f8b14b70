//! Customers: an editable table, one row per customer tenant, with the counted value and
//! why a customer is excluded. Only the visible rows are built and drawn; the total comes
//! from the assessment.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Block;

use super::super::app::{Effect, Mode, Model};
use super::super::keys::Action;
use super::super::theme::Theme;
use super::super::widgets::table::{self, Column, TableView};
use super::super::widgets::text_field::{EditOp, TextField};
use crate::i18n::{Locale, thousands};
use crate::profile::{Association, Count, Customer, Problem, Source, SourceKind, Workload};
use crate::report::phrases::{association_name, customer_note, exclusion_reason, workload_name};
use crate::rules::Exclusion;

const NAME: usize = 0;
const ASSOCIATION: usize = 1;
const TRIAL: usize = 2;
const FIRST_WORKLOAD: usize = 3;
/// Columns the cursor can stand on: name, association, trial and the five workloads.
const EDITABLE: usize = FIRST_WORKLOAD + Workload::ALL.len();

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellEdit {
    pub field: TextField,
    /// The customer as it was before the edit, restored by Esc.
    pub original: Customer,
    /// The row was added for this edit: Esc takes it away again.
    pub added: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct State {
    pub row: usize,
    pub col: usize,
    pub offset: usize,
    pub edit: Option<CellEdit>,
    /// The association list, open on this entry.
    pub picker: Option<usize>,
    pub confirm_delete: bool,
    /// Why the last keystroke in a number cell was refused.
    pub problem: Option<Problem>,
    /// The other row whose name the name being typed repeats: Enter and Tab are refused
    /// while it does (one tenant is counted once), with a message under the cell.
    pub repeats: Option<usize>,
}

pub fn mode(model: &Model) -> Mode {
    let s = &model.customers;
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

fn len(model: &Model) -> usize {
    model
        .draft
        .as_ref()
        .map_or(0, |d| d.profile.customers.len())
}

pub fn workload(col: usize) -> Option<Workload> {
    col.checked_sub(FIRST_WORKLOAD)
        .and_then(|i| Workload::ALL.get(i).copied())
}

pub fn on_action(model: &mut Model, action: Action) -> Vec<Effect> {
    match mode(model) {
        Mode::Editing => editing_action(model, action),
        Mode::Picker => picker_action(model, action),
        Mode::Confirm => confirm_action(model, action),
        Mode::Normal => normal_action(model, action),
    }
}

fn normal_action(model: &mut Model, action: Action) -> Vec<Effect> {
    let n = len(model);
    let page = page_rows(model).max(1);
    let s = &mut model.customers;
    match action {
        Action::Up => s.row = s.row.saturating_sub(1),
        Action::Down => s.row = (s.row + 1).min(n.saturating_sub(1)),
        Action::PageUp => s.row = s.row.saturating_sub(page),
        Action::PageDown => s.row = (s.row + page).min(n.saturating_sub(1)),
        Action::First => s.row = 0,
        Action::Last => s.row = n.saturating_sub(1),
        Action::Left => s.col = s.col.saturating_sub(1),
        Action::Right => s.col = (s.col + 1).min(EDITABLE - 1),
        Action::NextField => next_cell(model, true),
        Action::PrevField => next_cell(model, false),
        Action::Activate => activate(model),
        Action::Toggle => match s.col {
            TRIAL | ASSOCIATION => activate(model),
            _ => {}
        },
        Action::New => add(model),
        Action::Import => super::import::open(model),
        Action::Delete if n > 0 => s.confirm_delete = true,
        Action::Cancel => {
            return model.go_to(super::super::app::Screen::Market);
        }
        _ => {}
    }
    keep_selection_visible(model);
    Vec::new()
}

/// Tab and Shift-Tab walk the cells row by row.
fn next_cell(model: &mut Model, forward: bool) {
    let n = len(model);
    let s = &mut model.customers;
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

fn activate(model: &mut Model) {
    let row = model.customers.row;
    let Some(customer) = model
        .draft
        .as_ref()
        .and_then(|d| d.profile.customers.get(row))
        .cloned()
    else {
        return;
    };
    match model.customers.col {
        NAME => start_edit(model, TextField::new(customer.name.clone()), customer),
        ASSOCIATION => {
            let at = Association::ALL
                .iter()
                .position(|a| *a == customer.association)
                .unwrap_or(0);
            model.customers.picker = Some(at);
        }
        TRIAL => {
            if let Some(d) = &mut model.draft {
                d.edit_customer(row, |c| c.trial = !customer.trial);
            }
        }
        col => {
            if workload(col).is_some() {
                open_number_edit(model, customer, None);
            }
        }
    }
}

/// The one way a number cell's edit opens, by Enter, a digit or a paste: with the whole
/// value selected, so that what is typed first replaces it (arrows keep it, to change it).
fn open_number_edit(model: &mut Model, customer: Customer, first: Option<EditOp>) -> Vec<Effect> {
    let Some(w) = workload(model.customers.col) else {
        return Vec::new();
    };
    let value = customer.active_users.get(w).get().to_string();
    start_edit(model, TextField::selected(value), customer);
    match first {
        Some(op) => edit(model, op),
        None => Vec::new(),
    }
}

fn start_edit(model: &mut Model, field: TextField, original: Customer) {
    model.customers.problem = None;
    model.customers.repeats = None;
    model.customers.edit = Some(CellEdit {
        field,
        original,
        added: false,
    });
}

fn add(model: &mut Model) {
    let Some(d) = &mut model.draft else {
        return;
    };
    d.edit(|p| p.customers.push(Customer::new(String::new())));
    let row = d.profile.customers.len() - 1;
    let original = d.profile.customers[row].clone();
    model.customers.row = row;
    model.customers.col = NAME;
    start_edit(model, TextField::default(), original);
    if let Some(edit) = &mut model.customers.edit {
        edit.added = true;
    }
    keep_selection_visible(model);
}

/// Digits typed on a number cell start editing it with what was typed, as in a spreadsheet.
pub fn on_unbound_key(model: &mut Model, key: &KeyEvent) -> Vec<Effect> {
    if let KeyCode::Char(c) = key.code
        && c.is_ascii_digit()
        && !key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
        && workload(model.customers.col).is_some()
        && let Some(customer) = model
            .draft
            .as_ref()
            .and_then(|d| d.profile.customers.get(model.customers.row))
            .cloned()
    {
        return open_number_edit(model, customer, Some(EditOp::Insert(c.to_string())));
    }
    match typed_char(key) {
        Some(c) if model.customers.col == NAME => on_paste(model, c.to_string()),
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
pub fn on_paste(model: &mut Model, text: String) -> Vec<Effect> {
    let col = model.customers.col;
    if col != NAME && workload(col).is_none() {
        return Vec::new();
    }
    let Some(customer) = model
        .draft
        .as_ref()
        .and_then(|d| d.profile.customers.get(model.customers.row))
        .cloned()
    else {
        return Vec::new();
    };
    if col == NAME {
        start_edit(model, TextField::default(), customer);
        return edit(model, EditOp::Insert(text));
    }
    open_number_edit(model, customer, Some(EditOp::Insert(text)))
}

fn editing_action(model: &mut Model, action: Action) -> Vec<Effect> {
    let leaves_the_cell = matches!(
        action,
        Action::Activate | Action::NextField | Action::PrevField
    );
    if leaves_the_cell && model.customers.repeats.is_some() {
        // The message under the cell says why; Esc takes the name back.
        return Vec::new();
    }
    match action {
        Action::Activate => commit_edit(model),
        Action::NextField => {
            commit_edit(model);
            next_cell(model, true);
        }
        Action::PrevField => {
            commit_edit(model);
            next_cell(model, false);
        }
        Action::Cancel => cancel_edit(model),
        _ => {}
    }
    keep_selection_visible(model);
    Vec::new()
}

/// Ends an edit keeping what was typed: the draft already holds the typed value, or the old
/// value while what is typed is refused.
pub fn commit_edit(model: &mut Model) {
    model.customers.edit = None;
    model.customers.problem = None;
    model.customers.repeats = None;
    model.customers.picker = None;
    model.customers.confirm_delete = false;
}

fn cancel_edit(model: &mut Model) {
    let row = model.customers.row;
    if let Some(edit) = model.customers.edit.take()
        && let Some(d) = &mut model.draft
        && row < d.profile.customers.len()
    {
        if edit.added {
            d.edit(|p| {
                p.customers.remove(row);
            });
            model.customers.row = row.saturating_sub(1);
        } else if d.profile.customers[row] != edit.original {
            d.edit_customer(row, |c| *c = edit.original);
        }
    }
    model.customers.problem = None;
    model.customers.repeats = None;
    keep_selection_visible(model);
}

/// A keystroke or paste in the cell being edited. Names take any text; number cells take
/// digits only, and a value that is not a count is refused with the old value kept.
pub fn edit(model: &mut Model, op: EditOp) -> Vec<Effect> {
    let row = model.customers.row;
    let col = model.customers.col;
    let Some(edit) = &mut model.customers.edit else {
        return Vec::new();
    };
    let Some(d) = &mut model.draft else {
        return Vec::new();
    };
    if row >= d.profile.customers.len() {
        return Vec::new();
    }
    if col == NAME {
        edit.field.apply(&op);
        if op.changes_text() {
            let name = edit.field.text().to_string();
            let repeats = d
                .assessment
                .customer_named(&d.profile.customers, &name, Some(row));
            d.edit_customer(row, |c| c.name = name);
            model.customers.repeats = repeats;
        }
        return Vec::new();
    }
    let Some(w) = workload(col) else {
        return Vec::new();
    };
    // Thousands separators in pasted numbers are accepted and dropped.
    let op = match op {
        EditOp::Insert(s) => EditOp::Insert(s.chars().filter(|c| *c != ',').collect()),
        other => other,
    };
    edit.field.apply(&op);
    if !op.changes_text() {
        return Vec::new();
    }
    // The field shows what was typed; the draft holds it when it is a count, else the old
    // value, which Enter then keeps (never a number cut short by a refused keystroke).
    let typed = edit.field.text();
    let parsed = if typed.chars().all(|c| c.is_ascii_digit()) {
        Count::parse(typed)
    } else {
        Err(Problem::NotWholeNumber {
            value: typed.to_string(),
        })
    };
    let count = match parsed {
        Ok(count) => {
            model.customers.problem = None;
            count
        }
        Err(problem) => {
            model.customers.problem = Some(problem);
            edit.original.active_users.get(w)
        }
    };
    if d.profile.customers[row].active_users.get(w) != count {
        let original = &edit.original;
        d.edit_customer(row, |c| {
            c.active_users.set(w, count);
            if count == original.active_users.get(w) {
                // Back to the value the edit began with: so are its report figures and source.
                c.licensed_users.set(w, original.licensed_users.get(w));
                c.active_users_in_7_days
                    .set(w, original.active_users_in_7_days.get(w));
                c.source = original.source.clone();
            } else {
                // A count typed by hand is no longer the report's: its report figures go,
                // and the numbers are said to be typed (SPEC.md §3).
                c.licensed_users.set(w, None);
                c.active_users_in_7_days.set(w, None);
                if c.source
                    .as_ref()
                    .is_some_and(|s| s.kind != SourceKind::Typed)
                {
                    c.source = Some(Box::new(Source::typed()));
                }
            }
        });
    }
    Vec::new()
}

fn picker_action(model: &mut Model, action: Action) -> Vec<Effect> {
    let last = Association::ALL.len() - 1;
    let row = model.customers.row;
    let Some(at) = model.customers.picker else {
        return Vec::new();
    };
    match action {
        Action::Up => model.customers.picker = Some(at.saturating_sub(1)),
        Action::Down => model.customers.picker = Some((at + 1).min(last)),
        Action::Activate | Action::Toggle => {
            model.customers.picker = None;
            let chosen = Association::ALL[at];
            if let Some(d) = &mut model.draft
                && d.profile.customers.get(row).map(|c| c.association) != Some(chosen)
            {
                d.edit_customer(row, |c| c.association = chosen);
            }
        }
        Action::Cancel => model.customers.picker = None,
        _ => {}
    }
    Vec::new()
}

fn confirm_action(model: &mut Model, action: Action) -> Vec<Effect> {
    model.customers.confirm_delete = false;
    if action == Action::Yes {
        let row = model.customers.row;
        if let Some(d) = &mut model.draft
            && row < d.profile.customers.len()
        {
            let name = d.profile.customers[row].name.clone();
            d.edit(|p| {
                p.customers.remove(row);
            });
            model.note = Some(super::super::app::Note::Deleted(name));
            model.customers.row = row.min(d.profile.customers.len().saturating_sub(1));
        }
        keep_selection_visible(model);
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

fn page_rows(model: &Model) -> usize {
    TableView::visible_rows(geometry(model.areas().body).table)
}

pub fn keep_selection_visible(model: &mut Model) {
    let rows = page_rows(model);
    let n = len(model);
    let s = &mut model.customers;
    s.row = s.row.min(n.saturating_sub(1));
    s.offset = table::scroll_to(s.offset, s.row, rows).min(n.saturating_sub(rows.max(1)));
    if s.row < s.offset {
        s.offset = s.row;
    }
}

fn columns(loc: &Locale, width: u16) -> Vec<Column> {
    let wide = width >= 110;
    let narrow = width < 76;
    // Eight columns hold 999,999; larger counts are shortened (the line under the table
    // has the exact value).
    let number = if wide {
        8
    } else if narrow {
        6
    } else {
        7
    };
    let association = if wide {
        16
    } else if narrow {
        7
    } else {
        9
    };
    let counted = if wide {
        10
    } else if narrow {
        7
    } else {
        9
    };
    let trial = crate::text::width(loc.t("wizard.customers.col_trial")).max(3) as u16;
    let fixed = association + trial + number * Workload::ALL.len() as u16 + counted;
    let gaps = |n: u16| n * table::GAP;
    let rest = width.saturating_sub(fixed + gaps(9));
    // Wide, the name and the reason share what is left; the name takes half, up to what
    // long tenant names need, and the reason the rest.
    let (name, note) = if rest >= 10 + 8 + table::GAP && wide {
        let name = (rest / 2).clamp(10, 32);
        (name, rest.saturating_sub(name + table::GAP))
    } else {
        (width.saturating_sub(fixed + gaps(8)).max(6), 0)
    };
    let col = |key: &str, width: u16, right: bool| Column {
        title: loc.t(key).to_string(),
        width,
        right,
    };
    let mut cols = vec![
        col("wizard.customers.col_name", name, false),
        col("wizard.customers.col_association", association, false),
        col("wizard.customers.col_trial", trial, false),
    ];
    for w in Workload::ALL {
        cols.push(col(
            &format!("wizard.customers.col_{}", w.id()),
            number,
            true,
        ));
    }
    cols.push(col("wizard.customers.col_counted", counted, true));
    if note > 0 {
        cols.push(col("wizard.customers.col_note", note, false));
    }
    cols
}

pub fn on_click(model: &mut Model, column: u16, row: u16) -> Vec<Effect> {
    if mode(model) != Mode::Normal {
        return Vec::new();
    }
    let g = geometry(model.areas().body);
    if row <= g.table.y || row >= g.table.bottom() {
        return Vec::new();
    }
    let target = model.customers.offset + usize::from(row - g.table.y - 1);
    if target >= len(model) {
        return Vec::new();
    }
    model.customers.row = target;
    let cols = columns(model.loc(), g.table.width);
    if let Some(c) = table::column_at(&cols, g.table.x, column) {
        model.customers.col = c.min(EDITABLE - 1);
    }
    Vec::new()
}

/// The association's name, or its short name where the column is too narrow for it (cut
/// full names would look alike: 有記錄可查的交易… and 有記錄可查的數位…).
fn association_label(loc: &Locale, association: Association, columns: u16) -> String {
    let full = association_name(loc, association);
    if crate::text::width(full) <= usize::from(columns) {
        return full.to_string();
    }
    loc.t(&format!("association_short.{}", association.id()))
        .to_string()
}

fn short_exclusion(loc: &Locale, reason: Exclusion) -> &str {
    loc.t(match reason {
        Exclusion::Duplicate => "counted_once.short",
        Exclusion::Trial => "wizard.customers.short.trial",
        Exclusion::NoAssociation => "wizard.customers.short.no_association",
        Exclusion::AssociationNotCounted => "wizard.customers.short.association_not_counted",
    })
}

pub fn draw(model: &Model, theme: &Theme, frame: &mut Frame, body: Rect) {
    draw_table(model, theme, frame, body);
}

fn draw_table(model: &Model, theme: &Theme, frame: &mut Frame, body: Rect) {
    let Some(draft) = &model.draft else {
        return;
    };
    let loc = model.loc();
    let s = &model.customers;
    let g = geometry(body);
    let cols = columns(loc, g.table.width);
    let customers = &draft.profile.customers;
    let results = &draft.assessment.customers;
    let view = TableView {
        columns: &cols,
        row_count: customers.len(),
        offset: s.offset,
        selected_row: (!customers.is_empty()).then_some(s.row),
        selected_col: Some(s.col),
    };
    let yes = loc.t("wizard.yes");
    let no = loc.t("wizard.no");
    view.draw(g.table, frame.buffer_mut(), theme, |row, col| {
        let c = &customers[row];
        let r = &results[row];
        match col {
            NAME => c.name.clone(),
            ASSOCIATION => association_label(loc, c.association, cols[ASSOCIATION].width),
            TRIAL => if c.trial { yes } else { no }.to_string(),
            8 => match r.excluded {
                Some(reason) => short_exclusion(loc, reason).to_string(),
                None => loc.compact_count(r.counted, usize::from(cols[8].width)),
            },
            // Short: the full sentence is on the line under the table.
            9 => match (r.excluded, r.top_workload) {
                (Some(reason), _) => exclusion_reason(loc, reason).to_string(),
                (None, Some(w)) => workload_name(loc, w).to_string(),
                (None, None) => loc.t("report.no_active_users").to_string(),
            },
            col => workload(col)
                .map(|w| {
                    loc.compact_count(c.active_users.get(w).into(), usize::from(cols[col].width))
                })
                .unwrap_or_default(),
        }
    });
    let buf = frame.buffer_mut();
    // A marker beside the selected row, so the selection shows without colour.
    if let Some(vr) = s.row.checked_sub(s.offset)
        && vr < TableView::visible_rows(g.table)
        && !customers.is_empty()
    {
        buf.set_string(g.table.x - 1, g.table.y + 1 + vr as u16, "›", theme.heading);
    }
    if customers.is_empty() {
        buf.set_line(
            g.table.x,
            g.table.y + 1,
            &Line::styled(loc.t("wizard.customers.empty"), theme.dim),
            g.table.width,
        );
    }

    let total = loc.plural(
        "wizard.customers.total",
        customers.len() as u64,
        &[
            ("total", &thousands(draft.assessment.active_entitlements)),
            ("excluded", &thousands(draft.excluded_rows.len() as u64)),
        ],
    );
    buf.set_line(
        g.total.x,
        g.total.y,
        &Line::styled(
            table::fit(&total, usize::from(g.total.width)),
            theme.heading,
        ),
        g.total.width,
    );

    let detail = if s.confirm_delete {
        let name = customers.get(s.row).map(|c| c.name.as_str()).unwrap_or("");
        Line::styled(
            loc.f(
                "wizard.customers.confirm_delete",
                &[("name", &crate::text::visible(name))],
            ),
            theme.warning,
        )
    } else if let (Some(c), Some(r)) = (customers.get(s.row), results.get(s.row)) {
        let mut text = loc.f(
            "wizard.customers.detail",
            &[
                ("name", &crate::text::visible(&c.name)),
                ("n", &thousands(r.counted)),
                (
                    "why",
                    &customer_note(loc, &draft.assessment, customers, s.row),
                ),
            ],
        );
        // A workload count shortened in its cell is given here in full, first.
        if let Some(w) = workload(s.col) {
            let exact = thousands(c.active_users.get(w).into());
            if exact.len() > usize::from(cols[s.col].width) {
                text = loc.f(
                    "wizard.customers.detail_cell",
                    &[
                        ("detail", &text),
                        ("workload", &workload_name(loc, w)),
                        ("n", &exact),
                    ],
                );
            }
        }
        // Where the numbers came from (typed, our CSV, a usage report and its date).
        if let Some(source) = &c.source {
            text = crate::report::import_words::with_source(loc, &text, source);
        }
        Line::styled(table::fit(&text, usize::from(g.detail.width)), theme.dim)
    } else {
        Line::default()
    };
    buf.set_line(g.detail.x, g.detail.y, &detail, g.detail.width);

    // The cell being edited, its caret, and the message under it.
    let visible_row = s
        .row
        .checked_sub(s.offset)
        .filter(|r| *r < TableView::visible_rows(g.table));
    let Some(vr) = visible_row else {
        return;
    };
    let y = g.table.y + 1 + vr as u16;
    let spans = table::column_spans(&cols, g.table.x);
    let (cx, cw) = spans[s.col.min(spans.len() - 1)];
    if let Some(edit) = &s.edit {
        let area = Rect::new(cx, y, cw.min(g.table.right().saturating_sub(cx)), 1);
        buf.set_style(area, theme.field);
        for x in area.x..area.right() {
            buf[(x, y)].set_symbol(" ");
        }
        if let Some(pos) = edit
            .field
            .draw(area, buf, theme.field.patch(theme.selected))
        {
            frame.set_cursor_position(pos);
        }
        let message = match (&s.problem, s.repeats) {
            (Some(problem), _) => Some(crate::messages::problem(loc, problem)),
            (None, Some(other)) => Some(loc.f(
                "counted_once.customer_exists",
                &[
                    (
                        "name",
                        &crate::text::visible(customers.get(other).map_or("", |c| c.name.trim())),
                    ),
                    ("row", &(other + 1)),
                ],
            )),
            (None, None) => None,
        };
        if let Some(message) = message {
            let message = format!("! {message}");
            let my = if y + 1 < g.table.bottom() {
                y + 1
            } else {
                g.total.y
            };
            let buf = frame.buffer_mut();
            let w = g.table.right().saturating_sub(cx);
            let mx = if crate::text::width(&message) > usize::from(w) {
                g.table.x
            } else {
                cx
            };
            let area = Rect::new(mx, my, g.table.right().saturating_sub(mx), 1);
            buf.set_style(area, theme.plain);
            for x in area.x..area.right() {
                buf[(x, my)].set_symbol(" ");
            }
            buf.set_line(
                mx,
                my,
                &Line::styled(table::fit(&message, usize::from(area.width)), theme.error),
                area.width,
            );
        }
    }
    if let Some(at) = s.picker {
        draw_picker(model, theme, frame, at, cx, y, body);
    }
}

fn draw_picker(
    model: &Model,
    theme: &Theme,
    frame: &mut Frame,
    at: usize,
    x: u16,
    y: u16,
    body: Rect,
) {
    let loc = model.loc();
    let Some(draft) = &model.draft else {
        return;
    };
    let rules = draft.rules();
    let labels: Vec<String> = Association::ALL
        .iter()
        .map(|a| {
            let name = association_name(loc, *a);
            if rules.counts_association(*a) {
                name.to_string()
            } else {
                loc.f("wizard.labels.not_counted", &[("name", &name)])
            }
        })
        .collect();
    let inner_width = labels
        .iter()
        .map(|l| crate::text::width(l))
        .max()
        .unwrap_or(10) as u16
        + 4;
    let height = labels.len() as u16 + 2;
    let width = (inner_width + 2).min(body.width);
    let x = x.min(body.right().saturating_sub(width));
    let y = if y + 1 + height <= body.bottom() {
        y + 1
    } else {
        y.saturating_sub(height).max(body.y)
    };
    let area = Rect::new(x, y, width, height.min(body.height));
    super::super::widgets::overlay::clear(area, frame.buffer_mut());
    let block = Block::bordered().title(Span::styled(
        loc.t("wizard.customers.col_association"),
        theme.heading,
    ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let buf = frame.buffer_mut();
    for (i, label) in labels.iter().enumerate() {
        if i as u16 >= inner.height {
            break;
        }
        let (marker, style) = if i == at {
            ("› ", theme.selected)
        } else {
            ("  ", theme.plain)
        };
        let line = Line::styled(format!("{marker}{label}"), style);
        buf.set_line(inner.x, inner.y + i as u16, &line, inner.width);
    }
}
