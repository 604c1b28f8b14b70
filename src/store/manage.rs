//! Rename, duplicate ("what if" copy) and delete, for an open draft and for one picked from
//! the list. None of them replaces another draft's file, and none touches a draft that is
//! open elsewhere.

use std::fs;
use std::path::{Path, PathBuf};

use super::files::{Fingerprint, folder_of, hash_of_file, load, same_file, sync_dir};
use super::names::is_blank;
use super::open::OpenDraft;
use super::{Store, StoreError, file_name_for, lock};

impl OpenDraft {
    /// Gives the draft a new name and moves its file to the new name's safe file name
    /// (numbered when another draft has that file name). The draft as last saved is what
    /// moves: save first. `NameTaken` when another draft has that name; `EmptyName` for a
    /// blank one. A crash midway leaves the old file, or both: never neither.
    pub fn rename(&mut self, new_name: &str) -> Result<(), StoreError> {
        self.check_writable()?;
        self.check_unchanged_or_loadable()?;
        let folder = folder_of(&self.path);
        let _names = lock::lock_names(&folder)?;
        check_name_free(&folder, new_name, Some(&self.path))?;
        let mut renamed = self.last_saved()?.into_owned();
        renamed.name = new_name.to_string();
        let target = folder.join(file_name_for(new_name));

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
        let target = Store::new(&folder).path_for_new(new_name);
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
    /// `NameTaken` when a draft has that name already.
    pub fn duplicate(&self, new_name: &str) -> Result<OpenDraft, StoreError> {
        let mut copy = self.last_saved()?.into_owned();
        copy.name = new_name.to_string();
        OpenDraft::create(&Store::new(folder_of(self.path())), copy)
    }

    /// Deletes the draft's file. The wizard asks for confirmation first.
    pub fn delete(self) -> Result<(), StoreError> {
        self.check_writable()?;
        fs::remove_file(self.path()).map_err(|e| StoreError::io(self.path(), e))?;
        sync_dir(&folder_of(self.path()));
        Ok(())
    }

    /// Refuses to act on a file that was changed outside the program since it was read or
    /// last saved: moving the draft as last saved would drop that change.
    fn check_unchanged_or_loadable(&self) -> Result<(), StoreError> {
        if Fingerprint::of(&self.path) == self.on_disk
            || !self.path.exists()
            || hash_of_file(&self.path) == self.content
        {
            return Ok(());
        }
        Err(match load(self.path()) {
            Ok(_) => StoreError::ChangedOnDisk {
                path: self.path().to_path_buf(),
            },
            Err(reason) => StoreError::WontOverwrite {
                path: self.path().to_path_buf(),
                reason: Box::new(reason),
            },
        })
    }
}

/// `NameTaken` when a draft in `folder` other than `except` has this name; `EmptyName` for
/// a blank one.
fn check_name_free(folder: &Path, name: &str, except: Option<&Path>) -> Result<(), StoreError> {
    if is_blank(name) {
        return Err(StoreError::EmptyName);
    }
    match Store::new(folder).find_by_name(name)? {
        Some(path) if !except.is_some_and(|own| own == path || same_file(own, &path)) => {
            Err(StoreError::NameTaken {
                name: name.to_string(),
                path,
            })
        }
        _ => Ok(()),
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
