//! The wizard's state: the open draft, the screen shown, each screen's own state, and what
//! every screen shares (language, size, the status line).

use std::path::PathBuf;

use super::draft::Draft;
use super::effect::Effect;
use super::keys::{self, Binding};
use super::layout::Areas;
use super::mode::Mode;
use super::note::Note;
use super::screen::Screen;
use super::screens::import::{self, Import};
use super::screens::{changed_on_disk, customers, market, review, staff, start};
use super::theme::Theme;
use crate::i18n::{Lang, Locale};
use crate::profile::Profile;

#[derive(Debug, Clone)]
pub struct Model {
    pub lang: Lang,
    pub(crate) no_color: bool,
    pub width: u16,
    pub height: u16,
    pub screen: Screen,
    pub draft: Option<Draft>,
    pub help: bool,
    pub note: Option<Note>,
    pub mouse_capture: bool,
    pub start: start::State,
    pub market: market::State,
    pub customers: customers::State,
    pub staff: staff::State,
    pub review: review::State,
    /// A CSV import: its path field, or what it did. On the Customers screen into the draft;
    /// on the Start screen into a new draft, whose first step then shows the result.
    pub import: Option<Import>,
    /// The draft's file was changed outside the program: saving has stopped, and the user
    /// is asked whose version to keep.
    pub changed_on_disk: Option<changed_on_disk::State>,
    /// The `/` search line, while open.
    pub search: Option<super::screens::search::Search>,
    /// The last query kept with Enter, for `n` / `N`.
    pub(crate) last_search: Option<String>,
    /// The draft `=` was pressed on first, to compare with the next.
    pub(crate) compare_mark: Option<PathBuf>,
    /// Two drafts side by side, over the Start screen until closed.
    pub comparison: Option<super::screens::compare::Shown>,
}

impl Model {
    /// A model on the Start screen.
    pub fn new(lang: Lang, drafts_folder: PathBuf) -> Model {
        Model {
            lang,
            no_color: false,
            width: 80,
            height: 24,
            screen: Screen::Start,
            draft: None,
            help: false,
            note: None,
            mouse_capture: true,
            start: start::State {
                folder: drafts_folder,
                ..Default::default()
            },
            market: market::State::default(),
            customers: customers::State::default(),
            staff: staff::State::default(),
            review: review::State::default(),
            import: None,
            changed_on_disk: None,
            search: None,
            last_search: None,
            compare_mark: None,
            comparison: None,
        }
    }

    /// A model with a draft open on its first unfinished step.
    pub fn with_draft(lang: Lang, path: PathBuf, profile: Profile) -> Model {
        let folder = path.parent().map(PathBuf::from).unwrap_or_default();
        let mut model = Model::new(lang, folder);
        model.open(path, profile);
        model
    }

    pub fn loc(&self) -> &'static Locale {
        Locale::get(self.lang)
    }

    pub(crate) fn theme(&self) -> Theme {
        Theme::new(self.no_color)
    }

    pub fn areas(&self) -> Areas {
        self.areas_in(self.width, self.height)
    }

    /// The areas in a frame of the given size: the frame drawn may differ from the size the
    /// model last heard of (a resize not yet read), and drawing must fit the frame.
    pub(crate) fn areas_in(&self, width: u16, height: u16) -> Areas {
        Areas::new(
            width,
            height,
            self.draft.is_some() && self.screen != Screen::Start,
        )
    }

    pub fn mode(&self) -> Mode {
        if self.search.is_some() {
            return Mode::Editing;
        }
        if let Some(import) = &self.import {
            return import::mode(import);
        }
        match self.screen {
            Screen::Start => start::mode(&self.start),
            Screen::Market => Mode::Normal,
            Screen::Customers => customers::mode(&self.customers),
            Screen::Staff => staff::mode(&self.staff),
            Screen::Review => review::mode(&self.review),
        }
    }

    /// The key tables in force, most specific first: what the footer, help and keys use.
    pub(crate) fn key_tables(&self) -> Vec<&'static [Binding]> {
        if self.help {
            return vec![keys::HELP];
        }
        if self.comparison.is_some() {
            return vec![keys::COMPARISON];
        }
        self.key_tables_under_help()
    }

    /// The key tables of the screen, whether or not help is open: what help lists.
    pub(crate) fn key_tables_under_help(&self) -> Vec<&'static [Binding]> {
        if self.changed_on_disk.as_ref().is_some_and(|c| c.asking) {
            return vec![keys::CHANGED_ON_DISK];
        }
        if self.screen == Screen::Start
            && let Some(tables) = start::prompt_key_tables(&self.start)
        {
            return tables;
        }
        if self.search.is_some() {
            return vec![keys::SEARCH];
        }
        if let Some(import) = &self.import {
            return vec![import::key_table(import)];
        }
        if self.screen == Screen::Review
            && let Some(table) = review::prompt_key_table(&self.review)
        {
            return vec![table];
        }
        match self.mode() {
            Mode::Normal => vec![self.screen.keys(), keys::GLOBAL],
            Mode::Editing if self.screen == Screen::Start => vec![keys::NAMING],
            Mode::Editing => vec![keys::EDITING],
            Mode::Picker => vec![keys::PICKER],
            Mode::Confirm => vec![keys::CONFIRM],
        }
    }

    /// A read-only draft on one of its steps, where only looking around is allowed.
    pub(crate) fn read_only_screen(&self) -> bool {
        self.draft.as_ref().is_some_and(|d| d.read_only)
            && self.screen != Screen::Start
            && self.mode() == Mode::Normal
    }

    /// The locale key of a key's label: on a read-only draft nothing is ever saved, so
    /// Ctrl-C is offered as quitting, not as saving and quitting.
    pub(crate) fn label_of(&self, binding: &Binding) -> &'static str {
        let read_only = self.draft.as_ref().is_some_and(|d| d.read_only);
        if read_only && binding.label == "wizard.keys.quit_anywhere" {
            "wizard.read_only_keys.quit_anywhere"
        } else {
            binding.label
        }
    }

    /// Whether the footer and help offer this key: on a read-only draft, keys that would
    /// change it are left out, as they would only be refused.
    pub(crate) fn offers(&self, binding: &Binding) -> bool {
        (!self.read_only_screen() || binding.action.only_looks())
            && !(self.screen == Screen::Start
                && start::refused_in_read_only_folder(&self.start, binding.action))
    }

    pub(crate) fn open(&mut self, path: PathBuf, profile: Profile) {
        let draft = Draft::new(path, profile);
        self.screen = draft.first_unfinished_step();
        self.market = market::State::for_profile(&draft.profile);
        self.draft = Some(draft);
        self.customers = customers::State::default();
        self.staff = staff::State::default();
        self.review = review::State::default();
    }

    pub fn go_to(&mut self, screen: Screen) -> Vec<Effect> {
        if screen != Screen::Start && self.draft.is_none() {
            return Vec::new();
        }
        // Leaving a step never loses what was typed: an open edit is kept as it stands.
        customers::commit_edit(&mut self.customers);
        staff::commit_edit(&mut self.staff);
        self.import = None;
        self.search = None;
        self.screen = screen;
        Vec::new()
    }
}
