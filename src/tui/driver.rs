//! `App`: the model plus the effects carried out through `store` and `report`. Everything
//! but the terminal, so tests and benchmarks can drive the whole wizard with events and
//! draw it on a test backend.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use ratatui::Frame;
use ratatui::crossterm::event::{Event, KeyEventKind, MouseButton, MouseEventKind};

use super::app::{DraftSummary, Effect, Model, Msg, update};
use super::persist;
use crate::i18n::Lang;
use crate::profile::Profile;
use crate::report::{self, ReportFormat, ReportInput};
use crate::rules::evaluate;
use crate::store::{self, Store, StoreError};
use crate::time::local_date_time;

/// How long after a change the draft is written, unless another way out comes first.
/// Short enough that a change is on disk within a second, long enough that typing a name
/// does not write the file on every keystroke.
pub const SAVE_DELAY: Duration = Duration::from_millis(600);

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
    save_due: Option<Instant>,
    quit: bool,
    /// A quit whose save failed: the next quit leaves anyway.
    quit_armed: bool,
    requests: Vec<TerminalRequest>,
    /// See `start_listing_later`.
    list_after_first_frame: bool,
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
    pub fn start_listing_later(store: Store, lang: Lang) -> App {
        let mut model = Model::new(lang, store.dir().to_path_buf());
        model.start.listing = true;
        let mut app = App::with_model(model, store, true);
        app.list_after_first_frame = true;
        app
    }

    /// Work put off until the first frame is drawn; true when the screen must be drawn again.
    pub fn after_first_frame(&mut self) -> bool {
        if std::mem::take(&mut self.list_after_first_frame) {
            self.run_effects(vec![Effect::ListDrafts]);
            return true;
        }
        false
    }

    /// A draft open on its first unfinished step.
    pub fn open(store: Store, path: PathBuf, profile: Profile, lang: Lang) -> App {
        let model = Model::with_draft(lang, path, profile);
        App::with_model(model, store, true)
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
            save_due: None,
            quit: false,
            quit_armed: false,
            requests: Vec::new(),
            list_after_first_frame: false,
        }
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    pub fn take_requests(&mut self) -> Vec<TerminalRequest> {
        std::mem::take(&mut self.requests)
    }

    /// Handles one terminal event; true when the screen must be drawn again (something it
    /// shows changed, or the terminal was resized).
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
        let before = self.model.view_key();
        self.send_at(msg, now);
        self.model.view_key() != before
    }

    pub fn send(&mut self, msg: Msg) {
        self.send_at(msg, Instant::now());
    }

    fn send_at(&mut self, msg: Msg, now: Instant) {
        let effects = update(&mut self.model, msg);
        self.run_effects(effects);
        if self.unsaved() && self.save_due.is_none() {
            self.save_due = Some(now + SAVE_DELAY);
        }
    }

    fn unsaved(&self) -> bool {
        self.model.draft.as_ref().is_some_and(|d| !d.is_saved())
    }

    /// When the loop should wake up to save, if a save is pending.
    pub fn next_deadline(&self) -> Option<Instant> {
        self.save_due
    }

    /// Saves when the delay is over; true when the screen must be drawn again.
    pub fn tick(&mut self, now: Instant) -> bool {
        match self.save_due {
            Some(due) if now >= due => {
                self.save_now();
                true
            }
            _ => false,
        }
    }

    /// Writes the draft if it has unsaved changes.
    pub fn save_now(&mut self) {
        self.save_due = None;
        if !self.persist || !self.unsaved() {
            return;
        }
        let result = match &mut self.model.draft {
            Some(draft) => persist::save_draft(draft),
            None => Ok(()),
        };
        if let Err(e) = result {
            update(&mut self.model, Msg::SaveFailed(Arc::new(e)));
        }
    }

    pub fn draw(&self, frame: &mut Frame) {
        super::view::view(&self.model, frame);
    }

    fn run_effects(&mut self, effects: Vec<Effect>) {
        let mut queue = std::collections::VecDeque::from(effects);
        while let Some(effect) = queue.pop_front() {
            let follow = self.carry_out(effect);
            for msg in follow {
                queue.extend(update(&mut self.model, msg));
            }
        }
    }

    fn carry_out(&mut self, effect: Effect) -> Vec<Msg> {
        match effect {
            Effect::Save => {
                self.save_now();
                Vec::new()
            }
            Effect::CloseDraft => {
                self.save_now();
                if self.unsaved() && self.persist {
                    Vec::new()
                } else {
                    vec![Msg::DraftClosed]
                }
            }
            Effect::Quit => {
                if self.unsaved() && self.persist && !self.quit_armed {
                    self.quit_armed = true;
                    vec![Msg::QuitRefused]
                } else {
                    self.quit = true;
                    Vec::new()
                }
            }
            Effect::ExportReport(path) => vec![self.export(path)],
            Effect::Open(path) => vec![match store::load(&path) {
                Ok(profile) => Msg::Opened { path, profile },
                Err(e) => Msg::OpenFailed(Arc::new(e)),
            }],
            Effect::Create(name) => {
                let path = self.store.path_for_new(&name);
                let profile = Profile::new(name);
                let saved = if self.persist {
                    store::save(&path, &profile)
                } else {
                    Ok(())
                };
                vec![match saved {
                    Ok(()) => Msg::Opened { path, profile },
                    Err(e) => Msg::SaveFailed(Arc::new(e)),
                }]
            }
            Effect::ListDrafts => vec![match self.store.list() {
                Ok(entries) => Msg::DraftsListed(entries.into_iter().map(summary).collect()),
                Err(e) => Msg::ListFailed(Arc::new(e)),
            }],
            Effect::RememberLanguage(lang) => {
                // A preference that cannot be written is not worth interrupting anyone.
                if self.persist {
                    let settings = crate::settings::Settings { lang: Some(lang) };
                    let _ = settings.save(self.store.dir());
                }
                Vec::new()
            }
            Effect::SetMouseCapture(on) => {
                self.requests.push(TerminalRequest::MouseCapture(on));
                Vec::new()
            }
        }
    }

    fn export(&mut self, path: PathBuf) -> Msg {
        let Some(draft) = &self.model.draft else {
            return Msg::Saved;
        };
        let text = report::render(
            &ReportInput {
                profile: &draft.profile,
                rules: draft.rules(),
                assessment: &draft.assessment,
            },
            ReportFormat::Markdown,
            self.model.loc(),
        );
        if !self.persist {
            // An in-memory app writes nothing; the report was still rendered (benchmarks).
            return Msg::Exported(path);
        }
        match store::write_atomically(&path, text.as_bytes()) {
            Ok(()) => Msg::Exported(path),
            Err(e) => Msg::ExportFailed(Arc::new(e)),
        }
    }
}

fn summary(entry: store::DraftEntry) -> DraftSummary {
    let name = entry.display_name();
    let status = match entry.profile {
        Ok(profile) => {
            let rules = crate::rules::RuleSet::by_edition(&profile.edition)
                .unwrap_or(crate::rules::RuleSet::default_edition());
            Ok(evaluate(&profile, rules).highest_tier)
        }
        Err(e) => Err(Arc::new(e) as Arc<StoreError>),
    };
    DraftSummary {
        path: entry.path,
        name,
        changed: entry.modified.map(local_date_time).unwrap_or_default(),
        status,
    }
}
