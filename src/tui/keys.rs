//! One table per screen and mode: key, action, label. The same tables feed the footer, the
//! `?` help overlay and the key → action mapping, so the three can never disagree.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// What a key asks for. Screens decide what each action means for them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Action {
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
    pub(crate) fn only_looks(self) -> bool {
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
pub(crate) struct Key {
    pub(crate) code: KeyCode,
    pub(crate) mods: KeyModifiers,
}

pub(super) const fn k(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::NONE,
    }
}

pub(super) const fn c(ch: char) -> Key {
    k(KeyCode::Char(ch))
}

pub(super) const fn ctrl(ch: char) -> Key {
    Key {
        code: KeyCode::Char(ch),
        mods: KeyModifiers::CONTROL,
    }
}

impl Key {
    pub(crate) fn matches(&self, event: &KeyEvent) -> bool {
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
pub(crate) struct Binding {
    pub(crate) keys: &'static [Key],
    /// The keys as printed in the footer and help: key caps, the same in every language.
    pub(crate) caps: &'static str,
    pub(crate) action: Action,
    /// Locale key of what the action does.
    pub(crate) label: &'static str,
    /// Shown in the footer (all bindings show in help).
    pub(crate) footer: bool,
}

pub(super) const fn b(
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

mod shared;
mod tables;

pub(crate) use tables::*;

/// A key from an input method in full-width mode, as the ASCII key it stands for
/// (`？` → `?`, `［`/`「` → `[`, `ｑ` → `q`, `１` → `1`, the ideographic space → space), so
/// every table and every screen reads it alike. Other keys are returned as they are.
pub(crate) fn normalise(event: KeyEvent) -> KeyEvent {
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
pub(crate) fn lookup(tables: &[&'static [Binding]], event: &KeyEvent) -> Option<Action> {
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
