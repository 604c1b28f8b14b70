//! The draft's file was changed outside cpc-wizard while it was open (as vim's "file
//! changed since reading it"): saving has stopped, so that change is not overwritten, and
//! this box asks what to do. `r` reloads the file as it is now (what was typed here since
//! the last save is dropped); `c` keeps what is here as a new draft beside it, leaving the
//! changed file as it is; Esc closes the box, and saving stays stopped until one of the two.

use std::path::PathBuf;

use crate::tui::canvas::Canvas;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::super::keys::Action;
use crate::text::{visible, width};
use crate::tui::context::ViewCtx;
use crate::tui::effect::Effect;

/// Whose change is kept, once the user has said.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct State {
    pub(crate) path: PathBuf,
    /// The box is shown (Esc hides it; saving stays stopped).
    pub asking: bool,
}

/// A save found the file changed: stop, and ask.
pub(crate) fn found(path: PathBuf) -> State {
    State { path, asking: true }
}

pub(crate) fn on_action(state: &mut State, action: Action) -> Vec<Effect> {
    match action {
        Action::Reload => vec![Effect::ReloadDraft(state.path.clone())],
        Action::Duplicate => vec![Effect::KeepAsCopy],
        Action::Cancel => {
            state.asking = false;
            Vec::new()
        }
        Action::Quit => vec![Effect::Quit],
        _ => Vec::new(),
    }
}

/// The box, over the middle of the screen.
pub(crate) fn draw(state: &Option<State>, cx: &ViewCtx, frame: &mut Canvas, area: Rect) {
    let Some(state) = state.as_ref().filter(|s| s.asking) else {
        return;
    };
    let (loc, theme) = (cx.loc, cx.theme);
    let message = visible(&loc.f(
        "store_safety.changed_on_disk",
        &[("path", &state.path.display())],
    ))
    .into_owned();
    let choices = loc.t("store_safety.changed_choices");
    let box_width = area.width.min(72);
    let inner_width = usize::from(box_width.saturating_sub(4).max(1));
    // Rows the wrapped text takes, with one to spare for breaks at word ends.
    let rows = |t: &str| width(t).div_ceil(inner_width) + 1;
    let needed = u16::try_from(rows(&message) + 1 + rows(choices) + 2).unwrap_or(u16::MAX);
    let height = needed.min(area.height);
    let box_area = Rect::new(
        area.x + (area.width - box_width) / 2,
        area.y + (area.height - height) / 2,
        box_width,
        height,
    );
    super::super::widgets::overlay::clear(box_area, frame.buffer_mut());
    let block = Block::bordered().title(Span::styled(
        format!(" {} ", loc.t("store_safety.changed_title")),
        theme.error,
    ));
    let inner = block.inner(box_area);
    frame.render_widget(block, box_area);
    let text = vec![
        Line::styled(message, theme.plain),
        Line::raw(""),
        Line::styled(choices, theme.heading),
    ];
    frame.render_widget(
        Paragraph::new(text).wrap(Wrap { trim: true }),
        Rect::new(
            inner.x + 1,
            inner.y,
            inner.width.saturating_sub(2),
            inner.height,
        ),
    );
}
