//! `=` on the Start screen: on one draft, then on another, shows the two side by side (the
//! same comparison as `cpc-wizard compare A B`), over the list until a key is pressed.

use std::path::Path;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Paragraph};

use crate::tui::{Effect, Model, Note, Screen};
use super::super::theme::Theme;
use super::super::widgets::overlay;
use crate::compare::{Comparison, render};
use crate::report::ReportFormat;

/// `=` on the selected draft: the first is marked, the second is compared with it.
pub fn mark(model: &mut Model) -> Vec<Effect> {
    if model.screen != Screen::Start {
        return Vec::new();
    }
    let Some(draft) = model
        .start
        .selected
        .checked_sub(1)
        .and_then(|i| model.start.drafts.get(i))
    else {
        return Vec::new();
    };
    match model.compare_mark.take() {
        Some(first) if first != draft.path => vec![Effect::Compare(first, draft.path.clone())],
        _ => {
            model.compare_mark = Some(draft.path.clone());
            model.note = Some(Note::CompareMarked(draft.name.clone()));
            Vec::new()
        }
    }
}

/// The comparison the loop made, shown.
pub fn show(model: &mut Model, comparison: Comparison) {
    model.note = None;
    model.comparison = Some(Box::new(comparison));
}

/// What the loop does for `Effect::Compare`: both drafts read and compared.
pub fn load(a: &Path, b: &Path) -> Result<Comparison, crate::store::StoreError> {
    let a = crate::store::load(a)?;
    let b = crate::store::load(b)?;
    Ok(crate::compare::compare(&a, &b))
}

pub fn draw(model: &Model, theme: &Theme, frame: &mut Frame) {
    let Some(comparison) = &model.comparison else {
        return;
    };
    let loc = model.loc();
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
