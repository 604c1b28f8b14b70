//! A mouse click: on the step bar it goes to that step; on a screen, the screen says what
//! was clicked.

use super::*;

pub(super) fn on_click(model: &mut Model, column: u16, row: u16) -> Vec<Effect> {
    if model.help {
        model.help = false;
        return Vec::new();
    }
    // The import panel is over the screen: nothing under it is clicked.
    if model.import.is_some() {
        return Vec::new();
    }
    // A click on a market chooses it: a change, refused on a read-only draft (clicks on the
    // tables only select).
    if model.screen == Screen::Market && model.draft.as_ref().is_some_and(|d| d.read_only) {
        model.note = Some(Note::Drafts(DraftNote::ReadOnlyRefused));
        return Vec::new();
    }
    let areas = model.areas();
    if let Some(steps) = areas.steps
        && row == steps.y
    {
        if model.mode() != Mode::Normal {
            return Vec::new();
        }
        let loc = model.loc();
        if let Some(i) = crate::tui::view::step_at(loc, steps, column) {
            return model.go_to(Screen::STEPS[i]);
        }
        return Vec::new();
    }
    match model.screen {
        Screen::Start => on_screen!(model, start, |s, cx| start::on_click(s, cx, column, row)),
        Screen::Market => on_screen!(model, market, |s, cx| market::on_click(s, cx, column, row)),
        Screen::Customers => on_screen!(model, customers, |s, cx| customers::on_click(
            s, cx, column, row
        )),
        Screen::Staff => on_screen!(model, staff, |s, cx| staff::on_click(s, cx, column, row)),
        Screen::Review => Vec::new(),
    }
}
