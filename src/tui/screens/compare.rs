//! `=` on the Start screen: on one draft, then on another, shows the two side by side (the
//! same comparison as `cpc-wizard compare A B`), over the list until Esc, q or Enter; a
//! long one scrolls.

use std::path::{Path, PathBuf};

use crate::tui::canvas::Canvas;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Widget};

use super::super::keys::Action;
use super::super::widgets::overlay;
use super::super::widgets::table::fit;
use crate::compare::{Comparison, render};
use crate::i18n::Locale;
use crate::report::ReportFormat;
use crate::tui::context::ViewCtx;
use crate::tui::effect::Effect;
use crate::tui::msg::DraftSummary;
use crate::tui::note::Note;
use crate::tui::widgets::put_line::PutLine;
use crate::tui::widgets::scroll_hint::{out_of_sight, scroll_text};

/// Two drafts compared, shown over the Start screen, and how far down it is scrolled.
#[derive(Debug, Clone)]
pub struct Shown {
    comparison: Box<Comparison>,
    scroll: usize,
}

pub(crate) fn shown(comparison: Box<Comparison>) -> Shown {
    Shown {
        comparison,
        scroll: 0,
    }
}

/// `=` on the selected draft (`selected`): the first is marked (`marked`), the second is
/// compared with it.
pub(crate) fn mark(
    marked: &mut Option<PathBuf>,
    selected: Option<&DraftSummary>,
    note: &mut Option<Note>,
) -> Vec<Effect> {
    let Some(draft) = selected else {
        return Vec::new();
    };
    match marked.take() {
        Some(first) if first != draft.path => vec![Effect::Compare(first, draft.path.clone())],
        _ => {
            *marked = Some(draft.path.clone());
            *note = Some(Note::CompareMarked(draft.name.clone()));
            Vec::new()
        }
    }
}

/// What the loop does for `Effect::Compare`: both drafts read and compared.
pub(crate) fn load(a: &Path, b: &Path) -> Result<Comparison, crate::store::StoreError> {
    let a = crate::store::load(a)?;
    let b = crate::store::load(b)?;
    Ok(crate::compare::compare(&a, &b))
}

/// The comparison's lines, as `cpc-wizard compare` prints them.
fn lines(comparison: &Comparison, loc: &Locale) -> Vec<String> {
    let text = render(comparison, ReportFormat::Text, loc);
    text.trim_end().lines().map(str::to_string).collect()
}

/// The box over the frame, and the rows inside its border.
fn boxes(frame: Rect) -> (Rect, Rect) {
    let box_area = Rect::new(
        frame.x + 1,
        frame.y + 1,
        frame.width.saturating_sub(2),
        frame.height.saturating_sub(2),
    );
    (
        box_area,
        Block::default().borders(Borders::ALL).inner(box_area),
    )
}

/// A key while the comparison is shown: it scrolls, or closes it. `frame` is the whole
/// terminal, as drawn.
pub(crate) fn on_action(shown: &mut Option<Shown>, action: Action, loc: &Locale, frame: Rect) {
    let Some(s) = shown else {
        return;
    };
    let rows = usize::from(boxes(frame).1.height);
    let total = lines(&s.comparison, loc).len();
    if !scroll_text(&mut s.scroll, action, total, rows) && action == Action::Cancel {
        *shown = None;
    }
}

pub(crate) fn draw(shown: &Option<Shown>, cx: &ViewCtx, frame: &mut Canvas) {
    let Some(shown) = shown else {
        return;
    };
    let (loc, theme) = (cx.loc, cx.theme);
    let (box_area, inner) = boxes(frame.area());
    let buf = frame.buffer_mut();
    overlay::clear(box_area, buf);
    Block::default()
        .borders(Borders::ALL)
        .title(format!(" {} ", loc.t("compare.title")))
        .title_bottom(format!(" {} ", loc.t("compare.close")))
        .border_style(theme.dim)
        .render(box_area, buf);
    let lines = lines(&shown.comparison, loc);
    let rows = inner.height;
    let total = lines.len();
    // After a resize the scroll may be past the end: the last page is shown.
    let scroll = shown.scroll.min(total.saturating_sub(usize::from(rows)));
    let w = usize::from(inner.width);
    for i in 0..rows {
        let n = scroll + usize::from(i);
        let y = inner.y + i;
        let line = match out_of_sight(loc, i, rows, scroll, total) {
            Some(hint) => Line::styled(fit(&hint, w), theme.dim),
            None => match lines.get(n) {
                Some(text) => Line::raw(fit(text, w)),
                None => break,
            },
        };
        buf.put_line(inner.x, y, &line, inner.width);
    }
}
