//! Reading and writing one draft file: load, atomic save, and the clean-up of what a killed
//! save leaves behind.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use tempfile::NamedTempFile;

use super::StoreError;
use crate::profile::{self, Profile};
use crate::rules::RuleSet;

/// Temporary files of a save in progress: hidden, and never taken for drafts.
pub const TEMP_PREFIX: &str = ".cpc-wizard-";
pub const TEMP_SUFFIX: &str = ".tmp";
/// A temporary file untouched for this long belongs to a save that was killed: a live save
/// writes its file in well under a second.
pub(crate) const STALE_TEMP_AGE: Duration = Duration::from_secs(60);

/// Reads and validates a draft file.
pub fn load(path: &Path) -> Result<Profile, StoreError> {
    let bytes = fs::read(path).map_err(|e| StoreError::io(path, e))?;
    parse(path, &bytes)
}

/// A draft read by `load_hashed`: the profile, the hash of the bytes read (see
/// `ContentHash`), and what the file looked like when it was opened.
pub(crate) struct Loaded {
    pub(crate) profile: Profile,
    pub(crate) content: ContentHash,
    pub(crate) on_disk: Fingerprint,
}

/// `load`, with the hash of the bytes read and the file's fingerprint, taken from the file
/// opened (one system call fewer than asking the path again, and it cannot describe a
/// file put there after the read).
pub(crate) fn load_hashed(path: &Path) -> Result<Loaded, StoreError> {
    let io_error = |e| StoreError::io(path, e);
    let mut file = fs::File::open(path).map_err(io_error)?;
    let meta = file.metadata().map_err(io_error)?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    io::Read::read_to_end(&mut file, &mut bytes).map_err(io_error)?;
    let content = ContentHash::of(&bytes);
    parse(path, &bytes).map(|profile| Loaded {
        profile,
        content,
        on_disk: Fingerprint::from_metadata(&meta),
    })
}

/// The hash of a file's content as it is now; None when it cannot be read.
pub(crate) fn hash_of_file(path: &Path) -> Option<ContentHash> {
    fs::read(path).ok().map(|bytes| ContentHash::of(&bytes))
}

/// A draft's bytes read from `path` (a file, or standard input named so): UTF-8, a
/// byte-order mark dropped, then the format.
pub fn parse(path: &Path, bytes: &[u8]) -> Result<Profile, StoreError> {
    let text = std::str::from_utf8(bytes).map_err(|e| StoreError::NotUtf8 {
        path: path.to_path_buf(),
        line: 1 + bytes[..e.valid_up_to()]
            .iter()
            .filter(|b| **b == b'\n')
            .count(),
    })?;
    // A byte-order mark from an editor is harmless.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    profile::from_json(text).map_err(|error| StoreError::Parse {
        path: path.to_path_buf(),
        error: Box::new(error),
    })
}

/// Writes a draft atomically: a temporary file in the same folder, flushed to disk, then
/// renamed over the old one, so a crash leaves the old or the new draft, never a torn one.
/// The file is readable by its owner only. A profile that would not load back is refused,
/// and so is a file already there that does not load (it is kept for the user to see).
pub fn save(path: &Path, profile: &Profile) -> Result<(), StoreError> {
    if path.exists()
        && let Err(reason) = load(path)
    {
        return Err(StoreError::WontOverwrite {
            path: path.to_path_buf(),
            reason: Box::new(reason),
        });
    }
    save_unchecked(path, profile).map(drop)
}

/// `save` for a caller that knows what the file holds (an open draft checks its
/// fingerprint instead of reading the whole file again).
/// Returns the hash of what was written.
pub(crate) fn save_unchecked(path: &Path, profile: &Profile) -> Result<ContentHash, StoreError> {
    check_savable(profile)?;
    let mut hasher = ContentHasher::default();
    let tmp = write_temp(path, |out| {
        profile::write_json(profile, &mut HashingWriter(out, &mut hasher))
    })?;
    persist(path, tmp)?;
    Ok(hasher.finish())
}

/// As `save`, but only where no file exists yet: never replaces another draft, even one
/// that appears while this one is written. Returns the hash of what was written.
pub(crate) fn save_new_hashed(path: &Path, profile: &Profile) -> Result<ContentHash, StoreError> {
    check_savable(profile)?;
    let mut hasher = ContentHasher::default();
    let tmp = write_temp(path, |out| {
        profile::write_json(profile, &mut HashingWriter(out, &mut hasher))
    })?;
    let hash = hasher.finish();
    tmp.persist_noclobber(path).map_err(|e| {
        if e.error.kind() == io::ErrorKind::AlreadyExists {
            StoreError::AlreadyExists {
                path: path.to_path_buf(),
            }
        } else {
            StoreError::io(path, e.error)
        }
    })?;
    sync_dir(&folder_of(path));
    Ok(hash)
}

/// Writes an export (a report, a CSV file) atomically. Unlike a draft's folder, the folder
/// the user named must exist already: a typo must not create folders.
pub fn write_export(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let folder = folder_of(path);
    if !folder.is_dir() {
        return Err(StoreError::NoSuchFolder { folder });
    }
    write_atomically(path, bytes)
}

/// Writes a file atomically, creating its folder when needed.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let tmp = write_temp(path, |out| out.write_all(bytes))?;
    persist(path, tmp)
}

/// Renames the written temporary file onto `path`, and makes the rename durable.
fn persist(path: &Path, tmp: NamedTempFile) -> Result<(), StoreError> {
    tmp.persist(path)
        .map_err(|e| StoreError::io(path, e.error))?;
    sync_dir(&folder_of(path));
    Ok(())
}

/// The loader accepts only editions it has rules for; so does the writer, or a draft could
/// be saved that no later run can open.
fn check_savable(profile: &Profile) -> Result<(), StoreError> {
    if RuleSet::by_edition(&profile.edition).is_none() {
        return Err(StoreError::UnknownEdition {
            edition: profile.edition.clone(),
        });
    }
    Ok(())
}

/// What `write` writes, in a flushed temporary file beside `path`, ready to be renamed onto
/// it.
fn write_temp(
    path: &Path,
    write: impl FnOnce(&mut io::BufWriter<&fs::File>) -> io::Result<()>,
) -> Result<NamedTempFile, StoreError> {
    let dir = folder_of(path);
    create_private_dir(&dir)?;
    let tmp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(TEMP_SUFFIX)
        .tempfile_in(&dir)
        .map_err(|e| StoreError::io(&dir, e))?;
    // tempfile creates the file with mode 0600 on Unix already.
    // Large enough that a big draft takes few write calls.
    let mut out = io::BufWriter::with_capacity(256 * 1024, tmp.as_file());
    write(&mut out)
        .and_then(|()| out.flush())
        .map_err(|e| StoreError::io(path, e))?;
    drop(out);
    tmp.as_file()
        .sync_all()
        .map_err(|e| StoreError::io(path, e))?;
    Ok(tmp)
}

/// Where a path leads when it is a symbolic link: the draft's file, which is what is locked
/// and written (the link stays a link). Any other path is itself.
pub(crate) fn link_target(path: &Path) -> PathBuf {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
        }
        _ => path.to_path_buf(),
    }
}

/// Whether the file has other names (hard links), so that replacing it would part them.
pub(crate) fn has_other_links(meta: &fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        meta.nlink() > 1
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        false
    }
}

pub(crate) fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Creates the folder (and its parents) readable by its owner only; an existing folder is
/// left as its owner set it.
pub(crate) fn create_private_dir(dir: &Path) -> Result<(), StoreError> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir).map_err(|e| StoreError::io(dir, e))
}

/// Makes a rename or removal itself durable. Best effort: not every platform can open a
/// folder.
pub(crate) fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// Removes the temporary files that killed saves left in `dir` and that nobody has touched
/// for `older_than`; returns how many. Removing one that a live save still holds costs that
/// save an error, never a draft: its rename then fails and the old file stays.
pub fn clean_stale_temp_files(dir: &Path, older_than: Duration) -> usize {
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    let now = SystemTime::now();
    entries
        .filter_map(Result::ok)
        .filter(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX)
        })
        .filter(|e| {
            e.metadata()
                .and_then(|m| m.modified())
                .is_ok_and(|t| now.duration_since(t).unwrap_or_default() >= older_than)
        })
        .filter(|e| fs::remove_file(e.path()).is_ok())
        .count()
}

/// A hash of a file's bytes, to tell a real change from one that only touched the file's
/// time (`touch`, a backup tool, an editor that saved without changes). Not for security:
/// whoever can write the file can do anything to it anyway.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ContentHash(u64);

impl ContentHash {
    pub(crate) fn of(bytes: &[u8]) -> ContentHash {
        // What `ContentHasher` does with its blocks, without copying the bytes into them.
        let mut hasher = WordHasher::default();
        hasher.write(bytes);
        ContentHash(hasher.finish())
    }
}

/// Hashes bytes given in pieces of any size to the same value as all at once: the bytes go
/// to the hasher in blocks cut at fixed offsets, whatever pieces they came in. (A draft is
/// hashed as it is written, without a second copy of it in memory.)
#[derive(Default)]
struct ContentHasher {
    hasher: WordHasher,
    block: Vec<u8>,
}

impl ContentHasher {
    const BLOCK: usize = 64 * 1024;

    fn feed(&mut self, mut bytes: &[u8]) {
        while !bytes.is_empty() {
            // Whole blocks of what was given at once are hashed where they are.
            if self.block.is_empty() && bytes.len() >= Self::BLOCK {
                let (block, later) = bytes.split_at(Self::BLOCK);
                self.hasher.write(block);
                bytes = later;
                continue;
            }
            let room = Self::BLOCK - self.block.len();
            let (now, later) = bytes.split_at(room.min(bytes.len()));
            self.block.extend_from_slice(now);
            if self.block.len() == Self::BLOCK {
                self.hasher.write(&self.block);
                self.block.clear();
            }
            bytes = later;
        }
    }

    fn finish(mut self) -> ContentHash {
        self.hasher.write(&self.block);
        self.block.clear();
        ContentHash(self.hasher.finish())
    }
}

/// A 64-bit hash taken eight bytes at a time (std's SipHash took a tenth of `edit`'s
/// start-up on a 200-customer draft). Each step is a bijection of the state for a given
/// word, so two texts of the same length that differ in one place never hash alike; any
/// other change goes unnoticed with a chance of about 2^-64.
#[derive(Default)]
struct WordHasher {
    state: u64,
    len: u64,
}

impl WordHasher {
    /// Called with whole blocks (a multiple of eight bytes) and once with the last piece:
    /// bytes written in such pieces hash as all of them written at once.
    fn write(&mut self, bytes: &[u8]) {
        let mut words = bytes.chunks_exact(8);
        for word in &mut words {
            let mut eight = [0u8; 8];
            eight.copy_from_slice(word);
            self.mix(u64::from_le_bytes(eight));
        }
        let rest = words.remainder();
        if !rest.is_empty() {
            let mut eight = [0u8; 8];
            eight[..rest.len()].copy_from_slice(rest);
            self.mix(u64::from_le_bytes(eight));
        }
        self.len += bytes.len() as u64;
    }

    fn mix(&mut self, word: u64) {
        let x = (self.state ^ word).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        self.state = x ^ (x >> 29);
    }

    fn finish(mut self) -> u64 {
        self.mix(self.len);
        self.state
    }
}

/// Passes bytes on, hashing those written.
struct HashingWriter<'a, W: Write>(&'a mut W, &'a mut ContentHasher);

impl<W: Write> Write for HashingWriter<'_, W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.0.write(buf)?;
        self.1.feed(&buf[..n]);
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}

/// What a file looked like when we last read or wrote it, to notice a change made by
/// someone else since.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Fingerprint {
    len: u64,
    modified: Option<SystemTime>,
    #[cfg(unix)]
    inode: (u64, u64),
}

impl Fingerprint {
    /// None when there is no file (any more).
    pub(crate) fn of(path: &Path) -> Option<Fingerprint> {
        fs::metadata(path)
            .ok()
            .map(|meta| Fingerprint::from_metadata(&meta))
    }

    fn from_metadata(meta: &fs::Metadata) -> Fingerprint {
        Fingerprint {
            len: meta.len(),
            modified: meta.modified().ok(),
            #[cfg(unix)]
            inode: {
                use std::os::unix::fs::MetadataExt;
                (meta.dev(), meta.ino())
            },
        }
    }
}

/// Whether two paths name the same file (a case-insensitive file system, a link).
pub(crate) fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (fs::metadata(a), fs::metadata(b)) {
            (Ok(x), Ok(y)) => x.dev() == y.dev() && x.ino() == y.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        match (fs::canonicalize(a), fs::canonicalize(b)) {
            (Ok(x), Ok(y)) => x == y,
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_fed_in_pieces_equals_the_hash_of_the_whole() {
        let bytes: Vec<u8> = (0..200_000u32).map(|i| (i * 7 % 251) as u8).collect();
        for piece in [1, 3, 4096, 65_535, 65_536, 100_000] {
            let mut hasher = ContentHasher::default();
            for chunk in bytes.chunks(piece) {
                hasher.feed(chunk);
            }
            assert_eq!(
                hasher.finish(),
                ContentHash::of(&bytes),
                "pieces of {piece}"
            );
        }
        assert_ne!(ContentHash::of(b"a"), ContentHash::of(b"b"));
        // A trailing zero byte is a change too.
        assert_ne!(ContentHash::of(b"a"), ContentHash::of(b"a\0"));
    }

    #[test]
    fn any_one_byte_changed_changes_the_hash() {
        let bytes: Vec<u8> = (0..70_000u32).map(|i| (i * 7 % 251) as u8).collect();
        let whole = ContentHash::of(&bytes);
        for at in (0..bytes.len())
            .step_by(997)
            .chain([65_535, 65_536, 69_999])
        {
            let mut changed = bytes.clone();
            changed[at] ^= 1;
            assert_ne!(ContentHash::of(&changed), whole, "byte {at}");
        }
    }
}
