//! Every way a draft file can fail, as data; `crate::messages` words them.

use std::io;
use std::path::{Path, PathBuf};

use super::lock::LockHolder;
use crate::profile::ParseError;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("no data folder could be found for this user; set {}", super::HOME_VAR)]
    NoDataFolder,
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("no draft named {name:?} in {}", folder.display())]
    NotFound { name: String, folder: PathBuf },
    /// `line` is the line of the first byte that is not UTF-8.
    #[error("{}: line {line}: not UTF-8 text", path.display())]
    NotUtf8 { path: PathBuf, line: usize },
    /// Boxed: it is the largest error, and Windows' wider paths would make every
    /// `Result` of the store carry its size.
    #[error("{}: {error}", path.display())]
    Parse {
        path: PathBuf,
        error: Box<ParseError>,
    },
    /// Another program holds the draft's lock. `holder` is who, when the lock file says.
    #[error("{} is open elsewhere", path.display())]
    Locked {
        path: PathBuf,
        holder: Option<LockHolder>,
    },
    /// The draft was opened read-only; it is never written.
    #[error("{} is open read-only", path.display())]
    ReadOnly { path: PathBuf },
    /// Rename, duplicate or create would have replaced another file.
    #[error("{} already exists", path.display())]
    AlreadyExists { path: PathBuf },
    /// The file to be written does not read as a draft (it was changed outside cpc-wizard
    /// since it was opened, or was bad from the start); it is kept as it is.
    #[error("{} cannot be read and was not overwritten: {reason}", path.display())]
    WontOverwrite {
        path: PathBuf,
        reason: Box<StoreError>,
    },
    /// A draft needs a name with something in it besides spaces.
    #[error("a draft needs a name")]
    EmptyName,
    /// Another draft has this name (names are compared without case and surrounding
    /// spaces); `path` is its file.
    #[error("a draft named {name:?} exists already ({})", path.display())]
    NameTaken { name: String, path: PathBuf },
    /// The file was changed outside cpc-wizard since it was read or last saved: saving
    /// stops rather than overwrite that change.
    #[error("{} was changed outside cpc-wizard since it was opened", path.display())]
    ChangedOnDisk { path: PathBuf },
    /// The draft file's permissions say read-only: it is opened read-only.
    #[error("{} is a read-only file", path.display())]
    FileReadOnly { path: PathBuf },
    /// The folder cannot be written in: drafts open read-only and none can be created.
    #[error("the folder {} cannot be written in", folder.display())]
    FolderReadOnly { folder: PathBuf },
    /// The file has other names (hard links): replacing it would split the draft in two.
    #[error("{} has other hard links", path.display())]
    HardLinked { path: PathBuf },
    /// A file is to be written into a folder that does not exist.
    #[error("the folder {} does not exist", folder.display())]
    NoSuchFolder { folder: PathBuf },
    /// A profile that could not be read back is never written.
    #[error("unknown edition {edition:?}")]
    UnknownEdition { edition: String },
}

impl StoreError {
    pub(crate) fn io(path: &Path, source: io::Error) -> StoreError {
        StoreError::Io {
            path: path.to_path_buf(),
            source,
        }
    }

    /// The line of the file the error points at, when it points at one.
    pub fn line(&self) -> Option<usize> {
        match self {
            StoreError::NotUtf8 { line, .. } => Some(*line),
            StoreError::Parse { error, .. } => error.line(),
            StoreError::WontOverwrite { reason, .. } => reason.line(),
            _ => None,
        }
    }
}
