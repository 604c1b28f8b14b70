//! Opening a file to import: only a regular file. A pipe or a device could block the read
//! for ever (and the wizard with it), so it is refused before a byte is read.

use std::fs::File;
use std::path::Path;

use super::ImportError;

/// Opens `path` for reading when it is a regular file (a link to one is followed).
pub fn open_regular(path: &Path) -> Result<File, ImportError> {
    let unreadable = |e: std::io::Error| ImportError::Unreadable {
        reason: e.to_string(),
    };
    // Looked at before opening: opening a FIFO for reading waits for a writer.
    let metadata = std::fs::metadata(path).map_err(unreadable)?;
    if !metadata.is_file() {
        return Err(ImportError::NotRegularFile);
    }
    let file = open_without_waiting(path).map_err(unreadable)?;
    // And again on what was opened, in case the path was swapped in between.
    if !file.metadata().map_err(unreadable)?.is_file() {
        return Err(ImportError::NotRegularFile);
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
        .custom_flags(libc::O_NONBLOCK)
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
        assert_eq!(
            open_regular(&fifo).unwrap_err(),
            ImportError::NotRegularFile
        );
        assert_eq!(
            open_regular(dir.path()).unwrap_err(),
            ImportError::NotRegularFile
        );
        assert_eq!(
            open_regular(Path::new("/dev/null")).unwrap_err(),
            ImportError::NotRegularFile
        );
    }
}
