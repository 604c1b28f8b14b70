//! `/` on Customers, Staff and Start: rows found by name as the query is typed, ignoring
//! case and full/half width; ↓/↑ (Ctrl-N/P) go to the next/previous match while the line is
//! open, Enter keeps the selection, Esc returns to where the user was. After Enter, `n`/`N`
//! repeat the search on Customers and Staff.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::tui::{Effect, Model, Screen};
use super::super::keys::{Action, ascii_form};
use super::{customers, staff, start};
use super::super::theme::Theme;
use super::super::widgets::text_field::{EditOp, TextField};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Search {
    pub field: TextField,
    /// The row selected when the search opened, to return to on Esc.
    origin: usize,
    /// No row matches the query.
    pub missing: bool,
}

/// Whether `/` searches on this screen.
pub fn offered(screen: Screen) -> bool {
    matches!(screen, Screen::Customers | Screen::Staff | Screen::Start)
}

pub fn open(model: &mut Model) -> Vec<Effect> {
    if offered(model.screen) && model.draft.is_some() == (model.screen != Screen::Start) {
        model.search = Some(Search {
            field: TextField::default(),
            origin: selected(model),
            missing: false,
        });
    }
    Vec::new()
}

pub fn on_action(model: &mut Model, action: Action) -> Vec<Effect> {
    let Some(search) = model.search.clone() else {
        return Vec::new();
    };
    match action {
        Action::Activate => {
            model.last_search = Some(search.field.text().to_string());
            model.search = None;
        }
        Action::Cancel => {
            select(model, search.origin);
            model.search = None;
        }
        Action::Down => go(model, search.field.text(), true, false),
        Action::Up => go(model, search.field.text(), false, false),
        Action::ClearField => return edit(model, EditOp::Clear),
        _ => {}
    }
    Vec::new()
}

/// `n` / `N` after a search: the next or previous match of the last query.
pub fn repeat(model: &mut Model, forward: bool) -> Vec<Effect> {
    if let Some(query) = model.last_search.clone() {
        go(model, &query, forward, false);
    }
    Vec::new()
}

pub fn edit(model: &mut Model, op: EditOp) -> Vec<Effect> {
    let Some(search) = &mut model.search else {
        return Vec::new();
    };
    search.field.apply(&op);
    let query = search.field.text().to_string();
    let origin = search.origin;
    // The first match from where the search began, as the query grows or shrinks.
    select(model, origin);
    go(model, &query, true, true);
    Vec::new()
}

/// Selects the next (or previous) row whose name holds `query`, from the selected row
/// (itself included when `here`), going round the end.
fn go(model: &mut Model, query: &str, forward: bool, here: bool) {
    let query = fold(query);
    let names = names(model);
    let count = names.len();
    let found = if query.is_empty() || count == 0 {
        None
    } else {
        let from = selected(model).min(count - 1);
        (0..count)
            .map(|step| {
                let step = if here { step } else { step + 1 };
                if forward {
                    (from + step) % count
                } else {
                    (from + count * 2 - step) % count
                }
            })
            .find(|&i| fold(&names[i]).contains(&query))
    };
    if let Some(i) = found {
        select(model, i);
    }
    if let Some(search) = &mut model.search {
        search.missing = found.is_none() && !query.is_empty();
    }
}

/// A name as compared: lower case, full-width forms as their ASCII letters.
fn fold(text: &str) -> String {
    text.chars()
        .map(ascii_form)
        .flat_map(char::to_lowercase)
        .collect()
}

/// The rows' names, in list order (the Start list without its "new assessment" row).
fn names(model: &Model) -> Vec<String> {
    match model.screen {
        Screen::Start => model.start.drafts.iter().map(|d| d.name.clone()).collect(),
        Screen::Customers => model.draft.as_ref().map_or_else(Vec::new, |d| {
            d.profile.customers.iter().map(|c| c.name.clone()).collect()
        }),
        Screen::Staff => model.draft.as_ref().map_or_else(Vec::new, |d| {
            d.profile.staff.iter().map(|p| p.name.clone()).collect()
        }),
        _ => Vec::new(),
    }
}

fn selected(model: &Model) -> usize {
    match model.screen {
        Screen::Start => model.start.selected.saturating_sub(1),
        Screen::Customers => model.customers.row,
        Screen::Staff => model.staff.row,
        _ => 0,
    }
}

fn select(model: &mut Model, row: usize) {
    match model.screen {
        Screen::Start if !model.start.drafts.is_empty() => {
            model.start.selected = row.min(model.start.drafts.len() - 1) + 1;
            start::keep_selection_visible(model);
        }
        Screen::Customers => {
            model.customers.row = row;
            customers::keep_selection_visible(model);
        }
        Screen::Staff => {
            model.staff.row = row;
            staff::keep_selection_visible(model);
        }
        _ => {}
    }
}

/// The search line, in the status line's place while it is open.
pub fn draw(model: &Model, theme: &Theme, frame: &mut Frame, area: Rect) {
    let Some(search) = &model.search else {
        return;
    };
    let loc = model.loc();
    let label = if search.missing {
        loc.t("search.no_match")
    } else {
        loc.t("search.label")
    };
    let label = format!(" {label} /");
    let label_width = crate::text::width(&label) as u16;
    frame.render_widget(ratatui::widgets::Clear, area.intersection(frame.area()));
    let buf = frame.buffer_mut();
    buf.set_line(
        area.x,
        area.y,
        &Line::styled(
            label,
            if search.missing {
                theme.error
            } else {
                theme.key
            },
        ),
        area.width,
    );
    let field = Rect::new(
        area.x + label_width.min(area.width),
        area.y,
        area.width.saturating_sub(label_width),
        area.height,
    );
    if let Some(at) = search.field.draw(field, buf, theme.plain) {
        frame.set_cursor_position(at);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_compare_without_case_or_width() {
        assert!(fold("ＣＯＮＴＯＳＯ Ltd").contains(&fold("contoso")));
        assert!(fold("台北資訊").contains(&fold("台北")));
    }
}
