//! The key tables: one per screen and mode, each binding a key to an action and a label.
//! A new key for a screen is one line in its table and its label in the locale files.

use ratatui::crossterm::event::KeyCode;

use super::shared::*;
use super::{Action, Binding, b, c, ctrl, k};

use Action as A;

/// Keys that work on every screen outside text fields (Ctrl-C and Ctrl-S work inside too).
pub(crate) const GLOBAL: &[Binding] = &[
    b(&[c('?')], "?", A::Help, "wizard.keys.help", true),
    b(&[c('q')], "q", A::Quit, "wizard.keys.quit", true),
    BIND_QUIT_ANYWHERE,
    b(&[ctrl('s')], "Ctrl-S", A::Save, "wizard.keys.save", false),
    b(
        &[c('L')],
        "L",
        A::SwitchLanguage,
        "wizard.keys.language",
        false,
    ),
    b(&[c('m')], "m", A::ToggleMouse, "wizard.keys.mouse", false),
    b(
        &[c('u'), ctrl('z')],
        "u/Ctrl-Z",
        A::Undo,
        "keyboard.key_undo",
        false,
    ),
    b(
        &[ctrl('r'), ctrl('y')],
        "Ctrl-R/Ctrl-Y",
        A::Redo,
        "keyboard.key_redo",
        false,
    ),
];

/// While the search line is open: printable keys are typed into the query.
pub(crate) const SEARCH: &[Binding] = &[
    b(
        &[k(KeyCode::Down), ctrl('n')],
        "↓/Ctrl-N",
        A::Down,
        "search.key_next",
        true,
    ),
    b(
        &[k(KeyCode::Up), ctrl('p')],
        "↑/Ctrl-P",
        A::Up,
        "search.key_prev",
        true,
    ),
    b(ENTER, "Enter", A::Activate, "search.key_keep", true),
    b(ESC, "Esc", A::Cancel, "search.key_return", true),
    BIND_CLEAR_FIELD,
    BIND_QUIT_ANYWHERE,
];

pub(crate) const START: &[Binding] = &[
    BIND_UP,
    BIND_DOWN,
    b(ENTER, "Enter", A::Activate, "wizard.keys.open", true),
    BIND_SEARCH,
    b(&[c('=')], "=", A::Compare, "compare.key", false),
    b(&[c('n')], "n", A::New, "wizard.keys.new_assessment", false),
    b(&[c('i')], "i", A::Import, "wizard.start_import.key", true),
    b(&[c('r')], "r", A::Rename, "wizard.drafts.key_rename", true),
    b(
        &[c('c')],
        "c",
        A::Duplicate,
        "wizard.drafts.key_duplicate",
        true,
    ),
    // Out of the footer (in help): at 80 columns it would push out search and quit.
    b(
        &[c('d'), k(KeyCode::Delete)],
        "d/Del",
        A::Delete,
        "wizard.drafts.key_delete",
        false,
    ),
    BIND_FIRST,
    BIND_LAST,
    BIND_PAGE_UP,
    BIND_PAGE_DOWN,
    b(ESC, "Esc", A::Cancel, "wizard.keys.quit", false),
];

/// While a draft is being opened from the Start screen or `edit`.
pub(crate) const OPENING: &[Binding] = &[
    b(ESC, "Esc", A::Cancel, "opening.key_stop", true),
    BIND_QUIT_ANYWHERE,
];

pub(crate) const MARKET: &[Binding] = &[
    BIND_UP,
    BIND_DOWN,
    b(
        ENTER,
        "Enter",
        A::Activate,
        "moving_on.choose_and_next",
        true,
    ),
    b(SPACE, "Space", A::Toggle, "wizard.keys.choose", true),
    b(TAB, "Tab", A::NextField, "wizard.keys.next_field", true),
    BIND_PREV_FIELD,
    BIND_NEXT_STEP,
    BIND_PREV_STEP,
    b(ESC, "Esc", A::Cancel, "wizard.keys.to_start", true),
];

pub(crate) const CUSTOMERS: &[Binding] = &[
    BIND_UP,
    BIND_DOWN,
    BIND_LEFT,
    BIND_RIGHT,
    BIND_NEXT_FIELD,
    BIND_PREV_FIELD,
    BIND_EDIT,
    b(SPACE, "Space", A::Toggle, "wizard.keys.toggle", false),
    b(&[c('a')], "a", A::New, "wizard.keys.add_customer", true),
    BIND_SEARCH,
    BIND_SEARCH_NEXT,
    BIND_SEARCH_PREV,
    b(&[c('i')], "i", A::Import, "wizard.import.key_open", true),
    // Out of the footer (in help): at 80 columns it would push out search and quit.
    b(
        &[c('d'), k(KeyCode::Delete)],
        "d/Del",
        A::Delete,
        "wizard.keys.delete",
        false,
    ),
    BIND_PAGE_UP,
    BIND_PAGE_DOWN,
    BIND_FIRST,
    BIND_LAST,
    BIND_NEXT_STEP,
    BIND_PREV_STEP,
    BIND_BACK,
];

pub(crate) const STAFF: &[Binding] = &[
    BIND_UP,
    BIND_DOWN,
    BIND_LEFT,
    BIND_RIGHT,
    BIND_NEXT_FIELD,
    BIND_PREV_FIELD,
    BIND_EDIT,
    b(SPACE, "Space", A::Toggle, "wizard.keys.toggle", true),
    b(&[c('a')], "a", A::New, "wizard.keys.add_person", true),
    BIND_SEARCH,
    BIND_SEARCH_NEXT,
    BIND_SEARCH_PREV,
    b(
        &[c('d'), k(KeyCode::Delete)],
        "d/Del",
        A::Delete,
        "wizard.keys.delete",
        false,
    ),
    BIND_PAGE_UP,
    BIND_PAGE_DOWN,
    BIND_FIRST,
    BIND_LAST,
    BIND_NEXT_STEP,
    BIND_PREV_STEP,
    BIND_BACK,
];

pub(crate) const REVIEW: &[Binding] = &[
    b(UP, "↑/k", A::Up, "wizard.keys.scroll_up", false),
    b(DOWN, "↓/j", A::Down, "wizard.keys.scroll_down", false),
    BIND_PAGE_UP,
    BIND_PAGE_DOWN,
    BIND_FIRST,
    BIND_LAST,
    b(&[c('e')], "e", A::Export, "wizard.keys.export", true),
    b(&[c('c')], "c", A::ExportCsv, "wizard.csv_export.key", true),
    b(&[c('o')], "o", A::ToggleOutlook, "outlook.key", true),
    b(
        PREV_STEP,
        "[/F7",
        A::PrevStep,
        "wizard.keys.prev_step",
        true,
    ),
    BIND_BACK,
];

/// While a text field is being edited: every other printable key is typed into the field.
pub(crate) const EDITING: &[Binding] = &[
    b(ENTER, "Enter", A::Activate, "wizard.keys.confirm", true),
    BIND_CANCEL_EDIT,
    b(TAB, "Tab", A::NextField, "wizard.keys.confirm_next", true),
    b(
        BACKTAB,
        "Shift-Tab",
        A::PrevField,
        "wizard.keys.confirm_prev",
        false,
    ),
    BIND_CLEAR_FIELD,
    b(&[ctrl('s')], "Ctrl-S", A::Save, "wizard.keys.save", false),
    BIND_QUIT_ANYWHERE,
];

/// While the name of a new assessment is typed on the Start screen.
pub(crate) const NAMING: &[Binding] = &[
    b(ENTER, "Enter", A::Activate, "wizard.keys.create", true),
    BIND_CANCEL_EDIT,
    BIND_CLEAR_FIELD,
    BIND_QUIT_ANYWHERE,
];

/// While the path of a CSV file to import is typed.
pub(crate) const IMPORT_PATH: &[Binding] = &[
    b(
        ENTER,
        "Enter",
        A::Activate,
        "wizard.import.key_import",
        true,
    ),
    BIND_CANCEL_EDIT,
    BIND_CLEAR_FIELD,
    BIND_QUIT_ANYWHERE,
];

/// While the result of an import is shown.
pub(crate) const IMPORT_RESULT: &[Binding] = &[
    b(UP, "↑/k", A::Up, "wizard.keys.scroll_up", false),
    b(DOWN, "↓/j", A::Down, "wizard.keys.scroll_down", false),
    b(PAGE_UP, "PgUp", A::PageUp, "wizard.keys.page_up", true),
    b(
        PAGE_DOWN,
        "PgDn",
        A::PageDown,
        "wizard.keys.page_down",
        true,
    ),
    BIND_FIRST,
    BIND_LAST,
    b(
        &[k(KeyCode::Enter), k(KeyCode::Esc)],
        "Enter/Esc",
        A::Cancel,
        "wizard.import.key_close",
        true,
    ),
    BIND_QUIT_ANYWHERE,
];

/// While an import runs (on its own thread): Esc or q stops it, and nothing is imported.
pub(crate) const IMPORT_RUNNING: &[Binding] = &[
    b(
        &[k(KeyCode::Esc), c('q')],
        "Esc",
        A::Cancel,
        "import.key_cancel",
        true,
    ),
    BIND_QUIT_ANYWHERE,
];

/// While a list of choices (the association) is open.
pub(crate) const PICKER: &[Binding] = &[
    BIND_UP,
    BIND_DOWN,
    b(
        &[k(KeyCode::Enter), c(' ')],
        "Enter",
        A::Activate,
        "wizard.keys.choose",
        true,
    ),
    BIND_CANCEL_EDIT,
    BIND_QUIT_ANYWHERE,
];

/// While a yes/no question is asked.
pub(crate) const CONFIRM: &[Binding] = &[
    b(&[c('y')], "y", A::Yes, "wizard.keys.yes", true),
    b(
        &[c('n'), k(KeyCode::Esc)],
        "n/Esc",
        A::No,
        "wizard.keys.no",
        true,
    ),
    BIND_QUIT_ANYWHERE,
];

/// While the help overlay is open: any key closes it; these are the ones named.
pub(crate) const HELP: &[Binding] = &[
    b(
        &[k(KeyCode::Esc), c('?'), c('q'), k(KeyCode::Enter)],
        "Esc/?",
        A::Cancel,
        "wizard.keys.close_help",
        true,
    ),
    BIND_QUIT_ANYWHERE,
];

/// While two drafts are shown side by side: the arrows scroll, Esc, q or Enter close (as
/// lazygit's panels do); other keys do nothing.
pub(crate) const COMPARISON: &[Binding] = &[
    b(UP, "↑/k", A::Up, "wizard.keys.scroll_up", false),
    b(DOWN, "↓/j", A::Down, "wizard.keys.scroll_down", false),
    b(PAGE_UP, "PgUp", A::PageUp, "wizard.keys.page_up", true),
    b(
        PAGE_DOWN,
        "PgDn",
        A::PageDown,
        "wizard.keys.page_down",
        true,
    ),
    BIND_FIRST,
    BIND_LAST,
    b(
        &[k(KeyCode::Esc), c('q'), k(KeyCode::Enter)],
        "Esc/q",
        A::Cancel,
        "compare.key_close",
        true,
    ),
    BIND_QUIT_ANYWHERE,
];

/// While a draft of the Start list gets a new name.
pub(crate) const RENAMING: &[Binding] = &[
    b(
        ENTER,
        "Enter",
        A::Activate,
        "wizard.drafts.key_do_rename",
        true,
    ),
    BIND_CANCEL_EDIT,
    BIND_CLEAR_FIELD,
    BIND_QUIT_ANYWHERE,
];

/// While the name of a "what if" copy is typed.
pub(crate) const DUPLICATING: &[Binding] = &[
    b(
        ENTER,
        "Enter",
        A::Activate,
        "wizard.drafts.key_do_duplicate",
        true,
    ),
    BIND_CANCEL_EDIT,
    BIND_CLEAR_FIELD,
    BIND_QUIT_ANYWHERE,
];

/// The draft asked for is open in another program.
pub(crate) const LOCKED: &[Binding] = &[
    b(
        &[c('r')],
        "r",
        A::OpenReadOnly,
        "wizard.drafts.key_read_only",
        true,
    ),
    b(
        &[k(KeyCode::Esc), c('n')],
        "Esc",
        A::Cancel,
        "wizard.drafts.key_cancel",
        true,
    ),
    BIND_QUIT_ANYWHERE,
];

/// The draft asked for cannot be read: start fresh beside it, or pick another.
pub(crate) const BROKEN: &[Binding] = &[
    b(&[c('n')], "n", A::New, "wizard.drafts.key_new_beside", true),
    b(
        ESC,
        "Esc",
        A::Cancel,
        "wizard.drafts.key_open_another",
        true,
    ),
    BIND_QUIT_ANYWHERE,
];

/// The draft's file was changed outside the program: reload it, or keep ours as a copy.
pub(crate) const CHANGED_ON_DISK: &[Binding] = &[
    b(&[c('r')], "r", A::Reload, "store_safety.key_reload", true),
    b(
        &[c('c')],
        "c",
        A::Duplicate,
        "store_safety.key_keep_copy",
        true,
    ),
    b(ESC, "Esc", A::Cancel, "store_safety.key_later", true),
    BIND_QUIT_ANYWHERE,
];

/// While the path of an export (Review's `e` or `c`) is typed.
pub(crate) const EXPORT_PATH: &[Binding] = &[
    b(ENTER, "Enter", A::Activate, "review_export.key_write", true),
    BIND_CANCEL_EDIT,
    BIND_CLEAR_FIELD,
    BIND_QUIT_ANYWHERE,
];

/// A file is already where the export was to go: replace it, or keep it.
pub(crate) const EXPORT_REPLACE: &[Binding] = &[
    b(&[c('y')], "y", A::Yes, "review_export.key_replace", true),
    b(
        &[c('n'), k(KeyCode::Esc)],
        "n/Esc",
        A::No,
        "review_export.key_keep",
        true,
    ),
    BIND_QUIT_ANYWHERE,
];
