//! A draft opened for editing (locked) or for reading only, and its saves.

use std::path::{Path, PathBuf};

use super::files::{
    Fingerprint, STALE_TEMP_AGE, clean_stale_temp_files, folder_of, load, save_new, save_unchecked,
};
use super::lock::{self, DraftLock};
use super::{Store, StoreError};
use crate::profile::Profile;

/// A draft as the wizard holds it while it is open.
///
/// Only a draft that loaded can be opened, so a file that fails to load (corrupt, truncated,
/// empty, of a newer format version) is never written: `open` returns its error and the
/// caller can start fresh beside it (`OpenDraft::create`, which picks a free file name).
#[derive(Debug)]
pub struct OpenDraft {
    pub(super) path: PathBuf,
    /// As last loaded or saved: what is on disk.
    pub(super) profile: Profile,
    /// None when opened read-only.
    pub(super) lock: Option<DraftLock>,
    pub(super) on_disk: Option<Fingerprint>,
}

impl OpenDraft {
    /// Opens a draft for editing: takes its lock, then loads it. `StoreError::Locked` when
    /// another program has it open; `open_read_only` still works then.
    pub fn open(path: &Path) -> Result<OpenDraft, StoreError> {
        clean_stale_temp_files(&folder_of(path), STALE_TEMP_AGE);
        // Lock first: what we load is then what nobody else is changing.
        let lock = lock::acquire(path)?;
        let profile = load(path)?;
        Ok(OpenDraft {
            on_disk: Fingerprint::of(path),
            path: path.to_path_buf(),
            profile,
            lock: Some(lock),
        })
    }

    /// Opens a draft to look at, without its lock; `save` refuses.
    pub fn open_read_only(path: &Path) -> Result<OpenDraft, StoreError> {
        let profile = load(path)?;
        Ok(OpenDraft {
            on_disk: Fingerprint::of(path),
            path: path.to_path_buf(),
            profile,
            lock: None,
        })
    }

    /// A new draft in the store's folder, under the safe file name of its name (numbered
    /// when taken), written at once and open for editing.
    pub fn create(store: &Store, profile: Profile) -> Result<OpenDraft, StoreError> {
        // Another program can take the same free name at the same moment; the no-replace
        // write makes one of us move on to the next number. (A name whose lock is held by
        // a program creating that very draft right now is reported as `Locked`.)
        for _ in 0..64 {
            let path = store.path_for_new(&profile.name);
            match Self::create_at(&path, profile.clone()) {
                Err(StoreError::AlreadyExists { .. }) => continue,
                other => return other,
            }
        }
        Err(StoreError::AlreadyExists {
            path: store.path_for_new(&profile.name),
        })
    }

    /// A new draft at exactly this path; `AlreadyExists` if a file is there.
    pub(crate) fn create_at(path: &Path, profile: Profile) -> Result<OpenDraft, StoreError> {
        let lock = lock::acquire(path)?;
        save_new(path, &profile)?;
        Ok(OpenDraft {
            on_disk: Fingerprint::of(path),
            path: path.to_path_buf(),
            profile,
            lock: Some(lock),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The draft as last loaded or saved.
    pub fn profile(&self) -> &Profile {
        &self.profile
    }

    pub fn is_read_only(&self) -> bool {
        self.lock.is_none()
    }

    /// Saves the profile to this draft's file, atomically. Refuses when read-only, and when
    /// the file was changed outside the program into something that no longer loads (it is
    /// kept for the user to look at). Does nothing when the profile equals what is on disk.
    /// The file keeps its name; `rename` moves it.
    pub fn save(&mut self, profile: &Profile) -> Result<(), StoreError> {
        self.check_writable()?;
        let now = Fingerprint::of(&self.path);
        if now != self.on_disk {
            if now.is_some()
                && let Err(reason) = load(&self.path)
            {
                return Err(StoreError::WontOverwrite {
                    path: self.path.clone(),
                    reason: Box::new(reason),
                });
            }
        } else if *profile == self.profile {
            return Ok(());
        }
        save_unchecked(&self.path, profile)?;
        self.on_disk = Fingerprint::of(&self.path);
        self.profile.clone_from(profile);
        Ok(())
    }

    pub(crate) fn check_writable(&self) -> Result<(), StoreError> {
        match self.lock {
            Some(_) => Ok(()),
            None => Err(StoreError::ReadOnly {
                path: self.path.clone(),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The wizard may hand an open draft to a saver thread so that typing never waits on
    /// the disk.
    #[test]
    fn an_open_draft_can_move_to_another_thread() {
        fn assert_send<T: Send>() {}
        assert_send::<OpenDraft>();
    }
}
