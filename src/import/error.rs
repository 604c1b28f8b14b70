//! Why an import was refused, as data; `report::import_words` turns it into sentences.

use super::columns::{Column, Field};
use super::detect::Kind;
use crate::profile::Problem;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// UTF-16 (with a byte-order mark, or NUL bytes between the letters).
    #[error("the file is UTF-16 text, not UTF-8")]
    Utf16,
    #[error("the file is not UTF-8 text (line {line})")]
    NotUtf8 { line: u64 },
    #[error("the file is empty")]
    Empty,
    #[error("the file has a header but no customers")]
    NoRows,
    #[error("no customer name column (headers: {headers:?})")]
    NoNameColumn { headers: Vec<String> },
    #[error("columns {first:?} and {second:?} give the same field")]
    DuplicateColumn {
        field: Field,
        first: Column,
        second: Column,
    },
    #[error("line {line} is not valid CSV")]
    Malformed { line: u64 },
    /// Every bad row, in file order; nothing was imported.
    #[error("invalid rows ({} problems)", .0.len())]
    InvalidRows(Vec<RowError>),
    /// The header is none of the kinds of file the import knows.
    #[error("unknown kind of file (headers: {headers:?})")]
    UnknownKind { headers: Vec<String> },
    /// A report of a known kind without columns the import needs.
    #[error("{kind:?} without columns {columns:?}")]
    MissingColumns { kind: Kind, columns: Vec<String> },
    /// A report whose user names are concealed, so its tenant is unknown, and no
    /// `--customer` named it.
    #[error("concealed user names and no customer named")]
    ConcealedNeedsCustomer,
    /// `--customer` names one tenant, but the run has several reports of one kind.
    #[error("one customer named for several reports")]
    CustomerForSeveralReports,
    /// A report with a header and no users.
    #[error("the report has no rows")]
    NoReportRows,
    /// A pipe, a device or a folder: never read, as it might never end.
    #[error("not a regular file")]
    NotRegularFile,
    #[error("cannot be read: {reason}")]
    Unreadable { reason: String },
    /// Stopped by the user; nothing was imported.
    #[error("cancelled")]
    Cancelled,
}

/// One bad cell (or row): where it is and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// Line of the file where the row starts (1 for the header).
    pub line: u64,
    /// The column; None when the row as a whole is wrong.
    pub column: Option<Column>,
    pub value: String,
    pub problem: RowProblem,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowProblem {
    /// A count that `Count::parse` refused.
    Count(Problem),
    Association,
    Trial,
    EmptyName,
    /// The same customer (name compared without case) on an earlier line of the file.
    DuplicateName {
        first_line: u64,
    },
    /// Not a date `YYYY-MM-DD`.
    Date,
    /// Not `True` or `False`.
    Boolean,
    /// The report's date differs from the one on an earlier line (one date per file).
    SecondReportDate {
        first: String,
        first_line: u64,
    },
    /// A person with no name.
    EmptyPersonName,
    /// The same person (email, or name where there is no email) on an earlier line.
    DuplicatePerson {
        first_line: u64,
    },
    /// More or fewer values than the header has columns.
    FieldCount {
        found: usize,
        expected: usize,
    },
}
