//! The effects `update` asks for, carried out: drafts opened, created, renamed, copied and
//! deleted through `store`; reports and CSV written; imports started and looked at. What
//! each came to goes back to `update` as a message.

use super::*;
use crate::tui::effect::ExportKind;
use crate::tui::errands::Done;

impl App {
    /// Starts an import: on its own thread when keys are read meanwhile (the terminal
    /// loop), so that a slow or huge file never stops Esc, q or Ctrl-C; at once otherwise
    /// (tests).
    fn start_import(&mut self, typed: String, customer: Option<String>, base: Profile) -> Vec<Msg> {
        if !self.background {
            return vec![import_finished(run_import(
                &typed,
                customer,
                base,
                &Progress::new(),
            ))];
        }
        match ImportJob::start(typed, customer, base) {
            Ok(job) => {
                self.import_job = Some(job);
                Vec::new()
            }
            Err(error) => vec![Msg::CsvUnreadable {
                path: PathBuf::new(),
                error: Arc::new(error),
            }],
        }
    }

    /// Takes in the import thread's progress or result; true when the screen changed.
    pub(super) fn look_at_import(&mut self) -> bool {
        let Some(job) = &mut self.import_job else {
            return false;
        };
        match job.look() {
            Look::Finished(done) => {
                self.import_job = None;
                self.send(import_finished(done));
                true
            }
            Look::Gone => {
                self.import_job = None;
                false
            }
            Look::Progress(progress) => {
                self.send(Msg::ImportProgress(progress));
                true
            }
            Look::Unchanged => false,
        }
    }

    pub(super) fn run_effects(&mut self, effects: Vec<Effect>) {
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
                    // Lets go of the lock.
                    self.saver = None;
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
            Effect::ExportReport { path, replace } => self.export(path, replace),
            Effect::ExportCsv { path, replace } => self.export_csv(path, replace),
            Effect::ImportFiles {
                typed,
                customer,
                base,
            } => self.start_import(typed, customer, *base),
            Effect::CancelImport => {
                if let Some(job) = &self.import_job {
                    job.cancel();
                }
                Vec::new()
            }
            Effect::Open(path) if self.background && self.persist => {
                self.open_in_background(path, false)
            }
            Effect::OpenReadOnly(path) if self.background && self.persist => {
                self.open_in_background(path, true)
            }
            Effect::Open(path) => self.open_for_editing(path),
            Effect::OpenReadOnly(path) => vec![self.open_draft(path, true)],
            Effect::StopOpening => {
                // The draft is let go (its lock freed) when its thread is done reading it.
                self.opener = None;
                if self.model.start.drafts.is_empty() && !self.listing() {
                    self.carry_out(Effect::ListDrafts)
                } else {
                    Vec::new()
                }
            }
            Effect::ReloadDraft(path) => {
                if !self.persist {
                    return Vec::new();
                }
                self.saver = None;
                if self.background {
                    self.open_in_background(path, false)
                } else {
                    self.open_for_editing(path)
                }
            }
            Effect::KeepAsCopy => self.keep_as_copy(),
            Effect::Create {
                name,
                beside,
                customers,
                staff,
            } => {
                let mut profile = Profile::new(name);
                profile.customers = customers;
                profile.staff = staff;
                if !self.persist {
                    let path = self.store.path_for_new(&profile.name);
                    return vec![Msg::Opened {
                        path,
                        profile,
                        read_only: false,
                    }];
                }
                let store = beside.map_or_else(|| self.store.clone(), Store::new);
                self.errand(move || Done::Created {
                    result: Box::new(create_numbered(&store, profile)),
                    instead: false,
                })
            }
            Effect::Rename { path, name } => self.manage(move || {
                store::rename(&path, &name).map(|path| DraftNote::Renamed { name, path })
            }),
            Effect::Duplicate { path, name } => self.manage(move || {
                store::duplicate(&path, &name).map(|path| DraftNote::Duplicated { name, path })
            }),
            Effect::Delete(path) => {
                let name = self
                    .model
                    .start
                    .drafts
                    .iter()
                    .find(|d| d.path == path)
                    .map_or_else(|| path.display().to_string(), |d| d.name.clone());
                self.manage(move || store::delete(&path).map(|()| DraftNote::Deleted { name }))
            }
            Effect::Compare(a, b) => self.errand(move || {
                Done::Said(vec![match crate::tui::screens::compare::load(&a, &b) {
                    Ok(comparison) => Msg::Compared(Box::new(comparison)),
                    Err(e) => Msg::Told(Note::CompareFailed(Arc::new(e))),
                }])
            }),
            Effect::ListDrafts if self.background && self.persist => {
                // A listing under way is dropped: its thread stops at its next draft.
                self.lister = Some(Lister::spawn(self.store.clone()));
                vec![Msg::DraftsFolder {
                    read_only: self.store.is_read_only(),
                }]
            }
            Effect::ListDrafts => vec![
                match self.store.summaries() {
                    Ok(entries) => {
                        Msg::DraftsListed(entries.into_iter().map(lister::summary).collect())
                    }
                    Err(e) => Msg::Told(Note::ListFailed(Arc::new(e))),
                },
                Msg::DraftsFolder {
                    read_only: self.persist && self.store.is_read_only(),
                },
            ],
            Effect::RememberLanguage(lang) => {
                if !self.persist {
                    return Vec::new();
                }
                let folder = self.store.dir().to_path_buf();
                self.errand(move || {
                    // A preference that cannot be written is not worth interrupting anyone.
                    let settings = crate::settings::Settings { lang: Some(lang) };
                    let _ = settings.save(&folder);
                    Done::Said(Vec::new())
                })
            }
            Effect::SetMouseCapture(on) => {
                self.requests.push(TerminalRequest::MouseCapture(on));
                Vec::new()
            }
        }
    }

    /// Starts opening a draft on the opening thread (one being opened is let go).
    fn open_in_background(&mut self, path: PathBuf, read_only: bool) -> Vec<Msg> {
        self.saver = None;
        self.opener = Some(Opener::spawn(path.clone(), read_only));
        vec![Msg::Opening(path)]
    }

    /// Opens a draft from the list or the command line. Whatever was open is let go first.
    fn open_draft(&mut self, path: PathBuf, read_only: bool) -> Msg {
        self.saver = None;
        let result = if read_only {
            OpenDraft::open_read_only(&path)
        } else {
            OpenDraft::open(&path)
        };
        self.opened_or_not(path, result)
    }

    /// The draft opened, or why not.
    fn opened_or_not(&mut self, path: PathBuf, result: Result<OpenDraft, StoreError>) -> Msg {
        match result {
            Ok(open) => self.opened(open),
            Err(e @ StoreError::Locked { .. }) => Msg::Locked {
                path,
                error: Arc::new(e),
            },
            // A file that cannot be read is shown, never opened, so never overwritten.
            Err(e) => Msg::LoadFailed {
                path,
                error: Arc::new(e),
            },
        }
    }

    /// Opens a draft for editing, or read-only, saying why, when its file or folder cannot
    /// be written as it is.
    fn open_for_editing(&mut self, path: PathBuf) -> Vec<Msg> {
        self.saver = None;
        let outcome = crate::tui::opener::open_for_editing(&path);
        self.outcome_msgs(outcome)
    }

    /// The messages of an opening: the draft opened (and why read-only), or why not.
    pub(super) fn outcome_msgs(&mut self, outcome: Outcome) -> Vec<Msg> {
        let Outcome {
            path,
            result,
            read_only_because,
        } = outcome;
        let msg = self.opened_or_not(path, result);
        match read_only_because {
            Some(e) if matches!(msg, Msg::Opened { .. }) => {
                vec![msg, Msg::Told(Note::OpenedReadOnly(Arc::new(e)))]
            }
            _ => vec![msg],
        }
    }

    /// The open draft, as it is here, becomes a new draft beside its file (named "… (mine)",
    /// numbered when that is taken) and is open instead; the file changed outside stays.
    fn keep_as_copy(&mut self) -> Vec<Msg> {
        let Some(draft) = &self.model.draft else {
            return Vec::new();
        };
        if !self.persist {
            return Vec::new();
        }
        let folder = Store::new(store::folder_of_draft(&draft.path));
        let mine = self
            .model
            .loc()
            .f("store_safety.copy_name", &[("name", &draft.profile.name)]);
        let profile = draft.profile.clone();
        self.errand(move || {
            let mut result = Err(StoreError::EmptyName);
            for n in 1..=20 {
                let mut copy = profile.clone();
                copy.name = if n == 1 {
                    mine.clone()
                } else {
                    format!("{mine} {n}")
                };
                result = OpenDraft::create(&folder, copy);
                if !matches!(result, Err(StoreError::NameTaken { .. })) {
                    break;
                }
            }
            Done::Created {
                result: Box::new(result),
                instead: true,
            }
        })
    }

    /// Runs file work off the key thread when keys are read meanwhile (the terminal loop),
    /// at once otherwise (tests, benchmarks); what it came to is handed on.
    fn errand(&mut self, work: impl FnOnce() -> Done + Send + 'static) -> Vec<Msg> {
        if !(self.background && self.persist) {
            return self.take_done(work());
        }
        match self.errands.start(work) {
            Ok(()) => Vec::new(),
            Err(source) => vec![Msg::Told(Note::SaveFailed(Arc::new(StoreError::Io {
                path: PathBuf::new(),
                source,
            })))],
        }
    }

    /// The messages of finished file work; a draft made is opened, and its saver holds it.
    pub(super) fn take_done(&mut self, done: Done) -> Vec<Msg> {
        match done {
            Done::Said(msgs) => msgs,
            Done::Created { result, instead } => match *result {
                Ok(open) => {
                    if instead {
                        // The old draft's lock goes; its file stays as it was changed.
                        self.saver = None;
                    }
                    vec![self.opened(open)]
                }
                Err(e) => vec![Msg::SaveFailed(Arc::new(e))],
            },
        }
    }

    fn opened(&mut self, mut open: OpenDraft) -> Msg {
        // The draft's own copy is handed over, not copied: the saver writes only revisions
        // the draft says are unsaved.
        let msg = Msg::Opened {
            path: open.path().to_path_buf(),
            profile: open.take_profile(),
            read_only: open.is_read_only(),
        };
        if self.persist && !open.is_read_only() {
            self.saver = Some(Saver::spawn(open));
        }
        msg
    }

    /// Renames, duplicates or deletes a draft of the list (none is open here then).
    fn manage(
        &mut self,
        act: impl FnOnce() -> Result<DraftNote, StoreError> + Send + 'static,
    ) -> Vec<Msg> {
        if !self.persist {
            return Vec::new();
        }
        self.errand(move || {
            Done::Said(vec![Msg::DraftsChanged(
                act().unwrap_or_else(|e| DraftNote::Failed(Arc::new(e))),
            )])
        })
    }

    /// The Markdown report, rendered and written off the key thread; a file already there
    /// only when `replace` (else the answer asks).
    fn export(&mut self, path: PathBuf, replace: bool) -> Vec<Msg> {
        let Some(draft) = &self.model.draft else {
            return Vec::new();
        };
        let (profile, assessment) = (draft.profile.clone(), draft.assessment.clone());
        let (rules, loc, persist) = (draft.rules(), self.model.loc(), self.persist);
        let default = draft.report_path();
        self.errand(move || {
            let path = into_folder(path, &default);
            if let Some(asked) = refused_over(ExportKind::Report, &path, replace) {
                return Done::Said(vec![asked]);
            }
            let text = report::render(
                &ReportInput {
                    profile: &profile,
                    rules,
                    assessment: &assessment,
                },
                ReportFormat::Markdown,
                loc,
            );
            // An in-memory app writes nothing; the report is still rendered (benchmarks).
            let written = if persist {
                store::write_export(&path, text.as_bytes())
            } else {
                Ok(())
            };
            Done::Said(vec![Msg::Told(match written {
                Ok(()) => Note::Exported(path),
                Err(e) => Note::ExportFailed(Arc::new(e)),
            })])
        })
    }

    /// The customers as CSV, written off the key thread; a file already there only when
    /// `replace` (else the answer asks).
    fn export_csv(&mut self, path: PathBuf, replace: bool) -> Vec<Msg> {
        let Some(draft) = &self.model.draft else {
            return Vec::new();
        };
        let (profile, assessment) = (draft.profile.clone(), draft.assessment.clone());
        let persist = self.persist;
        let default = draft.customers_csv_path();
        self.errand(move || {
            let path = into_folder(path, &default);
            if let Some(asked) = refused_over(ExportKind::CustomersCsv, &path, replace) {
                return Done::Said(vec![asked]);
            }
            let text = crate::export::customers_csv(&profile, &assessment);
            let customers = profile.customers.len();
            let written = if persist {
                store::write_export(&path, text.as_bytes())
            } else {
                Ok(())
            };
            Done::Said(vec![Msg::Told(match written {
                Ok(()) => Note::CsvExported { path, customers },
                Err(e) => Note::CsvExportFailed(Arc::new(e)),
            })])
        })
    }
}

/// Unless `replace`, a file already at `path` is kept, and the answer asks whether to
/// replace it. Run where the file is written, not on the key thread.
fn refused_over(kind: ExportKind, path: &std::path::Path, replace: bool) -> Option<Msg> {
    (!replace && path.exists()).then(|| Msg::ExportExists {
        path: path.to_path_buf(),
        kind,
    })
}

/// An export's path: a folder that exists gets the default file's name in it, as when it
/// is typed with a separator at its end.
fn into_folder(path: PathBuf, default: &std::path::Path) -> PathBuf {
    match default.file_name() {
        Some(name) if path.is_dir() => path.join(name),
        _ => path,
    }
}

/// A new draft in `store`; one named after an imported file (it brings customers) gets a
/// number when its name is taken (`customers (2)`), while a name the user typed is refused
/// when taken.
fn create_numbered(store: &Store, profile: Profile) -> Result<OpenDraft, StoreError> {
    let number_if_taken = !profile.customers.is_empty();
    let mut result = OpenDraft::create(store, profile.clone());
    for n in 2..100 {
        if !(number_if_taken && matches!(result, Err(StoreError::NameTaken { .. }))) {
            break;
        }
        let mut numbered = profile.clone();
        numbered.name = format!("{} ({n})", profile.name.trim());
        result = OpenDraft::create(store, numbered);
    }
    result
}

fn import_finished(done: ImportDone) -> Msg {
    Msg::ImportFinished {
        paths: done.paths,
        customer: done.customer,
        finished: done.finished,
    }
}
