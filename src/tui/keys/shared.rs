//! The keys and rows that several key tables share, so each is written once.

use ratatui::crossterm::event::KeyCode;

use super::{Action, Binding, Key, b, c, ctrl, k};

use Action as A;

pub(super) const UP: &[Key] = &[k(KeyCode::Up), c('k')];
pub(super) const DOWN: &[Key] = &[k(KeyCode::Down), c('j')];
pub(super) const LEFT: &[Key] = &[k(KeyCode::Left), c('h')];
pub(super) const RIGHT: &[Key] = &[k(KeyCode::Right), c('l')];
pub(super) const NEXT_STEP: &[Key] = &[c(']'), k(KeyCode::F(8))];
pub(super) const PREV_STEP: &[Key] = &[c('['), k(KeyCode::F(7))];
pub(super) const PAGE_UP: &[Key] = &[k(KeyCode::PageUp)];
pub(super) const PAGE_DOWN: &[Key] = &[k(KeyCode::PageDown)];
pub(super) const FIRST: &[Key] = &[k(KeyCode::Home), c('g')];
pub(super) const LAST: &[Key] = &[k(KeyCode::End), c('G')];
pub(super) const TAB: &[Key] = &[k(KeyCode::Tab)];
pub(super) const BACKTAB: &[Key] = &[k(KeyCode::BackTab)];
pub(super) const ENTER: &[Key] = &[k(KeyCode::Enter)];
pub(super) const ESC: &[Key] = &[k(KeyCode::Esc)];
pub(super) const SPACE: &[Key] = &[c(' ')];

// Rows that several tables share, so each is written once.
pub(super) const BIND_QUIT_ANYWHERE: Binding = b(
    &[ctrl('c')],
    "Ctrl-C",
    A::Quit,
    "wizard.keys.quit_anywhere",
    false,
);
pub(super) const BIND_CANCEL_EDIT: Binding =
    b(ESC, "Esc", A::Cancel, "wizard.keys.cancel_edit", true);
pub(super) const BIND_UP: Binding = b(UP, "↑/k", A::Up, "wizard.keys.up", false);
pub(super) const BIND_DOWN: Binding = b(DOWN, "↓/j", A::Down, "wizard.keys.down", false);
pub(super) const BIND_CLEAR_FIELD: Binding = b(
    &[ctrl('u')],
    "Ctrl-U",
    A::ClearField,
    "wizard.keys.clear",
    true,
);
/// The table screens' cell keys (Customers, Staff).
pub(super) const BIND_LEFT: Binding = b(LEFT, "←/h", A::Left, "wizard.keys.left", false);
pub(super) const BIND_RIGHT: Binding = b(RIGHT, "→/l", A::Right, "wizard.keys.right", false);
pub(super) const BIND_NEXT_FIELD: Binding =
    b(TAB, "Tab", A::NextField, "wizard.keys.next_field", false);
pub(super) const BIND_EDIT: Binding = b(ENTER, "Enter", A::Activate, "wizard.keys.edit", true);
pub(super) const BIND_FIRST: Binding = b(FIRST, "Home/g", A::First, "wizard.keys.first", false);
pub(super) const BIND_LAST: Binding = b(LAST, "End/G", A::Last, "wizard.keys.last", false);
pub(super) const BIND_PREV_FIELD: Binding = b(
    BACKTAB,
    "Shift-Tab",
    A::PrevField,
    "wizard.keys.prev_field",
    false,
);
pub(super) const BIND_NEXT_STEP: Binding = b(
    NEXT_STEP,
    "]/F8",
    A::NextStep,
    "wizard.keys.next_step",
    true,
);
pub(super) const BIND_PREV_STEP: Binding = b(
    PREV_STEP,
    "[/F7",
    A::PrevStep,
    "wizard.keys.prev_step",
    false,
);
pub(super) const BIND_PAGE_UP: Binding =
    b(PAGE_UP, "PgUp", A::PageUp, "wizard.keys.page_up", false);
pub(super) const BIND_PAGE_DOWN: Binding = b(
    PAGE_DOWN,
    "PgDn",
    A::PageDown,
    "wizard.keys.page_down",
    false,
);
pub(super) const BIND_BACK: Binding = b(ESC, "Esc", A::Cancel, "wizard.keys.back", false);

pub(super) const BIND_SEARCH: Binding = b(&[c('/')], "/", A::Search, "search.key", true);
pub(super) const BIND_SEARCH_NEXT: Binding =
    b(&[c('n')], "n", A::SearchNext, "search.key_next", false);
pub(super) const BIND_SEARCH_PREV: Binding =
    b(&[c('N')], "N", A::SearchPrev, "search.key_prev", false);
