//! Where the event loop writes its frames: into memory, then to standard output at once when
//! ratatui flushes, at the end of each frame. Standard output alone is line buffered: a
//! frame (it has no line ends) went out in pieces of 1 KiB, every escape sequence of it
//! taking the output's lock and being searched for a line end on the way.

use std::io::{self, Write};

#[derive(Default)]
pub(crate) struct FrameWriter {
    frame: Vec<u8>,
    /// Flushes wait for `release`: crossterm's commands (the cursor's) flush as they go,
    /// and a frame whose cells are put in afterwards must not go out before them.
    holding: bool,
}

impl FrameWriter {
    /// From here, a flush keeps the bytes until `release`.
    pub(crate) fn hold(&mut self) {
        self.holding = true;
    }

    pub(crate) fn is_holding(&self) -> bool {
        self.holding
    }

    /// Flushes what was held.
    pub(crate) fn release(&mut self) -> io::Result<()> {
        self.holding = false;
        self.flush()
    }

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
        if self.holding {
            return Ok(());
        }
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

    #[test]
    fn a_held_frame_keeps_its_bytes_through_flushes_and_takes_cells_in_their_place() {
        let mut out = FrameWriter::default();
        out.hold();
        out.write_all(b"\x1b[2J").unwrap();
        let cells_at = out.len();
        // The cursor's commands, each flushed by crossterm as it is written.
        out.write_all(b"\x1b[?25h").unwrap();
        out.flush().unwrap();
        out.write_all(b"\x1b[3;5H").unwrap();
        out.flush().unwrap();
        out.insert(cells_at, b"\x1b[1;1Hok");
        assert_eq!(out.frame, b"\x1b[2J\x1b[1;1Hok\x1b[?25h\x1b[3;5H");
    }
}
