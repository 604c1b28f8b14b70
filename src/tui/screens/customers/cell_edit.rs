//! Editing one cell: a name takes any text; a number cell takes digits only, keeps the old
//! value while what is typed is not a count, and says why under the cell.

use super::*;
use crate::tui::widgets::table_nav::CellKey;

/// The one way a number cell's edit opens, by Enter, a digit or a paste: with the whole
/// value selected, so that what is typed first replaces it (arrows keep it, to change it).
pub(super) fn open_number_edit(
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

pub(super) fn start_edit(s: &mut State, field: TextField, original: Customer) {
    s.problem = None;
    s.repeats = None;
    s.edit = Some(CellEdit {
        field,
        original,
        added: false,
    });
}

pub(super) fn editing_action(s: &mut State, cx: &mut Ctx, action: Action) -> Vec<Effect> {
    match table_nav::cell_key(action, s.repeats.is_some()) {
        CellKey::Keep => commit_edit(s),
        CellKey::KeepAndMove { forward } => {
            commit_edit(s);
            next_cell(s, cx, forward);
        }
        CellKey::TakeBack => cancel_edit(s, cx),
        CellKey::Nothing => {}
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
