//! One editor per draft: a lock file beside the draft (`.NAME.json.lock`).
//!
//! The lock itself is the operating system's advisory lock on that file (`File::try_lock`:
//! `flock` on Unix, `LockFileEx` on Windows). The OS drops it when the holder exits in any
//! way, `kill -9` and power loss included, so a crashed program never blocks anyone. The
//! file's content (pid, host, time) only says who holds it, for the message.
//!
//! Where the file system has no such locks (some network shares answer "unsupported"), the
//! lock file's existence is the lock instead. Such a lock is taken over only when it is
//! provably stale: written on this host by a process that no longer runs (or unreadable and
//! older than `UNREADABLE_PID_FILE_AGE`). A lock from another host cannot be checked from
//! here, so it holds, and the message names the host and time so the user can remove the
//! file; opening read-only always works.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{self, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::StoreError;
use super::files::create_private_dir;

/// A lock file that cannot be read and that nobody wrote for this long is a leftover: its
/// creator writes it right after creating it.
const UNREADABLE_PID_FILE_AGE: Duration = Duration::from_secs(10);

/// Who holds a lock, as written in the lock file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LockHolder {
    pub pid: u32,
    pub host: String,
    /// Seconds since the Unix epoch.
    pub since: u64,
}

impl LockHolder {
    fn this_process() -> LockHolder {
        LockHolder {
            pid: std::process::id(),
            host: host_name(),
            since: SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.as_secs()),
        }
    }

    pub(crate) fn since_time(&self) -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(self.since)
    }

    fn read(lock_path: &Path) -> Option<LockHolder> {
        let mut text = String::new();
        std::io::Read::read_to_string(
            &mut no_follow_options().read(true).open(lock_path).ok()?,
            &mut text,
        )
        .ok()?;
        serde_json::from_str(text.trim()).ok()
    }
}

/// Held while a draft is open for editing; dropping it lets the draft go.
#[derive(Debug)]
pub struct DraftLock {
    file: File,
    path: PathBuf,
    kind: LockKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LockKind {
    /// The OS lock on the file.
    Os,
    /// The file's existence (file systems without OS locks).
    PidFile,
}

#[cfg(test)]
impl DraftLock {
    /// The lock file's path.
    pub(crate) fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for DraftLock {
    fn drop(&mut self) {
        match self.kind {
            LockKind::Os => {
                // Unlinking before unlocking keeps the folder clean; a waiting opener that
                // still has the old file notices it is gone (`still_at`) and tries again.
                #[cfg(unix)]
                let _ = fs::remove_file(&self.path);
                #[cfg(not(unix))]
                let _ = self.file.set_len(0);
                let _ = self.file.unlock();
            }
            LockKind::PidFile => {
                let _ = fs::remove_file(&self.path);
            }
        }
    }
}

/// The lock file of a draft: hidden, beside it.
pub fn lock_path_for(draft: &Path) -> PathBuf {
    let name = draft
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    super::files::folder_of(draft).join(format!(".{name}.lock"))
}

/// Takes the lock of a draft (the draft file need not exist yet), or says who holds it.
/// A draft reached through a symbolic link is locked where its file is, so every path to
/// one draft meets the same lock.
pub fn acquire(draft: &Path) -> Result<DraftLock, StoreError> {
    acquire_resolved(&super::files::link_target(draft))
}

/// `acquire` for a path that is not a symbolic link (already followed).
pub(crate) fn acquire_resolved(draft: &Path) -> Result<DraftLock, StoreError> {
    acquire_with(draft, true)
}

/// `use_os_lock: false` is the path taken on file systems without OS locks; tests use it.
pub(crate) fn acquire_with(draft: &Path, use_os_lock: bool) -> Result<DraftLock, StoreError> {
    let lock_path = lock_path_for(draft);
    create_private_dir(&super::files::folder_of(draft))?;
    let locked = || StoreError::Locked {
        path: draft.to_path_buf(),
        holder: LockHolder::read(&lock_path),
    };
    // A few rounds: the file can be removed by the holder letting go between our open and
    // our lock, or taken over as stale by someone else.
    for _ in 0..8 {
        let (file, created) = open_lock_file(&lock_path)?;
        let outcome = if use_os_lock {
            file.try_lock()
        } else {
            Err(TryLockError::Error(io::ErrorKind::Unsupported.into()))
        };
        match outcome {
            Ok(()) => {
                if !still_at(&file, &lock_path) {
                    continue;
                }
                // A file left by a holder that ended without removing it. We write only in
                // a lock file we created, so it goes and the next round makes ours: a
                // leftover (or a planted hard link) is never truncated or written.
                #[cfg(unix)]
                if !created {
                    let _ = fs::remove_file(&lock_path);
                    continue;
                }
                return finish(file, lock_path, LockKind::Os, created);
            }
            Err(TryLockError::WouldBlock) => return Err(locked()),
            Err(TryLockError::Error(e)) if !no_os_locks(&e) => {
                return Err(StoreError::io(&lock_path, e));
            }
            Err(TryLockError::Error(_)) if created => {
                return finish(file, lock_path, LockKind::PidFile, true);
            }
            Err(TryLockError::Error(_)) => {
                drop(file);
                if !pid_file_is_stale(&lock_path) {
                    return Err(locked());
                }
                let _ = fs::remove_file(&lock_path);
            }
        }
    }
    Err(locked())
}

/// Opens the lock file, creating it (owner-only) when absent; says whether we created it,
/// which is what owning it means where the OS has no locks. Links are never followed: a
/// symbolic link planted as the lock file is removed (the link, not what it points to).
fn open_lock_file(path: &Path) -> Result<(File, bool), StoreError> {
    let mut options = no_follow_options();
    options.read(true).write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut last = None;
    // The holder may remove the file between our two attempts; then create it again.
    for _ in 0..8 {
        match options.open(path) {
            Ok(f) => return Ok((f, true)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(StoreError::io(path, e)),
        }
        match no_follow_options().read(true).write(true).open(path) {
            Ok(f) if f.metadata().is_ok_and(|m| m.is_file()) => return Ok((f, false)),
            // A link or something else that is not a plain file: not a lock file of ours.
            Ok(_) => remove_planted(path)?,
            Err(e) if is_link_refused(&e) => remove_planted(path)?,
            Err(e) if e.kind() == io::ErrorKind::NotFound => last = Some(e),
            Err(e) => return Err(StoreError::io(path, e)),
        }
    }
    Err(StoreError::io(
        path,
        last.unwrap_or_else(|| io::ErrorKind::NotFound.into()),
    ))
}

/// Options that open the last component of a path itself, never what a link there points
/// to.
fn no_follow_options() -> OpenOptions {
    #[allow(unused_mut)]
    let mut options = OpenOptions::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // The flag's bits fit an i32, the type std takes them as.
        options.custom_flags(rustix::fs::OFlags::NOFOLLOW.bits() as i32);
    }
    #[cfg(windows)]
    {
        use std::os::windows::fs::OpenOptionsExt;
        // FILE_FLAG_OPEN_REPARSE_POINT: open a symbolic link itself.
        options.custom_flags(0x0020_0000);
    }
    options
}

/// The error opening a symbolic link without following it gives.
fn is_link_refused(e: &io::Error) -> bool {
    #[cfg(unix)]
    {
        e.raw_os_error() == Some(rustix::io::Errno::LOOP.raw_os_error())
    }
    #[cfg(not(unix))]
    {
        let _ = e;
        false
    }
}

fn remove_planted(path: &Path) -> Result<(), StoreError> {
    match fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(StoreError::io(path, e)),
    }
}

fn finish(
    mut file: File,
    path: PathBuf,
    kind: LockKind,
    created: bool,
) -> Result<DraftLock, StoreError> {
    let mut holder = serde_json::to_string(&LockHolder::this_process()).unwrap_or_default();
    holder.push('\n');
    // A file we created is empty; one left by an earlier holder (where it is reused) is
    // emptied first. The holder goes in one write.
    let emptied = if created {
        Ok(())
    } else {
        file.set_len(0)
            .and_then(|()| file.seek(SeekFrom::Start(0)).map(|_| ()))
    };
    let written = emptied
        .and_then(|()| file.write_all(holder.as_bytes()))
        .and_then(|()| file.flush());
    let lock = DraftLock { file, path, kind };
    // Dropping `lock` on failure releases it again.
    written.map_err(|e| StoreError::io(&lock.path, e))?;
    Ok(lock)
}

/// Whether `path` still names the file we locked: the previous holder removes it as it lets
/// go, and a lock on a removed file guards nothing.
fn still_at(file: &File, path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (file.metadata(), fs::symlink_metadata(path)) {
            (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = (file, path);
        true
    }
}

/// Held while a new draft's name is checked and its file written, so that two programs
/// creating drafts of one name at once make one draft, not two.
pub(crate) struct NamesLock {
    /// None where the file system has no locks.
    held: Option<(File, PathBuf)>,
}

impl Drop for NamesLock {
    fn drop(&mut self) {
        if let Some((file, _path)) = &self.held {
            // As a draft's lock: removed before it is let go, so the folder stays clean.
            #[cfg(unix)]
            let _ = fs::remove_file(_path);
            let _ = file.unlock();
        }
    }
}

/// The lock on the names of the drafts in `dir` (a hidden file there while held). Waits
/// for another program's creation to finish: that takes milliseconds. Where the file
/// system has no locks, creation goes on unguarded as before.
pub(crate) fn lock_names(dir: &Path) -> Result<NamesLock, StoreError> {
    create_private_dir(dir)?;
    let path = dir.join(NAMES_LOCK_FILE);
    let mut options = no_follow_options();
    options.read(true).write(true).create(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    for _ in 0..64 {
        let file = match options.open(&path) {
            Ok(file) if file.metadata().is_ok_and(|m| m.is_file()) => file,
            Ok(_) => {
                remove_planted(&path)?;
                continue;
            }
            Err(e) if is_link_refused(&e) => {
                remove_planted(&path)?;
                continue;
            }
            Err(e) => return Err(StoreError::io(&path, e)),
        };
        match file.lock() {
            // The holder before us removed the file as it let go: lock the new one.
            Ok(()) if !still_at(&file, &path) => continue,
            Ok(()) => {
                return Ok(NamesLock {
                    held: Some((file, path)),
                });
            }
            Err(e) if no_os_locks(&e) => return Ok(NamesLock { held: None }),
            Err(e) => return Err(StoreError::io(&path, e)),
        }
    }
    Err(StoreError::io(&path, io::ErrorKind::WouldBlock.into()))
}

/// The names lock's file: hidden, and never taken for a draft or a leftover.
pub(crate) const NAMES_LOCK_FILE: &str = ".cpc-wizard-names.lock";

/// The file system cannot lock files at all (as opposed to: the lock is taken).
fn no_os_locks(e: &io::Error) -> bool {
    if e.kind() == io::ErrorKind::Unsupported {
        return true;
    }
    #[cfg(unix)]
    if let Some(code) = e.raw_os_error() {
        use rustix::io::Errno;
        return [Errno::NOLCK, Errno::OPNOTSUPP, Errno::NOSYS]
            .iter()
            .any(|errno| errno.raw_os_error() == code);
    }
    false
}

/// A pid-file lock can be taken over when its holder provably no longer runs.
fn pid_file_is_stale(lock_path: &Path) -> bool {
    match LockHolder::read(lock_path) {
        Some(holder) => holder.host == host_name() && !process_is_running(holder.pid),
        None => fs::metadata(lock_path)
            .and_then(|m| m.modified())
            .is_ok_and(|t| t.elapsed().unwrap_or_default() >= UNREADABLE_PID_FILE_AGE),
    }
}

fn process_is_running(pid: u32) -> bool {
    #[cfg(unix)]
    {
        let Some(pid) = i32::try_from(pid)
            .ok()
            .and_then(rustix::process::Pid::from_raw)
        else {
            return false;
        };
        // Signal 0 checks that the process exists without touching it; EPERM means it
        // exists but belongs to someone else.
        match rustix::process::test_kill_process(pid) {
            Ok(()) => true,
            Err(e) => e == rustix::io::Errno::PERM,
        }
    }
    #[cfg(not(unix))]
    {
        // Without a cheap check, assume it runs: a lock wrongly kept is safer than a draft
        // edited twice.
        let _ = pid;
        true
    }
}

fn host_name() -> String {
    #[cfg(unix)]
    {
        rustix::system::uname()
            .nodename()
            .to_string_lossy()
            .into_owned()
    }
    #[cfg(not(unix))]
    {
        std::env::var("COMPUTERNAME").unwrap_or_default()
    }
}

#[cfg(test)]
mod tests;
