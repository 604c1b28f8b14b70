//! `cpc-wizard import-csv FILE --into DRAFT`: customers from a spreadsheet into a draft,
//! which is created when absent. All or nothing: on any bad row the draft is not touched.
//! The draft's lock is held from reading to writing: a draft open in the wizard is refused
//! (`Locked`, exit 2), never changed behind its back.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{CliError, EXIT_BAD_INPUT};
use crate::i18n::Locale;
use crate::import::{import_csv as import, words};
use crate::profile::Profile;
use crate::store::{OpenDraft, Store, StoreError};
use crate::text::visible;

pub fn import_csv(
    store: &Store,
    file: &Path,
    into: &str,
    loc: &Locale,
) -> Result<ExitCode, CliError> {
    let bytes = std::fs::read(file).map_err(|source| StoreError::Io {
        path: file.to_path_buf(),
        source,
    })?;
    // A second round when another program created a draft of this name between our look
    // and our create: the import then goes into that draft, and there is still one.
    let mut rounds = 0;
    let (profile, summary, path, created) = loop {
        rounds += 1;
        let target = match open_or_new(store, into) {
            Ok(target) => target,
            Err(e @ StoreError::Locked { .. }) => return refused_by_lock(loc, &e),
            Err(e) => return Err(e.into()),
        };
        let mut profile = match &target {
            Target::Existing(open) => open.profile().clone(),
            Target::New { profile, .. } => profile.clone(),
        };
        let summary = match import(&bytes, &mut profile) {
            Ok(summary) => summary,
            Err(error) => return report_bad_rows(loc, file, &error),
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
    for line in words::summary_lines(loc, &summary) {
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
fn report_bad_rows(
    loc: &Locale,
    file: &Path,
    error: &crate::import::ImportError,
) -> Result<ExitCode, CliError> {
    let mut lines = words::error_lines(loc, error).into_iter();
    let mut stderr = std::io::stderr().lock();
    if let Some(headline) = lines.next() {
        let message = loc.f(
            "csv.in_file",
            &[("file", &file.display()), ("message", &headline)],
        );
        writeln!(
            stderr,
            "{}",
            visible(&loc.f("error.prefix", &[("message", &message)]))
        )?;
    }
    for line in lines {
        writeln!(stderr, "  {}", visible(&line))?;
    }
    Ok(ExitCode::from(EXIT_BAD_INPUT))
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
