//! Errors as sentences in the user's language. The error types stay plain data; this is the
//! one place that words them.

use crate::i18n::Locale;
use crate::profile::{ParseError, Problem};
use crate::store::StoreError;

pub fn problem(loc: &Locale, problem: &Problem) -> String {
    match problem {
        Problem::AboveLimit { value } => loc.f(
            "problem.above_limit",
            &[
                ("value", value),
                (
                    "limit",
                    &crate::i18n::thousands(u64::from(crate::profile::MAX_COUNT)),
                ),
            ],
        ),
        Problem::Negative { value } => loc.f("problem.negative", &[("value", value)]),
        Problem::NotWholeNumber { value } => loc.f("problem.not_whole_number", &[("value", value)]),
        Problem::WrongType { expected, found } => loc.f(
            "problem.wrong_type",
            &[
                ("expected", &loc.t(&format!("problem.type.{expected}"))),
                ("found", found),
            ],
        ),
        Problem::UnknownValue { value, expected } => loc.f(
            "problem.unknown_value",
            &[("value", value), ("expected", &expected.join(", "))],
        ),
        Problem::MissingField { field } => loc.f("problem.missing_field", &[("field", field)]),
        Problem::UnknownField { field, expected } => loc.f(
            "problem.unknown_field",
            &[("field", field), ("expected", &expected.join(", "))],
        ),
        Problem::Other(detail) => detail.clone(),
    }
}

pub fn parse_error(loc: &Locale, error: &ParseError) -> String {
    match error {
        ParseError::Syntax {
            line,
            column,
            detail,
        } => loc.f(
            "error.syntax",
            &[("line", line), ("column", column), ("detail", detail)],
        ),
        ParseError::NotAProfile { found } => match found {
            Some(found) => loc.f("error.not_a_profile_format", &[("found", found)]),
            None => loc.t("error.not_a_profile").to_string(),
        },
        ParseError::Empty => loc.t("error.empty").to_string(),
        ParseError::MissingVersion => loc.t("error.missing_version").to_string(),
        ParseError::NewerVersion { found, supported } => loc.f(
            "error.newer_version",
            &[("found", found), ("supported", supported)],
        ),
        ParseError::Invalid {
            path,
            problem: p,
            line,
        } => {
            let field = if path.is_empty() || path == "." {
                loc.t("error.top_level").to_string()
            } else {
                path.clone()
            };
            let text = problem(loc, p);
            match line {
                Some(line) => loc.f(
                    "error.invalid_at_line",
                    &[("field", &field), ("problem", &text), ("line", line)],
                ),
                None => loc.f("error.invalid", &[("field", &field), ("problem", &text)]),
            }
        }
    }
}

pub fn store_error(loc: &Locale, error: &StoreError) -> String {
    match error {
        StoreError::NoDataFolder => {
            loc.f("error.no_data_folder", &[("var", &crate::store::HOME_VAR)])
        }
        StoreError::Io { path, source } => {
            loc.f("error.io", &[("path", &path.display()), ("detail", source)])
        }
        StoreError::NotFound { name, folder } => loc.f(
            "error.not_found",
            &[("name", name), ("folder", &folder.display())],
        ),
        StoreError::NotUtf8 { path } => loc.f("error.not_utf8", &[("path", &path.display())]),
        StoreError::Parse { path, error } => {
            format!("{}: {}", path.display(), parse_error(loc, error))
        }
    }
}
