//! One table per screen and mode: key, action, label. The same tables feed the footer, the
//! `?` help overlay and the key → action mapping, so the three can never disagree.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// What a key asks for. Screens decide what each action means for them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    Quit,
    Save,
    Help,
    SwitchLanguage,
    ToggleMouse,
    NextStep,
    PrevStep,
    Up,
    Down,
    Left,
    Right,
    NextField,
    PrevField,
    PageUp,
    PageDown,
    First,
    Last,
    /// Enter: edit the cell, open the item, confirm.
    Activate,
    /// Space: toggle or choose.
    Toggle,
    /// Esc: cancel the edit, close, or go back.
    Cancel,
    New,
    Delete,
    Export,
    /// Customers in from a CSV file.
    Import,
    /// The customers out to a CSV file.
    ExportCsv,
    Yes,
    No,
    ClearField,
    /// Start screen: rename the selected draft.
    Rename,
    /// Start screen: a "what if" copy of the selected draft.
    Duplicate,
    /// Open a draft that is open elsewhere, read-only.
    OpenReadOnly,
    /// Read the draft's file again, as it was changed outside the program.
    Reload,

    /// Review: show the outlook instead of the result, or back.
    ToggleOutlook,
    /// Take back the last change to the draft.
    Undo,
    /// Make again the last change taken back.
    Redo,
    /// `/`: find a row by name.
    Search,
    /// `n` / `N` after a search: the next or previous match.
    SearchNext,
    SearchPrev,
    /// Start screen: `=` on a draft, then on another, compares the two.
    Compare,
}

impl Action {
    /// True for actions that only look around (move, page, help, leave, export a report)
    /// and so are offered on a read-only draft. Listing what is allowed, rather than what
    /// is not, keeps actions added later refused until thought about.
    pub fn only_looks(self) -> bool {
        use Action as A;
        matches!(
            self,
            A::Quit
                | A::Help
                | A::SwitchLanguage
                | A::ToggleMouse
                | A::NextStep
                | A::PrevStep
                | A::Up
                | A::Down
                | A::Left
                | A::Right
                | A::NextField
                | A::PrevField
                | A::PageUp
                | A::PageDown
                | A::First
                | A::Last
                | A::Cancel
                | A::Export
                | A::ExportCsv
                | A::ToggleOutlook
                | A::Search
                | A::SearchNext
                | A::SearchPrev
                | A::Compare
        )
    }
}

/// A key as the tables name it. Letters match whatever the Shift state (terminals differ in
/// reporting it); other keys match their modifiers exactly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

const fn k(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::NONE,
    }
}

const fn c(ch: char) -> Key {
    k(KeyCode::Char(ch))
}

const fn ctrl(ch: char) -> Key {
    Key {
        code: KeyCode::Char(ch),
        mods: KeyModifiers::CONTROL,
    }
}

impl Key {
    pub fn matches(&self, event: &KeyEvent) -> bool {
        let mods = event.modifiers - KeyModifiers::SHIFT;
        match (self.code, event.code) {
            (KeyCode::Char(a), KeyCode::Char(b)) => {
                a == b && (self.mods - KeyModifiers::SHIFT) == mods
            }
            (KeyCode::BackTab, KeyCode::BackTab) => true,
            (a, b) => a == b && self.mods == event.modifiers,
        }
    }
}

/// One row of a key table.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub keys: &'static [Key],
    /// The keys as printed in the footer and help: key caps, the same in every language.
    pub caps: &'static str,
    pub action: Action,
    /// Locale key of what the action does.
    pub label: &'static str,
    /// Shown in the footer (all bindings show in help).
    pub footer: bool,
}

const fn b(
    keys: &'static [Key],
    caps: &'static str,
    action: Action,
    label: &'static str,
    footer: bool,
) -> Binding {
    Binding {
        keys,
        caps,
        action,
        label,
        footer,
    }
}

use Action as A;

/// Keys that work on every screen outside text fields (Ctrl-C and Ctrl-S work inside too).
pub const GLOBAL: &[Binding] = &[
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

const UP: &[Key] = &[k(KeyCode::Up), c('k')];
const DOWN: &[Key] = &[k(KeyCode::Down), c('j')];
const LEFT: &[Key] = &[k(KeyCode::Left), c('h')];
const RIGHT: &[Key] = &[k(KeyCode::Right), c('l')];
const NEXT_STEP: &[Key] = &[c(']'), k(KeyCode::F(8))];
const PREV_STEP: &[Key] = &[c('['), k(KeyCode::F(7))];
const PAGE_UP: &[Key] = &[k(KeyCode::PageUp)];
const PAGE_DOWN: &[Key] = &[k(KeyCode::PageDown)];
const FIRST: &[Key] = &[k(KeyCode::Home), c('g')];
const LAST: &[Key] = &[k(KeyCode::End), c('G')];
const TAB: &[Key] = &[k(KeyCode::Tab)];
const BACKTAB: &[Key] = &[k(KeyCode::BackTab)];
const ENTER: &[Key] = &[k(KeyCode::Enter)];
const ESC: &[Key] = &[k(KeyCode::Esc)];
const SPACE: &[Key] = &[c(' ')];

// Rows that several tables share, so each is written once.
const BIND_QUIT_ANYWHERE: Binding = b(
    &[ctrl('c')],
    "Ctrl-C",
    A::Quit,
    "wizard.keys.quit_anywhere",
    false,
);
const BIND_CANCEL_EDIT: Binding = b(ESC, "Esc", A::Cancel, "wizard.keys.cancel_edit", true);
const BIND_UP: Binding = b(UP, "↑/k", A::Up, "wizard.keys.up", false);
const BIND_DOWN: Binding = b(DOWN, "↓/j", A::Down, "wizard.keys.down", false);
const BIND_CLEAR_FIELD: Binding = b(
    &[ctrl('u')],
    "Ctrl-U",
    A::ClearField,
    "wizard.keys.clear",
    true,
);
/// The table screens' cell keys (Customers, Staff).
const BIND_LEFT: Binding = b(LEFT, "←/h", A::Left, "wizard.keys.left", false);
const BIND_RIGHT: Binding = b(RIGHT, "→/l", A::Right, "wizard.keys.right", false);
const BIND_NEXT_FIELD: Binding = b(TAB, "Tab", A::NextField, "wizard.keys.next_field", false);
const BIND_EDIT: Binding = b(ENTER, "Enter", A::Activate, "wizard.keys.edit", true);
const BIND_FIRST: Binding = b(FIRST, "Home/g", A::First, "wizard.keys.first", false);
const BIND_LAST: Binding = b(LAST, "End/G", A::Last, "wizard.keys.last", false);
const BIND_PREV_FIELD: Binding = b(
    BACKTAB,
    "Shift-Tab",
    A::PrevField,
    "wizard.keys.prev_field",
    false,
);
const BIND_NEXT_STEP: Binding = b(
    NEXT_STEP,
    "]/F8",
    A::NextStep,
    "wizard.keys.next_step",
    true,
);
const BIND_PREV_STEP: Binding = b(
    PREV_STEP,
    "[/F7",
    A::PrevStep,
    "wizard.keys.prev_step",
    false,
);
const BIND_PAGE_UP: Binding = b(PAGE_UP, "PgUp", A::PageUp, "wizard.keys.page_up", false);
const BIND_PAGE_DOWN: Binding = b(
    PAGE_DOWN,
    "PgDn",
    A::PageDown,
    "wizard.keys.page_down",
    false,
);
const BIND_BACK: Binding = b(ESC, "Esc", A::Cancel, "wizard.keys.back", false);

const BIND_SEARCH: Binding = b(&[c('/')], "/", A::Search, "search.key", false);
const BIND_SEARCH_NEXT: Binding = b(&[c('n')], "n", A::SearchNext, "search.key_next", false);
const BIND_SEARCH_PREV: Binding = b(&[c('N')], "N", A::SearchPrev, "search.key_prev", false);

/// While the search line is open: printable keys are typed into the query.
pub const SEARCH: &[Binding] = &[
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

pub const START: &[Binding] = &[
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
    b(
        &[c('d'), k(KeyCode::Delete)],
        "d/Del",
        A::Delete,
        "wizard.drafts.key_delete",
        true,
    ),
    BIND_FIRST,
    BIND_LAST,
    b(ESC, "Esc", A::Cancel, "wizard.keys.quit", false),
];

/// While a draft is being opened from the Start screen or `edit`.
pub const OPENING: &[Binding] = &[
    b(ESC, "Esc", A::Cancel, "opening.key_stop", true),
    BIND_QUIT_ANYWHERE,
];

pub const MARKET: &[Binding] = &[
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

pub const CUSTOMERS: &[Binding] = &[
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
    b(
        &[c('d'), k(KeyCode::Delete)],
        "d/Del",
        A::Delete,
        "wizard.keys.delete",
        true,
    ),
    BIND_PAGE_UP,
    BIND_PAGE_DOWN,
    BIND_FIRST,
    BIND_LAST,
    BIND_NEXT_STEP,
    BIND_PREV_STEP,
    BIND_BACK,
];

pub const STAFF: &[Binding] = &[
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

pub const REVIEW: &[Binding] = &[
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
pub const EDITING: &[Binding] = &[
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
pub const NAMING: &[Binding] = &[
    b(ENTER, "Enter", A::Activate, "wizard.keys.create", true),
    BIND_CANCEL_EDIT,
    BIND_CLEAR_FIELD,
    BIND_QUIT_ANYWHERE,
];

/// While the path of a CSV file to import is typed.
pub const IMPORT_PATH: &[Binding] = &[
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
pub const IMPORT_RESULT: &[Binding] = &[
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
pub const IMPORT_RUNNING: &[Binding] = &[
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
pub const PICKER: &[Binding] = &[
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
pub const CONFIRM: &[Binding] = &[
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
pub const HELP: &[Binding] = &[
    b(
        &[k(KeyCode::Esc), c('?'), c('q'), k(KeyCode::Enter)],
        "Esc/?",
        A::Cancel,
        "wizard.keys.close_help",
        true,
    ),
    BIND_QUIT_ANYWHERE,
];

/// While two drafts are shown side by side: any key closes them.
pub const COMPARISON: &[Binding] = &[
    b(
        &[k(KeyCode::Esc), k(KeyCode::Enter)],
        "Esc",
        A::Cancel,
        "compare.key_close",
        true,
    ),
    BIND_QUIT_ANYWHERE,
];

/// While a draft of the Start list gets a new name.
pub const RENAMING: &[Binding] = &[
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
pub const DUPLICATING: &[Binding] = &[
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
pub const LOCKED: &[Binding] = &[
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
pub const BROKEN: &[Binding] = &[
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
pub const CHANGED_ON_DISK: &[Binding] = &[
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

/// A key from an input method in full-width mode, as the ASCII key it stands for
/// (`？` → `?`, `［`/`「` → `[`, `ｑ` → `q`, `１` → `1`, the ideographic space → space), so
/// every table and every screen reads it alike. Other keys are returned as they are.
pub fn normalise(event: KeyEvent) -> KeyEvent {
    let KeyCode::Char(ch) = event.code else {
        return event;
    };
    KeyEvent {
        code: KeyCode::Char(ascii_form(ch)),
        ..event
    }
}

/// The ASCII form of a full-width character (as numbers in files are read), with the
/// corner brackets as `[` `]`; or the character itself.
pub(crate) fn ascii_form(ch: char) -> char {
    match ch {
        '「' => '[',
        '」' => ']',
        _ => crate::text::ascii_form(ch),
    }
}

/// The first binding in `tables` (searched in order) that `event` matches.
pub fn lookup(tables: &[&'static [Binding]], event: &KeyEvent) -> Option<Action> {
    tables
        .iter()
        .flat_map(|t| t.iter())
        .find(|binding| binding.keys.iter().any(|key| key.matches(event)))
        .map(|binding| binding.action)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shifted_letters_and_backtab_match() {
        let shift_l = KeyEvent::new(KeyCode::Char('L'), KeyModifiers::SHIFT);
        assert_eq!(lookup(&[GLOBAL], &shift_l), Some(Action::SwitchLanguage));
        let backtab = KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(lookup(&[MARKET], &backtab), Some(Action::PrevField));
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(lookup(&[GLOBAL], &ctrl_c), Some(Action::Quit));
        let plain_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::NONE);
        assert_eq!(lookup(&[GLOBAL], &plain_c), None);
    }

    #[test]
    fn full_width_keys_act_as_their_ascii_keys() {
        let full = |ch| normalise(KeyEvent::new(KeyCode::Char(ch), KeyModifiers::NONE));
        assert_eq!(lookup(&[GLOBAL], &full('？')), Some(Action::Help));
        assert_eq!(lookup(&[GLOBAL], &full('ｑ')), Some(Action::Quit));
        assert_eq!(lookup(&[CUSTOMERS], &full('［')), Some(Action::PrevStep));
        assert_eq!(lookup(&[CUSTOMERS], &full('」')), Some(Action::NextStep));
        assert_eq!(lookup(&[CUSTOMERS], &full('ａ')), Some(Action::New));
        assert_eq!(
            lookup(&[CUSTOMERS], &full('\u{3000}')),
            Some(Action::Toggle)
        );
        assert_eq!(full('１').code, KeyCode::Char('1'));
        assert_eq!(full('台').code, KeyCode::Char('台'));
    }

    #[test]
    fn every_label_exists_in_both_locales() {
        use crate::i18n::{Lang, Locale};
        let tables = [
            GLOBAL,
            START,
            MARKET,
            CUSTOMERS,
            STAFF,
            REVIEW,
            EDITING,
            NAMING,
            PICKER,
            CONFIRM,
            HELP,
            RENAMING,
            DUPLICATING,
            LOCKED,
            BROKEN,
            CHANGED_ON_DISK,
            IMPORT_PATH,
            IMPORT_RESULT,
            IMPORT_RUNNING,
            OPENING,
            SEARCH,
            COMPARISON,
        ];
        for lang in Lang::ALL {
            let loc = Locale::get(lang);
            for binding in tables.iter().flat_map(|t| t.iter()) {
                assert_ne!(loc.t(binding.label), binding.label, "{lang:?}");
            }
        }
    }
}
