//! What the drafts list shows of each draft (its name and highest tier), and a cache of it
//! beside the drafts, so that listing a folder of large drafts does not read every one of
//! them again.
//!
//! The cache (`.cpc-wizard-index.json` in the drafts folder) is only ever a shortcut: an
//! entry is used when the file it describes still has the same size, modification time,
//! change time and inode, else the draft is read again. A cache that is missing, torn, of
//! another build of the program or cannot be written is simply not used.

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::files::{STALE_TEMP_AGE, TEMP_PREFIX, TEMP_SUFFIX, clean_stale_temp_files, load};
use super::{Store, StoreError};
use crate::rules::{RuleSet, evaluate};

/// The cache's file in the drafts folder: hidden, so never taken for a draft.
pub(crate) const INDEX_FILE: &str = ".cpc-wizard-index.json";
/// Bumped when the cache's layout changes; with `this_build`, tells a cache written by
/// another build apart.
const INDEX_FORMAT: u32 = 1;

/// What the list shows of a readable draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Summary {
    pub name: String,
    /// The tier's id (`silver`, `gold`); None when no tier is reached.
    pub highest_tier: Option<String>,
}

impl Summary {
    /// Reads the draft whole and assesses it.
    pub(crate) fn read(path: &Path) -> Result<Summary, StoreError> {
        let profile = load(path)?;
        let rules = RuleSet::by_edition(&profile.edition).unwrap_or(RuleSet::default_edition());
        let highest_tier = evaluate(&profile, rules).highest_tier;
        Ok(Summary {
            name: profile.name,
            highest_tier,
        })
    }
}

/// One line of the drafts list, from the cache or from the file.
#[derive(Debug)]
pub(crate) struct ListedDraft {
    pub path: PathBuf,
    pub modified: Option<SystemTime>,
    /// The draft's summary, or why it could not be read.
    pub summary: Result<Summary, StoreError>,
}

impl ListedDraft {
    /// The name to show: the draft's, or the file's when it cannot be read. Pass it
    /// through `text::visible` before it reaches a terminal.
    pub(crate) fn display_name(&self) -> String {
        match &self.summary {
            Ok(s) => s.name.clone(),
            Err(_) => self
                .path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default(),
        }
    }
}

/// Sorts a list newest first (then by path), as every drafts list is shown.
pub(crate) fn sort_newest_first(list: &mut [ListedDraft]) {
    list.sort_by(|a, b| b.modified.cmp(&a.modified).then(a.path.cmp(&b.path)));
}

/// What a file looked like, as far as the cache can tell without reading it. Two equal
/// stamps of one path mean the same content: an atomic save makes a new inode, a write in
/// place moves the change time (which no program can set back).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Stamp {
    len: u64,
    modified: (u64, u32),
    changed: (i64, i64),
    inode: (u64, u64),
}

impl Stamp {
    /// None when the file system does not say enough to tell a change (then the draft is
    /// always read).
    fn of(path: &Path) -> Option<Stamp> {
        let meta = fs::metadata(path).ok()?;
        let modified = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            Some(Stamp {
                len: meta.len(),
                modified: (modified.as_secs(), modified.subsec_nanos()),
                changed: (meta.ctime(), meta.ctime_nsec()),
                inode: (meta.dev(), meta.ino()),
            })
        }
        #[cfg(not(unix))]
        {
            // Without a change time or inode a hand edit within the same tick could go
            // unnoticed: no cache.
            let _ = (meta, modified);
            None
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Entry {
    stamp: Stamp,
    summary: Summary,
}

#[derive(Debug, Default, PartialEq, Serialize, Deserialize)]
struct Index {
    format: u32,
    program: String,
    /// By file name in the folder.
    drafts: BTreeMap<String, Entry>,
}

impl Index {
    fn current() -> Index {
        Index {
            format: INDEX_FORMAT,
            program: this_build(),
            drafts: BTreeMap::new(),
        }
    }

    /// The cache in `dir`, or an empty one when there is none that this build can trust.
    fn read(dir: &Path) -> Index {
        let current = Index::current();
        fs::read(dir.join(INDEX_FILE))
            .ok()
            .and_then(|bytes| serde_json::from_slice::<Index>(&bytes).ok())
            .filter(|index| index.format == current.format && index.program == current.program)
            .unwrap_or(current)
    }

    /// Best effort and atomic: a temporary file renamed over the old cache. Not flushed to
    /// disk: a cache lost in a crash is only read again from the drafts.
    fn write(&self, dir: &Path) {
        let Ok(bytes) = serde_json::to_vec(self) else {
            return;
        };
        let Ok(mut tmp) = tempfile::Builder::new()
            .prefix(TEMP_PREFIX)
            .suffix(TEMP_SUFFIX)
            .tempfile_in(dir)
        else {
            return;
        };
        if tmp.write_all(&bytes).is_ok() {
            let _ = tmp.persist(dir.join(INDEX_FILE));
        }
    }
}

/// This program, as built: its version and its executable's size and time, so that any
/// other build (whose rules may give other tiers) reads the drafts again.
fn this_build() -> String {
    let exe = std::env::current_exe()
        .and_then(fs::metadata)
        .ok()
        .map(|meta| {
            let time = meta
                .modified()
                .ok()
                .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
                .unwrap_or_default();
            format!("{} {}", meta.len(), time.as_nanos())
        })
        .unwrap_or_default();
    format!("{} {exe}", env!("CARGO_PKG_VERSION"))
}

/// A listing under way: yields the drafts one by one (cached ones at once, the others as
/// they are read), then `finish` keeps what was learnt for the next listing.
pub(crate) struct Listing {
    dir: PathBuf,
    paths: std::vec::IntoIter<PathBuf>,
    total: usize,
    old: Index,
    new: Index,
}

impl Listing {
    /// How many drafts the folder holds.
    pub(crate) fn total(&self) -> usize {
        self.total
    }

    /// Writes the cache when it changed. The cache keeps the drafts listed, and only them.
    pub(crate) fn finish(self) {
        if self.new.drafts != self.old.drafts && self.dir.is_dir() {
            self.new.write(&self.dir);
        }
    }

    fn summarise(&mut self, path: &Path) -> Result<Summary, StoreError> {
        let Some(key) = path
            .file_name()
            .and_then(|n| n.to_str())
            .map(str::to_string)
        else {
            return Summary::read(path);
        };
        let before = Stamp::of(path);
        if let Some(stamp) = &before
            && let Some(entry) = self.old.drafts.get(&key)
            && entry.stamp == *stamp
        {
            self.new.drafts.insert(key, entry.clone());
            return Ok(entry.summary.clone());
        }
        let summary = Summary::read(path)?;
        // Kept only when the file did not change while it was read.
        if let Some(stamp) = before
            && Stamp::of(path).as_ref() == Some(&stamp)
        {
            let entry = Entry {
                stamp,
                summary: summary.clone(),
            };
            self.new.drafts.insert(key, entry);
        }
        Ok(summary)
    }
}

impl Iterator for Listing {
    type Item = ListedDraft;

    fn next(&mut self) -> Option<ListedDraft> {
        let path = self.paths.next()?;
        let modified = fs::metadata(&path).and_then(|m| m.modified()).ok();
        let summary = self.summarise(&path);
        Some(ListedDraft {
            path,
            modified,
            summary,
        })
    }
}

impl Store {
    /// Starts listing the folder's drafts (see `Listing`). Clears away what killed saves
    /// left behind.
    pub(crate) fn listing(&self) -> Result<Listing, StoreError> {
        clean_stale_temp_files(self.dir(), STALE_TEMP_AGE);
        let paths = self.draft_paths()?;
        Ok(Listing {
            dir: self.dir().to_path_buf(),
            total: paths.len(),
            paths: paths.into_iter(),
            old: Index::read(self.dir()),
            new: Index::current(),
        })
    }

    /// Every draft's summary, newest first; unreadable ones are listed with the reason.
    /// Reads only the drafts that changed since the last listing.
    pub(crate) fn summaries(&self) -> Result<Vec<ListedDraft>, StoreError> {
        let mut listing = self.listing()?;
        let mut list: Vec<ListedDraft> = listing.by_ref().collect();
        listing.finish();
        sort_newest_first(&mut list);
        Ok(list)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::Profile;

    fn store_with(names: &[&str]) -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        for name in names {
            super::super::save(&store.path_for_new(name), &Profile::new(*name)).unwrap();
        }
        (dir, store)
    }

    fn names(store: &Store) -> Vec<String> {
        let mut names: Vec<String> = store
            .summaries()
            .unwrap()
            .iter()
            .map(ListedDraft::display_name)
            .collect();
        names.sort();
        names
    }

    #[test]
    fn the_cache_is_written_beside_the_drafts_and_used_next_time() {
        let (dir, store) = store_with(&["Alpha", "Beta"]);
        assert_eq!(names(&store), ["Alpha", "Beta"]);
        let index = Index::read(dir.path());
        assert_eq!(index.drafts.len(), 2);
        // Lie in the cache about Alpha's name: with its stamp unchanged, the lie is shown,
        // which proves the draft was not read again.
        let mut index = index;
        if let Some(entry) = index.drafts.get_mut("Alpha.json") {
            entry.summary.name = "From the cache".into();
        }
        index.write(dir.path());
        assert_eq!(names(&store), ["Beta", "From the cache"]);
    }

    #[test]
    fn a_changed_file_is_read_again_even_with_the_same_size_and_time() {
        let (dir, store) = store_with(&["Alpha"]);
        names(&store);
        let path = dir.path().join("Alpha.json");
        let modified = fs::metadata(&path).unwrap().modified().unwrap();
        let text = fs::read_to_string(&path).unwrap().replace("Alpha", "Omega");
        // Edited in place, same length, modification time set back: the change time moved.
        fs::write(&path, text).unwrap();
        fs::File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(modified)
            .unwrap();
        assert_eq!(names(&store), ["Omega"]);
    }

    #[test]
    fn a_torn_or_foreign_cache_is_not_used() {
        let (dir, store) = store_with(&["Alpha"]);
        fs::write(dir.path().join(INDEX_FILE), b"{\"format\": 1, \"dra").unwrap();
        assert_eq!(names(&store), ["Alpha"]);
        let mut index = Index::read(dir.path());
        index.program = "0.0.0-other".into();
        if let Some(entry) = index.drafts.get_mut("Alpha.json") {
            entry.summary.name = "Stale".into();
        }
        index.write(dir.path());
        assert_eq!(names(&store), ["Alpha"]);
    }

    #[test]
    fn deleted_drafts_leave_the_cache_and_unreadable_ones_never_enter_it() {
        let (dir, store) = store_with(&["Alpha", "Beta"]);
        names(&store);
        fs::remove_file(dir.path().join("Beta.json")).unwrap();
        fs::write(dir.path().join("Broken.json"), b"{ not json").unwrap();
        let listed = store.summaries().unwrap();
        assert_eq!(listed.len(), 2);
        assert!(listed.iter().any(|d| d.summary.is_err()));
        let cached: Vec<String> = Index::read(dir.path()).drafts.into_keys().collect();
        assert_eq!(cached, ["Alpha.json"]);
    }

    #[test]
    fn a_folder_that_cannot_be_written_still_lists() {
        let (dir, store) = store_with(&["Alpha"]);
        // The cache's place is taken by a folder: it can be neither read nor written.
        fs::create_dir(dir.path().join(INDEX_FILE)).unwrap();
        assert_eq!(names(&store), ["Alpha"]);
        assert_eq!(names(&store), ["Alpha"]);
    }

    #[test]
    fn listing_a_missing_folder_creates_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path().join("not yet"));
        assert!(store.summaries().unwrap().is_empty());
        assert!(!dir.path().join("not yet").exists());
    }
}
