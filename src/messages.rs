//! Errors about drafts, files and the command line as sentences in the user's language, for
//! every front end. The error types stay plain data; this is the one place that words them
//! (an import's refusals are worded with its result, in `report::import_words`).

use crate::i18n::Locale;
use crate::profile::{ParseError, Problem};
use crate::store::StoreError;

/// A number as typed (digits, perhaps some commas) in thousands, as the limit is written,
/// whatever its length; anything else as it came.
fn grouped(value: &str) -> String {
    let digits: String = value.chars().filter(|c| *c != ',').collect();
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return value.to_string();
    }
    let digits = digits.trim_start_matches('0');
    let digits = if digits.is_empty() { "0" } else { digits };
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

pub fn problem(loc: &Locale, problem: &Problem) -> String {
    match problem {
        Problem::AboveLimit { value } => loc.f(
            "problem.above_limit",
            &[
                ("value", &grouped(value)),
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
                ("found", &found_words(loc, found)),
            ],
        ),
        Problem::UnknownValue { value, expected } => loc.f(
            "problem.unknown_value",
            &[("value", value), ("expected", &list(loc, expected))],
        ),
        Problem::MissingField { field } => loc.f("problem.missing_field", &[("field", field)]),
        Problem::DuplicateField { field } => loc.f("problem.duplicate_field", &[("field", field)]),
        Problem::UnknownField { field, expected } => loc.f(
            "problem.unknown_field",
            &[("field", field), ("expected", &list(loc, expected))],
        ),
        Problem::Other(detail) => detail.clone(),
    }
}

/// Ids joined the way the language lists things (`a, b` or `a、b`).
pub(crate) fn list(loc: &Locale, items: &[String]) -> String {
    items.join(loc.t("cli_words.list_separator"))
}

/// What serde found instead of the expected type, as it words it ("string \"abc\"",
/// "integer `5`", "map", "null"…), in the user's language: a kind becomes a word, a value
/// is shown as it is.
pub(crate) fn found_words(loc: &Locale, found: &str) -> String {
    let found = found.trim();
    let kind = match found {
        "map" | "object" => Some("problem.type.object"),
        "sequence" | "list" => Some("problem.type.list"),
        "null" | "unit value" => Some("messages.found_null"),
        _ => None,
    };
    if let Some(key) = kind {
        return loc.t(key).to_string();
    }
    let value = [
        "string ",
        "integer ",
        "floating point ",
        "boolean ",
        "character ",
    ]
    .iter()
    .find_map(|p| found.strip_prefix(p))
    .unwrap_or(found);
    value.trim_matches('`').to_string()
}

/// serde_json's syntax messages (its error codes, a fixed list) in the user's language;
/// one we do not know is shown as the parser gave it.
pub(crate) fn json_syntax(loc: &Locale, detail: &str) -> String {
    let key = match detail {
        "EOF while parsing a list" => "eof_list",
        "EOF while parsing an object" => "eof_object",
        "EOF while parsing a string" => "eof_string",
        "EOF while parsing a value" => "eof_value",
        "expected `:`" => "expected_colon",
        "expected `,` or `]`" => "expected_list_comma",
        "expected `,` or `}`" => "expected_object_comma",
        "expected ident" | "expected value" => "expected_value",
        "expected `\"`" => "expected_quote",
        "invalid escape" => "invalid_escape",
        "invalid number" => "invalid_number",
        "number out of range" => "number_out_of_range",
        "invalid unicode code point" => "invalid_unicode",
        "control character (\\u0000-\\u001F) found while parsing a string" => "control_character",
        "key must be a string" => "key_must_be_string",
        "trailing comma" => "trailing_comma",
        "trailing characters" => "trailing_characters",
        "recursion limit exceeded" => "too_deep",
        _ => return detail.to_string(),
    };
    loc.t(&format!("messages.json.{key}")).to_string()
}

/// A file error in the user's language: the common kinds are worded by the locale; any
/// other is the system's own message.
pub(crate) fn io_error(loc: &Locale, error: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    let key = match error.kind() {
        K::NotFound => "not_found",
        K::PermissionDenied => "permission_denied",
        K::AlreadyExists => "already_exists",
        K::IsADirectory => "is_a_directory",
        K::NotADirectory => "not_a_directory",
        K::ReadOnlyFilesystem => "read_only",
        K::StorageFull | K::QuotaExceeded => "storage_full",
        K::InvalidFilename => "invalid_filename",
        K::DirectoryNotEmpty => "directory_not_empty",
        K::BrokenPipe => "broken_pipe",
        K::Interrupted => "interrupted",
        K::FileTooLarge => return loc.t("store_safety.file_too_large").to_string(),
        _ => return error.to_string(),
    };
    loc.t(&format!("messages.io.{key}")).to_string()
}

pub fn parse_error(loc: &Locale, error: &ParseError) -> String {
    match error {
        ParseError::Syntax {
            line,
            column,
            detail,
        } => loc.f(
            "error.syntax",
            &[
                ("line", line),
                ("column", column),
                ("detail", &json_syntax(loc, detail)),
            ],
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
        StoreError::Io { path, source } => loc.f(
            "error.io",
            &[
                ("path", &path.display()),
                ("detail", &io_error(loc, source)),
            ],
        ),
        StoreError::NotFound { name, folder } => loc.f(
            "error.not_found",
            &[("name", name), ("folder", &folder.display())],
        ),
        StoreError::NotUtf8 { path, line } => loc.f(
            "store.not_utf8_at_line",
            &[("path", &path.display()), ("line", line)],
        ),
        StoreError::Parse { path, error } => loc.f(
            "error.io",
            &[
                ("path", &path.display()),
                ("detail", &parse_error(loc, error)),
            ],
        ),
        StoreError::Locked { path, holder } => match holder {
            Some(h) => loc.f(
                "store.locked",
                &[
                    ("path", &path.display()),
                    ("pid", &h.pid),
                    ("host", &h.host),
                    ("since", &crate::time::local_date_time(h.since_time())),
                ],
            ),
            None => loc.f("store.locked_unknown", &[("path", &path.display())]),
        },
        StoreError::ReadOnly { path } => loc.f("store.read_only", &[("path", &path.display())]),
        StoreError::AlreadyExists { path } => {
            loc.f("store.already_exists", &[("path", &path.display())])
        }
        StoreError::WontOverwrite { path, reason } => loc.f(
            "store.wont_overwrite",
            &[
                ("path", &path.display()),
                ("reason", &store_error(loc, reason)),
            ],
        ),
        StoreError::UnknownEdition { edition } => {
            loc.f("store.unknown_edition", &[("edition", edition)])
        }
        StoreError::EmptyName => loc.t("store_safety.empty_name").to_string(),
        StoreError::NameTaken { name, path } => loc.f(
            "store_safety.name_taken",
            &[("name", name), ("path", &path.display())],
        ),
        StoreError::ChangedOnDisk { path } => {
            loc.f("store_safety.changed_on_disk", &[("path", &path.display())])
        }
        StoreError::FileReadOnly { path } => {
            loc.f("store_safety.file_read_only", &[("path", &path.display())])
        }
        StoreError::FolderReadOnly { folder } => loc.f(
            "store_safety.folder_read_only",
            &[("folder", &folder.display())],
        ),
        StoreError::HardLinked { path } => {
            loc.f("store_safety.hard_linked", &[("path", &path.display())])
        }
        StoreError::NoSuchFolder { folder } => loc.f(
            "store_safety.no_such_folder",
            &[("folder", &folder.display())],
        ),
    }
}
