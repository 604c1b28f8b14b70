//! A CSV file read record by record, in constant memory: the byte-order mark dropped, line
//! ends of any kind (LF, CRLF, CR) read as one, the line each record starts on counted
//! right, every record checked to be UTF-8, and progress and cancellation looked at as it
//! goes.

use std::io::{self, BufRead, BufReader, Read};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use csv::ByteRecord;

use super::ImportError;

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
    pub fn bytes(&self) -> u64 {
        self.bytes.load(Ordering::Relaxed)
    }

    /// Rows of the file being read, so far.
    pub fn rows(&self) -> u64 {
        self.rows.load(Ordering::Relaxed)
    }

    /// Which file of the run is being read (0 for the first).
    pub fn file(&self) -> u64 {
        self.file.load(Ordering::Relaxed)
    }

    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    pub fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    /// The file being read, as given to the run.
    pub fn name(&self) -> String {
        self.name.lock().map(|n| n.clone()).unwrap_or_default()
    }

    /// The share of the file read, 0 to 100 (0 when its size is unknown).
    pub fn percent(&self) -> u8 {
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
/// counts lines right for CR and CRLF files too), the byte-order mark dropped, and a final
/// `\n` added when the file has none (so that every record ends on a line end).
struct LineEnds<R> {
    inner: R,
    /// The last byte given was a `\r` turned into `\n`: a `\n` right after it is dropped.
    after_cr: bool,
    /// Inside a quoted value (an odd number of `"` so far).
    in_quotes: bool,
    at_start: bool,
    /// The last byte given, to know whether to add a final line end.
    last: Option<u8>,
    finished: bool,
    read: u64,
}

impl<R: Read> Read for LineEnds<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            if self.finished || buf.is_empty() {
                return Ok(0);
            }
            let n = self.inner.read(buf)?;
            self.read += n as u64;
            if n == 0 {
                self.finished = true;
                if self.last.is_some_and(|b| b != b'\n') {
                    buf[0] = b'\n';
                    self.last = Some(b'\n');
                    return Ok(1);
                }
                return Ok(0);
            }
            let mut start = 0;
            if self.at_start {
                // The mark may come in pieces only from a pathological reader; files give
                // at least three bytes at once.
                self.at_start = false;
                if buf[..n].starts_with(b"\xEF\xBB\xBF") {
                    start = 3;
                }
            }
            let kept = self.normalize(&mut buf[..n], start);
            if kept > 0 {
                self.last = Some(buf[kept - 1]);
                return Ok(kept);
            }
        }
    }
}

impl<R> LineEnds<R> {
    /// `\r\n` → `\n`, a lone `\r` → `\n`, compacting in place; the bytes kept. Inside
    /// a quoted value the bytes are the value's own and are kept as they are.
    fn normalize(&mut self, buf: &mut [u8], start: usize) -> usize {
        let rest = &buf[start..];
        if !self.after_cr && !rest.contains(&b'\r') {
            let quotes = rest.iter().filter(|b| **b == b'"').count();
            self.in_quotes ^= quotes % 2 == 1;
            buf.copy_within(start.., 0);
            return buf.len() - start;
        }
        let mut out = 0;
        for i in start..buf.len() {
            let b = buf[i];
            if b == b'"' {
                self.in_quotes = !self.in_quotes;
            }
            if self.in_quotes {
                self.after_cr = false;
                buf[out] = b;
                out += 1;
                continue;
            }
            if b == b'\n' && self.after_cr {
                self.after_cr = false;
                continue;
            }
            self.after_cr = b == b'\r';
            buf[out] = if b == b'\r' { b'\n' } else { b };
            out += 1;
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

/// The records of one file, the header first; blank records are skipped.
pub(crate) struct Records<R: Read> {
    reader: csv::Reader<LineEnds<Counted<BufReader<R>>>>,
    progress: Arc<Progress>,
    read: u64,
}

/// One record, with the line of the file it starts on (1 for the first line).
pub(crate) struct Numbered<'r> {
    pub line: u64,
    pub record: &'r ByteRecord,
}

impl<R: Read> Records<R> {
    /// Looks at the first bytes (UTF-16, the delimiter) and starts reading.
    pub(crate) fn new(inner: R, progress: Arc<Progress>) -> Result<Records<R>, ImportError> {
        let mut buffered = BufReader::with_capacity(64 * 1024, inner);
        let head = buffered.fill_buf().map_err(unreadable)?;
        if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
            return Err(ImportError::Utf16);
        }
        // UTF-16 without a byte-order mark is valid UTF-8 full of NUL bytes.
        if head.contains(&0) {
            return Err(ImportError::Utf16);
        }
        let delimiter = delimiter(head);
        let counted = Counted {
            inner: buffered,
            progress: progress.clone(),
        };
        let line_ends = LineEnds {
            inner: counted,
            after_cr: false,
            in_quotes: false,
            at_start: true,
            last: None,
            finished: false,
            read: 0,
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
            let inside = record.as_slice().iter().filter(|b| **b == b'\n').count() as u64;
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

    #[test]
    fn delimiters_are_told_by_the_header() {
        assert_eq!(delimiter(b"a;b;c\n1,5;2;3"), b';');
        assert_eq!(delimiter(b"a\tb\n"), b'\t');
        assert_eq!(delimiter(b"a,b;c\n"), b',');
    }
}
