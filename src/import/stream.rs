//! A CSV file read record by record, in constant memory: the byte-order mark dropped, line
//! ends of any kind (LF, CRLF, CR) read as one, the line each record starts on counted
//! right, every record checked to be UTF-8, and progress and cancellation looked at as it
//! goes.

use std::io::{self, Read};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use csv::ByteRecord;

use super::ImportError;

/// The most read ahead to find the header line's end.
const HEAD_LIMIT: usize = 64 * 1024;

/// How often (in records) progress is published and cancellation looked at.
const CHECK_EVERY: u64 = 4096;

/// Shared between an import and whoever watches it: bytes read so far, and a request to
/// stop.
#[derive(Debug, Default)]
pub struct Progress {
    bytes: AtomicU64,
    rows: AtomicU64,
    cancel: AtomicBool,
    /// Which file of the run is being read (0 for the first).
    pub(crate) file: AtomicU64,
    /// Its size in bytes (0 when unknown) and its name.
    size: AtomicU64,
    name: Mutex<String>,
}

impl Progress {
    pub fn new() -> Arc<Progress> {
        Arc::new(Progress::default())
    }

    /// Bytes of the file being read, so far.
    pub(crate) fn bytes(&self) -> u64 {
        self.bytes.load(Ordering::Relaxed)
    }

    /// Rows of the file being read, so far.
    pub(crate) fn rows(&self) -> u64 {
        self.rows.load(Ordering::Relaxed)
    }

    /// Which file of the run is being read (0 for the first).
    pub(crate) fn file(&self) -> u64 {
        self.file.load(Ordering::Relaxed)
    }

    pub(crate) fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    pub(crate) fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    /// The file being read, as given to the run.
    pub(crate) fn name(&self) -> String {
        self.name.lock().map(|n| n.clone()).unwrap_or_default()
    }

    /// The share of the file read, 0 to 100 (0 when its size is unknown).
    pub(crate) fn percent(&self) -> u8 {
        let size = self.size.load(Ordering::Relaxed);
        if size == 0 {
            return 0;
        }
        (self.bytes().min(size) * 100 / size) as u8
    }

    pub(crate) fn start_file(&self, index: usize, name: &str, size: u64) {
        self.bytes.store(0, Ordering::Relaxed);
        self.rows.store(0, Ordering::Relaxed);
        self.file.store(index as u64, Ordering::Relaxed);
        self.size.store(size, Ordering::Relaxed);
        if let Ok(mut current) = self.name.lock() {
            current.clear();
            current.push_str(name);
        }
    }
}

/// Reads bytes with every line end made `\n` (so that the csv crate, which counts `\n`,
/// counts lines right for CR and CRLF files too), and a final `\n` added when the file has
/// none (so that every record ends on a line end).
struct LineEnds<R> {
    inner: R,
    /// The last byte given was a `\r` turned into `\n`: a `\n` right after it is dropped.
    after_cr: bool,
    /// Inside a quoted value (an odd number of `"` so far).
    in_quotes: bool,
    /// The last byte given, to know whether to add a final line end.
    last: Option<u8>,
    finished: bool,
}

impl<R: Read> Read for LineEnds<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            if self.finished || buf.is_empty() {
                return Ok(0);
            }
            let n = self.inner.read(buf)?;
            if n == 0 {
                self.finished = true;
                if self.last.is_some_and(|b| b != b'\n') {
                    buf[0] = b'\n';
                    self.last = Some(b'\n');
                    return Ok(1);
                }
                return Ok(0);
            }
            let kept = self.normalize(&mut buf[..n]);
            if kept > 0 {
                self.last = Some(buf[kept - 1]);
                return Ok(kept);
            }
        }
    }
}

impl<R> LineEnds<R> {
    /// `\r\n` → `\n`, a lone `\r` → `\n`, compacting in place; the bytes kept. Inside
    /// a quoted value the bytes are the value's own and are kept as they are. Spans without
    /// either byte are found with `memchr` and moved whole.
    fn normalize(&mut self, buf: &mut [u8]) -> usize {
        let len = buf.len();
        let mut i = 0;
        if self.after_cr && i < len {
            self.after_cr = false;
            if buf[i] == b'\n' {
                i += 1;
            }
        }
        if i == 0 && memchr::memchr(b'\r', buf).is_none() {
            // The usual case, a file with LF line ends: nothing moves.
            let quotes = memchr::memchr_iter(b'"', buf).count();
            self.in_quotes ^= quotes % 2 == 1;
            return len;
        }
        let mut out = 0;
        while i < len {
            let next = if self.in_quotes {
                memchr::memchr(b'"', &buf[i..])
            } else {
                memchr::memchr2(b'\r', b'"', &buf[i..])
            };
            let Some(offset) = next else {
                buf.copy_within(i..len, out);
                out += len - i;
                break;
            };
            let at = i + offset;
            buf.copy_within(i..at, out);
            out += at - i;
            if buf[at] == b'"' {
                self.in_quotes = !self.in_quotes;
                buf[out] = b'"';
                out += 1;
                i = at + 1;
                continue;
            }
            // A `\r` outside quotes: one line end, whatever follows.
            buf[out] = b'\n';
            out += 1;
            match buf.get(at + 1) {
                Some(b'\n') => i = at + 2,
                Some(_) => i = at + 1,
                None => {
                    self.after_cr = true;
                    i = at + 1;
                }
            }
        }
        out
    }
}

/// Bytes counted as they are handed on, so that progress is the share of the file read.
struct Counted<R> {
    inner: R,
    progress: Arc<Progress>,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.progress.bytes.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// What the csv reader reads: the header line read ahead, then the rest of the file.
type Source<R> = LineEnds<io::Chain<io::Cursor<Vec<u8>>, Counted<R>>>;

/// The records of one file, the header first; blank records are skipped.
pub(crate) struct Records<R: Read> {
    reader: csv::Reader<Source<R>>,
    progress: Arc<Progress>,
    read: u64,
}

/// One record, with the line of the file it starts on (1 for the first line).
pub(crate) struct Numbered<'r> {
    pub line: u64,
    pub record: &'r ByteRecord,
}

impl<R: Read> Records<R> {
    /// Reads the first line (to tell UTF-16 and the delimiter), drops a byte-order mark,
    /// and starts reading.
    pub(crate) fn new(mut inner: R, progress: Arc<Progress>) -> Result<Records<R>, ImportError> {
        let mut head = Vec::new();
        let mut chunk = [0u8; 8192];
        while head.len() < HEAD_LIMIT && memchr::memchr2(b'\n', b'\r', &head).is_none() {
            match inner.read(&mut chunk) {
                Ok(0) => break,
                Ok(n) => head.extend_from_slice(&chunk[..n]),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(unreadable(e)),
            }
        }
        if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
            return Err(ImportError::Utf16);
        }
        // UTF-16 without a byte-order mark is valid UTF-8 full of NUL bytes, its header line
        // too; a NUL in a name further down is a name's (our own export writes it as it is).
        let header_end = memchr::memchr2(b'\n', b'\r', &head).unwrap_or(head.len());
        if head[..header_end].contains(&0) {
            return Err(ImportError::Utf16);
        }
        progress
            .bytes
            .fetch_add(head.len() as u64, Ordering::Relaxed);
        if head.starts_with(b"\xEF\xBB\xBF") {
            head.drain(..3);
        }
        let delimiter = delimiter(&head);
        let counted = Counted {
            inner,
            progress: progress.clone(),
        };
        let line_ends = LineEnds {
            inner: io::Cursor::new(head).chain(counted),
            after_cr: false,
            in_quotes: false,
            last: None,
            finished: false,
        };
        let reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .buffer_capacity(64 * 1024)
            .from_reader(line_ends);
        Ok(Records {
            reader,
            progress,
            read: 0,
        })
    }

    /// The next non-blank record into `record`, or None at the end of the file.
    pub(crate) fn next<'r>(
        &mut self,
        record: &'r mut ByteRecord,
    ) -> Result<Option<Numbered<'r>>, ImportError> {
        loop {
            match self.reader.read_byte_record(record) {
                Ok(false) => return Ok(None),
                Ok(true) => {}
                Err(e) => {
                    if let csv::ErrorKind::Io(io) = e.kind() {
                        return Err(ImportError::Unreadable {
                            reason: io.to_string(),
                        });
                    }
                    let line = e.position().map_or(0, |p| p.line());
                    return Err(ImportError::Malformed { line });
                }
            }
            self.read += 1;
            // At the first record too, so that a cancel before reading stops at once.
            if self.read == 1 || self.read.is_multiple_of(CHECK_EVERY) {
                self.progress.rows.store(self.read, Ordering::Relaxed);
                if self.progress.cancelled() {
                    return Err(ImportError::Cancelled);
                }
            }
            // Every record ends on a `\n` (see `LineEnds`), which the reader has counted:
            // the record's first line is the one before, less the line ends inside it.
            let inside = memchr::memchr_iter(b'\n', record.as_slice()).count() as u64;
            let line = self
                .reader
                .position()
                .line()
                .saturating_sub(1 + inside)
                .max(1);
            if std::str::from_utf8(record.as_slice()).is_err() {
                return Err(ImportError::NotUtf8 { line });
            }
            if record.iter().all(|field| field.trim_ascii().is_empty()) {
                continue;
            }
            return Ok(Some(Numbered { line, record }));
        }
    }
}

fn unreadable(e: io::Error) -> ImportError {
    ImportError::Unreadable {
        reason: e.to_string(),
    }
}

/// Spreadsheets set to some European languages write `;` between values, and some tools a
/// tab: the header line tells which.
pub(crate) fn delimiter(head: &[u8]) -> u8 {
    let end = head
        .iter()
        .position(|b| *b == b'\n' || *b == b'\r')
        .unwrap_or(head.len());
    let first_line = &head[..end];
    let count = |d: u8| first_line.iter().filter(|b| **b == d).count();
    [b';', b'\t']
        .into_iter()
        .find(|d| count(*d) > count(b','))
        .unwrap_or(b',')
}

/// A field as text (records are checked to be UTF-8 when read).
pub(crate) fn text(field: &[u8]) -> &str {
    std::str::from_utf8(field).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(bytes: &[u8]) -> Vec<(u64, Vec<String>)> {
        let mut records = Records::new(bytes, Progress::new()).unwrap();
        let mut record = ByteRecord::new();
        let mut out = Vec::new();
        while let Some(n) = records.next(&mut record).unwrap() {
            out.push((
                n.line,
                n.record.iter().map(|f| text(f).to_string()).collect(),
            ));
        }
        out
    }

    #[test]
    fn lines_are_counted_right_whatever_the_line_ends() {
        for end in ["\n", "\r\n", "\r"] {
            let file = format!("h,x{end}a,1{end}{end}b,2{end}c,3");
            let got: Vec<u64> = lines(file.as_bytes()).iter().map(|(l, _)| *l).collect();
            assert_eq!(got, vec![1, 2, 4, 5], "{end:?}");
        }
        // A value on two lines keeps its own line end, and the lines after it count it.
        for end in ["\n", "\r\n"] {
            let file = format!("h,x{end}b,\"two{end}lines\"{end}c,3{end}");
            let got = lines(file.as_bytes());
            assert_eq!(got[1].1[1], format!("two{end}lines"));
            assert_eq!(got[2].0, 4, "{end:?}");
        }
        let with_mark = lines(b"\xEF\xBB\xBFh\r\nv\r\n");
        assert_eq!(with_mark[0].1, vec!["h".to_string()]);
        assert_eq!(with_mark[1].0, 2);
    }

    /// A reader that gives one byte at a time: every line end and quote falls on a
    /// boundary between reads.
    struct Trickle<'a>(&'a [u8]);

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            match (self.0.split_first(), buf.first_mut()) {
                (Some((b, rest)), Some(slot)) => {
                    *slot = *b;
                    self.0 = rest;
                    Ok(1)
                }
                _ => Ok(0),
            }
        }
    }

    #[test]
    fn reads_in_pieces_read_the_same() {
        let file = b"\xEF\xBB\xBFh,x\r\na,\"q\r\nq\"\r\n\r\nb,\"say \"\"hi\"\"\"\rc,3";
        let whole = lines(file);
        let mut records = Records::new(Trickle(file), Progress::new()).unwrap();
        let mut record = ByteRecord::new();
        let mut pieces = Vec::new();
        while let Some(n) = records.next(&mut record).unwrap() {
            let fields = n.record.iter().map(|f| text(f).to_string()).collect();
            pieces.push((n.line, fields));
        }
        assert_eq!(pieces, whole);
        assert_eq!(whole[1].1[1], "q\r\nq");
        assert_eq!(whole[2].1[1], "say \"hi\"");
        let got: Vec<u64> = whole.iter().map(|(l, _)| *l).collect();
        assert_eq!(got, vec![1, 2, 5, 6]);
    }

    #[test]
    fn delimiters_are_told_by_the_header() {
        assert_eq!(delimiter(b"a;b;c\n1,5;2;3"), b';');
        assert_eq!(delimiter(b"a\tb\n"), b'\t');
        assert_eq!(delimiter(b"a,b;c\n"), b',');
    }
}
