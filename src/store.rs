//! The drafts folder: where drafts live, listing, loading and atomic saving. Every file
//! error of the program is raised here.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::profile::{self, ParseError, Profile};

/// The environment variable that, when set, is the drafts folder.
pub const HOME_VAR: &str = "CPC_WIZARD_HOME";
const EXTENSION: &str = "json";
/// File names are kept well under the 255-byte limit of common file systems.
const MAX_STEM_BYTES: usize = 120;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("no data folder could be found for this user; set {HOME_VAR}")]
    NoDataFolder,
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("no draft named {name:?} in {}", folder.display())]
    NotFound { name: String, folder: PathBuf },
    #[error("{}: not UTF-8 text", path.display())]
    NotUtf8 { path: PathBuf },
    #[error("{}: {error}", path.display())]
    Parse { path: PathBuf, error: ParseError },
}

impl StoreError {
    fn io(path: &Path, source: io::Error) -> StoreError {
        StoreError::Io {
            path: path.to_path_buf(),
            source,
        }
    }
}

/// One line of the drafts list.
#[derive(Debug)]
pub struct DraftEntry {
    pub path: PathBuf,
    pub modified: Option<SystemTime>,
    /// The draft, or why it could not be read.
    pub profile: Result<Profile, StoreError>,
}

impl DraftEntry {
    /// The name to show: the profile's, or the file's when it cannot be read.
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

    /// Where a new draft of this name would be saved: its safe file name, numbered when that
    /// file already holds another draft.
    pub fn path_for_new(&self, name: &str) -> PathBuf {
        let stem = file_stem_for(name);
        let mut candidate = self.dir.join(format!("{stem}.{EXTENSION}"));
        let mut n = 2;
        while candidate.exists() {
            candidate = self.dir.join(format!("{stem} ({n}).{EXTENSION}"));
            n += 1;
        }
        candidate
    }

    /// Finds a draft given on the command line: a path to a file, a file name in the drafts
    /// folder, or the name of a draft in it.
    pub fn resolve(&self, draft: &str) -> Result<PathBuf, StoreError> {
        let as_path = Path::new(draft);
        if as_path.is_file() {
            return Ok(as_path.to_path_buf());
        }
        let by_stem = self
            .dir
            .join(format!("{}.{EXTENSION}", file_stem_for(draft)));
        if by_stem.is_file() {
            return Ok(by_stem);
        }
        let by_file_name = self.dir.join(draft);
        if as_path.components().count() == 1 && by_file_name.is_file() {
            return Ok(by_file_name);
        }
        let wanted = draft.trim();
        for path in self.draft_paths()? {
            if let Ok(profile) = load(&path)
                && (profile.name == wanted || profile.name.trim().eq_ignore_ascii_case(wanted))
            {
                return Ok(path);
            }
        }
        Err(StoreError::NotFound {
            name: draft.to_string(),
            folder: self.dir.clone(),
        })
    }

    /// Paths of the draft files in the folder (none when the folder does not exist yet).
    pub fn draft_paths(&self) -> Result<Vec<PathBuf>, StoreError> {
        let entries = match fs::read_dir(&self.dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(StoreError::io(&self.dir, e)),
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
    pub fn list(&self) -> Result<Vec<DraftEntry>, StoreError> {
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

/// Reads and validates a draft file.
pub fn load(path: &Path) -> Result<Profile, StoreError> {
    let bytes = fs::read(path).map_err(|e| StoreError::io(path, e))?;
    let text = std::str::from_utf8(&bytes).map_err(|_| StoreError::NotUtf8 {
        path: path.to_path_buf(),
    })?;
    // A byte-order mark from an editor is harmless.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    profile::from_json(text).map_err(|error| StoreError::Parse {
        path: path.to_path_buf(),
        error,
    })
}

/// Writes a draft atomically: a temporary file in the same folder, flushed to disk, then
/// renamed over the old one, so a crash leaves the old or the new draft, never a torn one.
/// The file is readable by its owner only.
pub fn save(path: &Path, profile: &Profile) -> Result<(), StoreError> {
    write_atomically(path, profile::to_json(profile).as_bytes())
}

pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    create_private_dir(&dir)?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".cpc-wizard-")
        .suffix(".tmp")
        .tempfile_in(&dir)
        .map_err(|e| StoreError::io(&dir, e))?;
    // tempfile creates the file with mode 0600 on Unix already.
    tmp.write_all(bytes).map_err(|e| StoreError::io(path, e))?;
    tmp.as_file()
        .sync_all()
        .map_err(|e| StoreError::io(path, e))?;
    tmp.persist(path)
        .map_err(|e| StoreError::io(path, e.error))?;
    sync_dir(&dir);
    Ok(())
}

fn create_private_dir(dir: &Path) -> Result<(), StoreError> {
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

/// Makes the rename itself durable. Best effort: not every platform can open a folder.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// A file name (without extension) for a draft name: readable, including Chinese, and
/// unable to leave the drafts folder or hide itself.
pub fn file_stem_for(name: &str) -> String {
    let mut stem = String::new();
    for c in name.trim().chars() {
        let safe = if c.is_control()
            || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|')
        {
            '_'
        } else {
            c
        };
        if stem.len() + safe.len_utf8() > MAX_STEM_BYTES {
            break;
        }
        stem.push(safe);
    }
    // No hidden files, no "." or "..", no trailing dots or spaces (Windows drops them).
    let stem = stem.trim_start_matches('.').trim_end_matches(['.', ' ']);
    if stem.is_empty() {
        "draft".to_string()
    } else {
        stem.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_stems_stay_inside_the_folder_and_readable() {
        assert_eq!(file_stem_for("Contoso MSP FY18"), "Contoso MSP FY18");
        assert_eq!(file_stem_for("../../etc/passwd"), "_.._etc_passwd");
        assert_eq!(file_stem_for(".."), "draft");
        assert_eq!(file_stem_for("a/b\\c"), "a_b_c");
        assert_eq!(file_stem_for("台北資訊 2017"), "台北資訊 2017");
        assert_eq!(file_stem_for("bell\u{7}"), "bell_");
        assert_eq!(file_stem_for("   "), "draft");
        assert!(file_stem_for(&"長".repeat(200)).len() <= MAX_STEM_BYTES);
    }
}
