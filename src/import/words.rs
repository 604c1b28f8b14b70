//! An import's result and errors as sentences in the user's language (locale section `csv`),
//! for the command line and the wizard alike. Text from the file is passed through as is:
//! the caller makes it safe to show (`text::visible`).

use super::{Column, ExcludedCustomer, Field, ImportError, ImportSummary, RowError, RowProblem};
use crate::i18n::{Locale, thousands};
use crate::report::phrases::{exclusion_reason, workload_name};
use crate::rules::Exclusion;

/// How many names of excluded customers a summary shows per reason before "and N more".
const NAMES_SHOWN: usize = 5;

pub fn field_name(loc: &Locale, field: Field) -> String {
    match field {
        Field::Name => loc.t("csv.field_name").to_string(),
        Field::Association => loc.t("csv.field_association").to_string(),
        Field::Trial => loc.t("csv.field_trial").to_string(),
        Field::Workload(w) => workload_name(loc, w).to_string(),
    }
}

fn column(loc: &Locale, column: &Column) -> String {
    loc.f(
        "csv.column",
        &[("header", &column.header), ("letter", &column.letter())],
    )
}

/// The error as lines: a headline, then for invalid rows one line per bad row.
pub fn error_lines(loc: &Locale, error: &ImportError) -> Vec<String> {
    match error {
        ImportError::Utf16 => vec![loc.t("csv.utf16").to_string()],
        ImportError::NotUtf8 { line } => vec![loc.f("csv.not_utf8", &[("line", line)])],
        ImportError::Empty => vec![loc.t("csv.empty").to_string()],
        ImportError::NoRows => vec![loc.t("csv.no_rows").to_string()],
        ImportError::NoNameColumn { headers } => {
            let found = if headers.is_empty() {
                loc.t("csv.no_headers").to_string()
            } else {
                headers.join(loc.t("csv.list_separator"))
            };
            vec![loc.f("csv.no_name_column", &[("headers", &found)])]
        }
        ImportError::DuplicateColumn {
            field,
            first,
            second,
        } => vec![loc.f(
            "csv.duplicate_column",
            &[
                ("first", &column(loc, first)),
                ("second", &column(loc, second)),
                ("field", &field_name(loc, *field)),
            ],
        )],
        ImportError::Malformed { line } => vec![loc.f("csv.malformed", &[("line", line)])],
        ImportError::InvalidRows(rows) => {
            let mut lines = vec![loc.plural("csv.invalid_rows", bad_lines(rows), &[])];
            lines.extend(rows.iter().map(|row| row_error(loc, row)));
            lines
        }
    }
}

/// How many lines have at least one error (errors come in file order).
pub fn bad_lines(rows: &[RowError]) -> u64 {
    let mut lines: Vec<u64> = rows.iter().map(|r| r.line).collect();
    lines.dedup();
    lines.len() as u64
}

/// "line 4, column "Exchange Online": 12x is not a whole number"
pub fn row_error(loc: &Locale, row: &RowError) -> String {
    let problem = match &row.problem {
        RowProblem::Count(p) => crate::messages::problem(loc, p),
        RowProblem::Association => loc.f("csv.bad_association", &[("value", &row.value)]),
        RowProblem::Trial => loc.f("csv.bad_trial", &[("value", &row.value)]),
        RowProblem::EmptyName => loc.t("csv.empty_name").to_string(),
        RowProblem::DuplicateName { first_line } => loc.f(
            "csv.duplicate_name",
            &[("value", &row.value), ("first_line", first_line)],
        ),
        RowProblem::FieldCount { found, expected } => loc.f(
            "csv.field_count",
            &[("found", found), ("expected", expected)],
        ),
    };
    match &row.column {
        Some(column) => loc.f(
            "csv.row_error",
            &[
                ("line", &row.line),
                ("column", &column.header),
                ("problem", &problem),
            ],
        ),
        None => loc.f(
            "csv.row_error_no_column",
            &[("line", &row.line), ("problem", &problem)],
        ),
    }
}

/// What the import did: rows read, added, updated, what was assumed, what is excluded.
pub fn summary_lines(loc: &Locale, summary: &ImportSummary) -> Vec<String> {
    let mut lines = vec![
        loc.plural("csv.rows_read", summary.rows_read as u64, &[]),
        loc.f(
            "csv.added_updated",
            &[
                ("added", &thousands(summary.added as u64)),
                ("updated", &thousands(summary.updated as u64)),
            ],
        ),
    ];
    if summary.missing.contains(&Field::Association) {
        lines.push(loc.t("csv.missing_association").to_string());
    }
    if summary.missing.contains(&Field::Trial) {
        lines.push(loc.t("csv.missing_trial").to_string());
    }
    let workloads: Vec<String> = summary
        .missing
        .iter()
        .filter(|f| matches!(f, Field::Workload(_)))
        .map(|f| field_name(loc, *f))
        .collect();
    if !workloads.is_empty() {
        lines.push(loc.f(
            "csv.missing_workloads",
            &[("workloads", &workloads.join(loc.t("csv.list_separator")))],
        ));
    }
    if !summary.ignored_columns.is_empty() {
        lines.push(loc.f(
            "csv.ignored_columns",
            &[(
                "columns",
                &summary.ignored_columns.join(loc.t("csv.list_separator")),
            )],
        ));
    }
    if summary.excluded.is_empty() {
        lines.push(loc.t("csv.excluded_none").to_string());
    } else {
        lines.push(loc.plural("csv.excluded", summary.excluded.len() as u64, &[]));
        for reason in [
            Exclusion::Trial,
            Exclusion::NoAssociation,
            Exclusion::AssociationNotCounted,
        ] {
            let of_reason: Vec<&ExcludedCustomer> = summary
                .excluded
                .iter()
                .filter(|e| e.reason == reason)
                .collect();
            if !of_reason.is_empty() {
                lines.push(loc.f(
                    "csv.excluded_reason",
                    &[
                        ("reason", &exclusion_reason(loc, reason)),
                        ("count", &thousands(of_reason.len() as u64)),
                        ("names", &some_names(loc, &of_reason)),
                    ],
                ));
            }
        }
    }
    lines
}

fn some_names(loc: &Locale, customers: &[&ExcludedCustomer]) -> String {
    let names: Vec<&str> = customers
        .iter()
        .take(NAMES_SHOWN)
        .map(|c| c.name.as_str())
        .collect();
    let names = names.join(loc.t("csv.list_separator"));
    let more = customers.len().saturating_sub(NAMES_SHOWN);
    if more == 0 {
        names
    } else {
        loc.f(
            "csv.and_more",
            &[("names", &names), ("more", &thousands(more as u64))],
        )
    }
}

#[cfg(test)]
mod tests {
    use crate::i18n::{Lang, Locale, placeholders};

    /// Every `csv.*` string exists in both languages with the same placeholders (a plural's
    /// `.one` form may exist in English only, as elsewhere in the files).
    #[test]
    fn csv_strings_match_across_locales() {
        let en = Locale::get(Lang::En);
        let zh = Locale::get(Lang::ZhTw);
        let csv_keys = |loc: &'static Locale| {
            let mut keys: Vec<&str> = loc
                .keys()
                .filter(|k| k.starts_with("csv.") && !k.ends_with(".one"))
                .collect();
            keys.sort_unstable();
            keys
        };
        assert_eq!(csv_keys(en), csv_keys(zh));
        for key in csv_keys(en) {
            assert_eq!(
                placeholders(en.t(key)),
                placeholders(zh.t(key)),
                "placeholders of {key}"
            );
        }
        for key in [
            "csv.invalid_rows.one",
            "csv.rows_read.one",
            "csv.excluded.one",
        ] {
            assert_eq!(
                placeholders(en.t(key)),
                placeholders(zh.t(&key.replace(".one", ".other")))
            );
        }
        for key in [
            "cli.import_csv",
            "cli.export_csv",
            "cli.file_arg",
            "cli.into",
        ] {
            assert_ne!(en.t(key), key);
            assert_ne!(zh.t(key), key);
        }
    }
}
