//! The wizard's state (`Model`), what can happen to it (`Msg`), and `update`, which changes
//! the model and returns the effects (save, export, quit…) for the loop to carry out.
//! No terminal and no file here, so every step can be tested with plain values.

use std::path::PathBuf;
use std::sync::Arc;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::keys::{self, Action, Binding};
use super::layout::Areas;
use super::screens::import::{self, Import};
use super::screens::{changed_on_disk, customers, market, review, staff, start};
use super::widgets::text_field::{EditOp, clean_paste};
use crate::i18n::{Lang, Locale};
use crate::profile::{Customer, Person, Profile};
use crate::rules::{Assessment, RuleSet, evaluate};
use crate::store::StoreError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Start,
    Market,
    Customers,
    Staff,
    Review,
}

impl Screen {
    /// The steps of the step bar, in order.
    pub const STEPS: [Screen; 4] = [
        Screen::Market,
        Screen::Customers,
        Screen::Staff,
        Screen::Review,
    ];

    pub fn title_key(self) -> &'static str {
        match self {
            Screen::Start => "wizard.steps.start",
            Screen::Market => "wizard.steps.market",
            Screen::Customers => "wizard.steps.customers",
            Screen::Staff => "wizard.steps.staff",
            Screen::Review => "wizard.steps.review",
        }
    }

    pub fn keys(self) -> &'static [Binding] {
        match self {
            Screen::Start => keys::START,
            Screen::Market => keys::MARKET,
            Screen::Customers => keys::CUSTOMERS,
            Screen::Staff => keys::STAFF,
            Screen::Review => keys::REVIEW,
        }
    }

    fn step_index(self) -> Option<usize> {
        Self::STEPS.iter().position(|s| *s == self)
    }

    pub fn next(self) -> Screen {
        match self.step_index() {
            Some(i) if i + 1 < Self::STEPS.len() => Self::STEPS[i + 1],
            _ => self,
        }
    }

    pub fn prev(self) -> Option<Screen> {
        match self.step_index() {
            Some(0) | None => None,
            Some(i) => Some(Self::STEPS[i - 1]),
        }
    }
}

/// The draft being worked on, with its assessment kept current after every change.
#[derive(Debug, Clone)]
pub struct Draft {
    pub profile: Profile,
    pub path: PathBuf,
    pub assessment: Assessment,
    /// Indexes of excluded customers, so no view has to walk every customer.
    pub excluded_rows: Vec<usize>,
    /// Bumped on every change; compared with `saved_revision` to know what is on disk.
    pub revision: u64,
    pub saved_revision: u64,
    /// Opened read-only (the draft is open elsewhere): changes are refused, nothing is
    /// ever written.
    pub read_only: bool,
    /// Review's Outlook view, kept until the draft changes.
    pub outlook_lines: crate::tui::widgets::outlook_panel::LinesCache,
    /// Undo and redo steps, for the session.
    pub history: super::undo::History,
}

impl Draft {
    pub fn new(path: PathBuf, profile: Profile) -> Draft {
        // Evaluated once (this runs before the first frame of `edit DRAFT`).
        let assessment = evaluate(&profile, rules_for(&profile));
        Draft {
            excluded_rows: excluded_rows(&assessment),
            assessment,
            history: super::undo::History::new(&profile, 0),
            profile,
            path,
            revision: 0,
            saved_revision: 0,
            read_only: false,
            outlook_lines: Default::default(),
        }
    }

    pub fn rules(&self) -> &'static RuleSet {
        rules_for(&self.profile)
    }

    /// Changes the profile and brings the assessment up to date by assessing it all again:
    /// for structural changes (add, delete, import, market, edition). A change to one
    /// customer or person goes through `edit_customer` / `edit_person`, whose cost does not
    /// grow with the draft.
    pub fn edit(&mut self, change: impl FnOnce(&mut Profile)) {
        change(&mut self.profile);
        self.reassess();
        self.revision += 1;
    }

    /// Changes the customer at `index` (nothing happens when there is none) and updates the
    /// assessment for that customer (and any whose repeat status hangs on its name).
    pub fn edit_customer(&mut self, index: usize, change: impl FnOnce(&mut Customer)) {
        let rules = self.rules();
        let Some(customer) = self.profile.customers.get_mut(index) else {
            return;
        };
        change(customer);
        self.revision += 1;
        match self
            .assessment
            .update_customer(index, &self.profile.customers, rules)
        {
            Some(rows) => {
                for row in rows {
                    match self.assessment.customers.get(row) {
                        Some(r) if r.excluded.is_some() => {
                            insert_sorted(&mut self.excluded_rows, row)
                        }
                        _ => remove_sorted(&mut self.excluded_rows, row),
                    }
                }
            }
            // The assessment no longer matched the draft: only a full pass will do.
            None => self.reassess(),
        }
    }

    /// Changes the person at `index` (nothing happens when there is none) and updates the
    /// assessment for that person (and the duplicate-name warnings).
    pub fn edit_person(&mut self, index: usize, change: impl FnOnce(&mut Person)) {
        let rules = self.rules();
        let Some(person) = self.profile.staff.get_mut(index) else {
            return;
        };
        change(person);
        self.revision += 1;
        if !self
            .assessment
            .update_person(index, &self.profile.staff, rules)
        {
            self.reassess();
        }
    }

    /// Takes the draft back one step (`undo`) or forward again; re-assessed and saved like
    /// any other change. What the step was, or `None` when there is none.
    pub fn step(&mut self, undo: bool) -> Option<super::undo::Change> {
        let (change, profile) = if undo {
            self.history.undo(&self.profile)?
        } else {
            self.history.redo(&self.profile)?
        };
        self.edit(|p| *p = profile);
        self.history.restored_at(self.revision);
        Some(change)
    }

    pub fn is_saved(&self) -> bool {
        self.revision == self.saved_revision
    }

    fn reassess(&mut self) {
        self.assessment = evaluate(&self.profile, rules_for(&self.profile));
        self.excluded_rows = excluded_rows(&self.assessment);
    }

    /// The first step with nothing in it yet, where `edit DRAFT` opens.
    pub fn first_unfinished_step(&self) -> Screen {
        if self.profile.market.is_none() {
            Screen::Market
        } else if self.profile.customers.is_empty() {
            Screen::Customers
        } else if self.profile.staff.is_empty() {
            Screen::Staff
        } else {
            Screen::Review
        }
    }

    /// Where the Markdown report is exported: beside the draft, same name, `.md`.
    pub fn report_path(&self) -> PathBuf {
        self.path.with_extension("md")
    }

    /// Where the customers are exported as CSV: beside the draft, same name, `.csv`.
    pub fn customers_csv_path(&self) -> PathBuf {
        self.path.with_extension("csv")
    }
}

/// Indexes of the excluded customers.
fn excluded_rows(assessment: &Assessment) -> Vec<usize> {
    assessment
        .customers
        .iter()
        .enumerate()
        .filter(|(_, c)| c.excluded.is_some())
        .map(|(i, _)| i)
        .collect()
}

/// Adds `index` to a sorted list of indexes, keeping it sorted (a binary search and one
/// move of the tail: no walk over the assessment).
fn insert_sorted(rows: &mut Vec<usize>, index: usize) {
    if let Err(at) = rows.binary_search(&index) {
        rows.insert(at, index);
    }
}

fn remove_sorted(rows: &mut Vec<usize>, index: usize) {
    if let Ok(at) = rows.binary_search(&index) {
        rows.remove(at);
    }
}

fn rules_for(profile: &Profile) -> &'static RuleSet {
    RuleSet::by_edition(&profile.edition).unwrap_or(RuleSet::default_edition())
}

/// One saved draft as the Start screen lists it.
#[derive(Debug, Clone)]
pub struct DraftSummary {
    pub path: PathBuf,
    pub name: String,
    /// Local date and time of the last change, already formatted.
    pub changed: String,
    /// The highest tier reached, or why the file cannot be read.
    pub status: Result<Option<String>, Arc<StoreError>>,
}

/// A one-line message for the status line, worded at draw time so that a language switch
/// rewords it too.
#[derive(Debug, Clone)]
pub enum Note {
    Saved,
    SaveFailed(Arc<StoreError>),
    Exported(PathBuf),
    ExportFailed(Arc<StoreError>),
    /// The customers were written to a CSV file.
    CsvExported {
        path: PathBuf,
        customers: usize,
    },
    CsvExportFailed(Arc<StoreError>),
    ListFailed(Arc<StoreError>),
    MouseOn,
    MouseOff,
    Deleted(String),
    /// Opening, renaming, duplicating or deleting drafts; read-only refusals.
    Drafts(start::DraftNote),
    /// A quit whose save failed: the next quit leaves without saving.
    QuitUnsaved,
    /// The drafts folder cannot be written in: nothing can be created, renamed or deleted.
    FolderReadOnly(PathBuf),
    /// The draft was opened read-only because it cannot be written as it is (a read-only
    /// file or folder, a hard-linked file): why.
    OpenedReadOnly(Arc<StoreError>),
    /// `=` was pressed on this draft: `=` on another compares the two.
    CompareMarked(String),
    /// The drafts to compare could not be read.
    CompareFailed(Arc<StoreError>),
    /// The language was switched with `L`; `L` again switches back.
    LanguageSwitched,
    /// A change was undone (`true`) or redone (`false`): which.
    Undo {
        undone: bool,
        what: super::undo::Change,
    },
    /// Nothing to undo (`true`) or redo (`false`).
    NothingToUndo(bool),
}

impl Note {
    pub fn is_error(&self) -> bool {
        matches!(
            self,
            Note::SaveFailed(_)
                | Note::ExportFailed(_)
                | Note::CsvExportFailed(_)
                | Note::ListFailed(_)
                | Note::QuitUnsaved
                | Note::CompareFailed(_)
        ) || matches!(self, Note::Drafts(n) if n.is_error())
    }
}

/// What the loop does for `update`: everything that touches files or the terminal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Write the draft now (otherwise changes are written within a second).
    Save,
    /// Save, then leave the draft for the Start screen.
    CloseDraft,
    Quit,
    ExportReport(PathBuf),
    /// Write the customers as CSV to this file.
    ExportCsv(PathBuf),
    /// Import the files typed (`~` and relative paths still to expand, several separated
    /// by spaces) into a copy of `base`, on the import thread; `customer` names the tenant
    /// of a concealed report.
    ImportFiles {
        typed: String,
        customer: Option<String>,
        base: Box<Profile>,
    },
    /// Stop the import that runs: nothing is imported.
    CancelImport,
    /// Open a draft for editing (taking its lock).
    Open(PathBuf),
    /// Open a draft that is open elsewhere, read-only.
    OpenReadOnly(PathBuf),
    /// Let go of the open draft and open its file again (it was changed outside).
    ReloadDraft(PathBuf),
    /// The open draft as it is here, saved as a new draft beside its file (which was
    /// changed outside and is left as it is), and open instead.
    KeepAsCopy,
    /// A new draft of this name, in the drafts folder or, when `beside` is given, in that
    /// folder (fresh start beside a draft that cannot be read), with these customers (an
    /// import from the Start screen; none for a new assessment).
    Create {
        name: String,
        beside: Option<PathBuf>,
        customers: Vec<Customer>,
        staff: Vec<Person>,
    },
    Rename {
        path: PathBuf,
        name: String,
    },
    Duplicate {
        path: PathBuf,
        name: String,
    },
    /// Delete a draft file from the list (after confirmation).
    Delete(PathBuf),
    ListDrafts,
    /// Stop waiting for a draft being opened (it is let go when it arrives).
    StopOpening,
    SetMouseCapture(bool),
    /// Remember the language chosen for the next start.
    RememberLanguage(Lang),
    /// Read two drafts and compare them (`=` on the Start screen).
    Compare(PathBuf, PathBuf),
}

#[derive(Debug, Clone)]
pub enum Msg {
    Key(KeyEvent),
    Paste(String),
    Click {
        column: u16,
        row: u16,
    },
    Scroll {
        down: bool,
    },
    Resize {
        width: u16,
        height: u16,
    },
    Opened {
        path: PathBuf,
        profile: Profile,
        read_only: bool,
    },
    /// The draft is open in another program: ask whether to open it read-only.
    Locked {
        path: PathBuf,
        error: Arc<StoreError>,
    },
    /// The draft cannot be read (or is of a newer version): show why, offer a fresh start.
    LoadFailed {
        path: PathBuf,
        error: Arc<StoreError>,
    },
    /// A draft of the list was renamed, duplicated or deleted.
    DraftsChanged(start::DraftNote),
    DraftsListed(Vec<DraftSummary>),
    /// Whether the drafts folder can be written in: when not, drafts open read-only and
    /// no new one is offered.
    DraftsFolder {
        read_only: bool,
    },
    /// A draft is being opened on another thread.
    Opening(PathBuf),
    /// ... and it takes more than a moment.
    OpeningSlow,
    /// Part of the list, read so far (newest first); `read` of `total` drafts.
    DraftsReading {
        drafts: Vec<DraftSummary>,
        read: usize,
        total: usize,
    },
    /// Two drafts compared, to show.
    Compared(Box<crate::compare::Comparison>),
    /// An effect whose only outcome is a message on the status line (an export written or
    /// failed, a listing failed).
    Told(Note),
    /// The draft was saved and put away: back to the Start screen.
    DraftClosed,
    /// Quit was asked for but the draft could not be saved.
    QuitRefused,
    Saved,
    SaveFailed(Arc<StoreError>),
    /// A CSV file to import was read.
    CsvRead {
        path: PathBuf,
        bytes: Vec<u8>,
    },
    CsvUnreadable {
        path: PathBuf,
        error: Arc<StoreError>,
    },
    /// How far the running import is.
    ImportProgress(import::ImportProgress),
    /// The import thread is done with the files at `paths`.
    ImportFinished {
        paths: Vec<PathBuf>,
        customer: Option<String>,
        finished: import::Finished,
    },
}

/// How keys are read at this moment: which table applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Normal,
    /// A text field has the keys; printable keys are typed.
    Editing,
    /// A list of choices is open.
    Picker,
    /// A yes/no question is asked.
    Confirm,
}

#[derive(Debug, Clone)]
pub struct Model {
    pub lang: Lang,
    pub no_color: bool,
    pub width: u16,
    pub height: u16,
    pub screen: Screen,
    pub draft: Option<Draft>,
    pub help: bool,
    pub note: Option<Note>,
    pub mouse_capture: bool,
    pub drafts_folder: PathBuf,
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
    pub search: Option<super::search::Search>,
    /// The last query kept with Enter, for `n` / `N`.
    pub last_search: Option<String>,
    /// The draft `=` was pressed on first, to compare with the next.
    pub compare_mark: Option<PathBuf>,
    /// Two drafts side by side, over the Start screen until a key is pressed.
    pub comparison: Option<Box<crate::compare::Comparison>>,
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
            drafts_folder,
            start: start::State::default(),
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

    /// Everything the view shows, in small form: when it is equal before and after an
    /// event, nothing needs drawing. (The draft itself is covered by its revision.)
    pub fn view_key(&self) -> ViewKey {
        ViewKey {
            screen: self.screen,
            draft: self.draft.as_ref().map(|d| (d.revision, d.saved_revision)),
            help: self.help,
            note: self.note.as_ref().map(|n| format!("{n:?}")),
            lang: self.lang,
            mouse_capture: self.mouse_capture,
            size: (self.width, self.height),
            start: (
                self.start.selected,
                self.start.offset,
                self.start.naming.clone(),
                self.start.name_missing,
                self.start.drafts.len(),
            ),
            start_prompt: self.start.prompt.as_ref().map(|p| format!("{p:?}")),
            read_only: self.draft.as_ref().is_some_and(|d| d.read_only),
            market: self.market.clone(),
            customers: self.customers.clone(),
            staff: self.staff.clone(),
            review: self.review.clone(),
            import: self.import.clone(),
            changed_on_disk: self.changed_on_disk.clone(),
            search: self.search.clone(),
            comparison: self.comparison.clone(),
        }
    }

    pub fn loc(&self) -> &'static Locale {
        Locale::get(self.lang)
    }

    pub fn areas(&self) -> Areas {
        self.areas_in(self.width, self.height)
    }

    /// The areas in a frame of the given size: the frame drawn may differ from the size the
    /// model last heard of (a resize not yet read), and drawing must fit the frame.
    pub fn areas_in(&self, width: u16, height: u16) -> Areas {
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
            Screen::Start => start::mode(self),
            Screen::Market => Mode::Normal,
            Screen::Customers => customers::mode(self),
            Screen::Staff => staff::mode(self),
            Screen::Review => Mode::Normal,
        }
    }

    /// The key tables in force, most specific first: what the footer, help and keys use.
    pub fn key_tables(&self) -> Vec<&'static [Binding]> {
        if self.help {
            return vec![keys::HELP];
        }
        if self.comparison.is_some() {
            return vec![keys::COMPARISON];
        }
        self.key_tables_under_help()
    }

    /// The key tables of the screen, whether or not help is open: what help lists.
    pub fn key_tables_under_help(&self) -> Vec<&'static [Binding]> {
        if self.changed_on_disk.as_ref().is_some_and(|c| c.asking) {
            return vec![keys::CHANGED_ON_DISK];
        }
        if self.screen == Screen::Start
            && let Some(tables) = start::prompt_key_tables(self)
        {
            return tables;
        }
        if self.search.is_some() {
            return vec![keys::SEARCH];
        }
        if let Some(import) = &self.import {
            return vec![import::key_table(import)];
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
    fn read_only_screen(&self) -> bool {
        self.draft.as_ref().is_some_and(|d| d.read_only)
            && self.screen != Screen::Start
            && self.mode() == Mode::Normal
    }

    /// The locale key of a key's label: on a read-only draft nothing is ever saved, so
    /// Ctrl-C is offered as quitting, not as saving and quitting.
    pub fn label_of(&self, binding: &Binding) -> &'static str {
        let read_only = self.draft.as_ref().is_some_and(|d| d.read_only);
        if read_only && binding.label == "wizard.keys.quit_anywhere" {
            "wizard.read_only_keys.quit_anywhere"
        } else {
            binding.label
        }
    }

    /// Whether the footer and help offer this key: on a read-only draft, keys that would
    /// change it are left out, as they would only be refused.
    pub fn offers(&self, binding: &Binding) -> bool {
        (!self.read_only_screen() || binding.action.only_looks())
            && !(self.screen == Screen::Start
                && start::refused_in_read_only_folder(self, binding.action))
    }

    fn open(&mut self, path: PathBuf, profile: Profile) {
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
        customers::commit_edit(self);
        staff::commit_edit(self);
        self.import = None;
        self.search = None;
        self.screen = screen;
        Vec::new()
    }
}

/// See `Model::view_key`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ViewKey {
    screen: Screen,
    draft: Option<(u64, u64)>,
    help: bool,
    note: Option<String>,
    lang: Lang,
    mouse_capture: bool,
    size: (u16, u16),
    start: (
        usize,
        usize,
        Option<super::widgets::text_field::TextField>,
        bool,
        usize,
    ),
    start_prompt: Option<String>,
    read_only: bool,
    market: market::State,
    customers: customers::State,
    staff: staff::State,
    review: review::State,
    import: Option<Import>,
    changed_on_disk: Option<changed_on_disk::State>,
    search: Option<super::search::Search>,
    comparison: Option<Box<crate::compare::Comparison>>,
}

/// Changes the model for one message and says what the loop must do.
pub fn update(model: &mut Model, msg: Msg) -> Vec<Effect> {
    let effects = handle(model, msg);
    settle_history(model);
    effects
}

/// A change that is complete (no field typed in, no list open) becomes one undo step.
fn settle_history(model: &mut Model) {
    let settled = !matches!(model.mode(), Mode::Editing | Mode::Picker);
    if let Some(draft) = &mut model.draft
        && settled
    {
        draft.history.settle(&draft.profile, draft.revision);
    }
}

fn handle(model: &mut Model, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Key(key) => on_key(model, key),
        Msg::Paste(text) => {
            let text = clean_paste(&text);
            if text.is_empty() || model.help {
                return Vec::new();
            }
            match model.mode() {
                Mode::Editing => edit(model, EditOp::Insert(text)),
                Mode::Normal if model.import.is_none() => paste_on_cell(model, text),
                _ => Vec::new(),
            }
        }
        Msg::Click { column, row } => on_click(model, column, row),
        Msg::Scroll { down } => {
            if model.help || model.mode() != Mode::Normal {
                return Vec::new();
            }
            on_action(model, if down { Action::Down } else { Action::Up })
        }
        Msg::Resize { width, height } => {
            model.width = width;
            model.height = height;
            customers::keep_selection_visible(model);
            staff::keep_selection_visible(model);
            Vec::new()
        }
        Msg::Opened {
            path,
            profile,
            read_only,
        } => {
            model.note = None;
            model.start.prompt = None;
            model.changed_on_disk = None;
            model.open(path, profile);
            if let Some(d) = &mut model.draft {
                d.read_only = read_only;
            }
            Vec::new()
        }
        Msg::Locked { path, error } => {
            start::ask_locked(model, path, error);
            Vec::new()
        }
        Msg::LoadFailed { path, error } => {
            start::show_broken(model, path, error);
            Vec::new()
        }
        Msg::DraftsChanged(note) => start::drafts_changed(model, note),
        Msg::DraftsFolder { read_only } => {
            model.start.folder_read_only = read_only;
            Vec::new()
        }
        Msg::DraftsListed(list) => {
            start::set_drafts(model, list);
            Vec::new()
        }
        Msg::Opening(path) => {
            start::opening(model, path);
            Vec::new()
        }
        Msg::OpeningSlow => {
            start::opening_is_slow(model);
            Vec::new()
        }
        Msg::DraftsReading {
            drafts,
            read,
            total,
        } => {
            start::set_drafts_so_far(model, drafts, read, total);
            Vec::new()
        }
        Msg::Compared(comparison) => {
            super::compare_view::show(model, *comparison);
            Vec::new()
        }
        Msg::Told(note) => {
            match &note {
                Note::Exported(_) => model.review.report_written = true,
                Note::CsvExported { .. } => model.review.csv_written = true,
                _ => {}
            }
            model.note = Some(note);
            Vec::new()
        }
        Msg::DraftClosed => {
            // Back on the list, the draft just left is selected (once the list is read).
            model.start.select_path = model.draft.take().map(|d| d.path);
            model.import = None;
            model.screen = Screen::Start;
            vec![Effect::ListDrafts]
        }
        Msg::QuitRefused => {
            model.note = Some(Note::QuitUnsaved);
            Vec::new()
        }
        Msg::Saved => Vec::new(),
        Msg::SaveFailed(e) => {
            if model.draft.is_none() && model.import.is_some() {
                // The new draft of an import from the Start screen could not be made.
                return import::on_create_failed(model, e);
            }
            if let StoreError::ChangedOnDisk { path } = &*e
                && model.draft.is_some()
            {
                changed_on_disk::found(model, path.clone());
            }
            model.note = Some(Note::SaveFailed(e));
            Vec::new()
        }
        Msg::CsvRead { path, bytes } => import::on_read(model, path, &bytes),
        Msg::CsvUnreadable { path, error } => import::on_unreadable(model, path, error),
        Msg::ImportProgress(progress) => import::on_progress(model, progress),
        Msg::ImportFinished {
            paths,
            customer,
            finished,
        } => import::on_finished(model, paths, customer, finished),
    }
}

fn quit(model: &Model) -> Vec<Effect> {
    if model.draft.is_some() {
        vec![Effect::Save, Effect::Quit]
    } else {
        vec![Effect::Quit]
    }
}

fn on_key(model: &mut Model, typed: KeyEvent) -> Vec<Effect> {
    // Full-width keys from an input method act as their ASCII keys, on every screen.
    let key = keys::normalise(typed);
    if key.kind == ratatui::crossterm::event::KeyEventKind::Release {
        return Vec::new();
    }
    // Ctrl-C leaves from anywhere, saving first.
    if key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL) {
        return quit(model);
    }
    if model.help {
        model.help = false;
        return Vec::new();
    }
    if model.comparison.take().is_some() {
        return Vec::new();
    }
    if model.changed_on_disk.as_ref().is_some_and(|c| c.asking) {
        let action = keys::lookup(&model.key_tables(), &key);
        return action.map_or_else(Vec::new, |a| changed_on_disk::on_action(model, a));
    }
    let mode = model.mode();
    let action = keys::lookup(&model.key_tables(), &key);
    if mode == Mode::Editing {
        return match action {
            Some(Action::Save) => vec![Effect::Save],
            Some(Action::ClearField) => edit(model, EditOp::Clear),
            Some(action) => on_action(model, action),
            // Typed text keeps its own characters, except full-width digits, which are
            // read as digits (a count typed with an input method on).
            None => match edit_op(
                if matches!(key.code, KeyCode::Char(c) if c.is_ascii_digit()) {
                    &key
                } else {
                    &typed
                },
            ) {
                Some(op) => edit(model, op),
                None => Vec::new(),
            },
        };
    }
    // Any other key clears the last message; it has been seen.
    model.note = None;
    if refused_read_only(model, action) {
        model.note = Some(Note::Drafts(start::DraftNote::ReadOnlyRefused));
        return Vec::new();
    }
    match action {
        Some(action) => on_action(model, action),
        None => match model.screen {
            // A character starts editing the selected cell with it, as in a spreadsheet.
            Screen::Customers => customers::on_unbound_key(model, &key),
            Screen::Staff => staff::on_unbound_key(model, &key),
            _ => Vec::new(),
        },
    }
}

/// On a read-only draft only keys that look around are taken; anything that would change
/// the draft (choose, edit, add, delete, type) is refused with a message.
fn refused_read_only(model: &Model, action: Option<Action>) -> bool {
    if !model.read_only_screen() {
        return false;
    }
    match action {
        Some(action) => !action.only_looks(),
        // Unbound keys change something only on the tables (a character edits a cell).
        None => matches!(model.screen, Screen::Customers | Screen::Staff),
    }
}

/// A paste outside a field lands in the selected table cell, where it can (a name, a count).
fn paste_on_cell(model: &mut Model, text: String) -> Vec<Effect> {
    if !matches!(model.screen, Screen::Customers | Screen::Staff) {
        return Vec::new();
    }
    if model.read_only_screen() {
        model.note = Some(Note::Drafts(start::DraftNote::ReadOnlyRefused));
        return Vec::new();
    }
    model.note = None;
    match model.screen {
        Screen::Customers => customers::on_paste(model, text),
        _ => staff::on_paste(model, text),
    }
}

fn edit_op(key: &KeyEvent) -> Option<EditOp> {
    if key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
    {
        return None;
    }
    Some(match key.code {
        KeyCode::Char(c) if !c.is_control() => EditOp::Insert(c.to_string()),
        KeyCode::Backspace => EditOp::Backspace,
        KeyCode::Delete => EditOp::Delete,
        KeyCode::Left => EditOp::Left,
        KeyCode::Right => EditOp::Right,
        KeyCode::Home => EditOp::Home,
        KeyCode::End => EditOp::End,
        _ => return None,
    })
}

fn edit(model: &mut Model, op: EditOp) -> Vec<Effect> {
    if model.search.is_some() {
        return super::search::edit(model, op);
    }
    if model.import.is_some() {
        return import::edit(model, op);
    }
    match model.screen {
        Screen::Start => start::edit(model, op),
        Screen::Customers => customers::edit(model, op),
        Screen::Staff => staff::edit(model, op),
        _ => Vec::new(),
    }
}

/// Actions every screen shares; the rest go to the screen.
pub fn on_action(model: &mut Model, action: Action) -> Vec<Effect> {
    if model.search.is_some() {
        return super::search::on_action(model, action);
    }
    match action {
        Action::Search => return super::search::open(model),
        Action::SearchNext => return super::search::repeat(model, true),
        Action::SearchPrev => return super::search::repeat(model, false),
        Action::Compare => return super::compare_view::mark(model),
        Action::Quit => return quit(model),
        Action::Help => {
            model.help = true;
            return Vec::new();
        }
        Action::SwitchLanguage => {
            model.lang = model.lang.next();
            // Said aloud, with the way back: `L` is one stray letter from someone typing.
            model.note = Some(Note::LanguageSwitched);
            return vec![Effect::RememberLanguage(model.lang)];
        }
        Action::ToggleMouse => {
            model.mouse_capture = !model.mouse_capture;
            model.note = Some(if model.mouse_capture {
                Note::MouseOn
            } else {
                Note::MouseOff
            });
            return vec![Effect::SetMouseCapture(model.mouse_capture)];
        }
        Action::Save if model.mode() != Mode::Editing => {
            if model.draft.as_ref().is_some_and(|d| d.read_only) {
                model.note = Some(Note::Drafts(start::DraftNote::ReadOnlyRefused));
                return Vec::new();
            }
            return if model.draft.is_some() {
                model.note = Some(Note::Saved);
                vec![Effect::Save]
            } else {
                Vec::new()
            };
        }
        Action::Undo | Action::Redo => {
            let undo = action == Action::Undo;
            let Some(draft) = &mut model.draft else {
                return Vec::new();
            };
            model.note = Some(match draft.step(undo) {
                Some(what) => Note::Undo { undone: undo, what },
                None => Note::NothingToUndo(undo),
            });
            return Vec::new();
        }
        Action::NextStep if model.mode() == Mode::Normal => {
            let next = model.screen.next();
            return model.go_to(next);
        }
        Action::PrevStep if model.mode() == Mode::Normal => {
            return match model.screen.prev() {
                Some(prev) => model.go_to(prev),
                None => close_draft(model),
            };
        }
        _ => {}
    }
    if model.import.is_some() {
        return import::on_action(model, action);
    }
    match model.screen {
        Screen::Start => start::on_action(model, action),
        Screen::Market => market::on_action(model, action),
        Screen::Customers => customers::on_action(model, action),
        Screen::Staff => staff::on_action(model, action),
        Screen::Review => review::on_action(model, action),
    }
}

/// Esc or Back from the first step: save and return to the Start screen.
pub fn close_draft(model: &mut Model) -> Vec<Effect> {
    if model.draft.is_none() {
        return Vec::new();
    }
    vec![Effect::CloseDraft]
}

fn on_click(model: &mut Model, column: u16, row: u16) -> Vec<Effect> {
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
        model.note = Some(Note::Drafts(start::DraftNote::ReadOnlyRefused));
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
        if let Some(i) = super::view::step_at(loc, steps, column) {
            return model.go_to(Screen::STEPS[i]);
        }
        return Vec::new();
    }
    match model.screen {
        Screen::Start => start::on_click(model, column, row),
        Screen::Market => market::on_click(model, column, row),
        Screen::Customers => customers::on_click(model, column, row),
        Screen::Staff => staff::on_click(model, column, row),
        Screen::Review => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::profile::{Association, Count, Workload};

    fn draft(customers: Vec<Customer>, staff: Vec<Person>) -> Draft {
        let mut p = Profile::new("D");
        p.customers = customers;
        p.staff = staff;
        Draft::new(PathBuf::from("d.json"), p)
    }

    /// What a full pass gives: the assessment and the excluded rows made from scratch.
    fn assert_matches_full_pass(d: &Draft) {
        let fresh = evaluate(&d.profile, d.rules());
        assert_eq!(d.assessment, fresh);
        assert_eq!(d.excluded_rows, excluded_rows(&fresh));
    }

    #[test]
    fn excluding_and_including_customers_keeps_the_rows_sorted_and_exact() {
        let mut d = draft(
            ["a", "b", "c", "d", "e"].map(Customer::new).to_vec(),
            vec![],
        );
        assert!(d.excluded_rows.is_empty());
        for i in [3, 0, 4, 1] {
            d.edit_customer(i, |c| c.trial = true);
            assert_matches_full_pass(&d);
        }
        assert_eq!(d.excluded_rows, vec![0, 1, 3, 4]);
        d.edit_customer(1, |c| c.association = Association::None);
        d.edit_customer(1, |c| c.trial = false);
        assert_eq!(d.excluded_rows, vec![0, 1, 3, 4]);
        d.edit_customer(3, |c| c.trial = false);
        assert_eq!(d.excluded_rows, vec![0, 1, 4]);
        assert_matches_full_pass(&d);
        assert_eq!(d.revision, 7);
    }

    #[test]
    fn an_edit_of_a_missing_customer_or_person_changes_nothing() {
        let mut d = draft(vec![Customer::new("a")], vec![Person::new("p")]);
        d.edit_customer(1, |c| c.trial = true);
        d.edit_person(1, |p| p.name = "q".into());
        assert_eq!(d.revision, 0);
        assert_matches_full_pass(&d);
    }

    #[test]
    fn a_person_edit_updates_the_qualified_count() {
        let mut d = draft(vec![], vec![Person::new("p")]);
        d.edit_person(0, |p| p.certifications.push("mcsa-office-365".into()));
        assert_eq!(d.assessment.qualified_people, 1);
        assert_matches_full_pass(&d);
    }

    fn any_customer() -> impl Strategy<Value = Customer> {
        (
            prop::sample::select(Association::ALL.to_vec()),
            prop::bool::weighted(0.3),
            prop::array::uniform5(0u64..3_000),
            // Few names, so that renames make and unmake repeats of other rows.
            prop::sample::select(vec!["c", "C ", "d", "e"]),
        )
            .prop_map(|(association, trial, counts, name)| {
                let mut c = Customer::new(name);
                c.association = association;
                c.trial = trial;
                for (w, n) in Workload::ALL.into_iter().zip(counts) {
                    c.active_users.set(w, Count::new(n).unwrap_or(Count::ZERO));
                }
                c
            })
    }

    proptest! {
        #[test]
        fn single_customer_edits_keep_assessment_and_excluded_rows_exact(
            customers in prop::collection::vec(any_customer(), 1..60),
            changes in prop::collection::vec((any::<prop::sample::Index>(), any_customer()), 1..20),
        ) {
            let mut d = draft(customers, vec![]);
            for (at, replacement) in changes {
                let i = at.index(d.profile.customers.len());
                d.edit_customer(i, |c| *c = replacement);
                let fresh = evaluate(&d.profile, d.rules());
                prop_assert_eq!(&d.assessment, &fresh);
                prop_assert_eq!(&d.excluded_rows, &excluded_rows(&fresh));
            }
        }
    }
}
