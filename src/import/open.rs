//! Opening a file to import: only a regular file. A pipe or a device could block the read
//! for ever (and the wizard with it), so it is refused before a byte is read.

use std::fs::File;
use std::path::Path;

use super::ImportError;

/// Why a file to import could not be opened.
#[derive(Debug)]
pub(crate) enum OpenError {
    /// A pipe, a device or a folder (`ImportError::NotRegularFile` in a run's errors).
    NotRegularFile,
    /// Missing, not allowed…: worded like any file error (`StoreError::Io`).
    Io(std::io::Error),
}

impl From<OpenError> for ImportError {
    fn from(e: OpenError) -> ImportError {
        match e {
            OpenError::NotRegularFile => ImportError::NotRegularFile,
            OpenError::Io(e) => ImportError::Unreadable {
                reason: e.to_string(),
            },
        }
    }
}

/// Opens `path` for reading when it is a regular file (a link to one is followed).
pub(crate) fn open_regular(path: &Path) -> Result<File, OpenError> {
    // Looked at before opening: opening a FIFO for reading waits for a writer.
    let metadata = std::fs::metadata(path).map_err(OpenError::Io)?;
    if !metadata.is_file() {
        return Err(OpenError::NotRegularFile);
    }
    let file = open_without_waiting(path).map_err(OpenError::Io)?;
    // And again on what was opened, in case the path was swapped in between.
    if !file.metadata().map_err(OpenError::Io)?.is_file() {
        return Err(OpenError::NotRegularFile);
    }
    Ok(file)
}

#[cfg(unix)]
fn open_without_waiting(path: &Path) -> std::io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    // O_NONBLOCK: should the path have become a FIFO, opening it does not wait; on a
    // regular file the flag changes nothing.
    std::fs::OpenOptions::new()
        .read(true)
        // The flag's bits fit an i32, the type std takes them as.
        .custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32)
        .open(path)
}

#[cfg(not(unix))]
fn open_without_waiting(path: &Path) -> std::io::Result<File> {
    File::open(path)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_fifo_or_a_folder_is_refused_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe.csv");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(made.unwrap().success());
        for path in [fifo.as_path(), dir.path(), Path::new("/dev/null")] {
            assert!(
                matches!(open_regular(path), Err(OpenError::NotRegularFile)),
                "{path:?}"
            );
        }
        assert!(matches!(
            open_regular(&dir.path().join("missing.csv")),
            Err(OpenError::Io(_))
        ));
    }
}
