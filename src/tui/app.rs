//! `App`: the model plus the effects carried out through `store` and `report`. Everything
//! but the terminal, so tests and benchmarks can drive the whole wizard with events and
//! draw it on a test backend.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use ratatui::Frame;
use ratatui::crossterm::event::{Event, KeyEventKind, MouseButton, MouseEventKind};

mod effects;

use super::canvas::Canvas;
use super::effect::Effect;
use super::errands::Errands;
use super::import_job::{ImportDone, ImportJob, Look, run_import};
use super::lister::{self, Lister, Progress as Listing};
use super::model::Model;
use super::msg::Msg;
use super::note::{DraftNote, Note};
use super::opener::{Opener, Outcome};
use super::saver::{Done, Saver};
use super::update::update;
use crate::i18n::Lang;
use crate::import::Progress;
use crate::profile::Profile;
use crate::report::{self, ReportFormat, ReportInput};
use crate::store::{self, OpenDraft, Store, StoreError};

/// How long after a change the draft is written, unless another way out comes first.
/// Short enough that a change is on disk within a second, long enough that typing a name
/// does not write the file on every keystroke. The delay runs from the first unsaved
/// change, not the last, so steady typing cannot put a save off.
pub const SAVE_DELAY: Duration = Duration::from_millis(600);

/// A draft file this small (about 5,000 customers) is read in a few milliseconds: `edit`
/// reads it before its first frame rather than on another thread.
const READ_AT_ONCE_BYTES: u64 = 1024 * 1024;

/// How often the loop looks at a listing under way: about a frame.
const LISTING_LOOK_EVERY: Duration = Duration::from_millis(16);

/// What the terminal must do for the app (only the loop in `tui::run` touches it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TerminalRequest {
    MouseCapture(bool),
}

pub struct App {
    pub model: Model,
    store: Store,
    /// False for an in-memory app (benchmarks): nothing is written.
    persist: bool,
    /// Writes the draft's file, whose lock it holds while the draft is open for editing;
    /// None on the Start screen and for a read-only draft.
    saver: Option<Saver>,
    /// Autosaves run on the saver thread while keys go on being taken (the terminal loop);
    /// off, every save is waited for (tests).
    background: bool,
    save_due: Option<Instant>,
    quit: bool,
    /// A quit whose save failed: the next quit leaves anyway.
    quit_armed: bool,
    requests: Vec<TerminalRequest>,
    /// See `start_listing_later`.
    list_after_first_frame: bool,
    /// The import running on its own thread, if any.
    import_job: Option<ImportJob>,
    /// The drafts folder being read on its own thread (in the terminal only).
    lister: Option<Lister>,
    /// A draft being opened on its own thread (in the terminal only).
    opener: Option<Opener>,
    /// Exports, renames, copies, deletions, comparisons and new drafts under way on threads
    /// of their own (in the terminal only).
    errands: Errands,
}

impl App {
    /// The Start screen, listing the drafts of `store`.
    pub fn start(store: Store, lang: Lang) -> App {
        let model = Model::new(lang, store.dir().to_path_buf());
        let mut app = App::with_model(model, store, true);
        app.run_effects(vec![Effect::ListDrafts]);
        app
    }

    /// The Start screen whose drafts are listed only after the first frame is on screen
    /// (`after_first_frame`): listing reads and assesses every draft in the folder, which
    /// must not delay the first frame.
    pub(crate) fn start_listing_later(store: Store, lang: Lang) -> App {
        let mut model = Model::new(lang, store.dir().to_path_buf());
        model.start.listing = true;
        let mut app = App::with_model(model, store, true);
        app.list_after_first_frame = true;
        app
    }

    /// Work put off until the first frame is drawn; true when the screen must be drawn again.
    pub fn after_first_frame(&mut self) -> bool {
        if std::mem::take(&mut self.list_after_first_frame) {
            let start = &self.model.start;
            let shown = (start.listing, start.folder_read_only);
            self.run_effects(vec![Effect::ListDrafts]);
            // Drawn again for what shows: a list read at once (no thread to read it), or a
            // folder found read-only. A list read on its thread is drawn when it comes.
            let start = &self.model.start;
            return (start.listing, start.folder_read_only) != shown;
        }
        false
    }

    /// Work put off until the loop wakes (for a key, or to look for a signal) after a frame
    /// is out: the copy undo starts from (see `History::keep_baseline`), once per draft.
    pub fn on_wake(&mut self) {
        if let Some(draft) = &mut self.model.draft {
            draft.history.keep_baseline(&draft.profile);
        }
    }

    /// The draft at `path`, open for editing (its lock taken) on its first unfinished step.
    /// When the draft is open elsewhere or cannot be read, the Start screen asks what to do
    /// instead.
    pub fn open_path(store: Store, path: PathBuf, lang: Lang) -> App {
        let mut app = App::start_listing_later(store, lang);
        app.run_effects(vec![Effect::Open(path)]);
        // Opened, the Start screen is listed afresh when the draft is closed, and not before
        // (reading every draft of a large folder would be wasted). Not opened, the Start
        // screen shows at once, listed after its first frame.
        app.list_after_first_frame = app.model.draft.is_none();
        app
    }

    /// As `open_path`, for the terminal: the draft is read on another thread, waited for
    /// at most `wait` before the first frame. A draft that takes longer opens with the
    /// Start screen saying so, where Esc stops waiting for it.
    pub(crate) fn open_path_in_background(
        store: Store,
        path: PathBuf,
        lang: Lang,
        wait: Duration,
    ) -> App {
        // No keys are taken before the first frame: a usual draft is read here at once,
        // sparing a thread and a hand-over the first frame would wait for.
        if std::fs::metadata(&path).is_ok_and(|m| m.len() <= READ_AT_ONCE_BYTES) {
            let mut app = App::open_path(store, path, lang);
            app.save_in_background(true);
            return app;
        }
        let mut app = App::start_listing_later(store, lang);
        app.list_after_first_frame = false;
        app.save_in_background(true);
        app.run_effects(vec![Effect::Open(path)]);
        let outcome = app.opener.as_mut().and_then(|o| o.wait(wait));
        if let Some(outcome) = outcome {
            app.opener = None;
            let msgs = app.take_outcome(outcome);
            app.follow(msgs);
        } else {
            app.send(Msg::OpeningSlow);
        }
        app
    }

    /// A draft held in memory only: nothing is ever written. For benchmarks and tests.
    pub fn with_profile(profile: Profile, lang: Lang) -> App {
        // A folder that does not exist: the Start screen of an in-memory app lists nothing.
        let dir = std::env::temp_dir().join(format!("cpc-wizard-in-memory-{}", std::process::id()));
        let path = dir.join("draft.json");
        let model = Model::with_draft(lang, path, profile);
        App::with_model(model, Store::new(dir), false)
    }

    fn with_model(model: Model, store: Store, persist: bool) -> App {
        App {
            model,
            store,
            persist,
            saver: None,
            background: false,
            save_due: None,
            quit: false,
            quit_armed: false,
            requests: Vec::new(),
            list_after_first_frame: false,
            import_job: None,
            lister: None,
            opener: None,
            errands: Errands::default(),
        }
    }

    /// Autosaves in the background, so that typing never waits on the disk.
    pub fn save_in_background(&mut self, on: bool) {
        self.background = on;
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    pub fn take_requests(&mut self) -> Vec<TerminalRequest> {
        std::mem::take(&mut self.requests)
    }

    /// Handles one terminal event; true when the screen must be drawn again: after every
    /// input event (a frame costs a fraction of a millisecond, so nothing is gained by
    /// working out whether it changed), not after a mouse move or an event not read.
    pub fn handle(&mut self, event: Event) -> bool {
        self.handle_at(event, Instant::now())
    }

    pub fn handle_at(&mut self, event: Event, now: Instant) -> bool {
        let msg = match event {
            Event::Key(key) if key.kind != KeyEventKind::Release => Msg::Key(key),
            Event::Paste(text) => Msg::Paste(text),
            Event::Mouse(m) => match m.kind {
                MouseEventKind::Down(MouseButton::Left) => Msg::Click {
                    column: m.column,
                    row: m.row,
                },
                MouseEventKind::ScrollDown => Msg::Scroll { down: true },
                MouseEventKind::ScrollUp => Msg::Scroll { down: false },
                _ => return false,
            },
            Event::Resize(width, height) => {
                self.send_at(Msg::Resize { width, height }, now);
                return true;
            }
            _ => return false,
        };
        self.send_at(msg, now);
        true
    }

    pub fn send(&mut self, msg: Msg) {
        self.send_at(msg, Instant::now());
    }

    fn send_at(&mut self, msg: Msg, now: Instant) {
        let effects = update(&mut self.model, msg);
        self.run_effects(effects);
        if self.needs_save() && self.save_due.is_none() {
            self.save_due = Some(now + SAVE_DELAY);
        }
    }

    fn unsaved(&self) -> bool {
        self.model
            .draft
            .as_ref()
            .is_some_and(|d| !d.read_only && !d.is_saved())
    }

    /// When the loop should wake up to save, if a save is pending.
    pub fn next_deadline(&self) -> Option<Instant> {
        // A save due while one is being written waits for it: look again shortly rather
        // than spin.
        let writing = self.saver.as_ref().is_some_and(Saver::busy);
        let save = self.save_due.map(|due| {
            if writing {
                due.max(Instant::now() + Duration::from_millis(20))
            } else {
                due
            }
        });
        // A running import is looked at often enough for its progress to move, and a
        // listing or an opening under way every frame or so.
        let import = self
            .import_job
            .as_ref()
            .map(|_| Instant::now() + ImportJob::LOOK_EVERY);
        let listing = (self.lister.is_some() || self.opener.is_some() || self.errands.busy())
            .then(|| Instant::now() + LISTING_LOOK_EVERY);
        [save, import, listing].into_iter().flatten().min()
    }

    /// Whether the drafts folder is being read on its own thread.
    pub(crate) fn listing(&self) -> bool {
        self.lister.is_some()
    }

    /// Takes in the draft the opening thread has read, or says it takes a while; true when
    /// the screen must be drawn again.
    fn take_opening(&mut self, now: Instant) -> bool {
        let Some(opener) = &mut self.opener else {
            return false;
        };
        if let Some(outcome) = opener.poll() {
            self.opener = None;
            let msgs = self.take_outcome(outcome);
            self.follow(msgs);
            return true;
        }
        if opener.turned_slow(now) {
            self.send(Msg::OpeningSlow);
            return true;
        }
        false
    }

    /// As `outcome_msgs`; a draft that did not open leaves the Start screen, which is then
    /// listed.
    fn take_outcome(&mut self, outcome: Outcome) -> Vec<Msg> {
        let msgs = self.outcome_msgs(outcome);
        let opened = matches!(msgs.first(), Some(Msg::Opened { .. }));
        if !opened && self.model.start.drafts.is_empty() && !self.listing() {
            self.run_effects(vec![Effect::ListDrafts]);
        }
        msgs
    }

    /// Takes in what finished file work came to; true when there was any.
    fn look_at_errands(&mut self) -> bool {
        let finished = self.errands.take_finished();
        let any = !finished.is_empty();
        for done in finished {
            let msgs = self.take_done(done);
            self.follow(msgs);
        }
        any
    }

    /// Passes messages to the model and carries out what they ask.
    fn follow(&mut self, msgs: Vec<Msg>) {
        for msg in msgs {
            self.send(msg);
        }
    }

    /// Takes in what the listing thread has read; true when the screen must be drawn again.
    fn take_listing(&mut self) -> bool {
        let Some(lister) = &mut self.lister else {
            return false;
        };
        let msg = match lister.poll() {
            Listing::Unchanged => return false,
            Listing::Reading {
                drafts,
                read,
                total,
            } => Msg::DraftsReading {
                drafts,
                read,
                total,
            },
            Listing::Done(drafts) => {
                self.lister = None;
                Msg::DraftsListed(drafts)
            }
            Listing::Failed(e) => {
                self.lister = None;
                Msg::Told(Note::ListFailed(Arc::new(e)))
            }
        };
        self.send(msg);
        true
    }

    /// Saves when the delay is over, and takes in what a background save finished; true
    /// when the screen must be drawn again.
    pub fn tick(&mut self, now: Instant) -> bool {
        let mut changed = self.look_at_import();
        changed |= self.look_at_errands();
        changed |= self.take_listing();
        changed |= self.take_opening(now);
        if let Some(done) = self.saver.as_mut().and_then(Saver::poll) {
            self.finished(done);
            changed = true;
        }
        match self.save_due {
            Some(due) if now >= due => {
                if self.background {
                    // A write under way: this one starts when it is done (next tick).
                    if self.start_save() {
                        self.save_due = None;
                    }
                    changed
                } else {
                    self.save_now();
                    true
                }
            }
            _ => changed,
        }
    }

    /// Starts writing the draft on the saver thread; false when a write is under way.
    fn start_save(&mut self) -> bool {
        if !self.persist || !self.needs_save() {
            return true;
        }
        match (&mut self.saver, &self.model.draft) {
            (Some(saver), Some(draft)) => {
                if saver.busy() {
                    return false;
                }
                saver.start(draft.profile.clone(), draft.revision);
                true
            }
            _ => true,
        }
    }

    /// Unsaved, and not being written already.
    fn needs_save(&self) -> bool {
        let writing = self.saver.as_ref().and_then(Saver::in_flight);
        self.unsaved() && writing != self.model.draft.as_ref().map(|d| d.revision)
    }

    /// Writes the draft if it has unsaved changes, and waits until it is on disk (or the
    /// write failed). Every way out goes through here.
    pub fn save_now(&mut self) {
        self.save_due = None;
        if !self.persist {
            return;
        }
        if let Some(done) = self.saver.as_mut().and_then(Saver::wait) {
            self.finished(done);
        }
        if !self.unsaved() {
            return;
        }
        if let (Some(saver), Some(draft)) = (&mut self.saver, &self.model.draft) {
            saver.start(draft.profile.clone(), draft.revision);
            if let Some(done) = saver.wait() {
                self.finished(done);
            }
        }
    }

    /// A write is over: that revision is on disk, or the user is told why not.
    fn finished(&mut self, done: Done) {
        match done.result {
            Ok(()) => {
                if let Some(draft) = &mut self.model.draft {
                    draft.saved_revision = draft.saved_revision.max(done.revision);
                }
            }
            Err(e) => {
                update(&mut self.model, Msg::SaveFailed(Arc::new(e)));
            }
        }
    }

    pub fn draw(&self, frame: &mut Frame) {
        super::view::view(&self.model, frame);
    }

    /// `draw`, on the loop's canvas.
    pub(crate) fn draw_on(&self, canvas: &mut Canvas) {
        super::view::view_on(&self.model, canvas);
    }
}
