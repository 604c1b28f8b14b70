//! A draft opened for editing (locked) or for reading only, and its saves.

use std::path::{Path, PathBuf};

use super::files::{
    ContentHash, Fingerprint, STALE_TEMP_AGE, clean_stale_temp_files, folder_of, has_other_links,
    hash_of_file, link_target, load, load_hashed, save_new_hashed, save_unchecked,
};
use super::lock::{self, DraftLock};
use super::names::is_blank;
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
    /// As last loaded or saved: what is on disk (while `holds_on_disk`).
    pub(super) profile: Profile,
    /// False once `take_profile` has handed the profile out, until the next save.
    pub(super) holds_on_disk: bool,
    /// None when opened read-only.
    pub(super) lock: Option<DraftLock>,
    pub(super) on_disk: Option<Fingerprint>,
    /// The hash of the file's bytes as last loaded or saved: a file whose time changed but
    /// whose bytes did not (`touch`) was not changed.
    pub(super) content: Option<ContentHash>,
    /// Whether the temporary files that killed saves left in the draft's folder have been
    /// cleared: done before the first write, not on the way to the first frame.
    pub(super) swept: bool,
}

impl OpenDraft {
    /// Opens a draft for editing: takes its lock, then loads it. `StoreError::Locked` when
    /// another program has it open; `open_read_only` still works then. A draft that cannot
    /// be written as it is (`FileReadOnly`, `FolderReadOnly`, `HardLinked`) is refused
    /// likewise, with the reason to show when it is opened read-only instead.
    ///
    /// A symbolic link opens the draft it points to: that file is locked and saved, and
    /// the link stays a link.
    pub fn open(path: &Path) -> Result<OpenDraft, StoreError> {
        let path = link_target(path);
        let folder = folder_of(&path);
        check_can_replace(&path)?;
        // Lock first: what we load is then what nobody else is changing.
        let lock = lock::acquire_resolved(&path).map_err(|e| read_only_folder_or(e, &folder))?;
        let loaded = load_hashed(&path)?;
        Ok(OpenDraft {
            on_disk: Some(loaded.on_disk),
            content: Some(loaded.content),
            path,
            profile: loaded.profile,
            lock: Some(lock),
            swept: false,
            holds_on_disk: true,
        })
    }

    /// Opens a draft to look at, without its lock; `save` refuses.
    pub fn open_read_only(path: &Path) -> Result<OpenDraft, StoreError> {
        let path = link_target(path);
        let loaded = load_hashed(&path)?;
        Ok(OpenDraft {
            on_disk: Some(loaded.on_disk),
            content: Some(loaded.content),
            path,
            profile: loaded.profile,
            lock: None,
            swept: false,
            holds_on_disk: true,
        })
    }

    /// A new draft in the store's folder, under the safe file name of its name (numbered
    /// when that file is taken), written at once and open for editing. Refuses a blank
    /// name, and a name another draft has (`NameTaken`); the check and the write are one
    /// step for every program creating drafts in the folder.
    pub fn create(store: &Store, profile: Profile) -> Result<OpenDraft, StoreError> {
        if is_blank(&profile.name) {
            return Err(StoreError::EmptyName);
        }
        let _names = lock::lock_names(store.dir())?;
        if let Some(path) = store.find_by_name(&profile.name)? {
            return Err(StoreError::NameTaken {
                name: profile.name,
                path,
            });
        }
        // A file name can still be taken by a program that does not take the names lock
        // (an older version): the no-replace write makes us move on to the next number.
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
        if is_blank(&profile.name) {
            return Err(StoreError::EmptyName);
        }
        let lock = lock::acquire(path)?;
        let content = save_new_hashed(path, &profile)?;
        Ok(OpenDraft {
            on_disk: Fingerprint::of(path),
            content: Some(content),
            path: path.to_path_buf(),
            profile,
            lock: Some(lock),
            swept: false,
            holds_on_disk: true,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The draft as last loaded or saved (empty after `take_profile`, until the next save).
    pub fn profile(&self) -> &Profile {
        &self.profile
    }

    /// The draft as on disk: the copy held, or read again when it was handed out.
    pub(super) fn last_saved(&self) -> Result<std::borrow::Cow<'_, Profile>, StoreError> {
        if self.holds_on_disk {
            return Ok(std::borrow::Cow::Borrowed(&self.profile));
        }
        load(&self.path).map(std::borrow::Cow::Owned)
    }

    /// The profile as loaded, moved out for the caller to work on: opening then costs no
    /// copy of the draft (the wizard's first frame waited for one). With nothing to compare
    /// with, the next `save` writes what it is given; the caller knows what changed.
    pub(crate) fn take_profile(&mut self) -> Profile {
        self.holds_on_disk = false;
        std::mem::replace(&mut self.profile, Profile::new(String::new()))
    }

    pub fn is_read_only(&self) -> bool {
        self.lock.is_none()
    }

    /// Saves the profile to this draft's file, atomically. Refuses when read-only, and when
    /// the file was changed outside the program since it was read or last saved
    /// (`ChangedOnDisk`, or `WontOverwrite` when the change no longer loads): that change
    /// is kept, never overwritten; `reload` or a copy is the way on. Does nothing when the
    /// profile equals what is on disk. The file keeps its name; `rename` moves it.
    pub fn save(&mut self, profile: &Profile) -> Result<(), StoreError> {
        self.check_writable()?;
        let now = Fingerprint::of(&self.path);
        if now != self.on_disk {
            // A file removed meanwhile is written again: nothing of anyone's is lost. One
            // whose bytes are as we left them was only touched.
            if now.is_some() && hash_of_file(&self.path) != self.content {
                return Err(match load(&self.path) {
                    Ok(_) => StoreError::ChangedOnDisk {
                        path: self.path.clone(),
                    },
                    Err(reason) => StoreError::WontOverwrite {
                        path: self.path.clone(),
                        reason: Box::new(reason),
                    },
                });
            }
        } else if self.holds_on_disk && *profile == self.profile {
            return Ok(());
        }
        if !self.swept {
            clean_stale_temp_files(&folder_of(&self.path), STALE_TEMP_AGE);
            self.swept = true;
        }
        self.content = Some(save_unchecked(&self.path, profile)?);
        self.on_disk = Fingerprint::of(&self.path);
        self.profile.clone_from(profile);
        self.holds_on_disk = true;
        Ok(())
    }

    /// Reads the file again, as it is on disk now (after a change made outside the
    /// program), keeping the lock; what is unsaved here is dropped.
    pub fn reload(&mut self) -> Result<&Profile, StoreError> {
        let loaded = load_hashed(&self.path)?;
        self.profile = loaded.profile;
        self.holds_on_disk = true;
        self.content = Some(loaded.content);
        self.on_disk = Some(loaded.on_disk);
        Ok(&self.profile)
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

/// Refuses to open for editing what a save would have to break or could not do: a
/// read-only file, a folder that cannot be written in, a file with other hard links.
/// Permission bits are read, not tried: root may write anything, and should not.
fn check_can_replace(path: &Path) -> Result<(), StoreError> {
    let Ok(meta) = std::fs::metadata(path) else {
        // Missing: `load` says so.
        return Ok(());
    };
    if meta.permissions().readonly() {
        return Err(StoreError::FileReadOnly {
            path: path.to_path_buf(),
        });
    }
    let folder = folder_of(path);
    // (Windows sets a folder's read-only attribute for other reasons, and ignores it.)
    if cfg!(unix) && std::fs::metadata(&folder).is_ok_and(|m| m.permissions().readonly()) {
        return Err(StoreError::FolderReadOnly { folder });
    }
    if has_other_links(&meta) {
        return Err(StoreError::HardLinked {
            path: path.to_path_buf(),
        });
    }
    Ok(())
}

/// A lock that cannot be created because the folder is not writable is that, not an
/// input/output failure.
fn read_only_folder_or(error: StoreError, folder: &Path) -> StoreError {
    match &error {
        StoreError::Io { source, .. }
            if matches!(
                source.kind(),
                std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem
            ) =>
        {
            StoreError::FolderReadOnly {
                folder: folder.to_path_buf(),
            }
        }
        _ => error,
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

    fn saved_draft(dir: &Path) -> PathBuf {
        let mut profile = Profile::new("Handed Out");
        profile.customers = vec![crate::profile::Customer::new("Fabrikam")];
        let path = dir.join("handed-out.json");
        super::super::save(&path, &profile).unwrap();
        path
    }

    #[test]
    fn a_draft_whose_profile_was_handed_out_renames_and_copies_what_is_on_disk() {
        let dir = tempfile::tempdir().unwrap();
        let mut open = OpenDraft::open(&saved_draft(dir.path())).unwrap();
        let taken = open.take_profile();
        assert_eq!(taken.customers.len(), 1);

        let copy = open.duplicate("Handed Out copy").unwrap();
        assert_eq!(load(copy.path()).unwrap().customers, taken.customers);
        open.rename("Handed Out renamed").unwrap();
        let renamed = load(open.path()).unwrap();
        assert_eq!(renamed.name, "Handed Out renamed");
        assert_eq!(renamed.customers, taken.customers);
    }

    #[test]
    fn a_draft_whose_profile_was_handed_out_writes_what_it_is_given() {
        let dir = tempfile::tempdir().unwrap();
        let path = saved_draft(dir.path());
        let mut open = OpenDraft::open(&path).unwrap();
        let mut working = open.take_profile();
        working
            .customers
            .push(crate::profile::Customer::new("Contoso"));
        open.save(&working).unwrap();
        assert_eq!(load(&path).unwrap(), working);
        assert_eq!(open.profile(), &working, "held again once written");
    }
}
