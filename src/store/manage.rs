//! Rename, duplicate ("what if" copy) and delete, for an open draft and for one picked from
//! the list. None of them replaces another draft's file, and none touches a draft that is
//! open elsewhere.

use std::fs;
use std::path::{Path, PathBuf};

use super::files::{Fingerprint, folder_of, load, same_file, sync_dir};
use super::open::OpenDraft;
use super::{StoreError, file_name_for, lock};

impl OpenDraft {
    /// Gives the draft a new name and moves its file to the new name's safe file name. The
    /// draft as last saved is what moves: save first. `AlreadyExists` when another draft has
    /// that file name. A crash midway leaves the old file, or both: never neither.
    pub fn rename(&mut self, new_name: &str) -> Result<(), StoreError> {
        self.check_writable()?;
        self.check_unchanged_or_loadable()?;
        let mut renamed = self.profile.clone();
        renamed.name = new_name.to_string();
        let target = folder_of(&self.path).join(file_name_for(new_name));

        // Same file name (or the same file under another case): a save in place does.
        if target == self.path || same_file(&target, &self.path) {
            self.save(&renamed)?;
            if target != self.path {
                fs::rename(&self.path, &target).map_err(|e| StoreError::io(&target, e))?;
                sync_dir(&folder_of(&target));
                self.path = target;
                self.on_disk = Fingerprint::of(&self.path);
            }
            return Ok(());
        }
        if target.exists() {
            return Err(StoreError::AlreadyExists { path: target });
        }
        // The new file is complete and locked before the old one goes, and the old lock is
        // let go only after its file is removed.
        let moved = OpenDraft::create_at(&target, renamed)?;
        let old = std::mem::replace(self, moved);
        fs::remove_file(&old.path).map_err(|e| StoreError::io(&old.path, e))?;
        sync_dir(&folder_of(&old.path));
        Ok(())
    }

    /// A copy of the draft (as last saved) under a new name, in the same folder, open for
    /// editing. Works on a read-only draft too: a "what if" of a draft open elsewhere.
    pub fn duplicate(&self, new_name: &str) -> Result<OpenDraft, StoreError> {
        let mut copy = self.profile().clone();
        copy.name = new_name.to_string();
        let target = folder_of(self.path()).join(file_name_for(new_name));
        if target.exists() {
            return Err(StoreError::AlreadyExists { path: target });
        }
        OpenDraft::create_at(&target, copy)
    }

    /// Deletes the draft's file. The wizard asks for confirmation first.
    pub fn delete(self) -> Result<(), StoreError> {
        self.check_writable()?;
        fs::remove_file(self.path()).map_err(|e| StoreError::io(self.path(), e))?;
        sync_dir(&folder_of(self.path()));
        Ok(())
    }

    /// Refuses to act on a file that was changed outside the program into something that no
    /// longer loads.
    fn check_unchanged_or_loadable(&self) -> Result<(), StoreError> {
        if Fingerprint::of(&self.path) == self.on_disk {
            return Ok(());
        }
        match load(self.path()) {
            Ok(_) => Ok(()),
            Err(StoreError::Io { .. }) if !self.path().exists() => Ok(()),
            Err(reason) => Err(StoreError::WontOverwrite {
                path: self.path().to_path_buf(),
                reason: Box::new(reason),
            }),
        }
    }
}

/// Renames a draft that is not open here; returns its new path.
pub fn rename(path: &Path, new_name: &str) -> Result<PathBuf, StoreError> {
    let mut draft = OpenDraft::open(path)?;
    draft.rename(new_name)?;
    Ok(draft.path().to_path_buf())
}

/// Copies a draft under a new name beside it; returns the copy's path. The original need
/// not be free: a copy of a draft open elsewhere is fine.
pub fn duplicate(path: &Path, new_name: &str) -> Result<PathBuf, StoreError> {
    let copy = OpenDraft::open_read_only(path)?.duplicate(new_name)?;
    Ok(copy.path().to_path_buf())
}

/// Deletes a draft file that is not open anywhere, even one that cannot be read (the way
/// to get rid of a broken file from the list).
pub fn delete(path: &Path) -> Result<(), StoreError> {
    let _lock = lock::acquire(path)?;
    fs::remove_file(path).map_err(|e| StoreError::io(path, e))?;
    sync_dir(&folder_of(path));
    Ok(())
}
