//! Files into a draft (SPEC.md §7): our customers and staff CSVs and Microsoft's usage,
//! activations and training reports, each recognised by its header and read as a stream.
//! Pure: bytes in, a changed profile and a summary out. All or nothing: when any row is
//! invalid the profile is left untouched and every bad row is reported.

mod activations;
mod cells;
mod columns;
mod detect;
mod error;
mod open;
mod run;
mod staff;
mod stale;
mod stream;
mod training;
mod usage;
mod values;

pub(crate) use columns::Column;
pub use columns::Field;
pub use detect::Kind;
pub use error::{ImportError, RowError, RowProblem};
pub(crate) use open::{OpenError, open_regular};
pub use run::{FileDetail, FileError, Input, RunOptions, RunSummary, import_files};
pub(crate) use stale::{StaleCustomer, stale_customers};
pub use stream::Progress;
pub use usage::LeftOut;
/// The workloads a usage report gives, in the order of its figures.
pub(crate) use usage::WORKLOADS as USAGE_WORKLOADS;
pub(crate) use values::guard;

use std::collections::HashMap;

use csv::StringRecord;

use crate::profile::{Association, Count, Customer, Profile, Source, Workload};
use crate::rules::{Exclusion, RuleSet, evaluate};

/// What an import did, for the user to check.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ImportSummary {
    /// Customer rows in the file (blank rows are not counted).
    pub rows_read: usize,
    pub added: usize,
    pub updated: usize,
    /// Imported customers that count 0, with the reason `evaluate` gives.
    pub excluded: Vec<ExcludedCustomer>,
    /// Fields the file has no column for, and so left at their default for new customers.
    pub missing: Vec<Field>,
    /// Headers of columns the import did not use (other than `counted` and `excluded`).
    pub ignored_columns: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExcludedCustomer {
    pub line: u64,
    pub name: String,
    pub reason: Exclusion,
}

/// One valid row: the fields whose columns the file has.
struct Row {
    line: u64,
    name: String,
    association: Option<Association>,
    trial: Option<bool>,
    workloads: [Option<Count>; 5],
}

/// Imports the customers of a CSV file into `profile`. A customer already in the draft
/// (same name, ignoring case and surrounding spaces) is updated; others are added at the
/// end, in file order. On error the profile is unchanged.
pub fn import_csv(bytes: &[u8], profile: &mut Profile) -> Result<ImportSummary, ImportError> {
    let mut records = read_records(bytes)?.into_iter();
    let (_, header) = records.next().ok_or(ImportError::Empty)?;
    customers_from_records(&header, records.collect(), profile, None)
}

/// The customers of a file whose header has been read; `source`, when given, is recorded
/// on every customer whose numbers the file sets.
pub(crate) fn customers_from_records(
    header: &StringRecord,
    records: Vec<(u64, StringRecord)>,
    profile: &mut Profile,
    source: Option<&Source>,
) -> Result<ImportSummary, ImportError> {
    let layout = Layout::from_header(header)?;

    let mut rows = Vec::new();
    let mut errors = Vec::new();
    let mut first_line_of: HashMap<String, u64> = HashMap::new();
    for (line, record) in records {
        // Duplicates are looked for on every row, valid or not, so that fixing one error
        // does not bring another to light.
        let key = name_key(&values::unguard(layout.cell(&record, &layout.name)));
        let duplicate_of = match first_line_of.get(&key) {
            Some(&first_line) if !key.is_empty() => Some(first_line),
            _ => {
                first_line_of.entry(key).or_insert(line);
                None
            }
        };
        let mut row_errors = match layout.row(line, &record) {
            Ok(row) if duplicate_of.is_none() => {
                rows.push(row);
                continue;
            }
            Ok(_) => Vec::new(),
            Err(row_errors) => row_errors,
        };
        if let Some(first_line) = duplicate_of {
            row_errors.push(RowError {
                line,
                column: Some(layout.name.clone()),
                value: layout.cell(&record, &layout.name).trim().to_string(),
                problem: RowProblem::DuplicateName { first_line },
            });
        }
        row_errors.sort_by_key(|e| e.column.as_ref().map(|c| c.index));
        errors.append(&mut row_errors);
    }
    if !errors.is_empty() {
        return Err(ImportError::InvalidRows(errors));
    }
    if rows.is_empty() {
        return Err(ImportError::NoRows);
    }
    Ok(apply(rows, &layout, profile, source))
}

/// Names compare without case and surrounding spaces: "Contoso " is "CONTOSO".
fn name_key(name: &str) -> String {
    name.trim().to_lowercase()
}

/// The non-blank records with the line each starts on; the first is the header.
fn read_records(bytes: &[u8]) -> Result<Vec<(u64, StringRecord)>, ImportError> {
    let mut records = stream::Records::new(bytes, Progress::new())?;
    let mut out = Vec::new();
    let mut record = csv::ByteRecord::new();
    while let Some(numbered) = records.next(&mut record)? {
        let line = numbered.line;
        // Records are checked to be UTF-8 as they are read.
        out.push((line, StringRecord::from_byte_record_lossy(record.clone())));
    }
    Ok(out)
}

/// Which column holds which field.
struct Layout {
    name: Column,
    association: Option<Column>,
    trial: Option<Column>,
    workloads: [Option<Column>; 5],
    ignored: Vec<String>,
    width: usize,
}

impl Layout {
    fn from_header(header: &StringRecord) -> Result<Layout, ImportError> {
        let mut found: Vec<(Field, Column)> = Vec::new();
        let mut ignored = Vec::new();
        for (index, text) in header.iter().enumerate() {
            let column = Column {
                index,
                header: text.trim().to_string(),
            };
            match columns::field_for(text) {
                Some(field) => {
                    if let Some((_, first)) = found.iter().find(|(f, _)| *f == field) {
                        return Err(ImportError::DuplicateColumn {
                            field,
                            first: first.clone(),
                            second: column,
                        });
                    }
                    found.push((field, column));
                }
                None if column.header.is_empty() || columns::is_export_only(text) => {}
                None => ignored.push(column.header),
            }
        }
        let take = |field: Field| {
            found
                .iter()
                .find(|(f, _)| *f == field)
                .map(|(_, c)| c.clone())
        };
        let name = take(Field::Name).ok_or_else(|| ImportError::NoNameColumn {
            headers: header
                .iter()
                .map(|h| h.trim().to_string())
                .filter(|h| !h.is_empty())
                .collect(),
        })?;
        Ok(Layout {
            name,
            association: take(Field::Association),
            trial: take(Field::Trial),
            workloads: Workload::ALL.map(|w| take(Field::Workload(w))),
            ignored,
            width: header.len(),
        })
    }

    fn cell<'r>(&self, record: &'r StringRecord, column: &Column) -> &'r str {
        record.get(column.index).unwrap_or("")
    }

    fn missing(&self) -> Vec<Field> {
        let mut missing = Vec::new();
        if self.association.is_none() {
            missing.push(Field::Association);
        }
        if self.trial.is_none() {
            missing.push(Field::Trial);
        }
        for (workload, column) in Workload::ALL.iter().zip(&self.workloads) {
            if column.is_none() {
                missing.push(Field::Workload(*workload));
            }
        }
        missing
    }

    /// One row read through the layout, or every problem in it.
    fn row(&self, line: u64, record: &StringRecord) -> Result<Row, Vec<RowError>> {
        // Extra empty values at the end (trailing commas) are harmless; anything else means
        // the values do not line up with the header, and every cell would be misread.
        let used = (0..record.len())
            .rev()
            .find(|&i| record.get(i).is_some_and(|f| !f.trim().is_empty()))
            .map_or(0, |i| i + 1);
        if record.len() < self.width || used > self.width {
            return Err(vec![RowError {
                line,
                column: None,
                value: String::new(),
                problem: RowProblem::FieldCount {
                    found: if record.len() < self.width {
                        record.len()
                    } else {
                        used
                    },
                    expected: self.width,
                },
            }]);
        }
        let cell = |column: &Column| self.cell(record, column);
        let mut errors = Vec::new();
        let mut fail = |column: &Column, value: &str, problem: RowProblem| {
            errors.push(RowError {
                line,
                column: Some(column.clone()),
                value: value.trim().to_string(),
                problem,
            });
        };

        let name = values::unguard(cell(&self.name)).trim().to_string();
        if name.trim().is_empty() {
            fail(&self.name, "", RowProblem::EmptyName);
        }
        let association = self.association.as_ref().and_then(|column| {
            let text = cell(column);
            let parsed = values::parse_association(text);
            if parsed.is_none() {
                fail(column, text, RowProblem::Association);
            }
            parsed
        });
        let trial = self.trial.as_ref().and_then(|column| {
            let text = cell(column);
            let parsed = values::parse_trial(text);
            if parsed.is_none() {
                fail(column, text, RowProblem::Trial);
            }
            parsed
        });
        let workloads = self.workloads.each_ref().map(|column| {
            column.as_ref().and_then(|column| {
                let text = cell(column);
                Count::parse(text)
                    .map_err(|p| fail(column, text, RowProblem::Count(p)))
                    .ok()
            })
        });
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Row {
            line,
            name,
            association,
            trial,
            workloads,
        })
    }
}

/// Writes valid rows into the profile. Fields without a column keep an existing customer's
/// value and take the default for a new one.
fn apply(
    rows: Vec<Row>,
    layout: &Layout,
    profile: &mut Profile,
    source: Option<&Source>,
) -> ImportSummary {
    let mut index: HashMap<String, usize> = HashMap::with_capacity(profile.customers.len());
    for (i, customer) in profile.customers.iter().enumerate() {
        index.entry(name_key(&customer.name)).or_insert(i);
    }
    let mut summary = ImportSummary {
        rows_read: rows.len(),
        missing: layout.missing(),
        ignored_columns: layout.ignored.clone(),
        ..ImportSummary::default()
    };
    let mut touched: Vec<(u64, usize)> = Vec::with_capacity(rows.len());
    for row in rows {
        let (position, is_new) = match index.get(&name_key(&row.name)) {
            Some(&i) => {
                summary.updated += 1;
                (i, false)
            }
            None => {
                summary.added += 1;
                profile.customers.push(Customer::new(row.name.clone()));
                index.insert(name_key(&row.name), profile.customers.len() - 1);
                (profile.customers.len() - 1, true)
            }
        };
        let customer = &mut profile.customers[position];
        if let Some(association) = row.association {
            customer.association = association;
        }
        if let Some(trial) = row.trial {
            customer.trial = trial;
        }
        let mut changed = is_new;
        for (workload, count) in Workload::ALL.iter().zip(row.workloads) {
            if let Some(count) = count {
                if customer.active_users.get(*workload) != count {
                    // The report's figures were about the number now replaced.
                    customer.licensed_users.set(*workload, None);
                    customer.active_users_in_7_days.set(*workload, None);
                    changed = true;
                }
                customer.active_users.set(*workload, count);
            }
        }
        // The source names the file that last set the numbers; a file that leaves them as
        // they are (our own export read back) does not take it over.
        if let Some(source) = source
            && changed
            && row.workloads.iter().any(Option::is_some)
        {
            customer.source = Some(Box::new(source.clone()));
        }
        touched.push((row.line, position));
    }

    // The loader admits only known editions; the fallback covers a profile built in code.
    let rules = RuleSet::by_edition(&profile.edition).unwrap_or(RuleSet::default_edition());
    let assessment = evaluate(profile, rules);
    summary.excluded = touched
        .into_iter()
        .filter_map(|(line, i)| {
            let reason = assessment.customers.get(i)?.excluded?;
            Some(ExcludedCustomer {
                line,
                name: profile.customers[i].name.clone(),
                reason,
            })
        })
        .collect();
    summary
}
