//! `cpc-wizard import-csv FILE... --into DRAFT [--customer NAME]`: customers and people from
//! our CSVs and Microsoft's reports into a draft, which is created when absent. All or
//! nothing over every file: on any bad row the draft is not touched. The draft's lock is
//! held from reading to writing: a draft open in the wizard is refused (`Locked`, exit 2),
//! never changed behind its back. A long import shows its progress on stderr when that is a
//! terminal.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::mpsc;
use std::time::Duration;

use super::{CliError, EXIT_BAD_INPUT};
use crate::i18n::{Locale, thousands};
use crate::import::{
    FileDetail, FileError, ImportError, Input, OpenError, Progress, RunOptions, import_files,
    open_regular, stale_customers,
};
use crate::profile::Profile;
use crate::report::import_words as words;
use crate::store::{OpenDraft, Store, StoreError};
use crate::text::visible;

/// An import shorter than this shows no progress.
const QUIET_FOR: Duration = Duration::from_millis(500);
const PROGRESS_EVERY: Duration = Duration::from_millis(200);

pub fn import_csv(
    store: &Store,
    files: &[PathBuf],
    into: &str,
    customer: Option<String>,
    loc: &'static Locale,
) -> Result<ExitCode, CliError> {
    // A second round when another program created a draft of this name between our look
    // and our create: the import then goes into that draft, and there is still one. The
    // files are opened again for it, as the first round read them to the end.
    let mut rounds = 0;
    let (profile, summary, path, created) = loop {
        rounds += 1;
        let inputs = match open_inputs(files) {
            Ok(inputs) => inputs,
            Err(Opened::Refused(refused)) => return print_errors(loc, &refused),
            Err(Opened::Failed(error)) => return Err(error.into()),
        };
        let target = match open_or_new(store, into) {
            Ok(target) => target,
            Err(e @ StoreError::Locked { .. }) => return refused_by_lock(loc, &e),
            Err(e) => return Err(e.into()),
        };
        let mut profile = match &target {
            Target::Existing(open) => open.profile().clone(),
            Target::New { profile, .. } => profile.clone(),
        };

        let progress = Progress::new();
        let shown = show_progress(loc, progress.clone());
        let options = RunOptions {
            customer: customer.clone(),
        };
        let result = import_files(inputs, &mut profile, &options, &progress);
        shown.finish();
        let summary = match result {
            Ok(summary) => summary,
            Err(errors) => return print_errors(loc, &errors),
        };
        let written = match target {
            Target::Existing(mut open) => open
                .save(&profile)
                .map(|()| (open.path().to_path_buf(), false)),
            Target::New {
                path: Some(path), ..
            } => OpenDraft::create_at(&path, profile.clone())
                .map(|open| (open.path().to_path_buf(), true)),
            Target::New { path: None, .. } => OpenDraft::create(store, profile.clone())
                .map(|open| (open.path().to_path_buf(), true)),
        };
        match written {
            Ok((path, created)) => break (profile, summary, path, created),
            Err(StoreError::NameTaken { .. } | StoreError::AlreadyExists { .. }) if rounds < 2 => {}
            Err(e @ StoreError::Locked { .. }) => return refused_by_lock(loc, &e),
            Err(e) => return Err(e.into()),
        }
    };

    let mut stdout = std::io::stdout().lock();
    // One CSV file alone reads as before: its summary without a heading.
    let lines = if let [only] = summary.files.as_slice()
        && let FileDetail::Customers(csv) = &only.detail
    {
        let mut lines = words::summary_lines(loc, csv);
        lines.extend(
            stale_customers(&profile)
                .iter()
                .map(|s| words::stale_line(loc, s)),
        );
        lines
    } else {
        words::run_summary_lines(loc, &summary)
    };
    for line in lines {
        writeln!(stdout, "{}", visible(&line))?;
    }
    let key = if created { "csv.created" } else { "csv.saved" };
    writeln!(
        stdout,
        "{}",
        visible(&loc.f(key, &[("name", &profile.name), ("path", &path.display())]))
    )?;
    Ok(ExitCode::SUCCESS)
}

/// Every bad row on its own line, so that none is missed and each can be grepped.
fn print_errors(loc: &Locale, errors: &[FileError]) -> Result<ExitCode, CliError> {
    let mut stderr = std::io::stderr().lock();
    let mut first = true;
    for line in words::file_error_lines(loc, errors) {
        if first || !line.starts_with(' ') {
            writeln!(
                stderr,
                "{}",
                visible(&loc.f("error.prefix", &[("message", &line)]))
            )?;
            first = false;
        } else {
            writeln!(stderr, "{}", visible(&line))?;
        }
    }
    Ok(ExitCode::from(EXIT_BAD_INPUT))
}

/// Why the files could not all be opened.
enum Opened {
    /// Some are not regular files (a FIFO, a device, a folder): refused before reading.
    Refused(Vec<FileError>),
    Failed(StoreError),
}

/// Every file opened, and anything but a regular file refused, before the draft is touched.
fn open_inputs(files: &[PathBuf]) -> Result<Vec<Input>, Opened> {
    let mut inputs = Vec::new();
    let mut refused = Vec::new();
    for path in files {
        match open_regular(path) {
            Ok(file) => inputs.push(Input {
                name: path.display().to_string(),
                size: file.metadata().map(|m| m.len()).unwrap_or(0),
                reader: Box::new(file),
            }),
            Err(OpenError::NotRegularFile) => refused.push(FileError {
                file: path.display().to_string(),
                error: ImportError::NotRegularFile,
            }),
            Err(OpenError::Io(source)) => {
                return Err(Opened::Failed(StoreError::Io {
                    path: path.clone(),
                    source,
                }));
            }
        }
    }
    if refused.is_empty() {
        Ok(inputs)
    } else {
        Err(Opened::Refused(refused))
    }
}

/// The draft is open in the wizard: the way on is to close it there (opening it
/// read-only, as the wizard offers, is no way to import).
fn refused_by_lock(loc: &Locale, error: &StoreError) -> Result<ExitCode, CliError> {
    let StoreError::Locked { path, holder } = error else {
        return Ok(ExitCode::from(EXIT_BAD_INPUT));
    };
    let message = match holder {
        Some(h) => loc.f(
            "store_safety.locked_close_other",
            &[
                ("path", &path.display()),
                ("pid", &h.pid),
                ("host", &h.host),
                ("since", &crate::time::local_date_time(h.since_time())),
            ],
        ),
        None => loc.f(
            "store_safety.locked_close_other_unknown",
            &[("path", &path.display())],
        ),
    };
    writeln!(
        std::io::stderr().lock(),
        "{}",
        visible(&loc.f("error.prefix", &[("message", &message)]))
    )?;
    Ok(ExitCode::from(EXIT_BAD_INPUT))
}

/// The progress line on stderr, rewritten in place, while the import runs.
struct Shown {
    stop: Option<mpsc::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Shown {
    fn finish(mut self) {
        drop(self.stop.take());
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn show_progress(loc: &'static Locale, progress: Arc<Progress>) -> Shown {
    if !std::io::stderr().is_terminal() {
        return Shown {
            stop: None,
            thread: None,
        };
    }
    let (stop, stopped) = mpsc::channel::<()>();
    let thread = std::thread::spawn(move || {
        let mut wait = QUIET_FOR;
        let mut shown = false;
        while let Err(mpsc::RecvTimeoutError::Timeout) = stopped.recv_timeout(wait) {
            wait = PROGRESS_EVERY;
            let line = loc.f(
                "import.progress",
                &[
                    ("file", &progress.name()),
                    ("rows", &thousands(progress.rows())),
                    ("percent", &progress.percent()),
                ],
            );
            // `\r` and clear to the end of the line: the line is rewritten in place.
            eprint!("\r{}\x1b[K", visible(&line));
            shown = true;
        }
        if shown {
            eprint!("\r\x1b[K");
        }
    });
    Shown {
        stop: Some(stop),
        thread: Some(thread),
    }
}

/// The draft to import into.
enum Target {
    /// Found, and locked until it is saved.
    Existing(OpenDraft),
    /// Created only once the import succeeded: at `path`, or in the drafts folder.
    New {
        path: Option<PathBuf>,
        profile: Profile,
    },
}

/// The draft to import into: found by name or path, or a new one. A new draft named like
/// a path (`out/fy18.json`) is created at that path; a plain name goes to the drafts folder.
fn open_or_new(store: &Store, into: &str) -> Result<Target, StoreError> {
    match store.resolve(into) {
        Ok(path) => OpenDraft::open(&path).map(Target::Existing),
        Err(StoreError::NotFound { .. }) => {
            let as_path = Path::new(into);
            let names_a_file = as_path.components().count() > 1
                || as_path.extension().is_some_and(|x| x == "json");
            if names_a_file {
                let name = as_path
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_else(|| into.to_string());
                Ok(Target::New {
                    path: Some(as_path.to_path_buf()),
                    profile: Profile::new(name),
                })
            } else {
                Ok(Target::New {
                    path: None,
                    profile: Profile::new(into.trim()),
                })
            }
        }
        Err(other) => Err(other),
    }
}
