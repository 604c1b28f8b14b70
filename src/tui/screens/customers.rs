//! Customers: an editable table, one row per customer tenant, with the counted value and
//! why a customer is excluded. Only the visible rows are built and drawn; the total comes
//! from the assessment.

use ratatui::Frame;
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
use crate::tui::{Effect, Mode, Note, Screen};

const NAME: usize = 0;
const ASSOCIATION: usize = 1;
const TRIAL: usize = 2;
const FIRST_WORKLOAD: usize = 3;
/// Columns the cursor can stand on: name, association, trial and the five workloads.
const EDITABLE: usize = FIRST_WORKLOAD + Workload::ALL.len();

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

/// The one way a number cell's edit opens, by Enter, a digit or a paste: with the whole
/// value selected, so that what is typed first replaces it (arrows keep it, to change it).
fn open_number_edit(
    s: &mut State,
    cx: &mut Ctx,
    customer: Customer,
    first: Option<EditOp>,
) -> Vec<Effect> {
    let Some(w) = workload(s.col) else {
        return Vec::new();
    };
    let value = customer.active_users.get(w).get().to_string();
    start_edit(s, TextField::selected(value), customer);
    match first {
        Some(op) => edit(s, cx, op),
        None => Vec::new(),
    }
}

fn start_edit(s: &mut State, field: TextField, original: Customer) {
    s.problem = None;
    s.repeats = None;
    s.edit = Some(CellEdit {
        field,
        original,
        added: false,
    });
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

fn editing_action(s: &mut State, cx: &mut Ctx, action: Action) -> Vec<Effect> {
    let leaves_the_cell = matches!(
        action,
        Action::Activate | Action::NextField | Action::PrevField
    );
    if leaves_the_cell && s.repeats.is_some() {
        // The message under the cell says why; Esc takes the name back.
        return Vec::new();
    }
    match action {
        Action::Activate => commit_edit(s),
        Action::NextField => {
            commit_edit(s);
            next_cell(s, cx, true);
        }
        Action::PrevField => {
            commit_edit(s);
            next_cell(s, cx, false);
        }
        Action::Cancel => cancel_edit(s, cx),
        _ => {}
    }
    keep_selection_visible(s, cx.draft, cx.body);
    Vec::new()
}

/// Ends an edit keeping what was typed: the draft already holds the typed value, or the old
/// value while what is typed is refused.
pub(crate) fn commit_edit(s: &mut State) {
    s.edit = None;
    s.problem = None;
    s.repeats = None;
    s.picker = None;
    s.confirm_delete = false;
}

fn cancel_edit(s: &mut State, cx: &mut Ctx) {
    let row = s.row;
    if let Some(edit) = s.edit.take()
        && let Some(d) = &mut cx.draft
        && row < d.profile.customers.len()
    {
        if edit.added {
            d.edit(|p| {
                p.customers.remove(row);
            });
            s.row = row.saturating_sub(1);
        } else if d.profile.customers[row] != edit.original {
            d.edit_customer(row, |c| *c = edit.original);
        }
    }
    s.problem = None;
    s.repeats = None;
    keep_selection_visible(s, cx.draft, cx.body);
}

/// A keystroke or paste in the cell being edited. Names take any text; number cells take
/// digits only, and a value that is not a count is refused with the old value kept.
pub(crate) fn edit(s: &mut State, cx: &mut Ctx, op: EditOp) -> Vec<Effect> {
    let row = s.row;
    let col = s.col;
    let Some(edit) = &mut s.edit else {
        return Vec::new();
    };
    let Some(d) = &mut cx.draft else {
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
            s.repeats = repeats;
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
            s.problem = None;
            count
        }
        Err(problem) => {
            s.problem = Some(problem);
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

pub(crate) fn draw(s: &State, cx: &ViewCtx, frame: &mut Frame, body: Rect) {
    let theme = cx.theme;
    let Some(draft) = &cx.draft else {
        return;
    };
    let loc = cx.loc;
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
            text = crate::import::words::with_source(loc, &text, source);
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
    let (x, cw) = spans[s.col.min(spans.len() - 1)];
    if let Some(edit) = &s.edit {
        let area = Rect::new(x, y, cw.min(g.table.right().saturating_sub(x)), 1);
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
            let w = g.table.right().saturating_sub(x);
            let mx = if crate::text::width(&message) > usize::from(w) {
                g.table.x
            } else {
                x
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
        draw_picker(cx, frame, at, x, y, body);
    }
}

fn draw_picker(cx: &ViewCtx, frame: &mut Frame, at: usize, x: u16, y: u16, body: Rect) {
    let (loc, theme) = (cx.loc, cx.theme);
    let Some(draft) = cx.draft else {
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
