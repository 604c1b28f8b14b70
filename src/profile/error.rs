//! What can be wrong with a draft file, as data: the text is written by `crate::messages`
//! in the user's language.

use serde::{Deserialize, Serialize};

/// Marks a serde error message that carries a `Problem` as JSON, so that the field path and
/// line that serde adds can travel with a problem we can still translate.
const MARKER: &str = "\u{0}cpc-problem:";

/// What is wrong with one value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Problem {
    AboveLimit {
        value: String,
    },
    Negative {
        value: String,
    },
    NotWholeNumber {
        value: String,
    },
    WrongType {
        expected: String,
        found: String,
    },
    UnknownValue {
        value: String,
        expected: Vec<String>,
    },
    MissingField {
        field: String,
    },
    DuplicateField {
        field: String,
    },
    UnknownField {
        field: String,
        expected: Vec<String>,
    },
    /// Any other message from the JSON parser itself.
    Other(String),
}

impl Problem {
    pub(crate) fn into_serde<E: serde::de::Error>(self) -> E {
        let json = serde_json::to_string(&self).unwrap_or_default();
        E::custom(format!("{MARKER}{json}"))
    }

    /// Reads back a problem from a serde message: ours when marked, the parser's otherwise.
    pub(crate) fn from_serde_message(message: &str) -> Problem {
        // serde_json appends " at line L column C" to custom messages; the marked JSON ends
        // at its last closing brace.
        if let Some(start) = message.find(MARKER) {
            let body = &message[start + MARKER.len()..];
            let end = body.rfind('}').map_or(body.len(), |i| i + 1);
            if let Ok(problem) = serde_json::from_str(&body[..end]) {
                return problem;
            }
        }
        let plain = match message.rfind(" at line ") {
            Some(i) => &message[..i],
            None => message,
        };
        Self::from_parser_words(plain).unwrap_or_else(|| Problem::Other(plain.to_string()))
    }

    /// serde's own messages, read back into problems that can be worded in any language.
    fn from_parser_words(message: &str) -> Option<Problem> {
        if let Some(rest) = message.strip_prefix("missing field ") {
            return Some(Problem::MissingField {
                field: rest.trim_matches('`').to_string(),
            });
        }
        if let Some(rest) = message.strip_prefix("duplicate field ") {
            return Some(Problem::DuplicateField {
                field: rest.trim_matches('`').to_string(),
            });
        }
        if let Some(rest) = message.strip_prefix("unknown field ") {
            let (field, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
            let expected = expected
                .trim_start_matches("one of ")
                .split(", ")
                .map(|s| s.trim_matches('`').to_string())
                .filter(|s| !s.is_empty())
                .collect();
            return Some(Problem::UnknownField {
                field: field.trim_matches('`').to_string(),
                expected,
            });
        }
        if let Some(rest) = message.strip_prefix("invalid type: ") {
            let (found, expected) = rest.split_once(", expected ")?;
            let expected = match expected {
                "a boolean" => "boolean",
                "a string" => "text",
                "a sequence" => "list",
                // Our own visitors' `expecting` texts.
                "an edition id" => "text",
                e if e.starts_with("one of ") => "text",
                e if e.starts_with("a whole number") => "number",
                e if e.starts_with("struct ") || e.contains("map") => "object",
                _ => return None,
            };
            return Some(Problem::WrongType {
                expected: expected.to_string(),
                found: found.to_string(),
            });
        }
        None
    }
}

/// Why a draft file could not be read as a profile.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    #[error("the file is empty")]
    Empty,
    #[error("not valid JSON at line {line}, column {column}: {detail}")]
    Syntax {
        line: usize,
        column: usize,
        detail: String,
    },
    #[error("not a cpc-wizard profile (format {found:?})")]
    NotAProfile { found: Option<String> },
    #[error("the profile has no format version")]
    MissingVersion,
    #[error("format version {found} is newer than this program's {supported}")]
    NewerVersion { found: u64, supported: u32 },
    #[error("{path}: {problem:?}")]
    Invalid {
        path: String,
        problem: Problem,
        line: Option<usize>,
    },
}

impl ParseError {
    pub(crate) fn line(&self) -> Option<usize> {
        match self {
            ParseError::Syntax { line, .. } => Some(*line),
            ParseError::Invalid { line, .. } => *line,
            _ => None,
        }
    }
}
