//! Why an import was refused, as data; `words` turns it into sentences.

use super::columns::{Column, Field};
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
    /// More or fewer values than the header has columns.
    FieldCount {
        found: usize,
        expected: usize,
    },
}
