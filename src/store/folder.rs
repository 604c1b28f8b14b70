//! The drafts folder as a whole: which files are drafts, finding one by name, the list.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::files::{STALE_TEMP_AGE, clean_stale_temp_files, load};
use super::names::{is_blank, name_key, numbered_file_name};
use super::{EXTENSION, Store, StoreError, file_name_for, file_stem_for};
use crate::profile::Profile;

/// One line of the drafts list.
#[derive(Debug)]
pub struct DraftEntry {
    pub path: PathBuf,
    pub modified: Option<SystemTime>,
    /// The draft, or why it could not be read.
    pub profile: Result<Profile, StoreError>,
}

impl DraftEntry {
    /// The name to show: the profile's, or the file's when it cannot be read. Pass it
    /// through `text::visible` before it reaches a terminal.
    pub fn display_name(&self) -> String {
        match &self.profile {
            Ok(p) => p.name.clone(),
            Err(_) => self
                .path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default(),
        }
    }
}

impl Store {
    /// Where a new draft of this name would be saved: its safe file name, numbered when
    /// that file is taken (by a draft of another name that maps to the same file name).
    pub fn path_for_new(&self, name: &str) -> PathBuf {
        let stem = file_stem_for(name);
        let mut candidate = self.dir().join(format!("{stem}.{EXTENSION}"));
        let mut n = 2;
        // `symlink_metadata`: a dangling link is a taken name too.
        while fs::symlink_metadata(&candidate).is_ok() {
            candidate = self.dir().join(numbered_file_name(&stem, n));
            n += 1;
        }
        candidate
    }

    /// The file of the draft with this name (compared without case and surrounding
    /// spaces), read from inside the files: file names do not tell names apart.
    pub(crate) fn find_by_name(&self, name: &str) -> Result<Option<PathBuf>, StoreError> {
        let wanted = name_key(name);
        // Through the summaries: only drafts changed since the last listing are read.
        let mut listing = self.listing()?;
        let found = listing
            .by_ref()
            .find(|d| {
                d.summary
                    .as_ref()
                    .is_ok_and(|s| name_key(&s.name) == wanted)
            })
            .map(|d| d.path);
        if found.is_none() {
            listing.finish();
        }
        Ok(found)
    }

    /// Finds a draft given on the command line: a path to a file, the name of a draft in
    /// the folder, or a draft's file name in it.
    pub fn resolve(&self, draft: &str) -> Result<PathBuf, StoreError> {
        let as_path = Path::new(draft);
        if as_path.is_file() {
            return Ok(as_path.to_path_buf());
        }
        if !is_blank(draft)
            && let Some(path) = self.find_by_name(draft)?
        {
            return Ok(path);
        }
        // A file that cannot be read has no name to find it by; the one this name would be
        // saved as is meant, and its error is better said than a new draft made beside it.
        let by_stem = self.dir().join(file_name_for(draft));
        if !is_blank(draft) && by_stem.is_file() && load(&by_stem).is_err() {
            return Ok(by_stem);
        }
        // No draft holds that name: a file of the folder named exactly so (`Big` or
        // `Big.json`, as `ls` shows it) is meant, whatever name it holds.
        if as_path.components().count() == 1 {
            for file_name in [draft.to_string(), format!("{draft}.{EXTENSION}")] {
                let by_file_name = self.dir().join(file_name);
                if by_file_name.is_file() {
                    return Ok(by_file_name);
                }
            }
        }
        Err(StoreError::NotFound {
            name: draft.to_string(),
            folder: self.dir().to_path_buf(),
        })
    }

    /// Whether the folder exists and its permissions say it cannot be written in (read,
    /// not tried: root may write anything). Windows ignores a folder's read-only
    /// attribute, so there it is never read-only.
    pub(crate) fn is_read_only(&self) -> bool {
        cfg!(unix) && fs::metadata(self.dir()).is_ok_and(|m| m.permissions().readonly())
    }

    /// Paths of the draft files in the folder (none when the folder does not exist yet).
    /// Hidden files (lock files, temporary files of saves) are not drafts.
    pub(crate) fn draft_paths(&self) -> Result<Vec<PathBuf>, StoreError> {
        let entries = match fs::read_dir(self.dir()) {
            Ok(entries) => entries,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(StoreError::io(self.dir(), e)),
        };
        let mut paths: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| {
                p.extension().is_some_and(|x| x == EXTENSION)
                    && p.is_file()
                    && !p
                        .file_name()
                        .is_some_and(|n| n.to_string_lossy().starts_with('.'))
            })
            .collect();
        paths.sort();
        Ok(paths)
    }

    /// Every draft in the folder, newest first; unreadable ones are listed with the reason.
    /// Clears away what killed saves left behind.
    pub fn list(&self) -> Result<Vec<DraftEntry>, StoreError> {
        clean_stale_temp_files(self.dir(), STALE_TEMP_AGE);
        let mut entries: Vec<DraftEntry> = self
            .draft_paths()?
            .into_iter()
            .map(|path| DraftEntry {
                modified: fs::metadata(&path).and_then(|m| m.modified()).ok(),
                profile: load(&path),
                path,
            })
            .collect();
        entries.sort_by(|a, b| b.modified.cmp(&a.modified).then(a.path.cmp(&b.path)));
        Ok(entries)
    }
}
