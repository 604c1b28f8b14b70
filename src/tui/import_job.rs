//! The import thread: the files typed are expanded, opened and imported into a copy of the
//! draft on a thread of their own, so that keys are read all along and Esc stops it. The
//! loop looks at its progress about every frame.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::Duration;

use crate::import::{
    FileError, ImportError, Input, OpenError, Progress, RunOptions, RunSummary, import_files,
    open_regular,
};
use crate::profile::Profile;
use crate::store::StoreError;

/// How far a running import is: which file, rows read, share of the file read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportProgress {
    pub file: String,
    pub rows: u64,
    pub percent: u8,
}

/// What the driver's import thread hands back.
#[derive(Debug, Clone)]
pub enum Finished {
    /// Every file read: the draft as it is with them.
    Done {
        summary: RunSummary,
        profile: Box<Profile>,
    },
    Refused(Vec<FileError>),
    Unreadable(Arc<StoreError>),
}

/// What an import came to: the files it read (expanded), the customer named for a
/// concealed report, and the outcome.
#[derive(Debug)]
pub(crate) struct ImportDone {
    pub(crate) paths: Vec<PathBuf>,
    pub(crate) customer: Option<String>,
    pub(crate) finished: Finished,
}

/// An import running on its own thread.
pub(crate) struct ImportJob {
    progress: Arc<Progress>,
    finished: Receiver<ImportDone>,
    /// The (file, rows) last shown.
    shown: (u64, u64),
}

impl ImportJob {
    /// How often the loop looks at a running import: often enough for its progress to move.
    pub(crate) const LOOK_EVERY: Duration = Duration::from_millis(100);

    /// Starts the import of the files typed into `base` on its own thread; when no thread
    /// can be started, the message saying so.
    pub(crate) fn start(
        typed: String,
        customer: Option<String>,
        base: Profile,
    ) -> Result<ImportJob, StoreError> {
        let progress = Progress::new();
        let (done, finished) = std::sync::mpsc::channel();
        let worker_progress = progress.clone();
        let spawned = std::thread::Builder::new()
            .name("import".into())
            .spawn(move || {
                let _ = done.send(run_import(&typed, customer, base, &worker_progress));
            });
        match spawned {
            Ok(_) => Ok(ImportJob {
                progress,
                finished,
                shown: (u64::MAX, u64::MAX),
            }),
            Err(e) => Err(StoreError::Io {
                path: PathBuf::new(),
                source: e,
            }),
        }
    }

    /// Asks the thread to stop: it ends with nothing imported.
    pub(crate) fn cancel(&self) {
        self.progress.cancel();
    }

    /// What the thread has to say now: its result, or its progress when that moved.
    pub(crate) fn look(&mut self) -> Look {
        match self.finished.try_recv() {
            Ok(msg) => Look::Finished(msg),
            Err(TryRecvError::Disconnected) => Look::Gone,
            Err(TryRecvError::Empty) => {
                let now = (self.progress.file(), self.progress.rows());
                if now == self.shown {
                    return Look::Unchanged;
                }
                self.shown = now;
                Look::Progress(ImportProgress {
                    file: self.progress.name(),
                    rows: self.progress.rows(),
                    percent: self.progress.percent(),
                })
            }
        }
    }
}

/// See `ImportJob::look`.
pub(crate) enum Look {
    /// The import is done: its outcome, and the job with it.
    Finished(ImportDone),
    /// The thread ended without a word (it panicked): the job is over.
    Gone,
    Progress(ImportProgress),
    Unchanged,
}

/// Imports the files typed into `base`: each path expanded (`~` is the home folder, a
/// relative path starts from the current folder), only regular files opened, all or
/// nothing. Runs on the import thread.
pub(crate) fn run_import(
    typed: &str,
    customer: Option<String>,
    mut base: Profile,
    progress: &Arc<Progress>,
) -> ImportDone {
    let home = directories::BaseDirs::new().map(|d| d.home_dir().to_path_buf());
    let cwd = std::env::current_dir().unwrap_or_default();
    let expand = |t: &str| expand(t, home.as_deref(), &cwd);
    let paths: Vec<PathBuf> = split_paths(typed, |t| expand(t).is_file())
        .iter()
        .map(|t| expand(t))
        .collect();
    let finish = |paths: Vec<PathBuf>, customer: Option<String>, finished: Finished| ImportDone {
        paths,
        customer,
        finished,
    };
    let mut inputs = Vec::new();
    let mut refused = Vec::new();
    for path in &paths {
        match open_regular(path) {
            Ok(file) => inputs.push(Input {
                name: path.display().to_string(),
                size: file.metadata().map(|m| m.len()).unwrap_or(0),
                reader: Box::new(file),
            }),
            // A file that is not there, or not readable: said as for any file.
            Err(OpenError::Io(source)) => {
                let error = Arc::new(StoreError::Io {
                    path: path.clone(),
                    source,
                });
                return finish(paths.clone(), customer, Finished::Unreadable(error));
            }
            Err(OpenError::NotRegularFile) => refused.push(FileError {
                file: path.display().to_string(),
                error: ImportError::NotRegularFile,
            }),
        }
    }
    if !refused.is_empty() {
        return finish(paths, customer, Finished::Refused(refused));
    }
    let options = RunOptions {
        customer: customer.clone(),
    };
    let finished = match import_files(inputs, &mut base, &options, progress) {
        Ok(summary) => Finished::Done {
            summary,
            profile: Box::new(base),
        },
        Err(errors) => Finished::Refused(errors),
    };
    finish(paths, customer, finished)
}

/// The paths of a typed line: separated by spaces, a path with spaces in quotes (`"…"` or
/// `'…'`). A line that is one existing file as typed is that file, spaces and all.
pub(crate) fn split_paths(typed: &str, exists: impl Fn(&str) -> bool) -> Vec<String> {
    let typed = typed.trim();
    if exists(typed) {
        return vec![typed.to_string()];
    }
    let mut paths = Vec::new();
    let mut current = String::new();
    let mut quote: Option<char> = None;
    let mut quoted = false;
    for ch in typed.chars() {
        match (quote, ch) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => current.push(c),
            (None, '"' | '\'') => {
                quote = Some(ch);
                quoted = true;
            }
            (None, c) if c.is_whitespace() => {
                if !current.is_empty() || quoted {
                    paths.push(std::mem::take(&mut current));
                }
                quoted = false;
            }
            (None, c) => current.push(c),
        }
    }
    if !current.is_empty() || quoted {
        paths.push(current);
    }
    paths
}

/// The path typed, made absolute: `~` is the home folder, and a relative path starts from
/// `cwd` (the folder the program was started in).
pub(crate) fn expand(text: &str, home: Option<&Path>, cwd: &Path) -> PathBuf {
    let text = text.trim();
    let home_relative = match text {
        "~" => Some(""),
        t => t.strip_prefix("~/").or_else(|| {
            // Windows users type either separator.
            t.strip_prefix("~\\").filter(|_| cfg!(windows))
        }),
    };
    let path = match (home_relative, home) {
        (Some(rest), Some(home)) => home.join(rest),
        _ => PathBuf::from(text),
    };
    let path = if path.is_absolute() {
        path
    } else {
        cwd.join(path)
    };
    normalize(&path)
}

/// `a/./b/../c` as `a/c`, as a shell's `cd` reads it, so that the path shown is the one the
/// user means.
fn normalize(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push(part);
                }
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_expanded() {
        let home = Path::new("/home/mei");
        let cwd = Path::new("/work");
        assert_eq!(expand("~", Some(home), cwd), PathBuf::from("/home/mei"));
        assert_eq!(
            expand(" ~/客戶.csv ", Some(home), cwd),
            PathBuf::from("/home/mei/客戶.csv")
        );
        assert_eq!(
            expand("a/b.csv", Some(home), cwd),
            PathBuf::from("/work/a/b.csv")
        );
        assert_eq!(
            expand("../tmp/./x.csv", Some(home), cwd),
            PathBuf::from("/tmp/x.csv")
        );
        assert_eq!(
            expand("/tmp/x.csv", Some(home), cwd),
            PathBuf::from("/tmp/x.csv")
        );
        // `~user` is not expanded, and without a home `~` is a plain name.
        assert_eq!(
            expand("~bob/x", Some(home), cwd),
            PathBuf::from("/work/~bob/x")
        );
        assert_eq!(expand("~/x", None, cwd), PathBuf::from("/work/~/x"));
    }
}
