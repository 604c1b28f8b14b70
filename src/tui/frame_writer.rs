//! Where the event loop writes its frames: into memory, then to standard output at once when
//! ratatui flushes, at the end of each frame. Standard output alone is line buffered: a
//! frame (it has no line ends) went out in pieces of 1 KiB, every escape sequence of it
//! taking the output's lock and being searched for a line end on the way.

use std::io::{self, Write};

#[derive(Default)]
pub(crate) struct FrameWriter {
    frame: Vec<u8>,
}

impl FrameWriter {
    /// Bytes held so far.
    pub(crate) fn len(&self) -> usize {
        self.frame.len()
    }

    /// Puts `bytes` at `at` among those held (at the end when `at` is past them).
    pub(crate) fn insert(&mut self, at: usize, bytes: &[u8]) {
        let at = at.min(self.frame.len());
        self.frame.splice(at..at, bytes.iter().copied());
    }
}

impl Write for FrameWriter {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.frame.extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        let mut out = io::stdout().lock();
        let written = out.write_all(&self.frame).and_then(|()| out.flush());
        // Kept or not, a frame is not written twice.
        self.frame.clear();
        written
    }
}

// Dropped, what was not flushed is let go: part of a frame cut off by a panic, which must
// not be written after the terminal is given back.

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holds_what_is_written_until_flushed() {
        let mut out = FrameWriter::default();
        out.write_all(b"\x1b[1;1Habc").unwrap();
        out.write_all(b"def").unwrap();
        // (Flushing writes to the real standard output: tried by the pty tests.)
        assert_eq!(out.frame, b"\x1b[1;1Habcdef");
    }
}
