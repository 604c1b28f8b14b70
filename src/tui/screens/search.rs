//! `/` on Customers, Staff and Start: rows found by name as the query is typed, ignoring
//! case and full/half width; ↓/↑ (Ctrl-N/P) go to the next/previous match while the line is
//! open, Enter keeps the selection, Esc returns to where the user was. After Enter, `n`/`N`
//! repeat the search on Customers and Staff.

use crate::tui::canvas::Canvas;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::super::keys::{Action, ascii_form};
use super::super::widgets::text_field::{EditOp, TextField};
use crate::tui::context::ViewCtx;
use crate::tui::effect::Effect;
use crate::tui::screen::Screen;
use crate::tui::widgets::put_line::PutLine;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Search {
    pub(crate) field: TextField,
    /// The row selected when the search opened, to return to on Esc.
    origin: usize,
    /// No row matches the query.
    pub(crate) missing: bool,
}

/// Whether `/` searches on this screen.
pub(crate) fn offered(screen: Screen) -> bool {
    matches!(screen, Screen::Customers | Screen::Staff | Screen::Start)
}

/// A list that `/` searches: its rows' names and its selection. Each searchable screen
/// gives one.
pub(crate) trait Searchable {
    /// Every row's name, in list order.
    fn names(&self) -> Vec<String>;
    fn selected(&self) -> usize;
    fn select(&mut self, row: usize);
}

/// Opens the search line over `list`.
pub(crate) fn open(list: &dyn Searchable) -> Search {
    Search {
        field: TextField::default(),
        origin: list.selected(),
        missing: false,
    }
}

/// A key while the line is open; the query kept with Enter goes to `last` for `n` / `N`.
pub(crate) fn on_action(
    open: &mut Option<Search>,
    last: &mut Option<String>,
    list: &mut dyn Searchable,
    action: Action,
) -> Vec<Effect> {
    let Some(search) = open.clone() else {
        return Vec::new();
    };
    match action {
        Action::Activate => {
            *last = Some(search.field.text().to_string());
            *open = None;
        }
        Action::Cancel => {
            list.select(search.origin);
            *open = None;
        }
        Action::Down => go(open, list, search.field.text(), true, false),
        Action::Up => go(open, list, search.field.text(), false, false),
        Action::ClearField => return edit(open, list, EditOp::Clear),
        _ => {}
    }
    Vec::new()
}

/// `n` / `N` after a search: the next or previous match of the last query.
pub(crate) fn repeat(
    last: &Option<String>,
    list: &mut dyn Searchable,
    forward: bool,
) -> Vec<Effect> {
    if let Some(query) = last {
        go(&mut None, list, query, forward, false);
    }
    Vec::new()
}

pub(crate) fn edit(
    open: &mut Option<Search>,
    list: &mut dyn Searchable,
    op: EditOp,
) -> Vec<Effect> {
    let Some(search) = open else {
        return Vec::new();
    };
    search.field.apply(&op);
    let query = search.field.text().to_string();
    let origin = search.origin;
    // The first match from where the search began, as the query grows or shrinks.
    list.select(origin);
    go(open, list, &query, true, true);
    Vec::new()
}

/// Selects the next (or previous) row whose name holds `query`, from the selected row
/// (itself included when `here`), going round the end.
fn go(
    open: &mut Option<Search>,
    list: &mut dyn Searchable,
    query: &str,
    forward: bool,
    here: bool,
) {
    let query = fold(query);
    let names = list.names();
    let count = names.len();
    let found = if query.is_empty() || count == 0 {
        None
    } else {
        let from = list.selected().min(count - 1);
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
        list.select(i);
    }
    if let Some(search) = open {
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

/// The search line, in the status line's place while it is open.
pub(crate) fn draw(search: &Option<Search>, cx: &ViewCtx, frame: &mut Canvas, area: Rect) {
    let Some(search) = search else {
        return;
    };
    let (loc, theme) = (cx.loc, cx.theme);
    let label = if search.missing {
        loc.t("search.no_match")
    } else {
        loc.t("search.label")
    };
    let label = format!(" {label} /");
    let label_width = crate::text::width(&label) as u16;
    frame.render_widget(ratatui::widgets::Clear, area.intersection(frame.area()));
    let buf = frame.buffer_mut();
    buf.put_line(
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
