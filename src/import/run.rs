//! One import run: several files, each recognised by its header, read into a copy of the
//! draft; the copy replaces the draft only when every file was read without fault (all or
//! nothing over the whole run).

use std::io::Read;
use std::sync::Arc;

use csv::ByteRecord;

use super::activations::{self, ActivationCounts};
use super::detect::{self, Header, Kind};
use super::error::ImportError;
use super::stale::{StaleCustomer, stale_customers};
use super::stream::{Progress, Records};
use super::training::{self, TrainedPerson};
use super::usage::{self, UsageCounts, WORKLOADS};
use super::{ImportSummary, name_key, staff};
use crate::profile::{
    Association, Count, Customer, MAX_COUNT, Person, Profile, ReportDate, Source, SourceKind,
    Workload,
};

/// A file to import: its path as the user gave it (its file name is kept as the source),
/// and its bytes.
pub struct Input {
    pub name: String,
    pub reader: Box<dyn Read + Send>,
    /// Its size in bytes, for progress (0 when unknown).
    pub size: u64,
}

/// What the command line's `--customer` (or the wizard's question) says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RunOptions {
    /// The customer a single usage report is about.
    pub customer: Option<String>,
}

/// What a run did, file by file, and what to look at after it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RunSummary {
    pub files: Vec<FileSummary>,
    /// Customers whose report is more than 28 days older than the newest one.
    pub stale: Vec<StaleCustomer>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileSummary {
    pub file: String,
    pub kind: Kind,
    pub detail: FileDetail,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileDetail {
    Customers(ImportSummary),
    ActiveUsers {
        counts: UsageCounts,
        customer: String,
        added: bool,
    },
    Activations {
        counts: ActivationCounts,
        customer: String,
        added: bool,
    },
    People {
        rows: u64,
        added: usize,
        updated: usize,
        /// Trainings kept that the rules do not count (training report only).
        not_counted: u64,
    },
}

/// A file the run could not take, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError {
    pub file: String,
    pub error: ImportError,
}

/// Imports every file into `profile`, all or nothing: on any error the profile is
/// unchanged and every file's problem is returned (a cancelled run stops at once).
pub fn import_files(
    inputs: Vec<Input>,
    profile: &mut Profile,
    options: &RunOptions,
    progress: &Arc<Progress>,
) -> Result<RunSummary, Vec<FileError>> {
    let mut working = profile.clone();
    let mut summary = RunSummary::default();
    let mut errors = Vec::new();
    let mut reports_of_kind: Vec<Kind> = Vec::new();
    for (index, input) in inputs.into_iter().enumerate() {
        progress.start_file(index, &input.name, input.size);
        let file = input.name.clone();
        match import_one(input, &mut working, options, progress, &mut reports_of_kind) {
            Ok(detail) => summary.files.push(detail),
            Err(ImportError::Cancelled) => {
                return Err(vec![FileError {
                    file,
                    error: ImportError::Cancelled,
                }]);
            }
            Err(error) => errors.push(FileError { file, error }),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    summary.stale = stale_customers(&working);
    *profile = working;
    Ok(summary)
}

fn import_one(
    input: Input,
    profile: &mut Profile,
    options: &RunOptions,
    progress: &Arc<Progress>,
    reports_of_kind: &mut Vec<Kind>,
) -> Result<FileSummary, ImportError> {
    let mut records = Records::new(input.reader, progress.clone())?;
    let mut record = ByteRecord::new();
    let header = match records.next(&mut record)? {
        Some(numbered) => Header::new(numbered.record),
        None => return Err(ImportError::Empty),
    };
    let kind = detect::kind(&header).ok_or_else(|| ImportError::UnknownKind {
        headers: header.names(),
    })?;
    let file = input.name;
    // The draft keeps the file's name, not where it was on this computer.
    let file_name = std::path::Path::new(&file)
        .file_name()
        .map_or_else(|| file.clone(), |n| n.to_string_lossy().into_owned());
    let source = |kind: SourceKind, report_date: Option<ReportDate>| Source {
        kind,
        file: Some(file_name.clone()),
        report_date,
    };
    let detail = match kind {
        Kind::ActiveUsers | Kind::ActiveUsersEarly | Kind::Activations => {
            // `--customer` names one tenant: one active user report and one activations
            // report at most.
            let family = if kind == Kind::Activations {
                Kind::Activations
            } else {
                Kind::ActiveUsers
            };
            if options.customer.is_some() && reports_of_kind.contains(&family) {
                return Err(ImportError::CustomerForSeveralReports);
            }
            reports_of_kind.push(family);
            if kind == Kind::Activations {
                let counts = activations::read(&mut records, &header)?;
                let (position, added) = tenant(profile, counts.tenant_domain.as_deref(), options)?;
                let report = source(SourceKind::UsageReport, Some(counts.report_date));
                let customer = &mut profile.customers[position];
                set_proplus(customer, &counts, report);
                FileDetail::Activations {
                    customer: customer.name.clone(),
                    counts,
                    added,
                }
            } else {
                let counts = usage::read(&mut records, &header, kind)?;
                let (position, added) = tenant(profile, counts.tenant_domain.as_deref(), options)?;
                let report = source(SourceKind::UsageReport, Some(counts.report_date));
                let customer = &mut profile.customers[position];
                set_active_users(customer, &counts, report);
                FileDetail::ActiveUsers {
                    customer: customer.name.clone(),
                    counts,
                    added,
                }
            }
        }
        Kind::Training => {
            let read = training::read(&mut records, &header)?;
            let (added, updated) = people_in(
                profile,
                read.people,
                &source(SourceKind::Training, None),
                false,
            );
            FileDetail::People {
                rows: read.rows,
                added,
                updated,
                not_counted: read.not_counted,
            }
        }
        Kind::Staff => {
            let (people, rows) = staff::read(&mut records, &header)?;
            let (added, updated) = people_in(profile, people, &source(SourceKind::Csv, None), true);
            FileDetail::People {
                rows,
                added,
                updated,
                not_counted: 0,
            }
        }
        Kind::Customers => {
            let mut rows = Vec::new();
            while let Some(numbered) = records.next(&mut record)? {
                let line = numbered.line;
                rows.push((
                    line,
                    csv::StringRecord::from_byte_record_lossy(record.clone()),
                ));
            }
            let header_record = csv::StringRecord::from(header.written.clone());
            let summary = super::customers_from_records(
                &header_record,
                rows,
                profile,
                Some(&source(SourceKind::Csv, None)),
            )?;
            FileDetail::Customers(summary)
        }
    };
    Ok(FileSummary { file, kind, detail })
}

/// An active user report's figures into its customer: the four workloads it covers, with
/// their licensed users and users still active in 7 days; ProPlus, association and trial
/// are left as they are.
fn set_active_users(customer: &mut Customer, counts: &UsageCounts, report: Source) {
    for (i, workload) in WORKLOADS.into_iter().enumerate() {
        customer.active_users.set(workload, count(counts.active[i]));
        customer
            .licensed_users
            .set(workload, Some(count(counts.licensed[i])));
        customer
            .active_users_in_7_days
            .set(workload, Some(count(counts.active_in_7_days[i])));
    }
    customer.source = Some(Box::new(report));
}

/// An activations report's figures into its customer: ProPlus only.
fn set_proplus(customer: &mut Customer, counts: &ActivationCounts, report: Source) {
    customer
        .active_users
        .set(Workload::Proplus, count(counts.activated));
    customer
        .licensed_users
        .set(Workload::Proplus, Some(count(counts.licensed)));
    // An activation does not expire: ProPlus in 7 days is as it is now.
    customer.active_users_in_7_days.set(Workload::Proplus, None);
    // The active user report names the source where there is one (its figures are
    // there); otherwise this report does, the newest replacing an older one.
    let from_active_user_report = customer
        .source
        .as_ref()
        .is_some_and(|s| s.kind == SourceKind::UsageReport)
        && WORKLOADS
            .iter()
            .any(|w| customer.licensed_users.get(*w).is_some());
    if !from_active_user_report {
        customer.source = Some(Box::new(report));
    }
}

/// A figure of a report as a count; a tenant never has more users than a count holds.
fn count(n: u64) -> Count {
    Count::new(n.min(u64::from(MAX_COUNT))).unwrap_or(Count::ZERO)
}

/// The customer a report is about: the one with its tenant domain, else the one named
/// (`--customer`, or the domain), else a new one. True when it was added.
fn tenant(
    profile: &mut Profile,
    domain: Option<&str>,
    options: &RunOptions,
) -> Result<(usize, bool), ImportError> {
    if let Some(domain) = domain {
        let same_domain = profile.customers.iter().position(|c| {
            c.tenant_domain
                .as_deref()
                .is_some_and(|d| d.eq_ignore_ascii_case(domain))
        });
        if let Some(i) = same_domain {
            return Ok((i, false));
        }
    }
    let name = match (options.customer.as_deref(), domain) {
        (Some(name), _) => name.trim().to_string(),
        (None, Some(domain)) => domain.to_string(),
        (None, None) => return Err(ImportError::ConcealedNeedsCustomer),
    };
    let key = name_key(&name);
    let position = match profile
        .customers
        .iter()
        .position(|c| name_key(&c.name) == key)
    {
        Some(i) => (i, false),
        None => {
            let mut customer = Customer::new(name);
            // A partner can export a tenant's reports only as its delegated administrator.
            customer.association = Association::DelegatedAdmin;
            customer.trial = false;
            profile.customers.push(customer);
            (profile.customers.len() - 1, true)
        }
    };
    let customer = &mut profile.customers[position.0];
    if customer.tenant_domain.is_none() {
        customer.tenant_domain = domain.map(str::to_string);
    }
    Ok(position)
}

/// People into the draft, matched by email (ignoring case), then by name. `replace`: the
/// file's lists replace the person's (our staff CSV); otherwise they are added to them (a
/// training report lists what was done, not everything held). (added, updated)
fn people_in(
    profile: &mut Profile,
    people: Vec<TrainedPerson>,
    source: &Source,
    replace: bool,
) -> (usize, usize) {
    let (mut added, mut updated) = (0, 0);
    for person in people {
        let by_email = person.email.as_deref().and_then(|mail| {
            profile.staff.iter().position(|p| {
                p.email
                    .as_deref()
                    .is_some_and(|e| e.trim().eq_ignore_ascii_case(mail.trim()))
            })
        });
        let found = by_email.or_else(|| {
            let key = name_key(&person.name);
            profile.staff.iter().position(|p| name_key(&p.name) == key)
        });
        let target = match found {
            Some(i) => {
                updated += 1;
                &mut profile.staff[i]
            }
            None => {
                added += 1;
                profile.staff.push(Person::new(person.name.clone()));
                let last = profile.staff.len() - 1;
                &mut profile.staff[last]
            }
        };
        if replace {
            target.exams = person.exams;
            target.certifications = person.certifications;
        } else {
            for exam in person.exams {
                if !target.exams.contains(&exam) {
                    target.exams.push(exam);
                }
            }
            for cert in person.certifications {
                if !target.certifications.contains(&cert) {
                    target.certifications.push(cert);
                }
            }
        }
        if person.email.is_some() {
            target.email = person.email;
        }
        target.source = Some(Box::new(source.clone()));
    }
    (added, updated)
}
