//! An import's result and errors as sentences in the user's language (locale section `csv`),
//! for the command line and the wizard alike. Text from the file is passed through as is:
//! the caller makes it safe to show (`text::visible`).

use super::phrases::{exclusion_reason, workload_name};
use crate::i18n::{Locale, thousands};
use crate::import::{
    Column, ExcludedCustomer, Field, FileDetail, FileError, ImportError, ImportSummary, Kind,
    RowError, RowProblem, RunSummary, StaleCustomer, USAGE_WORKLOADS,
};
use crate::profile::{Source, SourceKind};
use crate::rules::Exclusion;

/// How many names of excluded customers a summary shows per reason before "and N more".
const NAMES_SHOWN: usize = 5;

pub(crate) fn field_name(loc: &Locale, field: Field) -> String {
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
        ImportError::UnknownKind { headers } => {
            let found = if headers.is_empty() {
                loc.t("csv.no_headers").to_string()
            } else {
                headers.join(loc.t("csv.list_separator"))
            };
            vec![loc.f("import.unknown_kind", &[("headers", &found)])]
        }
        ImportError::MissingColumns { kind, columns } => vec![loc.f(
            "import.missing_columns",
            &[
                ("kind", &kind_name(loc, *kind)),
                ("columns", &columns.join(loc.t("csv.list_separator"))),
            ],
        )],
        ImportError::ConcealedNeedsCustomer => vec![loc.t("import.concealed").to_string()],
        ImportError::CustomerForSeveralReports => {
            vec![loc.t("import.customer_for_several").to_string()]
        }
        ImportError::NoReportRows => vec![loc.t("import.no_report_rows").to_string()],
        ImportError::NotRegularFile => vec![loc.t("import.not_regular").to_string()],
        ImportError::Unreadable { reason } => {
            vec![loc.f("import.unreadable", &[("reason", reason)])]
        }
        ImportError::Cancelled => vec![loc.t("import.cancelled").to_string()],
    }
}

/// The kind of a file, as the user knows it.
pub(crate) fn kind_name(loc: &Locale, kind: Kind) -> String {
    loc.t(&format!("import.kind.{}", kind.id())).to_string()
}

/// Every file's problem: a headline naming the file, then its bad rows indented.
pub fn file_error_lines(loc: &Locale, errors: &[FileError]) -> Vec<String> {
    let mut out = Vec::new();
    for FileError { file, error } in errors {
        if *error == ImportError::Cancelled {
            out.push(loc.t("import.cancelled").to_string());
            continue;
        }
        let mut lines = error_lines(loc, error).into_iter();
        if let Some(headline) = lines.next() {
            out.push(loc.f("csv.in_file", &[("file", file), ("message", &headline)]));
        }
        out.extend(lines.map(|l| format!("  {l}")));
    }
    out
}

/// What a run did: per file its kind, then what was read and done; the stale-report
/// warnings last.
pub fn run_summary_lines(loc: &Locale, summary: &RunSummary) -> Vec<String> {
    let mut out = Vec::new();
    let sep = loc.t("csv.list_separator");
    for file in &summary.files {
        out.push(loc.f(
            "import.file_heading",
            &[("file", &file.file), ("kind", &kind_name(loc, file.kind))],
        ));
        let mut lines = Vec::new();
        match &file.detail {
            FileDetail::Customers(s) => lines.extend(summary_lines(loc, s)),
            FileDetail::ActiveUsers {
                counts,
                customer,
                added,
            } => {
                let date = counts.report_date.to_string();
                lines.push(tenant_line(
                    loc,
                    counts.tenant_domain.as_deref(),
                    customer,
                    *added,
                    &date,
                ));
                let list = |figures: &[u64; 4]| {
                    USAGE_WORKLOADS
                        .iter()
                        .zip(figures)
                        .map(|(w, n)| {
                            loc.f(
                                "import.workload_count",
                                &[("workload", &workload_name(loc, *w)), ("n", &thousands(*n))],
                            )
                        })
                        .collect::<Vec<_>>()
                        .join(sep)
                };
                lines.push(loc.f(
                    "import.active",
                    &[("date", &date), ("counts", &list(&counts.active))],
                ));
                lines.push(loc.f(
                    "import.in_7_days",
                    &[("counts", &list(&counts.active_in_7_days))],
                ));
                // The 2017 layout has no Teams columns.
                if file.kind == Kind::ActiveUsers {
                    lines.push(loc.f("import.teams", &[("n", &thousands(counts.teams_active))]));
                }
                let left = &counts.left_out;
                lines.push(loc.f(
                    "import.left_out",
                    &[
                        ("deleted", &thousands(left.deleted)),
                        ("no_licence", &thousands(left.no_licence)),
                        ("outside", &thousands(left.outside_window)),
                        ("teams_only", &thousands(left.teams_only)),
                    ],
                ));
                lines.push(loc.plural("import.rows_read", counts.rows, &[]));
            }
            FileDetail::Activations {
                counts,
                customer,
                added,
            } => {
                let date = counts.report_date.to_string();
                lines.push(tenant_line(
                    loc,
                    counts.tenant_domain.as_deref(),
                    customer,
                    *added,
                    &date,
                ));
                lines.push(loc.f(
                    "import.proplus",
                    &[
                        ("activated", &thousands(counts.activated)),
                        ("date", &date),
                        ("licensed", &thousands(counts.licensed)),
                        ("other", &thousands(counts.other_products)),
                    ],
                ));
                lines.push(loc.plural("import.rows_read", counts.rows, &[]));
            }
            FileDetail::People {
                rows,
                added,
                updated,
                not_counted,
            } => {
                lines.push(loc.f(
                    "import.people",
                    &[
                        ("added", &thousands(*added as u64)),
                        ("updated", &thousands(*updated as u64)),
                    ],
                ));
                if *not_counted > 0 {
                    lines.push(loc.f("import.not_counted", &[("n", &thousands(*not_counted))]));
                }
                lines.push(loc.plural("import.rows_read", *rows, &[]));
            }
        }
        out.extend(lines.into_iter().map(|l| format!("  {l}")));
    }
    out.extend(summary.stale.iter().map(|s| stale_line(loc, s)));
    out
}

fn tenant_line(
    loc: &Locale,
    domain: Option<&str>,
    customer: &str,
    added: bool,
    date: &str,
) -> String {
    let tenant = domain.map_or_else(
        || loc.t("import.concealed_tenant").to_string(),
        str::to_string,
    );
    let key = if added {
        "import.report_added"
    } else {
        "import.report_updated"
    };
    loc.f(
        key,
        &[
            ("date", &date),
            ("tenant", &tenant),
            ("customer", &customer),
        ],
    )
}

/// The warning for a customer whose report is much older than the newest one, as a line of
/// a summary.
pub(crate) fn stale_line(loc: &Locale, stale: &StaleCustomer) -> String {
    loc.f("import.warning", &[("message", &stale_warning(loc, stale))])
}

/// The same, for a list of warnings that says they are warnings.
pub(crate) fn stale_warning(loc: &Locale, stale: &StaleCustomer) -> String {
    loc.f(
        "import.stale",
        &[
            ("name", &stale.name),
            ("date", &stale.report_date),
            ("newest", &stale.newest),
        ],
    )
}

/// A row's detail line with where its numbers came from after it, safe to show.
pub(crate) fn with_source(loc: &Locale, detail: &str, source: &Source) -> String {
    let source = crate::text::visible(&source_text(loc, source)).into_owned();
    loc.f(
        "import.detail_with_source",
        &[
            ("detail", &detail),
            (
                "source",
                &loc.f("import.source_line", &[("source", &source)]),
            ),
        ],
    )
}

/// Where a row's numbers came from, in a few words.
pub(crate) fn source_text(loc: &Locale, source: &Source) -> String {
    let file = source.file.as_deref().unwrap_or_default();
    let date = source
        .report_date
        .map(|d| d.to_string())
        .unwrap_or_default();
    match source.kind {
        SourceKind::Typed => loc.t("import.source_typed").to_string(),
        SourceKind::Csv => loc.f("import.source_csv", &[("file", &file)]),
        SourceKind::UsageReport => loc.f(
            "import.source_usage_report",
            &[("file", &file), ("date", &date)],
        ),
        SourceKind::Training => loc.f("import.source_training", &[("file", &file)]),
    }
}

/// How many lines have at least one error (errors come in file order).
pub(crate) fn bad_lines(rows: &[RowError]) -> u64 {
    let mut lines: Vec<u64> = rows.iter().map(|r| r.line).collect();
    lines.dedup();
    lines.len() as u64
}

/// "line 4, column "Exchange Online": 12x is not a whole number"
pub(crate) fn row_error(loc: &Locale, row: &RowError) -> String {
    let problem = match &row.problem {
        RowProblem::Count(p) => crate::messages::problem(loc, p),
        RowProblem::Association => loc.f("csv.bad_association", &[("value", &row.value)]),
        RowProblem::Trial => loc.f("csv.bad_trial", &[("value", &row.value)]),
        RowProblem::EmptyName => loc.t("csv.empty_name").to_string(),
        RowProblem::DuplicateName { first_line } => loc.f(
            "csv.duplicate_name",
            &[("value", &row.value), ("first_line", first_line)],
        ),
        RowProblem::Date => loc.f("import.bad_date", &[("value", &row.value)]),
        RowProblem::Boolean => loc.f("import.bad_boolean", &[("value", &row.value)]),
        RowProblem::SecondReportDate { first, first_line } => loc.f(
            "import.second_report_date",
            &[
                ("value", &row.value),
                ("first", first),
                ("first_line", first_line),
            ],
        ),
        RowProblem::EmptyPersonName => loc.t("import.empty_person").to_string(),
        RowProblem::DuplicatePerson { first_line } => loc.f(
            "import.duplicate_person",
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
