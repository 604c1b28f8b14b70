//! The drafts folder and every file a draft lives in: listing, loading, atomic saving,
//! locking, rename, duplicate and delete. Every file error of the program is raised here.
//!
//! The wizard opens a draft with [`OpenDraft::open`] (locked; [`StoreError::Locked`] when it
//! is open elsewhere) or [`OpenDraft::open_read_only`], and saves with [`OpenDraft::save`].

mod error;
mod files;
mod folder;
mod lock;
mod manage;
mod names;
mod open;
mod summary;

pub use error::StoreError;
pub use files::{TEMP_PREFIX, TEMP_SUFFIX, clean_stale_temp_files, load, save, write_atomically};
pub(crate) use files::{parse, write_export};

/// The folder a draft's file is in ("." for a bare file name).
pub(crate) fn folder_of_draft(path: &Path) -> PathBuf {
    files::folder_of(path)
}
pub use lock::{acquire as lock, lock_path_for};
pub use manage::{delete, duplicate, rename};
pub(crate) use names::file_name_for;
pub use names::file_stem_for;
pub use open::OpenDraft;
pub(crate) use summary::ListedDraft;

use std::path::{Path, PathBuf};

/// The environment variable that, when set, is the drafts folder.
pub(crate) const HOME_VAR: &str = "CPC_WIZARD_HOME";
const EXTENSION: &str = "json";

#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
}

impl Store {
    pub fn new(dir: impl Into<PathBuf>) -> Store {
        Store { dir: dir.into() }
    }

    /// The drafts folder: `CPC_WIZARD_HOME`, or the platform's data folder for this program.
    pub fn from_env() -> Result<Store, StoreError> {
        if let Some(home) = std::env::var_os(HOME_VAR).filter(|v| !v.is_empty()) {
            return Ok(Store::new(home));
        }
        directories::ProjectDirs::from("", "", "cpc-wizard")
            .map(|dirs| Store::new(dirs.data_dir()))
            .ok_or(StoreError::NoDataFolder)
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }
}
