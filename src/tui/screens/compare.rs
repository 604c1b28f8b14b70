//! `=` on the Start screen: on one draft, then on another, shows the two side by side (the
//! same comparison as `cpc-wizard compare A B`), over the list until a key is pressed.

use std::path::{Path, PathBuf};

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Paragraph};

use super::super::widgets::overlay;
use crate::compare::{Comparison, render};
use crate::report::ReportFormat;
use crate::tui::context::ViewCtx;
use crate::tui::{DraftSummary, Effect, Note};

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

pub(crate) fn draw(comparison: &Option<Box<Comparison>>, cx: &ViewCtx, frame: &mut Frame) {
    let Some(comparison) = comparison else {
        return;
    };
    let (loc, theme) = (cx.loc, cx.theme);
    let area = frame.area();
    let text = render(comparison, ReportFormat::Text, loc);
    let box_area = Rect::new(
        area.x + 1,
        area.y + 1,
        area.width.saturating_sub(2),
        area.height.saturating_sub(2),
    );
    overlay::clear(box_area, frame.buffer_mut());
    frame.render_widget(
        Paragraph::new(text).block(
            Block::default()
                .borders(Borders::ALL)
                .title(format!(" {} ", loc.t("compare.title")))
                .title_bottom(format!(" {} ", loc.t("compare.close")))
                .border_style(theme.dim),
        ),
        box_area,
    );
}
